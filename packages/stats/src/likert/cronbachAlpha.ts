import { StatsInputError } from "../ContingencyTable.js"
import { alphaFromCovariance } from "./alphaFromCovariance.js"

/** Internal consistency of a set of items. */
export interface CronbachAlphaResult {
  readonly alpha: number
  /** complete cases used (listwise deletion) */
  readonly n: number
  /** number of items */
  readonly k: number
  /** α of the remaining k − 1 items when item j is dropped (NaN for k = 2: one item has no α) */
  readonly alphaIfDeleted: ReadonlyArray<number>
  /** Pearson correlation of item j with the sum of the other items (corrected item-total correlation) */
  readonly itemRestCorrelation: ReadonlyArray<number>
  /** present when some result is NaN, saying why */
  readonly reason?: string
}

/**
 * Cronbach's α with α-if-item-deleted and item-rest correlations (SPSS RELIABILITY /SUMMARY=TOTAL).
 *
 * Formula: with S the k x k sample covariance matrix of the items over complete cases,
 * α = k/(k − 1) · (1 − Σ_j S_jj / Σ_ij S_ij); α without item j uses k − 1, Σ_{i≠j} S_ii and
 * Σ_ij S_ij − 2 Σ_i S_ij + S_jj; the item-rest correlation is
 * r_j = (Σ_{i≠j} S_ij) / √(S_jj · (Σ_ij S_ij − 2 Σ_i S_ij + S_jj)).
 * Reference: Cronbach (1951) doi:10.1007/BF02310555.
 *
 * @param items - one Float64Array per item (same length = cases), NaN for missing; cases with any NaN are dropped
 * @throws StatsInputError: "BAD_DIMENSIONS" for fewer than 2 items, items of different lengths, or fewer than
 *   2 complete cases
 * @returns the result; α is NaN when the total score has zero variance, r_j NaN when item j or the rest is
 *   constant, each with a `reason`
 * @example
 * cronbachAlpha([Float64Array.of(1, 2, 3, 3), Float64Array.of(1, 3, 3, 2), Float64Array.of(2, 2, 3, 3)]).alpha
 * // 0.8035714285714286
 */
export const cronbachAlpha = (items: ReadonlyArray<Float64Array>): CronbachAlphaResult => {
  const k = items.length
  if (k < 2) throw new StatsInputError("BAD_DIMENSIONS", `Cronbach's alpha needs at least 2 items, got ${k}`)
  const cases = items[0].length
  for (let j = 1; j < k; j++) {
    if (items[j].length !== cases) {
      throw new StatsInputError("BAD_DIMENSIONS", `item ${j + 1} has ${items[j].length} cases, item 1 has ${cases}`)
    }
  }
  const complete: Array<number> = []
  for (let c = 0; c < cases; c++) {
    let ok = true
    for (let j = 0; j < k && ok; j++) if (Number.isNaN(items[j][c])) ok = false
    if (ok) complete.push(c)
  }
  const n = complete.length
  if (n < 2) throw new StatsInputError("BAD_DIMENSIONS", `Cronbach's alpha needs at least 2 complete cases, got ${n}`)
  const means = items.map((it) => {
    let s = 0
    for (const c of complete) s += it[c]
    return s / n
  })
  const S = new Float64Array(k * k)
  for (let i = 0; i < k; i++) {
    for (let j = i; j < k; j++) {
      let s = 0
      const a = items[i]
      const b = items[j]
      for (const c of complete) s += (a[c] - means[i]) * (b[c] - means[j])
      S[i * k + j] = S[j * k + i] = s / (n - 1)
    }
  }
  return alphaFromCovariance(S, k, n)
}
