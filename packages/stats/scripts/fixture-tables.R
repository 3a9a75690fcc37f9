# The reference tables every fixture script uses (sourced, not run on its own).
# Deterministic: set.seed() here means every fixture JSON is reproducible byte for byte.
#
# fixture_tables() returns a list of list(id = "...", counts = integer matrix).
# Kinds: random 2x2..6x6 (moderate n), sparse tables with zero cells (no zero margins),
# large-count tables, strongly associated tables (tiny p-values), and hand-picked cases
# (the paper's Table 4 first item, 40,1;1,40).

fixture_tables <- function() {
  set.seed(20241122)
  out <- list()
  add <- function(id, m) {
    storage.mode(m) <- "integer"
    # keep only tables whose margins are all positive: every test below needs them
    if (all(rowSums(m) > 0) && all(colSums(m) > 0)) out[[length(out) + 1]] <<- list(id = id, counts = m)
  }
  add("paper-table4-item1", matrix(c(66, 209, 35, 158, 177, 41, 163, 216, 31), 3, byrow = TRUE))
  add("strong-2x2-40-1", matrix(c(40, 1, 1, 40), 2, byrow = TRUE))
  add("balanced-2x2", matrix(c(10, 10, 10, 10), 2, byrow = TRUE))
  add("tiny-2x2", matrix(c(3, 0, 0, 2), 2, byrow = TRUE))
  add("one-zero-2x2", matrix(c(12, 0, 5, 9), 2, byrow = TRUE))
  k <- 0
  dims <- expand.grid(r = 2:6, c = 2:6)
  for (d in seq_len(nrow(dims))) {
    r <- dims$r[d]; c <- dims$c[d]
    # random, moderate n
    k <- k + 1; add(sprintf("random-%dx%d-%d", r, c, k), matrix(rpois(r * c, runif(1, 3, 40)), r, c))
    # sparse: many zeros, small n
    m <- matrix(rpois(r * c, 1.2), r, c); m[m > 0 & runif(r * c) < 0.2] <- 0L
    k <- k + 1; add(sprintf("sparse-%dx%d-%d", r, c, k), m)
    # large counts
    k <- k + 1; add(sprintf("large-%dx%d-%d", r, c, k), matrix(rpois(r * c, runif(1, 2000, 50000)), r, c))
    # strong association: diagonal-heavy
    base <- matrix(rpois(r * c, 2), r, c)
    for (i in seq_len(min(r, c))) base[i, i] <- base[i, i] + rpois(1, 60)
    k <- k + 1; add(sprintf("strong-%dx%d-%d", r, c, k), base)
  }
  # a second set of random tables with moderate n, 2x2..4x5, to exceed 100 and cover small-df cases well
  for (rep in 1:12) {
    r <- sample(2:4, 1); c <- sample(2:5, 1)
    k <- k + 1; add(sprintf("random-%dx%d-%d", r, c, k), matrix(rpois(r * c, runif(1, 1, 15)), r, c))
  }
  out
}
