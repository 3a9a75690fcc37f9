# Reference values for the chi-square family, cell statistics and the distributions they rely on.
# Run from this directory:  Rscript chisq.R   (writes ../test/fixtures/chisq.json)
#
# Every number below comes from base R (stats::chisq.test, pchisq, pgamma, pnorm, lgamma) or from the
# textbook formula written out in R where R has no function for it (likelihood ratio G2, linear-by-linear
# M2, adjusted residuals, the low-expected-count footnote). jsonlite (1.8) writes at most 15 significant
# digits even with digits = NA, so every double is first turned into its shortest round-trip "%.17g" text
# and passed through verbatim: the JSON holds R's doubles exactly.

suppressPackageStartupMessages(library(jsonlite))
source("fixture-tables.R")

# SPSS rounds half away from zero; signif(., 15) removes binary noise first (2.675 * 100 -> 267.5).
num17 <- function(v) {
  stopifnot(all(is.finite(v)))
  ifelse(v == round(v) & abs(v) < 2^53, sprintf("%.0f", v), sprintf("%.17g", v))
}
verbatim <- function(txt) structure(txt, class = "json")
# numbers -> exact JSON text; matrices -> arrays of rows; data frames -> arrays of objects
exact <- function(x) {
  if (is.data.frame(x)) return(lapply(seq_len(nrow(x)), function(i) exact(as.list(x[i, , drop = FALSE]))))
  if (is.list(x)) return(lapply(x, exact))
  if (is.numeric(x) && is.matrix(x)) {
    return(verbatim(paste0("[", paste0("[", apply(x, 1, function(r) paste(num17(r), collapse = ",")), "]", collapse = ","), "]")))
  }
  if (is.numeric(x) && length(x) == 1) return(verbatim(num17(x)))
  if (is.numeric(x)) return(verbatim(paste0("[", paste(num17(x), collapse = ","), "]")))
  x
}

round_half_away <- function(x, d) {
  f <- 10^d
  sign(x) * floor(signif(abs(x) * f, 15) + 0.5) / f
}

low_expected <- function(E, threshold = 5) {
  cells <- sum(E < threshold)
  total <- length(E)
  percent <- 100 * cells / total
  min_e <- min(E)
  msg <- sprintf("%d cells (%s%%) have expected count less than %s. The minimum expected count is %s.",
                 cells, formatC(round_half_away(percent, 1), format = "f", digits = 1),
                 format(threshold), formatC(round_half_away(min_e, 2), format = "f", digits = 2))
  list(cells = cells, total = total, percent = percent, minExpected = min_e, message = msg)
}

linear_by_linear <- function(m, u = seq_len(nrow(m)), v = seq_len(ncol(m))) {
  N <- sum(m)
  ubar <- sum(rowSums(m) * u) / N
  vbar <- sum(colSums(m) * v) / N
  cov <- sum(outer(u - ubar, v - vbar) * m)
  su <- sum(rowSums(m) * (u - ubar)^2)
  sv <- sum(colSums(m) * (v - vbar)^2)
  r <- cov / sqrt(su * sv)
  stat <- (N - 1) * r^2
  list(statistic = stat, df = 1, p = pchisq(stat, 1, lower.tail = FALSE), r = r)
}

likelihood_ratio <- function(m, E) {
  O <- as.vector(m); e <- as.vector(E)
  g2 <- 2 * sum(ifelse(O > 0, O * log(O / e), 0))
  df <- (nrow(m) - 1) * (ncol(m) - 1)
  list(statistic = g2, df = df, p = pchisq(g2, df, lower.tail = FALSE))
}

test_of <- function(ct) list(statistic = unname(ct$statistic), df = unname(ct$parameter), p = ct$p.value)

describe_table <- function(id, m) {
  storage.mode(m) <- "double"
  N <- sum(m)
  R <- rowSums(m); C <- colSums(m)
  E <- outer(R, C) / N
  raw <- m - E
  std <- raw / sqrt(E)
  adj <- raw / sqrt(E * outer(1 - R / N, 1 - C / N))
  pearson <- suppressWarnings(chisq.test(m, correct = FALSE))
  # chisq.test returns the expected counts it used; they must equal ours
  stopifnot(isTRUE(all.equal(unname(pearson$expected), unname(E), tolerance = 1e-14)))
  yates <- if (nrow(m) == 2 && ncol(m) == 2) test_of(suppressWarnings(chisq.test(m, correct = TRUE))) else NULL
  list(
    id = id,
    counts = unname(m),
    expected = unname(E),
    percents = list(row = unname(100 * m / R), col = unname(100 * sweep(m, 2, C, "/")), total = unname(100 * m / N)),
    residuals = list(raw = unname(raw), standardized = unname(std), adjusted = unname(adj),
                     adjustedP = unname(2 * pnorm(-abs(adj)))),
    pearson = test_of(pearson),
    yates = yates,
    likelihoodRatio = likelihood_ratio(m, E),
    linearByLinear = linear_by_linear(m),
    lowExpected = low_expected(E)
  )
}

