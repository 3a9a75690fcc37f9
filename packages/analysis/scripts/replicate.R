# Reference values for `replicate`: per-item Pearson chi-square tests of the paper's published Tables 1-4.
# Run from this directory:  Rscript replicate.R   (writes ../test/fixtures/replicate.json)
#
# Multiple-response items: the r x 2 table (selected = count, not selected = base - count) by cadre level.
# Likert items: the levels x responses table. chisq.test(correct = FALSE); Holm adjustment per table with
# p.adjust(method = "holm"). jsonlite writes at most 15 significant digits even with digits = NA, so every
# double is turned into its "%.17g" text and passed through verbatim: the JSON holds R's doubles exactly.

suppressPackageStartupMessages(library(jsonlite))

num17 <- function(v) {
  stopifnot(all(is.finite(v)))
  ifelse(v == round(v) & abs(v) < 2^53, sprintf("%.0f", v), sprintf("%.17g", v))
}
verbatim <- function(txt) structure(txt, class = "json")

published <- fromJSON("../../domain/data/hcmc-2024-published-tables.json", simplifyVector = FALSE)

tables <- lapply(published$tables, function(t) {
  bases <- unlist(t$bases)
  tests <- lapply(t$items, function(item) {
    m <- if (t$kind == "multiple-response") {
      counts <- unlist(item$counts)
      cbind(counts, bases - counts)
    } else {
      sapply(item$rows, function(r) unlist(r$counts))  # levels x responses
    }
    test <- suppressWarnings(chisq.test(m, correct = FALSE))
    list(key = item$key, statistic = unname(test$statistic), df = unname(test$parameter), p = test$p.value)
  })
  p <- sapply(tests, function(x) x$p)
  adjusted <- p.adjust(p, method = "holm")
  items <- lapply(seq_along(tests), function(i) {
    x <- tests[[i]]
    list(key = x$key, statistic = verbatim(num17(x$statistic)), df = verbatim(num17(x$df)),
         p = verbatim(num17(x$p)), pAdjusted = verbatim(num17(adjusted[i])))
  })
  list(id = t$id, kind = t$kind, items = items)
})

out <- list(
  generator = "packages/analysis/scripts/replicate.R",
  r = R.version.string,
  tables = tables
)
writeLines(toJSON(out, auto_unbox = TRUE, pretty = TRUE, digits = NA, json_verbatim = TRUE), "../test/fixtures/replicate.json")
