# Reference values for layered (stratified) crosstabs: the generalized Cochran-Mantel-Haenszel test, the
# Mantel-Haenszel common odds ratio with the Robins-Breslow-Greenland interval (stats::mantelhaen.test, with and
# without the 2x2xK continuity correction), and the Breslow-Day test with Tarone's correction (its published
# formula: Breslow & Day 1980, Tarone 1985; the expected a-cell found by uniroot on the odds-ratio equation, not
# by the quadratic the TypeScript code solves).
# Run from this directory:  Rscript cmh.R   (writes ../test/fixtures/cmh.json and ../../analysis/test/fixtures/cmh.json)
# Doubles are written as "%.17g" text verbatim, as in likert.R.

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

breslow_day <- function(x, psi) {
  bd <- 0; sa <- 0; se <- 0; sv <- 0; K <- 0
  for (k in seq_len(dim(x)[3])) {
    t <- x[, , k]; a <- t[1, 1]; m <- sum(t[1, ]); n <- sum(t[, 1]); N <- sum(t)
    if (m == 0 || n == 0 || m == N || n == N) next
    K <- K + 1
    lo <- max(0, m + n - N); hi <- min(m, n)
    f <- function(e) log(e) + log(N - m - n + e) - log(m - e) - log(n - e) - log(psi)
    e <- uniroot(f, c(lo, hi) + c(1, -1) * 1e-12 * max(1, hi), tol = 1e-15)$root
    v <- 1 / (1 / e + 1 / (m - e) + 1 / (n - e) + 1 / (N - m - n + e))
    bd <- bd + (a - e)^2 / v; sa <- sa + a; se <- se + e; sv <- sv + v
  }
  tarone <- bd - (sa - se)^2 / sv
  list(statistic = tarone, df = K - 1, p = pchisq(tarone, K - 1, lower.tail = FALSE),
       uncorrected = list(statistic = bd, p = pchisq(bd, K - 1, lower.tail = FALSE)))
}

strata_of <- function(x) lapply(seq_len(dim(x)[3]), function(k) as.numeric(t(x[, , k])))  # row-major
case <- function(id, x) {
  out <- list(id = id, rows = dim(x)[1], cols = dim(x)[2], strata = strata_of(x))
  g <- mantelhaen.test(x, correct = FALSE)
  out$cmh <- list(statistic = unname(g$statistic), df = unname(g$parameter), p = g$p.value)
  if (all(dim(x)[1:2] == 2)) {
    gc <- mantelhaen.test(x, correct = TRUE)
    out$cmhCorrected <- list(statistic = unname(gc$statistic), df = 1, p = gc$p.value)
    sdlog <- (log(g$conf.int[2]) - log(g$estimate)) / qnorm(0.975)  # R's RBG standard error, from its interval
    out$oddsRatio <- list(estimate = unname(g$estimate), ci95 = as.numeric(g$conf.int), seLog = unname(sdlog),
                          p = unname(2 * pnorm(-abs(log(g$estimate)) / sdlog)))
    out$breslowDay <- breslow_day(x, unname(g$estimate))
  }
  out
}

cases <- list(case("UCBAdmissions", aperm(UCBAdmissions, c(2, 1, 3))),
              case("Rabbits-penicillin", array(c(0, 0, 6, 5, 3, 0, 3, 6, 6, 2, 0, 4, 5, 6, 1, 0, 2, 5, 0, 0), dim = c(2, 2, 5))))
set.seed(15)
lev <- array(rpois(3 * 3 * 2, 25), dim = c(3, 3, 2))
cases[[3]] <- case("level-by-item-by-sex-3x3x2", lev)
cases[[4]] <- case("2x4x3", array(rpois(24, 12) + 1, dim = c(2, 4, 3)))
cases[[5]] <- case("2x2x3-small", array(c(5, 2, 1, 6, 3, 3, 2, 4, 7, 1, 2, 3), dim = c(2, 2, 3)))
out <- list(generatedBy = paste("scripts/cmh.R,", R.version.string), cases = exact(cases))
json <- toJSON(out, auto_unbox = TRUE, pretty = FALSE, json_verbatim = TRUE, na = "null")
writeLines(json, "../test/fixtures/cmh.json")
writeLines(json, "../../analysis/test/fixtures/cmh.json")  # the same file for the analysis package's tests
