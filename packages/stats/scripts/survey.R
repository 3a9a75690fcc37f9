# Reference values for design-based estimates and tests (R survey): proportions with SE, deff (both SRS
# references), logit and Korn-Graubard (beta) intervals (svyciprop), means with SE, deff and t intervals, and the
# Rao-Scott tests of an r x c table (svychisq, statistic = "F" and "Chisq"), under four designs: weights only,
# strata + clusters (nest = TRUE), strata + clusters + fpc, and a lonely PSU ("adjust" and "remove").
# It also writes the small survey CSV the CLI tests read (same data).
# Run from this directory:  Rscript survey.R
#   writes ../test/fixtures/survey.json and ../test/fixtures/survey-design.csv
# Doubles are written as "%.17g" text verbatim, as in design.R. Estimates on a variable with blanks use the
# subset design (subset(d, !is.na(x))), R survey's domain convention: every PSU kept for the variance, degrees of
# freedom = PSUs − strata among the domain's cases.

suppressPackageStartupMessages({ library(jsonlite); library(survey) })
num17 <- function(v) ifelse(is.na(v), "null", ifelse(is.infinite(v), "null",
  ifelse(v == round(v) & abs(v) < 2^53, sprintf("%.0f", v), sprintf("%.17g", v))))
verbatim <- function(txt) structure(txt, class = "json")
vec <- function(x) verbatim(paste0("[", paste(num17(as.vector(x)), collapse = ","), "]"))
one <- function(x) verbatim(num17(as.vector(x)[1]))

set.seed(20261205)
nxa <- c(4, 5, 3, 6)                  # sampled communes (PSUs) per district (stratum)
popxa <- c(20, 31, 12, 40)            # communes in each district's population (fpc)
rows <- do.call(rbind, lapply(1:4, function(h) do.call(rbind, lapply(1:nxa[h], function(c) {
  m <- sample(6:12, 1)
  data.frame(huyen = rep(h, m), xa = c, nxa = popxa[h])
}))))
n <- nrow(rows)
rows$id <- seq_len(n)
effect <- rnorm(nrow(unique(rows[, c("huyen", "xa")])), 0, 0.8)
key <- match(paste(rows$huyen, rows$xa), unique(paste(rows$huyen, rows$xa)))
rows$trongso <- round(runif(n, 5, 40) * c(1, 1.5, 0.8, 2)[rows$huyen], 2)
lin <- effect[key] + 0.3 * rows$huyen
rows$capbac <- cut(lin + rnorm(n), c(-Inf, 0, 1.2, Inf), labels = FALSE)
rows$gioitinh <- rbinom(n, 1, plogis(0.4 * effect[key])) + 1
rows$diem <- round(60 + 5 * lin + rnorm(n, 0, 8), 1)
rows$hailong <- pmin(5, pmax(1, round(3 + 0.6 * lin + rnorm(n, 0, 0.9))))
rows$capbac[c(7, 33, 61)] <- NA
rows$diem[c(12, 40)] <- NA
# tang: the strata with district 4's first commune alone (a lonely PSU)
rows$tang <- ifelse(rows$huyen == 4 & rows$xa == 1, 5, rows$huyen)
df <- rows[, c("id", "huyen", "xa", "nxa", "tang", "trongso", "capbac", "gioitinh", "diem", "hailong")]
write.csv(df, "../test/fixtures/survey-design.csv", row.names = FALSE, na = "")

designs <- list(
  list(id = "weights only", make = function() svydesign(ids = ~1, weights = ~trongso, data = df)),
  list(id = "strata and clusters",
       make = function() svydesign(ids = ~xa, strata = ~huyen, weights = ~trongso, data = df, nest = TRUE)),
  list(id = "strata, clusters and fpc",
       make = function() svydesign(ids = ~xa, strata = ~huyen, fpc = ~nxa, weights = ~trongso, data = df, nest = TRUE)),
  list(id = "lonely PSU, adjust", lonely = "adjust",
       make = function() svydesign(ids = ~xa, strata = ~tang, weights = ~trongso, data = df, nest = TRUE)),
  list(id = "lonely PSU, remove", lonely = "remove",
       make = function() svydesign(ids = ~xa, strata = ~tang, weights = ~trongso, data = df, nest = TRUE))
)

