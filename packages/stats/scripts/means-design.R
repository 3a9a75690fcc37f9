# Reference values for the design-based test that group means are equal (R survey): svyglm(y ~ factor(g), design)
# followed by regTermTest(fit, ~factor(g)), the Wald test of the group contrasts with the F form on the model's
# residual degrees of freedom (degf(design) + 1 − number of coefficients, R's default) and the chi-square form
# (regTermTest(..., df = Inf)). Also the coefficients and their covariance (vcov, Taylor linearization).
# The data are the survey of survey.R (../test/fixtures/survey-design.csv): diem by capbac (3 groups, blanks in
# both) and hailong by gioitinh (2 groups), under six designs: weights only; strata without clusters; strata and
# clusters; strata, clusters and fpc; a lonely PSU under "adjust" and under "remove".
# Run from this directory:  Rscript means-design.R
#   runs survey.R first (pnpm fixtures runs generators in name order, and this one reads the CSV survey.R writes;
#   survey.R is seeded, so its outputs are the same), then writes ../test/fixtures/means-design.json
# Doubles are written as "%.17g" text verbatim, as in survey.R. svyglm drops the cases with a blank (R's subset
# design: every PSU stays in the variance, degrees of freedom = PSUs − strata among the complete cases).

suppressPackageStartupMessages({ library(jsonlite); library(survey) })
num17 <- function(v) ifelse(is.na(v), "null", ifelse(is.infinite(v), "null",
  ifelse(v == round(v) & abs(v) < 2^53, sprintf("%.0f", v), sprintf("%.17g", v))))
verbatim <- function(txt) structure(txt, class = "json")
vec <- function(x) verbatim(paste0("[", paste(num17(as.vector(x)), collapse = ","), "]"))
one <- function(x) verbatim(num17(as.vector(x)[1]))

sys.source("survey.R", envir = new.env())
df <- read.csv("../test/fixtures/survey-design.csv")

designs <- list(
  list(id = "weights only", make = function() svydesign(ids = ~1, weights = ~trongso, data = df)),
  list(id = "strata without clusters",
       make = function() svydesign(ids = ~1, strata = ~huyen, weights = ~trongso, data = df)),
  list(id = "strata and clusters",
       make = function() svydesign(ids = ~xa, strata = ~huyen, weights = ~trongso, data = df, nest = TRUE)),
  list(id = "strata, clusters and fpc",
       make = function() svydesign(ids = ~xa, strata = ~huyen, fpc = ~nxa, weights = ~trongso, data = df, nest = TRUE)),
  list(id = "lonely PSU, adjust", lonely = "adjust",
       make = function() svydesign(ids = ~xa, strata = ~tang, weights = ~trongso, data = df, nest = TRUE)),
  list(id = "lonely PSU, remove", lonely = "remove",
       make = function() svydesign(ids = ~xa, strata = ~tang, weights = ~trongso, data = df, nest = TRUE))
)

wald <- function(d, y, g) {
  f <- as.formula(paste0(y, " ~ factor(", g, ")"))
  term <- as.formula(paste0("~factor(", g, ")"))
  fit <- eval(bquote(svyglm(.(f), d)))
  t <- regTermTest(fit, term)
  x <- regTermTest(fit, term, df = Inf)
  list(y = y, group = g, levels = vec(sort(unique(df[[g]][!is.na(df[[g]]) & !is.na(df[[y]])]))),
       coefficients = vec(coef(fit)), vcov = vec(vcov(fit)),
       statistic = one(t$Ftest), df1 = one(t$df), df2 = one(t$ddf), p = one(t$p),
       chisq = one(x$chisq), chisqP = one(x$p), residualDf = one(fit$df.residual),
       designDf = one(degf(subset(d, !is.na(get(y)) & !is.na(get(g))))))
}

cases <- lapply(designs, function(spec) {
  options(survey.lonely.psu = if (is.null(spec$lonely)) "fail" else spec$lonely)
  d <- spec$make()
  list(id = spec$id, lonely = if (is.null(spec$lonely)) "fail" else spec$lonely,
       tests = list(wald(d, "diem", "capbac"), wald(d, "hailong", "gioitinh")))
})

out <- list(
  generator = paste("packages/stats/scripts/means-design.R with R", getRversion(), "survey", packageVersion("survey")),
  cases = cases
)
writeLines(toJSON(out, auto_unbox = TRUE, pretty = TRUE, json_verbatim = TRUE), "../test/fixtures/means-design.json")
