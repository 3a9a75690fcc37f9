# The R counterpart of `danvan replicate hcmc-2024 --format json`, for the benchmark (bench/compare.mjs,
# case replicate): per-item Pearson chi-square tests of the paper's published Tables 1-4 with a Holm
# adjustment per table, printed as JSON. The same computation as packages/analysis/scripts/replicate.R
# (which writes the test fixture) but to stdout, so it can be timed as a whole process.
# Run from the repository root:  Rscript bench/r/replicate.R
suppressPackageStartupMessages(library(jsonlite))

published <- fromJSON("packages/domain/data/hcmc-2024-published-tables.json", simplifyVector = FALSE)

tables <- lapply(published$tables, function(t) {
  bases <- unlist(t$bases)
  tests <- lapply(t$items, function(item) {
    m <- if (t$kind == "multiple-response") {
      counts <- unlist(item$counts)
      cbind(counts, bases - counts)
    } else {
      sapply(item$rows, function(r) unlist(r$counts))
    }
    test <- suppressWarnings(chisq.test(m, correct = FALSE))
    list(key = item$key, statistic = unname(test$statistic), df = unname(test$parameter), p = test$p.value)
  })
  adjusted <- p.adjust(sapply(tests, function(x) x$p), method = "holm")
  for (i in seq_along(tests)) tests[[i]]$pAdjusted <- adjusted[i]
  list(id = t$id, kind = t$kind, items = tests)
})

cat(toJSON(list(tables = tables), auto_unbox = TRUE, digits = NA), "\n")
