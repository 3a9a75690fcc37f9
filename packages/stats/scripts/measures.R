# Reference values for src/measures/*: every measure of association with its ASE1, approximate T and p.
# Run: cd packages/stats/scripts && Rscript measures.R   (writes ../test/fixtures/measures.json)
#
# Independent of the TypeScript code on purpose:
#  - pair scores C_ij / D_ij by explicit loops over every pair of cells (the TypeScript uses cumulative sums);
#  - every ASE1 by a generic delta-method engine on cell proportions p: ASE1 = sqrt((sum p phi^2 - (sum p phi)^2) / N)
#    with phi the analytic gradient of the measure written as a function of p (the TypeScript uses the closed
#    forms of the SPSS CROSSTABS algorithms in counts); each gradient is checked against central finite
#    differences (stop() on mismatch);
#  - ASE0 (for "Approx. T") as the delta-method standard deviation of the measure's numerator alone, divided by
#    the denominator (what SPSS does: the variance with the association terms dropped);
#  - tau-b checked against cor(x, y, method = "kendall") on the expanded case data (n <= 4000).
# Numbers are written with 17 significant digits (jsonlite's digits = NA stops at 15); NaN is written as null.
library(jsonlite)
source("fixture-tables.R")

num <- function(x) structure(ifelse(is.finite(x), sprintf("%.17g", x), "null"), class = "json")
clean <- function(v, scale) if (is.na(v) || v <= abs(scale) * 1e-13) 0 else v

# delta-method standard error of a measure with gradient phi (matrix like p) at proportions p, sample size n
delta_se <- function(p, phi, n) {
  m1 <- sum(p * phi); m2 <- sum(p * phi^2)
  sqrt(clean(m2 - m1^2, m2) / n)
}

# central finite-difference gradient of f at p (p treated as free, unnormalized variables)
fd_grad <- function(f, p, h = 1e-6) {
  g <- p
  for (k in seq_along(p)) {
    a <- p; b <- p; a[k] <- a[k] + h; b[k] <- b[k] - h
    g[k] <- (f(a) - f(b)) / (2 * h)
  }
  g
}
check_grad <- function(name, id, f, phi, p, n) {
  fd <- fd_grad(f, p)
  se_a <- delta_se(p, phi, n); se_f <- delta_se(p, fd, n)
  if (se_a > 1e-8 && abs(se_a - se_f) > 1e-5 * se_a) stop(sprintf("%s: gradient check failed on %s (%g vs %g)", name, id, se_a, se_f))
}

# pair scores by explicit loops: pc[i, j] = proportion concordant with a case in (i, j), pd discordant
pair_scores <- function(p) {
  r <- nrow(p); c <- ncol(p)
  pc <- matrix(0, r, c); pd <- matrix(0, r, c)
  for (i in 1:r) for (j in 1:c) for (h in 1:r) for (k in 1:c) {
    if ((h < i && k < j) || (h > i && k > j)) pc[i, j] <- pc[i, j] + p[h, k]
    if ((h < i && k > j) || (h > i && k < j)) pd[i, j] <- pd[i, j] + p[h, k]
  }
  list(pc = pc, pd = pd)
}

