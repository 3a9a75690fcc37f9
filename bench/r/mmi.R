# Straightforward R implementations of the MMI tests (Bilder, Loughin & Nettleton 2000; Bilder & Loughin
# 2004), written the way an analyst would in base R: the benchmark's R side (bench/compare.mjs, case
# mmi-rs2 and mmi-bootstrap). Not the reference for tests (that is packages/stats/scripts/mmi.R).
#
# group: integer vector 1..r; Y: n x c 0/1 matrix.

# X2_S: the sum of the per-item Pearson statistics of the r x 2 tables (group x selected).
mmi_sum_statistic <- function(group, Y) {
  n <- nrow(Y); r <- max(group)
  n_i <- as.vector(table(factor(group, levels = seq_len(r))))
  s <- rowsum(Y, group, reorder = TRUE)         # r x c selections
  pi <- colSums(Y) / n
  E <- outer(n_i, pi)
  sum((s - E)^2 / (E * rep(1 - pi, each = r)))
}

# Second-order Rao-Scott: X2_S scaled by the first two moments of its null distribution, from the
# per-group c x c covariance of the item vector (the c x c form of Bilder & Loughin 2004, Appendix A).
mmi_rs2 <- function(group, Y) {
  n <- nrow(Y); r <- max(group); c <- ncol(Y)
  n_i <- as.vector(table(factor(group, levels = seq_len(r))))
  a <- n_i / n
  pi <- colSums(Y) / n
  V <- matrix(0, r * c, r * c)                  # block-diagonal covariance of the group proportions
  for (i in seq_len(r)) {
    Yi <- Y[group == i, , drop = FALSE]
    p <- colMeans(Yi)
    S <- crossprod(Yi) / n_i[i] - tcrossprod(p)
    idx <- (i - 1) * c + seq_len(c)
    V[idx, idx] <- S / a[i]
  }
  H <- diag(r * c) - kronecker(matrix(1, r, 1) %*% matrix(a, 1), diag(c))
  D <- kronecker(diag(n / n_i, r), diag(pi * (1 - pi), c))
  M <- solve(D) %*% H %*% V %*% t(H)
  s2 <- sum(diag(M %*% M))
  X2S <- mmi_sum_statistic(group, Y)
  stat <- (r - 1) * c * X2S / s2
  df <- (r - 1)^2 * c^2 / s2
  list(statistic = stat, df = df, p = pchisq(stat, df, lower.tail = FALSE))
}

# Bootstrap under MMI: groups fixed, whole item vectors resampled with replacement; resamples with an item
# selected by nobody or everybody are discarded; p = (1 + #{X2_S* >= X2_S}) / (1 + valid).
mmi_bootstrap <- function(group, Y, B = 1999) {
  n <- nrow(Y)
  X2S <- mmi_sum_statistic(group, Y)
  hits <- 0; valid <- 0
  for (b in seq_len(B)) {
    Ys <- Y[sample.int(n, n, replace = TRUE), , drop = FALSE]
    tot <- colSums(Ys)
    if (any(tot == 0 | tot == n)) next
    valid <- valid + 1
    if (mmi_sum_statistic(group, Ys) >= X2S) hits <- hits + 1
  }
  (1 + hits) / (1 + valid)
}

# The same bootstrap written the most direct way: each resample's X2_S as the sum of chisq.test statistics
# of the per-item group x selected tables (what an analyst who knows chisq.test but not rowsum writes).
mmi_bootstrap_chisq <- function(group, Y, B = 1999) {
  n <- nrow(Y); c <- ncol(Y)
  x2s <- function(Ys) {
    s <- 0
    for (j in seq_len(c)) s <- s + suppressWarnings(chisq.test(table(group, Ys[, j]), correct = FALSE)$statistic)
    unname(s)
  }
  X2S <- x2s(Y)
  hits <- 0; valid <- 0
  for (b in seq_len(B)) {
    Ys <- Y[sample.int(n, n, replace = TRUE), , drop = FALSE]
    tot <- colSums(Ys)
    if (any(tot == 0 | tot == n)) next
    valid <- valid + 1
    if (x2s(Ys) >= X2S) hits <- hits + 1
  }
  (1 + hits) / (1 + valid)
}
