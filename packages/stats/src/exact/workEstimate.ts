/**
 * A cheap up-front estimate of the network algorithm's work (network.ts), so that "auto" can go straight to
 * Monte Carlo when the exact enumeration is hopeless instead of spending its whole work budget first.
 */

/** ln C(a, b) as a sum of b logs (b = k − 1 is small here). */
const lnChoose = (a: number, b: number): number => {
  let s = 0
  for (let i = 1; i <= b; i++) s += Math.log((a - b + i) / i)
  return s
}

const DP_LIMIT = 20_000 // totals above this use the uncapped binomial count (an overestimate; such tables are huge)

/**
 * Number of vectors x with Σ x_i = total and 0 <= x_i <= caps[i] (the arcs leaving a network node), by
 * dynamic programming over the caps with running window sums, O(k · total); above DP_LIMIT the uncapped
 * count C(total + k − 1, k − 1).
 *
 * @example
 * boundedCompositions(3, Int32Array.of(2, 2)) // 2: (1, 2) and (2, 1)
 */
export const boundedCompositions = (total: number, caps: Int32Array): number => {
  const k = caps.length
  if (total > DP_LIMIT) return Math.exp(lnChoose(total + k - 1, k - 1))
  let dp = new Float64Array(total + 1)
  let next = new Float64Array(total + 1)
  dp[0] = 1
  for (let i = 0; i < k; i++) {
    const cap = caps[i]
    let run = 0
    for (let s = 0; s <= total; s++) {
      run += dp[s]
      if (s - cap - 1 >= 0) run -= dp[s - cap - 1]
      next[s] = run
    }
    const t = dp
    dp = next
    next = t
  }
  return Math.max(0, Math.round(dp[total]))
}

/**
 * Estimated elementary steps of `networkRatioSum(rows, cols, ...)`: Σ over stages of (nodes × arcs per node),
 * where a stage's nodes are at most the arcs into it and at most the sorted vectors of its remaining row
 * totals (≈ bounded compositions / k!), the arcs of a node at most the bounded compositions of the column
 * total, and a leaf (two columns left) enumerates the compositions of the smaller of its two columns.
 *
 * Calibrated on the R fixture tables (packages/stats/test/fixtures/fisher.json): within a factor ~30 of the
 * measured work, usually within 5, and it under- rather than overestimates when there are many stages
 * (bounds and merging prune more there), so a large estimate means a large enumeration. Stops early once
 * past `cap`.
 *
 * @example
 * estimateNetworkWork(Int32Array.of(310, 376, 410), Int32Array.of(602, 387, 107), Infinity) // ≈ 1e8
 */
export const estimateNetworkWork = (rows: Int32Array, cols: Int32Array, cap: number): number => {
  const k = rows.length
  const m = cols.length
  let kFactorial = 1
  for (let i = 2; i <= k; i++) kFactorial *= i
  let remaining = 0
  for (let i = 0; i < k; i++) remaining += rows[i]
  let nodes = 1
  let work = 0
  for (let j = 0; j <= m - 2 && work <= cap; j++) {
    const leaf = j === m - 2
    const arcs = boundedCompositions(leaf ? Math.min(cols[m - 2], cols[m - 1]) : cols[j], rows)
    work += nodes * arcs
    if (!leaf) {
      remaining -= cols[j]
      nodes = Math.min(nodes * arcs, Math.max(1, boundedCompositions(remaining, rows) / kFactorial))
    }
  }
  return work
}