ordinal <- function(p, n, id) {
  r <- nrow(p); c <- ncol(p); q <- min(r, c)
  pr <- rowSums(p); pcol <- colSums(p)
  s <- pair_scores(p)
  Pc <- sum(p * s$pc); Pd <- sum(p * s$pd)   # Agresti's Pi_c, Pi_d (each pair counted twice)
  dr <- sum(p)^2 - sum(pr^2); dc <- sum(p)^2 - sum(pcol^2)
  delta <- Pc - Pd
  gD <- 2 * (s$pc - s$pd)                      # gradient of Pi_c - Pi_d
  sdD <- delta_se(p, gD, n)                    # ASE0 core
  Ri <- matrix(pr, r, c); Cj <- matrix(pcol, r, c, byrow = TRUE)
  wald <- function(value, ase1, ase0) {
    t <- if (ase0 > 0) value / ase0 else NaN
    list(value = num(value), ase = num(ase1), t = num(t), p = num(if (is.nan(t)) NaN else 2 * pnorm(-abs(t))))
  }
  # functions of free p for the finite-difference checks
  fpairs <- function(x) { z <- pair_scores(x); c(sum(x * z$pc), sum(x * z$pd)) }
  fdr <- function(x) sum(x)^2 - sum(rowSums(x)^2)
  fdc <- function(x) sum(x)^2 - sum(colSums(x)^2)
  # gamma
  g <- delta / (Pc + Pd)
  phi_g <- 4 * (Pd * s$pc - Pc * s$pd) / (Pc + Pd)^2
  check_grad("gamma", id, function(x) { z <- fpairs(x); (z[1] - z[2]) / (z[1] + z[2]) }, phi_g, p, n)
  # tau-b
  tb <- delta / sqrt(dr * dc)
  phi_tb <- (gD * sqrt(dr * dc) + delta * (Ri * dc + Cj * dr) / sqrt(dr * dc)) / (dr * dc)
  check_grad("tau-b", id, function(x) { z <- fpairs(x); (z[1] - z[2]) / sqrt(fdr(x) * fdc(x)) }, phi_tb, p, n)
  # tau-c (SPSS: the same ASE for the interval and for T)
  tc <- q * delta / (q - 1)
  ase_tc <- q / (q - 1) * sdD
  # Somers' d
  d_rows <- delta / dc; d_cols <- delta / dr; d_sym <- 2 * delta / (dr + dc)
  phi_dr <- (gD * dc + delta * 2 * Cj) / dc^2
  phi_dc <- (gD * dr + delta * 2 * Ri) / dr^2
  phi_ds <- 2 * (gD * (dr + dc) + delta * 2 * (Ri + Cj)) / (dr + dc)^2
  check_grad("somers rows", id, function(x) { z <- fpairs(x); (z[1] - z[2]) / fdc(x) }, phi_dr, p, n)
  check_grad("somers cols", id, function(x) { z <- fpairs(x); (z[1] - z[2]) / fdr(x) }, phi_dc, p, n)
  check_grad("somers sym", id, function(x) { z <- fpairs(x); 2 * (z[1] - z[2]) / (fdr(x) + fdc(x)) }, phi_ds, p, n)
  list(
    concordantPairs = num(Pc * n^2 / 2), discordantPairs = num(Pd * n^2 / 2),
    gamma = wald(g, delta_se(p, phi_g, n), sdD / (Pc + Pd)),
    kendallTauB = wald(tb, delta_se(p, phi_tb, n), sdD / sqrt(dr * dc)),
    kendallTauC = wald(tc, ase_tc, ase_tc),
    somersD = list(
      symmetric = wald(d_sym, delta_se(p, phi_ds, n), 2 * sdD / (dr + dc)),
      rowsDependent = wald(d_rows, delta_se(p, phi_dr, n), sdD / dc),
      colsDependent = wald(d_cols, delta_se(p, phi_dc, n), sdD / dr)
    )
  )
}

