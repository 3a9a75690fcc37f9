import { usableCases } from "./internal.js"

/** Per-group (frequency-)weighted size, mean and variance; index = group. */
export interface GroupMoments {
  /** sum of weights of the cases used (the case count when unweighted) */
  readonly n: ReadonlyArray<number>
  /** cases used, unweighted */
  readonly cases: ReadonlyArray<number>
  /** mean (NaN for an empty group) */
  readonly mean: ReadonlyArray<number>
  /** variance with divisor n − 1 (NaN when n <= 1) */
  readonly variance: ReadonlyArray<number>
}

/**
 * Size, mean and variance of a numeric variable in each group, with optional frequency weights.
 *
 * Formula (two passes, for accuracy): n_g = Σ w_i, x̄_g = Σ w_i x_i / n_g, s²_g = Σ w_i (x_i − x̄_g)² / (n_g − 1)
 * over the cases of group g; with frequency weights these equal the moments of the data with each case
 * repeated w_i times (Cochran 1977, Sampling Techniques, §2.3; SPSS MEANS with WEIGHT BY).
 *
 * @param values - one value per case; NaN (or ±Infinity) is missing
 * @param groups - group index per case, 0 ... groupCount − 1; negative is a missing group
 * @param groupCount - number of groups
 * @param weights - optional frequency weights (>= 0; 0 or NaN drops the case)
 * @throws StatsInputError "BAD_DIMENSIONS", "BAD_CODE", "BAD_WEIGHT", "BAD_OPTION"
 * @example
 * groupMoments(Float64Array.of(1, 2, 3, 10), Int32Array.of(0, 0, 0, 1), 2)
 * // { n: [3, 1], cases: [3, 1], mean: [2, 10], variance: [1, NaN] }
 */
export const groupMoments = (
  values: Float64Array,
  groups: Int32Array,
  groupCount: number,
  weights?: Float64Array
): GroupMoments => {
  const idx = usableCases(values, groups, groupCount, weights)
  const n = new Array<number>(groupCount).fill(0)
  const cases = new Array<number>(groupCount).fill(0)
  const sum = new Array<number>(groupCount).fill(0)
  for (const i of idx) {
    const w = weights === undefined ? 1 : weights[i]
    n[groups[i]] += w
    cases[groups[i]]++
    sum[groups[i]] += w * values[i]
  }
  const mean = sum.map((s, g) => (n[g] > 0 ? s / n[g] : NaN))
  const ss = new Array<number>(groupCount).fill(0)
  for (const i of idx) {
    const d = values[i] - mean[groups[i]]
    ss[groups[i]] += (weights === undefined ? 1 : weights[i]) * d * d
  }
  const variance = ss.map((s, g) => (n[g] > 1 ? s / (n[g] - 1) : NaN))
  return { n, cases, mean, variance }
}
