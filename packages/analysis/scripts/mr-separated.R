# Reference values for a multiple-response item every group ticks all or none of, under a sampling design
# (packages/analysis/src/mrDesign.ts): the MMI design correction is 0/0 there, and danvan tests that item
# with R survey's svychisq of the item by the group (its default F form), as here.
# Run from this directory:  Rscript mr-separated.R
# Writes ../test/fixtures/mr-separated.json: the data and svychisq's F, ndf, ddf and p per design.
suppressPackageStartupMessages({ library(jsonlite); library(survey) })
num17 <- function(v) ifelse(v == round(v) & abs(v) < 2^53, sprintf("%.0f", v), sprintf("%.17g", v))
verbatim <- function(txt) structure(txt, class = "json")
vec <- function(x) verbatim(paste0("[", paste(num17(as.vector(x)), collapse = ","), "]"))

set.seed(20261205)
n <- 300
stratum <- sample(1:3, n, replace = TRUE)
psu <- stratum * 10 + sample(1:4, n, replace = TRUE)
group <- sample(1:3, n, replace = TRUE)
a <- as.integer(group == 1)            # every group all or none
b <- rbinom(n, 1, 0.5)
c <- rbinom(n, 1, 0.3 + 0.1 * group)
w <- round(runif(n, 0.5, 3), 3)
d <- data.frame(stratum, psu, group, a, b, c, w)

designs <- list(
  list(id = "weights only", design = svydesign(ids = ~1, weights = ~w, data = d)),
  list(id = "strata and clusters", design = svydesign(ids = ~psu, strata = ~stratum, weights = ~w, data = d))
)
cases <- lapply(designs, function(x) {
  t <- svychisq(~a + group, x$design)
  list(id = x$id, f = list(statistic = verbatim(num17(unname(t$statistic))),
                            df1 = verbatim(num17(unname(t$parameter[1]))),
                            df2 = verbatim(num17(unname(t$parameter[2]))),
                            p = verbatim(num17(unname(t$p.value)))))
})
out <- list(
  generator = "packages/analysis/scripts/mr-separated.R",
  r = R.version.string, survey = as.character(packageVersion("survey")),
  data = lapply(d, vec), cases = cases
)
writeLines(toJSON(out, auto_unbox = TRUE, pretty = TRUE, digits = NA, json_verbatim = TRUE), "../test/fixtures/mr-separated.json")
