import { StatsInputError } from "../ContingencyTable.js"
import { chiSquareUpperTail } from "../distributions/chiSquare.js"

/** Kruskal-Wallis rank test of k independent groups. */
export interface KruskalWallisResult {
  /** H corrected for ties (H₀ / C) */
  readonly statistic: number
  /** number of groups with data minus 1 */
  readonly df: number
  /** P(χ²_df > H), the upper tail computed directly */
  readonly p: number
  /** C = 1 − Σ(t³ − t)/(N³ − N) over tie groups of size t; H = H₀ / C */
  readonly tiesCorrection: number
  /** H₀, the statistic without the ties correction */
  readonly uncorrected: number
  /** cases used (value and group both present) */
  readonly n: number
  /** cases per group (index = group) */
  readonly groupN: ReadonlyArray<number>
  /** mean rank per group (NaN for an empty group) */
  readonly meanRanks: ReadonlyArray<number>
  /** present when the statistic is NaN: every value is tied */
  readonly reason?: string
}

/** Most distinct values for which the ranks are found by counting rather than by sorting the cases. */
const COUNTING_LIMIT = 64

/**
 * Mid-ranks by sorting the cases: adds each case's mid-rank to its group's rank sum and size; returns Σ(t³ − t).
 */
const ranksBySorting = (
  values: Float64Array,
  groups: Int32Array,
  idx: Array<number>,
  rankSum: Float64Array,
  groupN: Array<number>
): number => {
  const n = idx.length
  idx.sort((p, q) => values[p] - values[q])
  let tieSum = 0
  for (let s = 0; s < n;) {
    let e = s + 1
    while (e < n && values[idx[e]] === values[idx[s]]) e++
    const t = e - s
    const midRank = (s + 1 + e) / 2
    for (let m = s; m < e; m++) {
      const g = groups[idx[m]]
      rankSum[g] += midRank
      groupN[g]++
    }
    if (t > 1) tieSum += t * t * t - t
    s = e
  }
  return tieSum
}

/**
 * Mid-ranks by counting, for data with few distinct values (Likert scores): the cases per distinct value and
 * group give each value's mid-rank and the tie sum without sorting the cases. Mid-ranks are half-integers, so
 * the sums are exact and equal those of {@link ranksBySorting}. Undefined when there are too many distinct values.
 */
const ranksByCounting = (
  values: Float64Array,
  groups: Int32Array,
  idx: Array<number>,
  rankSum: Float64Array,
  groupN: Array<number>
): number | undefined => {
  const distinct: Array<number> = []
  const slot = new Float64Array(idx.length)
  for (let m = 0; m < idx.length; m++) {
    const x = values[idx[m]]
    let d = distinct.indexOf(x)
    if (d < 0) {
      if (distinct.length >= COUNTING_LIMIT) return undefined
      d = distinct.push(x) - 1
    }
    slot[m] = d
  }
  const order = distinct.map((_, d) => d).sort((a, b) => distinct[a] - distinct[b])
  const k = rankSum.length
  const counts = new Float64Array(distinct.length * k)
  for (let m = 0; m < idx.length; m++) counts[slot[m] * k + groups[idx[m]]]++
  let tieSum = 0
  let s = 0
  for (const d of order) {
    let t = 0
    for (let g = 0; g < k; g++) t += counts[d * k + g]
    const e = s + t
    const midRank = (s + 1 + e) / 2
    for (let g = 0; g < k; g++) {
      const c = counts[d * k + g]
      rankSum[g] += midRank * c
      groupN[g] += c
    }
    if (t > 1) tieSum += t * t * t - t
    s = e
  }
  return tieSum
}

/**
 * Kruskal-Wallis H test with the correction for ties (as R's `kruskal.test`, SPSS NPAR TESTS K-W).
 *
 * Formula: with N cases ranked together (mid-ranks for ties), group sizes n_i and mean ranks R̄_i,
 * H₀ = 12/(N(N+1)) Σ n_i (R̄_i − (N+1)/2)² (the deviation form, free of the cancellation in
 * 12/(N(N+1)) Σ R_i²/n_i − 3(N+1)); C = 1 − Σ(t³ − t)/(N³ − N); H = H₀/C; df = k − 1 with k the groups that
 * have data; p = P(χ²_df > H). Reference: Kruskal & Wallis (1952) doi:10.1080/01621459.1952.10483441;
 * Hollander, Wolfe & Chicken (2014), Nonparametric Statistical Methods, 3rd ed., §6.1.
 *
 * @param values - one value per case, NaN for missing
 * @param groups - group index per case, 0 ... groupCount − 1; a negative index is a missing group (case skipped)
 * @param groupCount - number of groups
 * @throws StatsInputError: "BAD_DIMENSIONS" when the arrays differ in length or fewer than 2 groups have data;
 *   "BAD_CODE" for a group index >= groupCount
 * @returns the test; when every value is tied (C = 0) statistic and p are NaN with a `reason` (R also gives NaN)
 * @example
 * kruskalWallis(Float64Array.of(1, 2, 2, 3, 3, 3), Int32Array.of(0, 0, 1, 1, 2, 2), 3)
 * // { statistic: 3.5833333333333335, df: 2, p: 0.16668213447794644, tiesCorrection: 0.8571428571428572, ... }
 */
export const kruskalWallis = (values: Float64Array, groups: Int32Array, groupCount: number): KruskalWallisResult => {
  if (values.length !== groups.length) {
    throw new StatsInputError(
      "BAD_DIMENSIONS",
      `values (${values.length}) and groups (${groups.length}) must have the same length`
    )
  }
  if (!Number.isInteger(groupCount) || groupCount < 1) {
    throw new StatsInputError("BAD_OPTION", `groupCount must be a positive whole number, got ${groupCount}`)
  }
  const idx: Array<number> = []
  for (let i = 0; i < values.length; i++) {
    const g = groups[i]
    if (g >= groupCount) {
      throw new StatsInputError(
        "BAD_CODE",
        `case ${i + 1} has group ${g}, but there are only ${groupCount} groups (0 to ${groupCount - 1})`
      )
    }
    if (g >= 0 && !Number.isNaN(values[i])) idx.push(i)
  }
  const n = idx.length
  const rankSum = new Float64Array(groupCount)
  const groupN = new Array<number>(groupCount).fill(0)
  const tieSum = ranksByCounting(values, groups, idx, rankSum, groupN) ??
    ranksBySorting(values, groups, idx, rankSum, groupN)
  const k = groupN.filter((c) => c > 0).length
  if (k < 2) {
    throw new StatsInputError("BAD_DIMENSIONS", `the Kruskal-Wallis test needs at least 2 groups with data, found ${k}`)
  }
  const centre = (n + 1) / 2
  let dev = 0
  const meanRanks = groupN.map((c, g) => (c > 0 ? rankSum[g] / c : NaN))
  for (let g = 0; g < groupCount; g++) {
    if (groupN[g] > 0) {
      const d = meanRanks[g] - centre
      dev += groupN[g] * d * d
    }
  }
  const uncorrected = (12 * dev) / (n * (n + 1))
  const tiesCorrection = 1 - tieSum / (n * n * n - n)
  const df = k - 1
  if (!(tiesCorrection > 0)) {
    return {
      statistic: NaN,
      df,
      p: NaN,
      tiesCorrection,
      uncorrected,
      n,
      groupN,
      meanRanks,
      reason: "every value is tied: the ranks carry no information"
    }
  }
  const statistic = uncorrected / tiesCorrection
  return { statistic, df, p: chiSquareUpperTail(statistic, df), tiesCorrection, uncorrected, n, groupN, meanRanks }
}