# lambda with columns dependent on proportions x (rows dependent: pass t(x)); first maximum on ties
lambda_cols <- function(x) {
  mi <- apply(x, 1, which.max); M <- which.max(colSums(x))
  a <- sum(x[cbind(seq_len(nrow(x)), mi)]); cm <- sum(x[, M])
  (a - cm) / (sum(x) - cm)
}
lambda_sym <- function(x) {
  mi <- apply(x, 1, which.max); mj <- apply(x, 2, which.max)
  a <- sum(x[cbind(seq_len(nrow(x)), mi)]) + sum(x[cbind(mj, seq_len(ncol(x)))])
  b <- max(rowSums(x)) + max(colSums(x))
  (a - b) / (2 * sum(x) - b)
}
has_ties <- function(v) sum(v == max(v)) > 1
lambda_all <- function(p, n, id) {
  r <- nrow(p); c <- ncol(p)
  one_cols <- function(x) {                       # columns dependent on x; returns value, ASE1, ASE0, u
    mi <- apply(x, 1, which.max); M <- which.max(colSums(x))
    u <- matrix(0, nrow(x), ncol(x)); u[cbind(seq_len(nrow(x)), mi)] <- 1   # [j = m(i)]
    v <- matrix(0, nrow(x), ncol(x)); v[, M] <- 1                          # [j = M]
    cm <- sum(x[, M]); lam <- lambda_cols(x)
    phi <- (u - v) / (1 - cm) + (sum(x * u) - cm) * v / (1 - cm)^2
    list(value = lam, ase1 = delta_se(x, phi, n), ase0 = delta_se(x, u - v, n) / (1 - cm), phi = phi,
         ties = any(apply(x, 1, has_ties)) || has_ties(colSums(x)))
  }
  cd <- one_cols(p); rd <- one_cols(t(p))
  mi <- apply(p, 1, which.max); mj <- apply(p, 2, which.max)
  u <- matrix(0, r, c); u[cbind(1:r, mi)] <- 1; u[cbind(mj, 1:c)] <- u[cbind(mj, 1:c)] + 1
  v <- matrix(0, r, c); v[which.max(rowSums(p)), ] <- 1; v[, which.max(colSums(p))] <- v[, which.max(colSums(p))] + 1
  b <- sum(p * v); lam <- lambda_sym(p)
  phi_s <- (u - v) / (2 - b) + (sum(p * u) - b) * v / (2 - b)^2
  ties <- cd$ties || rd$ties
  if (!ties) {
    check_grad("lambda cols", id, lambda_cols, cd$phi, p, n)
    check_grad("lambda rows", id, function(x) lambda_cols(t(x)), t(rd$phi), p, n)
    check_grad("lambda sym", id, lambda_sym, phi_s, p, n)
  }
  w <- function(value, ase1, ase0) {
    t <- if (ase0 > 0) value / ase0 else NaN
    list(value = num(value), ase = num(ase1), t = num(t), p = num(if (is.nan(t)) NaN else 2 * pnorm(-abs(t))))
  }
  list(
    symmetric = w(lam, delta_se(p, phi_s, n), delta_se(p, u - v, n) / (2 - b)),
    rowsDependent = w(rd$value, rd$ase1, rd$ase0),
    colsDependent = w(cd$value, cd$ase1, cd$ase0)
  )
}

# Goodman and Kruskal's tau, columns dependent, as a function of free proportions x
gk_tau_cols <- function(x) { pr <- rowSums(x); pc <- colSums(x); s <- sum(x); (s * sum(x^2 / pr) - sum(pc^2)) / (s^2 - sum(pc^2)) }
gk_tau <- function(p, n, id) {
  one <- function(x) {
    pr <- rowSums(x); pc <- colSums(x)
    Ri <- matrix(pr, nrow(x), ncol(x)); Cj <- matrix(pc, nrow(x), ncol(x), byrow = TRUE)
    # sum(x^2 / pr) - sum(pc^2) as a weighted sum of squares (no cancellation when tau ~ 0); naive form as a check
    num_ <- sum(Ri * (x / Ri - Cj)^2); den <- 1 - sum(pc^2)
    if (abs(num_ - (sum(x^2 / pr) - sum(pc^2))) > 1e-12) stop(sprintf("GK tau numerator mismatch on %s", id))
    si <- matrix(rowSums(x^2) / pr^2, nrow(x), ncol(x))
    # gradient of gk_tau_cols at sum(x) = 1
    gnum <- 2 * x / Ri - si - 2 * Cj + sum(x^2 / pr)   # d/dx of s * sum(x^2 / pr) - sum(pc^2) at s = 1
    gden <- 2 - 2 * Cj                                                       # d/dx of s^2 - sum(pc^2)
    phi <- (gnum * den - num_ * gden) / den^2
    check_grad("GK tau", id, gk_tau_cols, phi, x, n)
    tau <- num_ / den
    k <- ncol(x); stat <- (n - 1) * (k - 1) * tau; df <- (nrow(x) - 1) * (k - 1)
    list(value = num(tau), ase = num(delta_se(x, phi, n)), statistic = num(stat), df = df,
         p = num(pchisq(stat, df, lower.tail = FALSE)))
  }
  list(rowsDependent = one(t(p)), colsDependent = one(p))
}

