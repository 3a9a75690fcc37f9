# Reference values for the design-based (Taylor linearization) covariance of estimates: R survey's vcov of
# svymean and svytotal under one-stage designs with weights only, strata + clusters (nest = TRUE), a finite
# population correction (counts and fractions), and each lonely-PSU rule.
# Run from this directory:  Rscript design.R   (writes ../test/fixtures/design.json)
# Doubles are written as "%.17g" text verbatim, as in cmh.R.

suppressPackageStartupMessages({ library(jsonlite); library(survey) })
num17 <- function(v) ifelse(is.na(v), "null", ifelse(v == round(v) & abs(v) < 2^53, sprintf("%.0f", v), sprintf("%.17g", v)))
verbatim <- function(txt) structure(txt, class = "json")
vec <- function(x) verbatim(paste0("[", paste(num17(as.vector(x)), collapse = ","), "]"))

set.seed(20261205)
n <- 120
stratum <- rep(1:4, times = c(30, 30, 36, 24))
psu <- c(rep(1:5, each = 6), rep(1:6, each = 5), rep(1:4, each = 9), rep(1:3, each = 8))
w <- round(runif(n, 0.5, 3.5), 3)
y1 <- round(rnorm(n, 50 + 3 * stratum + psu, 10), 2)
y2 <- rbinom(n, 1, 0.2 + 0.1 * stratum)
popsize <- c(40, 60, 25, 9)[stratum]
fraction <- c(5 / 40, 6 / 60, 4 / 25, 3 / 9)[stratum]
df <- data.frame(stratum, psu, w, y1, y2, popsize, fraction)

cases <- list()
add <- function(id, design, lonely = "fail", rows = seq_len(n)) {
  options(survey.lonely.psu = lonely)
  m <- svymean(~y1 + y2, design)
  t <- svytotal(~y1 + y2, design)
  cases[[length(cases) + 1]] <<- list(
    id = id, lonely = lonely,
    rows = vec(rows), mean = vec(coef(m)), meanCovariance = vec(vcov(m)),
    total = vec(coef(t)), totalCovariance = vec(vcov(t)), degf = verbatim(num17(degf(design)))
  )
}
add("weights only", svydesign(ids = ~1, weights = ~w, data = df))
add("strata", svydesign(ids = ~1, strata = ~stratum, weights = ~w, data = df))
add("clusters", svydesign(ids = ~psu, strata = ~stratum, weights = ~w, data = df, nest = TRUE))
add("clusters, fpc as counts", svydesign(ids = ~psu, strata = ~stratum, weights = ~w, fpc = ~popsize, data = df, nest = TRUE))
add("clusters, fpc as fractions", svydesign(ids = ~psu, strata = ~stratum, weights = ~w, fpc = ~fraction, data = df, nest = TRUE))
# stratum 4 reduced to one PSU: the lonely-PSU rules
keep <- !(stratum == 4 & psu > 1)
lonely <- df[keep, ]
for (rule in c("remove", "certainty", "adjust", "average")) {
  add(paste("lonely PSU,", rule), svydesign(ids = ~psu, strata = ~stratum, weights = ~w, data = lonely, nest = TRUE),
      lonely = rule, rows = which(keep))
}

out <- list(
  generator = paste("packages/stats/scripts/design.R with R", getRversion(), "survey", packageVersion("survey")),
  data = list(stratum = vec(stratum), psu = vec(psu), w = vec(w), y1 = vec(y1), y2 = vec(y2),
              popsize = vec(popsize), fraction = vec(fraction)),
  cases = cases
)
writeLines(toJSON(out, auto_unbox = TRUE, pretty = TRUE, json_verbatim = TRUE), "../test/fixtures/design.json")
