# Reference values for SPSS-style column-proportion letters of a crosstab: within each row, pairs of columns by the
# pooled two-proportion z test (R's prop.test(correct = FALSE): X-squared = z^2, same p), Bonferroni over the
# testable pairs of the row (columns with 0% or 100% in the row, or a base under 2, left out), letters of the
# columns a cell is significantly larger than (alpha = 0.05).
# Run from this directory:  Rscript colprops.R   (writes ../test/fixtures/colprops.json)

suppressPackageStartupMessages(library(jsonlite))
num17 <- function(v) ifelse(is.na(v), "null", ifelse(v == round(v) & abs(v) < 2^53, sprintf("%.0f", v), sprintf("%.17g", v)))
verbatim <- function(txt) structure(txt, class = "json")
exact <- function(x) {
  if (is.list(x)) return(lapply(x, exact))
  if (is.character(x) || is.logical(x)) return(x)
  if (is.numeric(x) && length(x) == 1) return(verbatim(num17(x)))
  if (is.numeric(x)) return(verbatim(paste0("[", paste(num17(x), collapse = ","), "]")))
  x
}

case <- function(id, m) {
  base <- colSums(m); J <- ncol(m)
  larger <- list(); pairs <- list()
  for (i in seq_len(nrow(m))) {
    p <- m[i, ] / base
    use <- which(base >= 2 & p > 0 & p < 1)
    k <- length(use) * (length(use) - 1) / 2
    lt <- rep("", J); rp <- list()
    if (length(use) >= 2) for (x in 1:(length(use) - 1)) for (y in (x + 1):length(use)) {
      a <- use[x]; b <- use[y]
      t <- suppressWarnings(prop.test(c(m[i, a], m[i, b]), c(base[a], base[b]), correct = FALSE))
      padj <- min(1, k * t$p.value)
      rp[[length(rp) + 1]] <- list(a = a - 1, b = b - 1, z2 = unname(t$statistic), p = t$p.value, pBonferroni = padj)
      if (padj < 0.05) { w <- if (p[a] > p[b]) a else b; o <- if (w == a) b else a; lt[w] <- paste0(lt[w], LETTERS[o]) }
    }
    lt <- sapply(lt, function(s) paste(sort(strsplit(s, "")[[1]]), collapse = ""))
    larger[[i]] <- unname(lt); pairs[[i]] <- rp
  }
  list(id = id, counts = lapply(seq_len(nrow(m)), function(i) m[i, ]), largerThan = larger, pairs = pairs)
}
cases <- list(
  case("table4-item1-by-level", matrix(c(66, 158, 163, 209, 177, 216, 35, 41, 31), nrow = 3, byrow = TRUE)),
  case("with-zero-and-small-base", matrix(c(10, 0, 1, 30, 5, 12, 0, 1, 20, 8, 2, 0), nrow = 3, byrow = TRUE)),
  case("strong-2x4", matrix(c(80, 40, 20, 55, 20, 60, 80, 45), nrow = 2, byrow = TRUE)))
writeLines(toJSON(list(generatedBy = paste("scripts/colprops.R,", R.version.string), cases = exact(cases)),
  auto_unbox = TRUE, pretty = FALSE, json_verbatim = TRUE, na = "null"), "../test/fixtures/colprops.json")