# uncertainty coefficients (natural logs)
entropy <- function(v) { v <- v[v > 0]; -sum(v * log(v)) }
unc_rows <- function(x) { s <- sum(x); hr <- entropy(rowSums(x) / s); (hr + entropy(colSums(x) / s) - entropy(x / s)) / hr }
unc_sym <- function(x) { s <- sum(x); hr <- entropy(rowSums(x) / s); hc <- entropy(colSums(x) / s); 2 * (hr + hc - entropy(x / s)) / (hr + hc) }
uncertainty <- function(p, n, id, lr_p, counts) {
  r <- nrow(p); c <- ncol(p)
  pr <- rowSums(p); pc <- colSums(p)
  hr <- entropy(pr); hc <- entropy(pc); hrc <- entropy(p)
  # mutual information from the log-ratios in counts: exact zeros for exactly independent integer tables, and no
  # cancellation of H(R) + H(C) - H(RC) for nearly independent large tables (that difference is kept as a check)
  lratio <- ifelse(counts > 0, log(counts * sum(counts) / outer(rowSums(counts), colSums(counts))), 0)
  info <- sum(p * lratio)
  if (abs(info - (hr + hc - hrc)) > 1e-12) stop(sprintf("mutual information mismatch on %s", id))
  Ri <- matrix(pr, r, c); Cj <- matrix(pc, r, c, byrow = TRUE)
  # gradients at sum(p) = 1 (entropies of x / sum(x)); constants cancel in the centred variance
  gHr <- -log(Ri); gHc <- -log(Cj)
  gI <- lratio
  phi_r <- (gI * hr - info * gHr) / hr^2
  phi_c <- (gI * hc - info * gHc) / hc^2
  phi_s <- 2 * (gI * (hr + hc) - info * (gHr + gHc)) / (hr + hc)^2
  keep <- p > 0  # empty cells carry no weight; the finite-difference check needs them positive to be smooth
  if (all(keep)) {
    check_grad("U rows", id, unc_rows, phi_r, p, n)
    check_grad("U cols", id, function(x) unc_rows(t(x)), phi_c, p, n)
    check_grad("U sym", id, unc_sym, phi_s, p, n)
  }
  sdI <- delta_se(p, gI, n)
  w <- function(value, ase1, ase0) list(value = num(value), ase = num(ase1), t = num(if (ase0 > 0) value / ase0 else NaN), p = num(lr_p))
  list(
    symmetric = w(2 * info / (hr + hc), delta_se(p, phi_s, n), 2 * sdI / (hr + hc)),
    rowsDependent = w(info / hr, delta_se(p, phi_r, n), sdI / hr),
    colsDependent = w(info / hc, delta_se(p, phi_c, n), sdI / hc)
  )
}

