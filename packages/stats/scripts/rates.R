# Reference values for binomial rate intervals and the beta / t / normal quantiles they rely on.
# Run from this directory:  Rscript rates.R   (writes ../test/fixtures/rates.json)
#
# Wilson = prop.test(x, n, correct = FALSE)$conf.int; Clopper-Pearson = binom.test(x, n)$conf.int.
# Doubles are written as "%.17g" text verbatim (jsonlite writes at most 15 digits), as in chisq.R.

suppressPackageStartupMessages(library(jsonlite))

num17 <- function(v) ifelse(v == round(v) & abs(v) < 2^53, sprintf("%.0f", v), sprintf("%.17g", v))
verbatim <- function(txt) structure(txt, class = "json")
exact <- function(x) {
  if (is.list(x)) return(lapply(x, exact))
  if (is.numeric(x) && length(x) == 1) return(verbatim(num17(x)))
  if (is.numeric(x)) return(verbatim(paste0("[", paste(num17(x), collapse = ","), "]")))
  x
}

pairs <- list(c(0, 1), c(1, 1), c(0, 10), c(10, 10), c(1, 10), c(5, 10), c(9, 10), c(0, 411), c(411, 411),
              c(1, 2), c(3, 7), c(17, 50), c(49, 50), c(250, 1000), c(1, 1096), c(1095, 1096),
              c(19183, 21727), c(319, 411), c(12, 411), c(21726, 21727))
levels <- c(0.9, 0.95, 0.99)
intervals <- list()
for (pr in pairs) for (lv in levels) {
  x <- pr[1]; n <- pr[2]
  w <- suppressWarnings(prop.test(x, n, correct = FALSE, conf.level = lv))$conf.int
  cp <- binom.test(x, n, conf.level = lv)$conf.int
  intervals[[length(intervals) + 1]] <- list(x = x, n = n, level = lv, estimate = x / n,
    wilson = c(w[1], w[2]), clopperPearson = c(cp[1], cp[2]))
}

# beta quantiles and CDFs
shapes <- list(c(0.5, 0.5), c(0.5, 3), c(1, 1), c(2, 3), c(5, 0.5), c(10, 20), c(319, 93), c(320, 92),
               c(19183, 2545), c(19184, 2544), c(0.5, 549.5), c(549.5, 0.5), c(50, 50))
probs <- c(1e-10, 1e-4, 0.005, 0.025, 0.05, 0.3, 0.5, 0.7, 0.95, 0.975, 0.995, 1 - 1e-6)
betaQ <- list()
for (s in shapes) for (p in probs) {
  betaQ[[length(betaQ) + 1]] <- list(p = p, a = s[1], b = s[2], lower = qbeta(p, s[1], s[2]),
    upper = qbeta(p, s[1], s[2], lower.tail = FALSE))
}
xs <- c(1e-6, 0.01, 0.1, 0.3, 0.5, 0.7, 0.77, 0.88, 0.9, 0.99)
betaP <- list()
for (s in shapes) for (x in xs) {
  betaP[[length(betaP) + 1]] <- list(x = x, a = s[1], b = s[2], lower = pbeta(x, s[1], s[2]),
    upper = pbeta(x, s[1], s[2], lower.tail = FALSE))
}
dfs <- c(1, 2, 3, 4.5, 10, 29, 100, 409, 1095, 21726, 99999, 1e5, 3e5)  # R's pt is exact below df = 4e5
tprobs <- c(1e-8, 0.005, 0.025, 0.05, 0.1, 0.4, 0.6, 0.9, 0.95, 0.975, 0.995)
tQ <- list()
for (d in dfs) for (p in tprobs) tQ[[length(tQ) + 1]] <- list(p = p, df = d, q = qt(p, d))
zprobs <- c(1e-300, 1e-20, 1e-8, 0.005, 0.025, 0.05, 0.1, 0.3, 0.45, 0.55, 0.9, 0.95, 0.975, 0.995, 1 - 1e-12)
normalQ <- lapply(zprobs, function(p) list(p = p, q = qnorm(p)))

out <- list(
  generatedBy = paste("scripts/rates.R,", R.version.string),
  intervals = exact(intervals), betaQuantile = exact(betaQ), betaCdf = exact(betaP),
  tQuantile = exact(tQ), normalQuantile = exact(normalQ))
writeLines(toJSON(out, auto_unbox = TRUE, pretty = TRUE, json_verbatim = TRUE), "../test/fixtures/rates.json")