proportions <- function(d, var, levels) {
  sub <- subset(d, !is.na(get(var)))
  f <- as.formula(paste0("~factor(", var, ", levels = c(", paste(levels, collapse = ","), "))"))
  m <- svymean(f, sub, deff = TRUE)
  mr <- svymean(f, sub, deff = "replace")
  t <- svytotal(f, sub, deff = TRUE)
  ci <- function(method) do.call(rbind, lapply(levels, function(k) {
    p <- eval(bquote(svyciprop(~I(.(as.name(var)) == .(k)), sub, method = .(method))))
    as.vector(attr(p, "ci"))
  }))
  # svyciprop's logit interval is svyglm's Wald interval; glm stops at a relative deviance change of 1e-8, which
  # leaves ~1e-7 in the bounds of small proportions: the same fit converged to 1e-15 is the strict reference.
  logit <- do.call(rbind, lapply(levels, function(k) {
    m <- eval(bquote(svyglm(I(.(as.name(var)) == .(k)) ~ 1, sub, family = quasibinomial,
                            control = glm.control(epsilon = 1e-15, maxit = 100))))
    as.vector(plogis(confint(m, 1, method = "Wald", ddf = degf(sub))))
  }))
  list(levels = vec(levels), proportion = vec(coef(m)), se = vec(SE(m)), deff = vec(deff(m)),
       deffReplace = vec(deff(mr)), total = vec(coef(t)), totalSe = vec(SE(t)), totalDeff = vec(deff(t)),
       logitLower = vec(logit[, 1]), logitUpper = vec(logit[, 2]),
       svycipropLogitLower = vec(ci("logit")[, 1]), svycipropLogitUpper = vec(ci("logit")[, 2]),
       betaLower = vec(ci("beta")[, 1]), betaUpper = vec(ci("beta")[, 2]),
       df = one(degf(sub)), n = one(nrow(sub)), covariance = vec(vcov(m)))
}

mean1 <- function(d, var, group = NULL, g = NULL) {
  sub <- subset(d, !is.na(get(var)))
  if (!is.null(group)) sub <- subset(sub, !is.na(get(group)) & get(group) == g)
  f <- as.formula(paste0("~", var))
  m <- svymean(f, sub, deff = TRUE)
  mr <- svymean(f, sub, deff = "replace")
  ci <- confint(m, df = degf(sub))
  list(mean = one(coef(m)), se = one(SE(m)), deff = one(deff(m)), deffReplace = one(deff(mr)),
       lower = one(ci[1]), upper = one(ci[2]), df = one(degf(sub)))
}

chisq <- function(d, a, b) {
  sub <- subset(d, !is.na(get(a)) & !is.na(get(b)))
  f <- as.formula(paste0("~", a, "+", b))
  rf <- svychisq(f, sub)
  rc <- svychisq(f, sub, statistic = "Chisq")
  list(statistic = one(rf$statistic), ndf = one(rf$parameter[1]), ddf = one(rf$parameter[2]), p = one(rf$p.value),
       pearson = one(rc$statistic), df = one(rc$parameter[1]), chisqP = one(rc$p.value),
       nu = one(length(unique(sub$cluster[, 1])) - length(unique(sub$strata[, 1]))), N = one(nrow(sub)))
}

cases <- lapply(designs, function(spec) {
  options(survey.lonely.psu = if (is.null(spec$lonely)) "fail" else spec$lonely)
  d <- spec$make()
  list(id = spec$id, lonely = if (is.null(spec$lonely)) "fail" else spec$lonely, degf = one(degf(d)),
       capbac = proportions(d, "capbac", 1:3), hailong = proportions(d, "hailong", 1:5),
       diem = mean1(d, "diem"), hailongMean = mean1(d, "hailong"),
       diemByCapbac = lapply(1:3, function(g) mean1(d, "diem", "capbac", g)),
       hailongByGioitinh = lapply(1:2, function(g) mean1(d, "hailong", "gioitinh", g)),
       hailongXGioitinh = chisq(d, "hailong", "gioitinh"),
       capbacByGioitinh = chisq(d, "capbac", "gioitinh"), hailongByCapbac = chisq(d, "hailong", "capbac"))
})

out <- list(
  generator = paste("packages/stats/scripts/survey.R with R", getRversion(), "survey", packageVersion("survey")),
  data = list(huyen = vec(df$huyen), xa = vec(df$xa), nxa = vec(df$nxa), tang = vec(df$tang), trongso = vec(df$trongso),
              capbac = vec(df$capbac), gioitinh = vec(df$gioitinh), diem = vec(df$diem), hailong = vec(df$hailong)),
  cases = cases
)
writeLines(toJSON(out, auto_unbox = TRUE, pretty = TRUE, json_verbatim = TRUE), "../test/fixtures/survey.json")
