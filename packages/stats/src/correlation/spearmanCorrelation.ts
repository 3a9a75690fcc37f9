import { StatsInputError } from "../ContingencyTable.js"
import type { CorrelationResult } from "./CorrelationResult.js"
import { completePairs, correlationInference, pearsonOf } from "./internal.js"

/** Mid-ranks of v over `idx` with frequency weights: rank = (weight before) + (tie weight + 1)/2. */
const midRanks = (v: Float64Array, idx: ReadonlyArray<number>, weights?: Float64Array): Float64Array => {
  const order = [...idx].sort((a, b) => v[a] - v[b])
  const ranks = new Float64Array(v.length).fill(NaN)
  let before = 0
  for (let s = 0; s < order.length;) {
    let e = s
    let tieW = 0
    while (e < order.length && v[order[e]] === v[order[s]]) {
      tieW += weights === undefined ? 1 : weights[order[e]]
      e++
    }
    for (let m = s; m < e; m++) ranks[order[m]] = before + (tieW + 1) / 2
    before += tieW
    s = e
  }
  return ranks
}

/**
 * Spearman's rank correlation with the t approximation test and a Fisher-z interval, optional frequency
 * weights (R's `cor.test(x, y, method = "spearman", exact = FALSE)`; SPSS NONPAR CORR).
 *
 * Formula: ρ = Pearson's r of the mid-ranks (ties share their mean rank; a case of weight w occupies w ranks);
 * t = ρ√((n − 2)/(1 − ρ²)), p = P(|T_{n−2}| >= |t|) (R's exact = FALSE); 95% interval
 * tanh(atanh ρ ± z_{0.975}·√(1.06/(n − 3))) (Fieller, Hartley & Pearson 1957, Biometrika 44:470-481,
 * doi:10.1093/biomet/44.3-4.470). Reference: Spearman (1904), doi:10.2307/1412159.
 *
 * @param x - first variable, NaN for missing
 * @param y - second variable, NaN for missing
 * @param weights - optional frequency weights
 * @throws StatsInputError "BAD_DIMENSIONS" for different lengths or fewer than 3 complete pairs
 * @example
 * spearmanCorrelation(Float64Array.of(1, 2, 3, 4, 5), Float64Array.of(2, 1, 4, 3, 50)).r // 0.8
 */
export const spearmanCorrelation = (x: Float64Array, y: Float64Array, weights?: Float64Array): CorrelationResult => {
  const idx = completePairs(x, y, weights)
  const { r, n } = pearsonOf(midRanks(x, idx, weights), midRanks(y, idx, weights), idx, weights)
  if (!(n >= 3)) {
    throw new StatsInputError("BAD_DIMENSIONS", `a correlation test needs at least 3 complete pairs, found ${n}`)
  }
  return correlationInference(r, n, (m) => Math.sqrt(1.06 / (m - 3)))
}