tables <- fixture_tables()
out_tables <- lapply(tables, function(t) describe_table(t$id, t$counts))

# weighted (non-integer) tables: the same formulas apply to weighted counts
weighted <- list(
  list(id = "weighted-2x3", counts = matrix(c(12.5, 3.25, 7.75, 4.1, 9.9, 15.05), 2, byrow = TRUE)),
  list(id = "weighted-3x3", counts = matrix(c(66.4, 209.1, 35.2, 158.7, 177.3, 41.6, 163.05, 216.8, 31.1), 3, byrow = TRUE)),
  list(id = "weighted-2x2", counts = matrix(c(0.5, 4.25, 3.75, 1.5), 2, byrow = TRUE))
)
out_weighted <- lapply(weighted, function(t) describe_table(t$id, t$counts))

# linear-by-linear with user scores
scored <- list(
  list(id = "paper-table4-item1", counts = tables[[1]]$counts, rowScores = c(1, 2, 3), colScores = c(1, 2, 4)),
  list(id = "random-3x4-scored", counts = matrix(c(5, 9, 12, 20, 8, 7, 9, 6, 15, 8, 4, 2), 3, byrow = TRUE),
       rowScores = c(-1, 0, 2.5), colScores = c(10, 20, 25, 40))
)
out_scored <- lapply(scored, function(s) {
  m <- s$counts; storage.mode(m) <- "double"
  list(id = s$id, counts = unname(m), rowScores = s$rowScores, colScores = s$colScores,
       linearByLinear = linear_by_linear(m, s$rowScores, s$colScores))
})

# chi-square upper tails: moderate to extreme; p < 1e-300 goes to a separate underflow list
grid <- expand.grid(x = c(1e-8, 0.001, 0.1, 0.5, 1, 2, 3.841458820694124, 5, 10, 20, 37.5, 50, 100, 200, 350,
                          500, 700, 1000, 1300, 1500, 2000),
                    df = c(1:50, 0.5, 1.5, 75, 100, 250, 1000))
grid$p <- pchisq(grid$x, grid$df, lower.tail = FALSE)
grid$lower <- pchisq(grid$x, grid$df, lower.tail = TRUE)
pchisq_ok <- grid[grid$p > 1e-300, ]
pchisq_underflow <- grid[grid$p < 1e-320, c("x", "df")]

# regularized incomplete gamma at small and large shapes
ggrid <- expand.grid(a = c(0.01, 0.1, 0.5, 1, 2.5, 7, 15, 15.5, 40, 100, 1000, 1e4, 1e5),
                     f = c(0.01, 0.2, 0.5, 0.9, 0.99, 1, 1.01, 1.1, 1.5, 2, 5, 20))
ggrid$x <- ggrid$a * ggrid$f
ggrid$P <- pgamma(ggrid$x, ggrid$a, lower.tail = TRUE)
ggrid$Q <- pgamma(ggrid$x, ggrid$a, lower.tail = FALSE)
ggrid <- ggrid[ggrid$P > 1e-300 & ggrid$Q > 1e-300, c("a", "x", "P", "Q")]

lx <- c(1e-10, 1e-3, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 0.999999, 1, 1.000001, 1.01, 1.1, 1.25, 1.4616321449683622,
        1.5, 1.75, 1.9, 1.99, 1.999999, 2, 2.000001, 2.01, 2.1, 2.4999, 2.5, 3, 4.5, 7, 10, 15.5, 33.3, 100, 171.5,
        1000, 12345.678, 1e6, 1e10, 1e15, -0.5, -1.5, -2.25, -10.3)
lg <- data.frame(x = lx, value = lgamma(lx))

zs <- c(0, 1e-8, 0.5, 1, 1.959963984540054, 2.5, 3, 5, 8, 10, 20, 30, 37.5)
pn <- data.frame(z = zs, upper = pnorm(zs, lower.tail = FALSE), twoSided = 2 * pnorm(-zs))

fixture <- list(
  generatedBy = paste("scripts/chisq.R with", R.version.string),
  tables = c(out_tables, out_weighted),
  linearByLinearScored = out_scored,
  pchisq = pchisq_ok,
  pchisqUnderflow = pchisq_underflow,
  pgamma = ggrid,
  lgamma = lg,
  pnorm = pn,
  exact = list(
    chisq100df2 = pchisq(100, 2, lower.tail = FALSE),
    chisq100df2Printed = format(pchisq(100, 2, lower.tail = FALSE), digits = 14),
    strong2x2PearsonP = suppressWarnings(chisq.test(matrix(c(40, 1, 1, 40), 2), correct = FALSE))$p.value
  )
)

writeLines(toJSON(exact(fixture), digits = NA, auto_unbox = TRUE, null = "null", json_verbatim = TRUE),
           "../test/fixtures/chisq.json")
cat("wrote ../test/fixtures/chisq.json:", length(fixture$tables), "tables,", nrow(pchisq_ok), "pchisq values\n")
