# Reference values for numeric variables by group and correlations: group moments and medians, one-way ANOVA
# (aov / oneway.test(var.equal = TRUE)), Welch's ANOVA (oneway.test), Kruskal-Wallis (kruskal.test), Levene and
# Brown-Forsythe (the ANOVA of absolute deviations from the group mean / median, as car::leveneTest defines them;
# car is not installed), eta^2 and omega^2 (their formulas on the aov table), Tukey HSD (TukeyHSD), Games-Howell
# (its published formula: Games & Howell 1976, with ptukey), the studentized range (ptukey, and quantiles by
# uniroot on ptukey to 1e-15, since qtukey stops at 1e-4), Pearson and Spearman (cor.test; Spearman with
# exact = FALSE and the Fieller-Hartley-Pearson interval written out). Frequency-weighted cases are the same
# statistics on the data with each case repeated w times.
# Run from this directory:  Rscript means.R   (writes ../test/fixtures/means.json and the same file as
# ../../analysis/test/fixtures/means.json)
# Doubles are written as "%.17g" text verbatim (jsonlite writes at most 15 digits), as in likert.R.

suppressPackageStartupMessages(library(jsonlite))

num17 <- function(v) ifelse(is.na(v), "null", ifelse(v == round(v) & abs(v) < 2^53, sprintf("%.0f", v), sprintf("%.17g", v)))
verbatim <- function(txt) structure(txt, class = "json")
exact <- function(x) {
  if (is.list(x)) return(lapply(x, exact))
  if (is.character(x) || is.logical(x)) return(x)
  if (is.numeric(x) && length(x) == 1) return(verbatim(num17(x)))
  if (is.numeric(x)) return(verbatim(paste0("[", paste(num17(x), collapse = ","), "]")))
  x
}
qtukey_exact <- function(p, k, df) uniroot(function(q) ptukey(q, k, df) - p, c(0.01, 100), tol = 1e-15)$root

group_case <- function(id, values, groups, groupCount, weights = NULL) {
  w <- if (is.null(weights)) rep(1, length(values)) else weights
  ok <- !is.na(values) & groups >= 0 & w > 0
  x <- rep(values[ok], w[ok]); g <- factor(rep(groups[ok], w[ok]), levels = 0:(groupCount - 1))
  present <- levels(droplevels(g))
  gd <- factor(as.character(g), levels = present)
  k <- length(present)
  fit <- aov(x ~ gd); tab <- summary(fit)[[1]]
  ssb <- tab[1, "Sum Sq"]; ssw <- tab[2, "Sum Sq"]; msw <- tab[2, "Mean Sq"]
  welch <- oneway.test(x ~ gd)
  classic <- oneway.test(x ~ gd, var.equal = TRUE)
  kw <- kruskal.test(x, gd)
  dev_mean <- abs(x - ave(x, gd, FUN = mean)); lm_mean <- anova(lm(dev_mean ~ gd))
  dev_med <- abs(x - ave(x, gd, FUN = median)); lm_med <- anova(lm(dev_med ~ gd))
  tk <- TukeyHSD(fit, conf.level = 0.95)$gd
  qc <- qtukey_exact(0.95, k, length(x) - k)
  nm <- tapply(x, g, length); nm[is.na(nm)] <- 0
  mn <- tapply(x, g, mean); vr <- tapply(x, g, function(v) if (length(v) > 1) var(v) else NA); md <- tapply(x, g, median)
  ni <- as.numeric(nm[present]); mi <- as.numeric(mn[present]); vi <- as.numeric(vr[present])
  pairs <- list(); gh <- list()
  for (a in 1:(k - 1)) for (b in (a + 1):k) {
    d <- mi[b] - mi[a]
    se <- sqrt(msw * (1 / ni[a] + 1 / ni[b]))
    row <- tk[paste0(present[b], "-", present[a]), ]
    pairs[[length(pairs) + 1]] <- list(i = as.numeric(present[a]), j = as.numeric(present[b]), difference = unname(row["diff"]),
      se = se, p = unname(row["p adj"]), lwrR = unname(row["lwr"]), uprR = unname(row["upr"]),
      statistic = abs(d) / (se / sqrt(2)), ci95 = c(d - qc * se / sqrt(2), d + qc * se / sqrt(2)))
    va <- vi[a] / ni[a]; vb <- vi[b] / ni[b]
    s <- sqrt(va + vb); df <- (va + vb)^2 / (va^2 / (ni[a] - 1) + vb^2 / (ni[b] - 1)); t <- abs(d) / s
    h <- qtukey_exact(0.95, k, df) / sqrt(2)
    gh[[length(gh) + 1]] <- list(i = as.numeric(present[a]), j = as.numeric(present[b]), difference = d, se = s,
      statistic = t, df = df, p = ptukey(t * sqrt(2), k, df, lower.tail = FALSE), ci95 = c(d - h * s, d + h * s))
  }
  list(id = id, values = values, groups = groups, groupCount = groupCount, weights = weights,
       n = as.numeric(nm), mean = as.numeric(mn), variance = as.numeric(vr), median = as.numeric(md),
       ci95 = lapply(levels(g), function(l) { v <- x[g == l]; if (length(v) > 1) as.numeric(t.test(v)$conf.int) else c(NA, NA) }),
       anova = list(statistic = unname(classic$statistic), dfBetween = k - 1, dfWithin = length(x) - k, p = classic$p.value,
                    pAov = tab[1, "Pr(>F)"], sumSquaresBetween = ssb, sumSquaresWithin = ssw,
                    etaSquared = ssb / (ssb + ssw), omegaSquared = (ssb - (k - 1) * msw) / (ssb + ssw + msw)),
       welch = list(statistic = unname(welch$statistic), df1 = unname(welch$parameter[1]), df2 = unname(welch$parameter[2]), p = welch$p.value),
       kruskalWallis = list(statistic = unname(kw$statistic), df = unname(kw$parameter), p = kw$p.value),
       levene = list(statistic = lm_mean[1, "F value"], df1 = lm_mean[1, "Df"], df2 = lm_mean[2, "Df"], p = lm_mean[1, "Pr(>F)"]),
       brownForsythe = list(statistic = lm_med[1, "F value"], df1 = lm_med[1, "Df"], df2 = lm_med[2, "Df"], p = lm_med[1, "Pr(>F)"]),
       tukey = pairs, gamesHowell = gh)
}

