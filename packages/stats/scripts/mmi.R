# Reference values for multiple-response sets and the MMI tests (Bilder, Loughin & Nettleton 2000,
# doi:10.1080/03610910008813665; Bilder & Loughin 2004, doi:10.1111/j.0006-341X.2004.00147.x).
# Run from this directory:  Rscript mmi.R   (writes ../test/fixtures/mmi.json)
#
# Generates respondent-level datasets (group, then one 0/1 column per item; items correlated through a latent
# trait) and computes, in base R only:
#  - per-item r x 2 Pearson tests (chisq.test, correct = FALSE), p.adjust Bonferroni and Holm;
#  - the MMI sum statistic X2_S and the Bonferroni MMI p-values;
#  - the second-order Rao-Scott statistic by a DIRECT implementation of the 2^c joint-multinomial form
#    (Bilder & Loughin 2004, Appendix A): joint cell proportions tau_i per group, their multinomial
#    covariance V = blockdiag((diag(tau_i) - tau_i tau_i') / a_i), the 0/1 matrix G mapping joint cells to item
#    margins, H and D as in the paper, M = D^-1 H G V G' H', s2 = sum of squared eigenvalues of M;
#  - pairwise two-proportion tests per item with prop.test(correct = FALSE).
# The TypeScript code uses the equivalent c x c covariance form (Cov_i(Y) = G V_i G'), never the 2^c table.
# jsonlite writes at most 15 significant digits, so every double goes through "%.17g" text and json_verbatim.

suppressPackageStartupMessages(library(jsonlite))

num17 <- function(v) {
  stopifnot(all(is.finite(v)))
  ifelse(v == round(v) & abs(v) < 2^53, sprintf("%.0f", v), sprintf("%.17g", v))
}
verbatim <- function(txt) structure(txt, class = "json")
exact <- function(x) {
  if (is.list(x)) return(lapply(x, exact))
  if (is.numeric(x) && is.matrix(x)) {
    return(verbatim(paste0("[", paste0("[", apply(x, 1, function(r) paste(num17(r), collapse = ",")), "]", collapse = ","), "]")))
  }
  if (is.numeric(x) && length(x) == 1 && is.null(attr(x, "array"))) return(verbatim(num17(x)))
  if (is.numeric(x)) return(verbatim(paste0("[", paste(num17(x), collapse = ","), "]")))
  x
}

# group: integer 1..r; Y: n x c 0/1 matrix
simulate <- function(groupSizes, intercepts, loading, seed) {
  set.seed(seed)
  r <- length(groupSizes)
  group <- rep(seq_len(r), times = groupSizes)
  n <- length(group)
  z <- rnorm(n)
  Y <- sapply(seq_len(ncol(intercepts)), function(j) {
    rbinom(n, 1, plogis(intercepts[group, j] + loading[j] * z))
  })
  perm <- sample.int(n) # respondents in random order, groups interleaved
  list(group = group[perm], Y = Y[perm, , drop = FALSE])
}

rs2_joint <- function(group, Y) {
  r <- max(group); c <- ncol(Y); n <- nrow(Y)
  n_i <- as.vector(table(factor(group, levels = seq_len(r))))
  a <- n_i / n
  K <- 2^c
  # joint cell of each respondent: pattern index 1..2^c, item j is bit (j - 1)
  cell <- as.vector(Y %*% (2^(seq_len(c) - 1))) + 1
  Gt <- sapply(seq_len(K) - 1, function(p) as.numeric(bitwAnd(p, 2^(seq_len(c) - 1)) > 0)) # c x K
  if (c == 1) Gt <- matrix(Gt, 1)
  tau <- numeric(0)
  V <- matrix(0, r * K, r * K)
  for (i in seq_len(r)) {
    ti <- tabulate(cell[group == i], nbins = K) / n_i[i]
    idx <- (i - 1) * K + seq_len(K)
    V[idx, idx] <- (diag(ti, K) - tcrossprod(ti)) / a[i]
    tau <- c(tau, ti)
  }
  G <- kronecker(diag(r), Gt)
  p_ij <- G %*% tau                       # group-major item proportions
  pi_j <- as.vector(kronecker(matrix(a, 1), diag(c)) %*% p_ij)
  H <- diag(r * c) - kronecker(matrix(1, r, 1) %*% matrix(a, 1), diag(c))
  D <- kronecker(diag(n / n_i, r), diag(pi_j * (1 - pi_j), c))
  M <- solve(D) %*% H %*% G %*% V %*% t(G) %*% t(H)
  ev <- Re(eigen(M, only.values = TRUE)$values)
  s2 <- sum(ev^2)
  stopifnot(abs(s2 - sum(diag(M %*% M))) < 1e-10 * s2)
  list(s2 = s2, trM = sum(diag(M)))
}

# Monte Carlo reference for the bootstrap (R's own RNG, so only the distribution can be compared): group labels
# fixed, item vectors drawn with replacement from all respondents; resamples with an item selected by nobody or
# everybody are discarded; p = (1 + #{X2_S* >= X2_S}) / (1 + valid).
bootstrap_null <- function(group, Y, X2S, B, seed) {
  set.seed(seed)
  n <- nrow(Y); r <- max(group)
  n_i <- as.vector(table(factor(group, levels = seq_len(r))))
  stats <- numeric(0); discarded <- 0
  for (b in seq_len(B)) {
    Ys <- Y[sample.int(n, n, replace = TRUE), , drop = FALSE]
    tot <- colSums(Ys)
    if (any(tot == 0 | tot == n)) { discarded <- discarded + 1; next }
    s <- rowsum(Ys, group, reorder = TRUE)            # r x c selections
    pi <- tot / n
    E <- outer(n_i, pi)
    stats <- c(stats, sum((s - E)^2 / (E * rep(1 - pi, each = r))))
  }
  list(B = B, resamples = length(stats), discarded = discarded, p = (1 + sum(stats >= X2S)) / (1 + length(stats)))
}

