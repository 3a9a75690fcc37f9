# Reference values for describeNumeric: n, missing, mean, SD, SE, median and quartiles, min, max, skewness and
# kurtosis with their standard errors, as SPSS DESCRIPTIVES / FREQUENCIES define them (G1, G2; W = sum of
# weights replaces n). Moments are written out in base R; quartiles come from quantile(type = 6), SPSS's
# HAVERAGE, on the cases replicated by their (integer) weights; fractional-weight cases carry no quartiles.
# Run from this directory:  Rscript describe.R   (writes ../test/fixtures/describe.json)
# Doubles are written as "%.17g" text verbatim (jsonlite writes at most 15 digits), as in likert.R.

suppressPackageStartupMessages(library(jsonlite))

num17 <- function(v) ifelse(is.na(v), "null", ifelse(v == round(v) & abs(v) < 2^53, sprintf("%.0f", v), sprintf("%.17g", v)))
verbatim <- function(txt) structure(txt, class = "json")
exact <- function(x) {
  if (is.list(x)) return(lapply(x, exact))
  if (is.character(x)) return(x)
  if (is.numeric(x) && length(x) == 1) return(verbatim(num17(x)))
  if (is.numeric(x)) return(verbatim(paste0("[", paste(num17(x), collapse = ","), "]")))
  x
}

case <- function(id, x, w = NULL) {
  if (is.null(w)) w <- rep(1, length(x))
  keep <- w > 0
  miss <- sum(w[keep & is.na(x)])
  ok <- keep & !is.na(x)
  v <- x[ok]; ww <- w[ok]
  W <- sum(ww)
  m <- sum(ww * v) / W
  M2 <- sum(ww * (v - m)^2); M3 <- sum(ww * (v - m)^3); M4 <- sum(ww * (v - m)^4)
  s <- sqrt(M2 / (W - 1))
  g1 <- W * M3 / ((W - 1) * (W - 2) * s^3)
  g2 <- (W * (W + 1) * M4 - 3 * M2^2 * (W - 1)) / ((W - 1) * (W - 2) * (W - 3) * s^4)
  seg1 <- sqrt(6 * W * (W - 1) / ((W - 2) * (W + 1) * (W + 3)))
  seg2 <- sqrt(4 * (W^2 - 1) * seg1^2 / ((W - 3) * (W + 5)))
  integral <- all(ww == round(ww))
  q <- if (integral) unname(quantile(rep(v, ww), c(0.25, 0.5, 0.75), type = 6)) else c(NA, NA, NA)
  if (integral && all(ww == 1)) stopifnot(isTRUE(all.equal(s, sd(v))), isTRUE(all.equal(m, mean(v))))
  list(id = id, x = x, weights = if (all(w == 1)) NULL else w,
       n = W, missing = miss, mean = m, sd = s, se = s / sqrt(W), q1 = q[1], median = q[2], q3 = q[3],
       min = min(v), max = max(v), skewness = g1, skewnessSe = seg1, kurtosis = g2, kurtosisSe = seg2)
}

set.seed(20261205)
age <- round(rnorm(57, 42, 9))
age[c(3, 20)] <- NA
income <- round(rlnorm(120, 2, 0.6), 2)
wint <- sample(1:4, 120, replace = TRUE)
wfrac <- round(runif(120, 0.3, 2.5), 3)
cases <- list(
  case("small", c(2, 4, 4, 5, NA)),
  case("ties-even", c(1, 2, 2, 3, 3, 3, 4, 10)),
  case("age-with-missing", age),
  case("skewed-income", income),
  case("income-integer-weights", income, wint),
  case("income-fractional-weights", income, wfrac),
  case("weights-with-zero", c(1.5, 2.5, 3.5, 4.5, 9, NA), c(2, 0, 1, 3, 1, 2))
)
out <- list(generatedBy = paste("scripts/describe.R,", R.version.string), cases = exact(cases))
writeLines(toJSON(out, auto_unbox = TRUE, pretty = FALSE, json_verbatim = TRUE, na = "null", null = "null"),
           "../test/fixtures/describe.json")
