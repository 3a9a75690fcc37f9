# Generates the weighted survey of test/fixtures/weighted (trongso.csv; weighted.sh turns it into trongso.sav
# with PSPP) and R's reference values with FREQUENCY weights, as SPSS/PSPP WEIGHT BY computes them
# (weighted.json): weighted crosstab chi-square (xtabs(w ~ a + b) then chisq.test on the weighted table),
# weighted frequencies, weighted Likert means/SDs (divisor W - 1), weighted Kruskal-Wallis (midranks over the
# weighted counts; checked here against kruskal.test on the replicated data when the weights are integers),
# weighted Cronbach's alpha and weighted per-item chi-square of a multiple-response set.
# Cases with a blank or zero weight are left out (PSPP and SPSS drop them); 9 = no answer is user-missing.
library(jsonlite)
set.seed(20241205)
n <- 800
capbac <- sample(1:3, n, replace = TRUE, prob = c(0.25, 0.35, 0.40))
item <- function(shift) {
  p <- cbind(0.45 - 0.08 * (capbac - 1) + shift, 0.35, 0.20 + 0.08 * (capbac - 1) - shift)
  x <- apply(p, 1, function(q) sample(1:3, 1, prob = q))
  x[sample(n, 12)] <- 9
  x
}
kk1 <- item(0.05); kk2 <- item(-0.05); kk3 <- item(0.10); kk4 <- item(0)
mr <- function(base) rbinom(n, 1, pmin(0.9, base + 0.07 * (capbac - 1)))
mr1 <- mr(0.3); mr2 <- mr(0.5); mr3 <- mr(0.2); mr4 <- mr(0.6)
trongso <- round(runif(n, 0.4, 1.6), 3)
trongso[c(5, 17, 233)] <- 0
trongso[c(40, 41)] <- NA
d <- data.frame(id = 1:n, capbac, kk1, kk2, kk3, kk4, mr1, mr2, mr3, mr4, trongso)
write.csv(d, "../test/fixtures/weighted/trongso.csv", row.names = FALSE, na = "")

ok <- !is.na(d$trongso) & d$trongso > 0
w <- d$trongso
wchisq <- function(a, b) {
  keep <- ok & a != 9 & b != 9
  tab <- xtabs(w[keep] ~ a[keep] + b[keep])
  t <- suppressWarnings(chisq.test(tab, correct = FALSE))
  list(statistic = unname(t$statistic), df = unname(t$parameter), p = t$p.value, n = sum(tab),
       counts = unname(lapply(seq_len(nrow(tab)), function(i) as.numeric(tab[i, ]))))
}
# Kruskal-Wallis with frequency weights: midranks of the weighted score counts, ties corrected.
wkw <- function(x, g, wt) {
  N <- sum(wt)
  tab <- tapply(wt, list(g, x), sum); tab[is.na(tab)] <- 0
  t <- colSums(tab)
  r <- cumsum(t) - t + (t + 1) / 2
  R <- tab %*% r
  ng <- rowSums(tab)
  H <- 12 / (N * (N + 1)) * sum(R^2 / ng) - 3 * (N + 1)
  C <- 1 - sum(t^3 - t) / (N^3 - N)
  list(statistic = H / C, df = nrow(tab) - 1, p = pchisq(H / C, nrow(tab) - 1, lower.tail = FALSE), tiesCorrection = C)
}
# check the weighted formula against kruskal.test on replicated rows (integer weights)
iw <- sample(1:3, n, replace = TRUE)
k1 <- kk1 != 9
a <- wkw(kk1[k1], capbac[k1], iw[k1]); b <- kruskal.test(rep(kk1[k1], iw[k1]), rep(capbac[k1], iw[k1]))
stopifnot(abs(a$statistic - unname(b$statistic)) < 1e-9 * b$statistic)

wstats <- function(x, wt) {
  W <- sum(wt); m <- sum(wt * x) / W
  s <- sqrt(sum(wt * (x - m)^2) / (W - 1))
  se <- s / sqrt(W); q <- qt(0.975, W - 1)
  list(n = W, mean = m, sd = s, ci95 = c(m - q * se, m + q * se))
}
items <- c("kk1", "kk2", "kk3", "kk4")
likert <- lapply(items, function(name) {
  x <- d[[name]]; keep <- ok & x != 9
  list(name = name,
       total = wstats(x[keep], w[keep]),
       byGroup = lapply(1:3, function(g) { k <- keep & capbac == g; c(list(group = g), wstats(x[k], w[k])) }),
       kruskalWallis = wkw(x[keep], capbac[keep], w[keep]))
})
# Cronbach's alpha with frequency weights, listwise
X <- as.matrix(d[, items]); keep <- ok & apply(X != 9, 1, all)
X <- X[keep, ]; wt <- w[keep]
wcov <- function(X, wt) { m <- colSums(X * wt) / sum(wt); Y <- sweep(X, 2, m); crossprod(Y * sqrt(wt)) / (sum(wt) - 1) }
alpha <- function(S) { k <- ncol(S); k / (k - 1) * (1 - sum(diag(S)) / sum(S)) }
S <- wcov(X, wt)
cronbach <- list(n = sum(wt), alpha = alpha(S),
  alphaIfDeleted = sapply(seq_along(items), function(j) alpha(S[-j, -j])),
  itemRestCorrelation = sapply(seq_along(items), function(j) {
    rest <- sum(S[-j, -j]); cv <- sum(S[j, -j]); cv / sqrt(S[j, j] * rest) }))

freq <- tapply(w[ok], capbac[ok], sum)
mrItems <- lapply(c("mr1", "mr2", "mr3", "mr4"), function(name) {
  x <- d[[name]]
  tab <- xtabs(w[ok] ~ capbac[ok] + x[ok])
  t <- chisq.test(tab, correct = FALSE)
  list(name = name, selected = as.numeric(tab[, "1"]), statistic = unname(t$statistic), df = unname(t$parameter), p = t$p.value)
})
out <- list(
  generatedBy = "packages/analysis/scripts/weighted.R",
  rows = n, droppedZero = sum(!is.na(d$trongso) & d$trongso == 0), droppedBlank = sum(is.na(d$trongso)),
  weightSum = sum(w[ok]),
  frequencies = list(variable = "capbac", counts = as.numeric(freq), total = sum(w[ok])),
  crosstab = lapply(items, function(name) c(list(row = "capbac", col = name), wchisq(capbac, d[[name]]))),
  likert = likert, cronbach = cronbach,
  mr = list(groupN = as.numeric(freq), items = mrItems)
)
write_json(out, "../test/fixtures/weighted/weighted.json", digits = NA, auto_unbox = TRUE, pretty = TRUE)
