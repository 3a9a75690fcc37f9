# Reference values for Likert scoring: Kruskal-Wallis (stats::kruskal.test), Cronbach's alpha with
# alpha-if-item-deleted and item-rest correlations (the textbook formulas written out in base R; the psych
# package is not used), and mean / sd / t confidence interval (t.test(x)$conf.int).
# Run from this directory:  Rscript likert.R   (writes ../test/fixtures/likert.json)
# Doubles are written as "%.17g" text verbatim (jsonlite writes at most 15 digits), as in chisq.R.

suppressPackageStartupMessages(library(jsonlite))

num17 <- function(v) ifelse(is.na(v), "null", ifelse(v == round(v) & abs(v) < 2^53, sprintf("%.0f", v), sprintf("%.17g", v)))
verbatim <- function(txt) structure(txt, class = "json")
exact <- function(x) {
  if (is.list(x)) return(lapply(x, exact))
  if (is.character(x)) return(x)
  if (is.numeric(x) && length(x) == 1) return(verbatim(num17(x)))
  if (is.numeric(x)) return(verbatim(paste0("[", paste(num17(x), collapse = ","), "]")))
  x
}

# ---- Kruskal-Wallis --------------------------------------------------------------------------------
kw_case <- function(id, values, groups, groupCount) {
  ok <- !is.na(values) & groups >= 0
  v <- values[ok]; g <- groups[ok]
  t <- kruskal.test(v, factor(g))
  N <- length(v); ties <- table(v)
  C <- 1 - sum(ties^3 - ties) / (N^3 - N)
  list(id = id, values = values, groups = groups, groupCount = groupCount,
       statistic = unname(t$statistic), df = unname(t$parameter), p = t$p.value, tiesCorrection = C, n = N)
}

# the paper's Table 4, item 1, expanded to respondents (City 310, District 376, Ward/Commune 410; 1 = difficult)
table4 <- list(c(66, 209, 35), c(158, 177, 41), c(163, 216, 31))
expand <- function(tab) {
  vals <- unlist(lapply(tab, function(cnt) rep(c(1, 2, 3), cnt)))
  grp <- unlist(lapply(seq_along(tab), function(i) rep(i - 1, sum(tab[[i]]))))
  list(values = vals, groups = grp)
}
t4 <- expand(table4)
set.seed(20240601)
perm <- sample(length(t4$values))
kw <- list(kw_case("table4-item1", t4$values[perm], t4$groups[perm], 3))
# all five Table 4 items (../shared/data/hcmc-2024-published-tables.json), counts by level as
# (difficult, normal, not difficult), expanded to respondents in level order
table4all <- list(
  people_trust_limited = list(c(66, 209, 35), c(158, 177, 41), c(163, 216, 31)),
  qualifications_limited = list(c(77, 204, 29), c(134, 202, 40), c(119, 245, 46)),
  plans_not_localized = list(c(87, 185, 38), c(108, 219, 49), c(91, 274, 45)),
  methods_not_renewed = list(c(117, 171, 22), c(140, 185, 51), c(124, 239, 47)),
  working_conditions_limited = list(c(87, 207, 16), c(103, 213, 60), c(122, 251, 37)))
for (nm in names(table4all)) {
  e <- expand(table4all[[nm]])
  kw[[length(kw) + 1]] <- kw_case(paste0("table4-", nm), e$values, e$groups, 3)
}

# generated 3-point items, n ~ 1100, groups of unequal size and slightly different distributions
set.seed(4)
for (r in 1:3) {
  sizes <- c(310, 376, 410)
  probs <- list(c(0.2, 0.65, 0.15), c(0.25 + 0.05 * r, 0.6 - 0.05 * r, 0.15), c(0.3, 0.55, 0.15))
  vals <- unlist(lapply(1:3, function(i) sample(1:3, sizes[i], replace = TRUE, prob = probs[[i]])))
  grp <- unlist(lapply(1:3, function(i) rep(i - 1, sizes[i])))
  miss <- sample(length(vals), 12)
  vals[miss] <- NA
  kw[[length(kw) + 1]] <- kw_case(paste0("generated-3pt-", r), vals, grp, 3)
}
# R's own example (Hollander & Wolfe, no ties), and a small tied one with an empty 4th group
kw[[length(kw) + 1]] <- kw_case("hollander-wolfe",
  c(2.9, 3.0, 2.5, 2.6, 3.2, 3.8, 2.7, 4.0, 2.4, 2.8, 3.4, 3.7, 2.2, 2.0),
  c(0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 2), 3)
kw[[length(kw) + 1]] <- kw_case("small-ties-empty-group",
  c(1, 2, 2, 3, 3, 3, 1, 1, 2, 3, NA, 2),
  c(0, 0, 0, 1, 1, 1, 3, 3, 3, 1, 0, -1), 4)
kw[[length(kw) + 1]] <- kw_case("five-point-4-groups",
  { set.seed(11); sample(1:5, 200, replace = TRUE) }, rep(0:3, 50), 4)

# ---- Cronbach's alpha ------------------------------------------------------------------------------
alpha_of <- function(X) { k <- ncol(X); S <- cov(X); k / (k - 1) * (1 - sum(diag(S)) / sum(S)) }
alpha_case <- function(id, X) {
  Xc <- X[complete.cases(X), , drop = FALSE]
  k <- ncol(Xc)
  list(id = id, items = lapply(seq_len(k), function(j) X[, j]), n = nrow(Xc), k = k,
       alpha = alpha_of(Xc),
       alphaIfDeleted = if (k > 2) sapply(seq_len(k), function(j) alpha_of(Xc[, -j, drop = FALSE])) else rep(NA, k),
       itemRestCorrelation = sapply(seq_len(k), function(j) cor(Xc[, j], rowSums(Xc[, -j, drop = FALSE]))))
}
set.seed(2024)
n <- 300
trait <- rnorm(n)
X5 <- sapply(c(0.9, 0.8, 0.7, 0.5, 0.1), function(l) {
  z <- l * trait + sqrt(1 - l^2) * rnorm(n)
  as.numeric(cut(z, c(-Inf, -0.8, 0.6, Inf)))   # 3-point scale
})
X5[sample(n * 5, 20)] <- NA
trait2 <- rnorm(120)
X3 <- sapply(c(0.8, 0.6, -0.3), function(l) round(3 + 1.2 * (l * trait2 + sqrt(1 - l^2) * rnorm(120))))
X2 <- X5[1:80, 1:2]
alphas <- list(alpha_case("generated-5-items-3pt", X5), alpha_case("generated-3-items-reversed", X3),
               alpha_case("two-items", X2))

# ---- mean, sd, t interval --------------------------------------------------------------------------
mean_case <- function(id, x) {
  y <- x[!is.na(x)]
  list(id = id, scores = x, n = length(y), mean = mean(y), sd = sd(y), se = sd(y) / sqrt(length(y)),
       ci95 = as.numeric(t.test(y)$conf.int))
}
means <- list(mean_case("table4-item1-all", t4$values),
              mean_case("table4-item1-city", t4$values[t4$groups == 0]),
              mean_case("with-missing", X5[, 1]),
              mean_case("small", c(1, 2, 2, 3, NA)),
              mean_case("two", c(2, 3)))

out <- list(generatedBy = paste("scripts/likert.R,", R.version.string),
            kruskalWallis = exact(kw), cronbachAlpha = exact(alphas), means = exact(means))
writeLines(toJSON(out, auto_unbox = TRUE, pretty = FALSE, json_verbatim = TRUE, na = "null"), "../test/fixtures/likert.json")
