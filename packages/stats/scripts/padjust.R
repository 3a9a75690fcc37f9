# Reference values for Bonferroni and Holm adjustment (stats::p.adjust).
# Run from this directory:  Rscript padjust.R   (writes ../test/fixtures/padjust.json)
# Numbers are written as "%.17g" text through json_verbatim (jsonlite writes at most 15 digits).
suppressPackageStartupMessages(library(jsonlite))
num17 <- function(v) ifelse(v == round(v) & abs(v) < 2^53, sprintf("%.0f", v), sprintf("%.17g", v))
arr <- function(v) structure(paste0("[", paste(num17(v), collapse = ","), "]"), class = "json")
set.seed(20261122)
cases <- list(
  list(id = "simple", p = c(0.01, 0.04, 0.03, 0.2, 0.0001)),
  list(id = "ties", p = c(0.02, 0.02, 0.5, 0.001, 0.02, 0.9)),
  list(id = "capped", p = c(0.3, 0.6, 0.9, 0.45)),
  list(id = "single", p = c(0.037)),
  list(id = "tiny", p = c(1e-300, 2.5e-200, 7e-17, 0.049, 1)),
  list(id = "random25", p = runif(25)^3),
  list(id = "zeros", p = c(0, 0, 0.5))
)
out <- lapply(cases, function(k) list(id = k$id, p = arr(k$p),
  bonferroni = arr(p.adjust(k$p, "bonferroni")), holm = arr(p.adjust(k$p, "holm"))))
writeLines(toJSON(list(generatedBy = paste("scripts/padjust.R with", R.version.string), cases = out),
  auto_unbox = TRUE, json_verbatim = TRUE, digits = NA), "../test/fixtures/padjust.json")
cat("wrote ../test/fixtures/padjust.json\n")