measures_of <- function(id, counts) {
  n <- sum(counts); p <- counts / n; r <- nrow(counts); c <- ncol(counts)
  e <- outer(rowSums(counts), colSums(counts)) / n
  x2 <- sum((counts - e)^2 / e); df <- (r - 1) * (c - 1)
  g2 <- 2 * sum(ifelse(counts > 0, counts * log(counts / e), 0))
  px2 <- pchisq(x2, df, lower.tail = FALSE); pg2 <- pchisq(g2, df, lower.tail = FALSE)
  phi <- if (r == 2 && c == 2) {
    (counts[1, 1] * counts[2, 2] - counts[1, 2] * counts[2, 1]) / sqrt(prod(rowSums(counts)) * prod(colSums(counts)))
  } else sqrt(x2 / n)
  out <- list(
    id = id, counts = counts, n = n,
    pearson = list(statistic = num(x2), df = df, p = num(px2)),
    likelihoodRatio = list(statistic = num(g2), df = df, p = num(pg2)),
    phi = list(value = num(phi), p = num(px2)),
    cramersV = list(value = num(sqrt(x2 / (n * (min(r, c) - 1)))), p = num(px2)),
    contingencyCoefficient = list(value = num(sqrt(x2 / (x2 + n))), p = num(px2)),
    lambda = lambda_all(p, n, id),
    goodmanKruskalTau = gk_tau(p, n, id),
    uncertaintyCoefficient = uncertainty(p, n, id, pg2, counts)
  )
  out <- c(out, ordinal(p, n, id))
  if (n <= 4000) {
    x <- rep(row(counts), counts); y <- rep(col(counts), counts)
    kc <- cor(x, y, method = "kendall")
    tb <- as.numeric(unclass(out$kendallTauB$value))
    if (abs(kc - tb) > 1e-12) stop(sprintf("tau-b differs from cor(kendall) on %s: %.17g vs %.17g", id, tb, kc))
    out$kendallCor <- num(kc)
  }
  out
}

extra <- list(
  # Agresti (2002) "Categorical Data Analysis" 2nd ed., Table 2.13 (income x job satisfaction, 1996 GSS):
  # C = 1331, D = 849, gamma = 0.221 (section 2.4.4), ASE 0.117 (section 3.4.4)
  list(id = "agresti-job-satisfaction", counts = matrix(c(1, 3, 10, 6, 2, 3, 10, 7, 1, 6, 14, 12, 0, 1, 9, 11), 4, byrow = TRUE)),
  list(id = "negative-2x2", counts = matrix(c(10, 20, 30, 5), 2, byrow = TRUE)),
  list(id = "perfect-2x2-equal", counts = matrix(c(25, 0, 0, 25), 2, byrow = TRUE)),
  list(id = "perfect-3x3-diagonal", counts = matrix(c(20, 0, 0, 0, 20, 0, 0, 0, 20), 3, byrow = TRUE)),
  list(id = "perfect-negative-3x3", counts = matrix(c(0, 0, 7, 0, 5, 0, 9, 0, 0), 3, byrow = TRUE)),
  list(id = "lambda-ties-3x4", counts = matrix(c(5, 5, 2, 1, 3, 3, 3, 3, 1, 6, 6, 2), 3, byrow = TRUE)),
  list(id = "independent-3x3", counts = matrix(c(10, 20, 30, 20, 40, 60, 30, 60, 90), 3, byrow = TRUE)),
  list(id = "huge-counts-2x3", counts = matrix(c(1200000, 900000, 450000, 1000000, 1100000, 500000), 2, byrow = TRUE)),
  list(id = "wide-2x6", counts = matrix(c(3, 8, 12, 9, 4, 1, 1, 2, 6, 11, 14, 9), 2, byrow = TRUE))
)
tables <- c(extra, fixture_tables())
rows <- lapply(tables, function(tb) { m <- tb$counts; storage.mode(m) <- "double"; measures_of(tb$id, m) })
out <- list(
  generator = "packages/stats/scripts/measures.R",
  r = R.version.string,
  note = paste("ASE = ASE1 (delta method); t = value / ASE0; p = 2 * pnorm(-|t|), except uncertaintyCoefficient",
               "(p = likelihood-ratio p) and goodmanKruskalTau (chi-square (N-1)(K-1)tau); null = NaN"),
  tables = rows
)
writeLines(toJSON(out, auto_unbox = TRUE, json_verbatim = TRUE, digits = NA), "../test/fixtures/measures.json")
cat("wrote measures for", length(rows), "tables\n")
