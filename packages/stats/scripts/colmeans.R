# Reference values for SPSS CTABLES's "compare column means" letters (variance pooled over all columns): R's
# pairwise.t.test(x, g, pool.sd = TRUE, p.adjust.method = "bonferroni"), and per pair the t statistic from the
# formula t = (mean_a - mean_b) / (s_pooled * sqrt(1/n_a + 1/n_b)), df = N - K, s_pooled^2 = sum((n_j - 1) s_j^2) / (N - K);
# letters (alpha = 0.05): a column gets the letter of each column whose mean it exceeds significantly.
# Run from this directory:  Rscript colmeans.R   (writes ../test/fixtures/colmeans.json)

suppressPackageStartupMessages(library(jsonlite))
num17 <- function(v) ifelse(is.na(v), "null", ifelse(v == round(v) & abs(v) < 2^53, sprintf("%.0f", v), sprintf("%.17g", v)))
verbatim <- function(txt) structure(txt, class = "json")
vec <- function(x) verbatim(paste0("[", paste(num17(x), collapse = ","), "]"))

case <- function(id, x, g) {
  G <- factor(g)
  K <- nlevels(G)
  n <- as.vector(table(G)); m <- as.vector(tapply(x, G, mean)); v <- as.vector(tapply(x, G, var))
  # columns with fewer than 2 cases are left out of the pooled variance and the comparisons
  use <- which(n >= 2)
  keep <- G %in% levels(G)[use]
  xs <- x[keep]; gs <- factor(g[keep])
  df <- sum(n[use]) - length(use)
  s2 <- sum((n[use] - 1) * v[use]) / df
  pw <- pairwise.t.test(xs, gs, pool.sd = TRUE, p.adjust.method = "bonferroni")
  raw <- pairwise.t.test(xs, gs, pool.sd = TRUE, p.adjust.method = "none")
  pairs <- list(); lt <- rep("", K)
  for (x1 in 1:(length(use) - 1)) for (y1 in (x1 + 1):length(use)) {
    a <- use[x1]; b <- use[y1]
    t <- (m[a] - m[b]) / sqrt(s2 * (1 / n[a] + 1 / n[b]))
    padj <- pw$p.value[y1 - 1, x1]
    pairs[[length(pairs) + 1]] <- list(a = verbatim(num17(a - 1)), b = verbatim(num17(b - 1)), t = verbatim(num17(t)),
      df = verbatim(num17(df)), p = verbatim(num17(raw$p.value[y1 - 1, x1])), pBonferroni = verbatim(num17(padj)))
    if (padj < 0.05) { w <- if (m[a] > m[b]) a else b; o <- if (w == a) b else a; lt[w] <- paste0(lt[w], LETTERS[o]) }
  }
  v[is.na(v)] <- 0
  lt <- sapply(lt, function(s) paste(sort(strsplit(s, "")[[1]]), collapse = ""))
  list(id = id, x = vec(x), g = vec(as.integer(G) - 1), n = vec(n), mean = vec(m), variance = vec(v),
    pooledVariance = verbatim(num17(s2)), df = verbatim(num17(df)), largerThan = unname(lt), pairs = pairs)
}

set.seed(20261205)
scores <- function(k, p) sample(c(3, 2, 1), k, replace = TRUE, prob = p)
cases <- list(
  # 3-point difficulty scores (3 = difficult) in three cadre levels, clearly different
  case("likert-3-levels", c(scores(40, c(.2, .6, .2)), scores(50, c(.5, .4, .1)), scores(45, c(.45, .45, .1))),
    rep(0:2, c(40, 50, 45))),
  # four columns, one with a single case (left out of the pooled variance and the comparisons)
  case("four-columns-one-single", c(2.5, 3.1, 2.2, 2.9, 4.8, 5.1, 4.4, 5.6, 5.0, 3.9, 3.3, 3.6, 4.1, 3.8, 9),
    c(0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3)),
  # two columns with close means: no letters
  case("two-columns-close", c(1, 2, 3, 2, 2, 3, 1, 2, 2, 3, 2, 1), rep(0:1, each = 6))
)
writeLines(toJSON(list(source = "R pairwise.t.test(pool.sd = TRUE, p.adjust.method = 'bonferroni')", cases = cases),
  auto_unbox = TRUE, pretty = TRUE, json_verbatim = TRUE), "../test/fixtures/colmeans.json")