describe <- function(id, d) {
  group <- d$group; Y <- d$Y
  r <- max(group); c <- ncol(Y); n <- nrow(Y)
  gf <- factor(group, levels = seq_len(r))
  n_i <- as.vector(table(gf))
  counts <- t(sapply(seq_len(r), function(i) colSums(Y[group == i, , drop = FALSE])))
  if (c == 1) counts <- t(counts)
  per <- lapply(seq_len(c), function(j) {
    ct <- suppressWarnings(chisq.test(table(gf, factor(Y[, j], levels = 0:1)), correct = FALSE))
    c(unname(ct$statistic), ct$p.value)
  })
  x2 <- sapply(per, `[`, 1); p <- sapply(per, `[`, 2)
  X2S <- sum(x2)
  pUpper <- pchisq(x2, r - 1, lower.tail = FALSE)
  stopifnot(max(abs(pUpper - p) / p) < 1e-14)
  rs <- rs2_joint(group, Y)
  stat <- (r - 1) * c * X2S / rs$s2
  df <- (r - 1)^2 * c^2 / rs$s2
  pairs <- list()
  for (j in seq_len(c)) for (a in 1:(r - 1)) for (b in (a + 1):r) {
    pt <- suppressWarnings(prop.test(c(counts[a, j], counts[b, j]), c(n_i[a], n_i[b]), correct = FALSE))
    pairs[[length(pairs) + 1]] <- list(item = j - 1, a = a - 1, b = b - 1, x2 = unname(pt$statistic), p = pt$p.value)
  }
  boot <- bootstrap_null(group, Y, X2S, B = 20000, seed = 4000 + r * 10 + c)
  list(
    id = id,
    groupCount = r,
    rows = unname(cbind(group - 1, Y)),   # respondent rows: 0-based group, then the items
    groupN = n_i,
    counts = unname(counts),
    percentOfCases = unname(100 * counts / n_i),
    percentOfResponses = unname(100 * counts / rowSums(counts)),
    items = list(statistic = x2, df = r - 1, p = p,
                 pBonferroni = p.adjust(p, "bonferroni"), pHolm = p.adjust(p, "holm")),
    mmi = list(sumStatistic = X2S,
               bonferroni = list(pItems = pmin(1, c * pUpper), p = min(pmin(1, c * pUpper))),
               bootstrap = boot,
               rs2 = list(statistic = stat, df = df, p = pchisq(stat, df, lower.tail = FALSE), s2 = rs$s2, trM = rs$trM)),
    proportionPairs = pairs
  )
}

datasets <- list(
  list(id = "3groups-4items-n300-correlated",
       d = simulate(c(90, 110, 100), rbind(c(-0.4, 0.3, 0.0, -1.0), c(0.1, 0.2, 0.5, -0.8), c(0.5, 0.4, -0.2, -1.2)),
                    loading = c(1.2, 0.8, 1.5, 1.0), seed = 3001)),
  list(id = "2groups-3items-n160",
       d = simulate(c(70, 90), rbind(c(0.2, -0.5, 1.0), c(-0.3, -0.4, 0.9)), loading = c(1, 1.3, 0.6), seed = 3002)),
  list(id = "4groups-5items-n400-strong",
       d = simulate(c(60, 120, 140, 80), rbind(c(-1, 0, 0.5, -0.5, 0), c(-0.5, 0.2, 0.4, -0.3, 0.3),
                                               c(0.3, 0.5, 0.1, 0.4, 0.2), c(1.2, 1, -0.2, 0.5, 0.8)),
                    loading = c(2, 1.5, 1, 0.5, 1.8), seed = 3003)),
  list(id = "3groups-2items-n45-small",
       d = simulate(c(12, 18, 15), rbind(c(0, -0.5), c(0.4, 0), c(-0.6, 0.3)), loading = c(0.7, 1.1), seed = 3004)),
  # p far below MRCV's 1 - pchisq floor (~1e-16): the upper tails must be computed directly
  list(id = "3groups-3items-n600-tiny-p",
       d = simulate(c(200, 200, 200), rbind(c(-2, -1.5, 1.5), c(0, 0, 0), c(2, 1.5, -1.5)),
                    loading = c(1, 1, 1), seed = 3005)),
  # a rare item (2 of 40 respondents): about 13 % of bootstrap resamples miss it and are discarded
  list(id = "2groups-2items-n40-rare-item",
       d = local({
         set.seed(3006)
         group <- rep(1:2, times = c(18, 22))
         Y <- cbind(rbinom(40, 1, ifelse(group == 1, 0.3, 0.6)), as.numeric(seq_len(40) %in% c(5, 31)))
         list(group = group, Y = Y)
       }))
)
out <- lapply(datasets, function(s) describe(s$id, s$d))

writeLines(toJSON(exact(list(generatedBy = paste("scripts/mmi.R with", R.version.string), datasets = out)),
                  digits = NA, auto_unbox = TRUE, null = "null", json_verbatim = TRUE),
           "../test/fixtures/mmi.json")
for (o in out) cat(o$id, "X2S", o$mmi$sumStatistic, "RS2", o$mmi$rs2$statistic, "df", o$mmi$rs2$df, "p", o$mmi$rs2$p, "trM", o$mmi$rs2$trM, "\n")
