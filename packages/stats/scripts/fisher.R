# Reference p-values for Fisher's exact test (2 x 2) and the Fisher-Freeman-Halton test (r x c), from R's
# fisher.test (FEXACT network algorithm for r x c, hypergeometric sums for 2 x 2).
#
# Run: cd packages/stats/scripts && Rscript fisher.R   (writes ../test/fixtures/fisher.json)
#
# Which tables: every fixture table (fixture-tables.R) that is 2 x 2, whatever its size, and every larger
# table with n <= 300, plus hand-picked extras below. FEXACT can run for minutes (or fail with "workspace
# too small") on some tables; its C code ignores setTimeLimit(), so each call runs in a forked child that is
# killed after TIME_LIMIT seconds; a table that times out or fails stops the script (the fixture never depends
# on the machine's speed). No timing is recorded.

source("fixture-tables.R")
suppressPackageStartupMessages({
  library(jsonlite)
  library(parallel)
})

TIME_LIMIT <- 900 # seconds per fisher.test call: generous, so that a slow or busy machine writes the same tables
MAX_N_RXC <- 300

# fisher.test in a forked child with a wall-clock limit; NULL on timeout or error
with_time_limit <- function(f, seconds = TIME_LIMIT) {
  job <- mcparallel(tryCatch(f(), error = function(e) structure(conditionMessage(e), class = "fisher_error")))
  res <- mccollect(job, wait = FALSE, timeout = seconds)
  if (is.null(res)) {
    tools::pskill(job$pid)
    suppressWarnings(mccollect(job, wait = TRUE))
    return(NULL)
  }
  out <- res[[1]]
  if (inherits(out, "fisher_error")) NULL else out
}

mat <- function(v, nrow) {
  m <- matrix(as.integer(v), nrow = nrow, byrow = TRUE)
  m
}

extras <- list(
  # sparse 4 x 5 survey-like tables of ~150 cases (small cells in the right-hand columns)
  list(id = "extra-sparse-4x5-150", counts = mat(c(30, 12, 3, 1, 0, 25, 10, 4, 0, 1, 20, 9, 2, 1, 0, 18, 8, 3, 2, 1), 4)),
  list(id = "extra-sparse-4x5-130", counts = mat(c(22, 9, 3, 1, 0, 14, 16, 4, 0, 1, 6, 9, 12, 1, 0, 10, 8, 3, 9, 2), 4)),
  # a 4 x 5 with ~100 cases and a small p (FEXACT needs ~30-40 s: may be skipped on slow machines)
  list(id = "extra-4x5-105", counts = mat(c(5, 0, 0, 0, 4, 10, 8, 8, 8, 0, 7, 4, 7, 11, 11, 6, 0, 0, 10, 6), 4)),
  # 2 x 2 with huge counts (n = 1e6) and with a strong association at n = 2e5
  list(id = "extra-huge-2x2", counts = mat(c(250321, 249679, 249155, 250845), 2)),
  list(id = "extra-huge-2x2-strong", counts = mat(c(50500, 49500, 49000, 51000), 2)),
  # the smallest table with a zero diagonal
  list(id = "extra-3-0-0-2", counts = mat(c(3, 0, 0, 2), 2)),
  # 2 x 3 tables whose observed probability is tied with other tables (equal margins)
  list(id = "extra-2x3-ties", counts = mat(c(2, 1, 0, 0, 1, 2), 2)),
  list(id = "extra-2x3-ties-b", counts = mat(c(3, 1, 2, 1, 3, 2), 2)),
  # the paper's table (n = 1096)
  list(id = "extra-paper-3x3", counts = mat(c(66, 209, 35, 158, 177, 41, 163, 216, 31), 3))
)

tables <- c(fixture_tables(), extras)
out <- list()
skipped <- character()
for (t in tables) {
  x <- t$counts
  n <- sum(x)
  is2x2 <- all(dim(x) == 2L)
  if (!is2x2 && n > MAX_N_RXC && !startsWith(t$id, "extra-")) next
  two <- with_time_limit(function() fisher.test(x, workspace = 2e8)$p.value)
  if (is.null(two)) {
    skipped <- c(skipped, t$id)
    next
  }
  rec <- list(id = t$id, counts = unname(lapply(seq_len(nrow(x)), function(i) x[i, ])), n = n, p = two)
  if (is2x2) {
    rec$pLess <- fisher.test(x, alternative = "less")$p.value
    rec$pGreater <- fisher.test(x, alternative = "greater")$p.value
  }
  out[[length(out) + 1]] <- rec
}
# The fixture must not depend on the machine's speed: a table that times out stops the script instead of being
# left out (raise TIME_LIMIT or drop the table from the list).
if (length(skipped) > 0) stop("time limit or FEXACT error, fixture not written: ", paste(skipped, collapse = ", "))

json <- toJSON(list(
  source = paste("R", getRversion(), "stats::fisher.test(x, workspace = 2e8); scripts/fisher.R"),
  tables = out
), digits = NA, auto_unbox = TRUE, pretty = FALSE)
writeLines(json, "../test/fixtures/fisher.json")
message("wrote ", length(out), " tables to ../test/fixtures/fisher.json")