set.seed(20261205)
sizes <- c(310, 376, 410)
ages <- unlist(lapply(1:3, function(i) round(rnorm(sizes[i], 40 + 3 * i, 6 + 2 * i))))
lev <- unlist(lapply(1:3, function(i) rep(i - 1, sizes[i])))
ages[sample(length(ages), 15)] <- NA
lev[sample(length(lev), 5)] <- -1
cases <- list(group_case("age-by-level", ages, lev, 3))
set.seed(7)
small_v <- c(3.1, 2.4, 5.6, 4.4, 4.4, 6.0, 7.2, 5.1, 6.6, 2.2, 2.9, 3.3, 3.8, 9.5, 8.1, 7.7, 8.8)
small_g <- c(0, 0, 0, 0, 0, 1, 1, 1, 1, 3, 3, 3, 3, 4, 4, 4, 4)
cases[[2]] <- group_case("small-5-groups-one-empty", small_v, small_g, 5)
wt <- c(1, 2, 1, 3, 1, 2, 2, 1, 1, 1, 4, 1, 2, 1, 1, 3, 1)
cases[[3]] <- group_case("small-weighted", small_v, small_g, 5, wt)
likert <- c(sample(1:5, 60, TRUE, c(.1, .2, .3, .3, .1)), sample(1:5, 70, TRUE, c(.2, .3, .3, .1, .1)))
cases[[4]] <- group_case("five-point-two-groups", likert, rep(0:1, c(60, 70)), 2)

# studentized range: the regions of R's algorithm (df <= 100, <= 800, <= 5000, > 5000, > 25000, fractional)
grid <- expand.grid(q = c(0.3, 1.5, 3.2, 4.7, 7.5), nmeans = c(2, 3, 6, 12), df = c(2, 3.7, 12, 150, 1200, 8000, 30000))
ptk <- lapply(seq_len(nrow(grid)), function(r) with(grid[r, ], list(q = q, nmeans = nmeans, df = df,
  cdf = ptukey(q, nmeans, df), upper = ptukey(q, nmeans, df, lower.tail = FALSE))))
qtk <- lapply(list(c(0.95, 3, 20), c(0.95, 2, 5), c(0.99, 6, 40), c(0.9, 12, 2.5), c(0.95, 3, 1093)),
  function(a) list(p = a[1], nmeans = a[2], df = a[3], q = qtukey_exact(a[1], a[2], a[3]), qR = qtukey(a[1], a[2], a[3])))

cor_case <- function(id, x, y, weights = NULL) {
  w <- if (is.null(weights)) rep(1, length(x)) else weights
  ok <- !is.na(x) & !is.na(y) & w > 0
  xx <- rep(x[ok], w[ok]); yy <- rep(y[ok], w[ok]); n <- length(xx)
  pe <- cor.test(xx, yy)
  sp <- suppressWarnings(cor.test(xx, yy, method = "spearman", exact = FALSE))
  rho <- unname(sp$estimate); h <- qnorm(0.975) * sqrt(1.06 / (n - 3))
  list(id = id, x = x, y = y, weights = weights, n = n,
       pearson = list(r = unname(pe$estimate), statistic = unname(pe$statistic), df = unname(pe$parameter), p = pe$p.value,
                      ci95 = as.numeric(pe$conf.int)),
       spearman = list(r = rho, statistic = rho * sqrt((n - 2) / (1 - rho^2)), p = sp$p.value,
                       ci95 = c(tanh(atanh(rho) - h), tanh(atanh(rho) + h))))
}
set.seed(99)
cx <- round(rnorm(200, 40, 8)); cy <- round(0.4 * cx + rnorm(200, 0, 6)); cx[c(3, 50)] <- NA; cy[77] <- NA
cors <- list(cor_case("age-tenure", cx, cy), cor_case("small-ties", c(1, 2, 2, 3, 4, 4, 5, 1), c(2, 2, 3, 3, 5, 4, 4, 1)),
             cor_case("small-ties-weighted", c(1, 2, 2, 3, 4, 4, 5, 1), c(2, 2, 3, 3, 5, 4, 4, 1), c(1, 3, 1, 2, 1, 1, 2, 4)),
             cor_case("negative", c(5.5, 4.1, 3.3, 2.0, 1.7, 0.4), c(0.1, 0.9, 1.2, 2.4, 2.2, 4.0)))

out <- list(generatedBy = paste("scripts/means.R,", R.version.string),
            groups = exact(cases), ptukey = exact(ptk), qtukey = exact(qtk), correlations = exact(cors))
json <- toJSON(out, auto_unbox = TRUE, pretty = FALSE, json_verbatim = TRUE, na = "null", null = "null")
writeLines(json, "../test/fixtures/means.json")
# the same file for the analysis package's tests (so they read nothing outside their package)
writeLines(json, "../../analysis/test/fixtures/means.json")
