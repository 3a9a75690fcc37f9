# Reference p-values for Fisher's choice of method (issue 22 item 4): tables that the exact enumeration finishes
# in about a second but that "auto" used to hand to Monte Carlo. R's fisher.test (FEXACT) with a large workspace.
#
# Run: cd packages/stats/scripts && Rscript fisher-auto.R   (writes ../test/fixtures/fisher-auto.json)
suppressPackageStartupMessages(library(jsonlite))

tables <- list(
  "issue-22-6x6" = matrix(c(4, 0, 0, 0, 0, 1,  3, 1, 1, 1, 0, 0,  0, 0, 4, 2, 0, 7,
                            6, 2, 0, 0, 6, 0,  0, 0, 1, 10, 0, 0,  0, 0, 0, 0, 0, 12), 6, 6, byrow = TRUE)
)
out <- lapply(names(tables), function(id) {
  m <- tables[[id]]
  list(id = id, counts = unname(lapply(seq_len(nrow(m)), function(i) m[i, ])),
       p = fisher.test(m, workspace = 2e8)$p.value)
})
writeLines(toJSON(list(generator = "packages/stats/scripts/fisher-auto.R", r = R.version.string, tables = out),
                  auto_unbox = TRUE, digits = NA), "../test/fixtures/fisher-auto.json")
