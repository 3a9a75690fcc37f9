import { StatsInputError } from "../ContingencyTable.js"
import { chiSquareUpperTail } from "../distributions/chiSquare.js"
import { alphaFromCovariance } from "./alphaFromCovariance.js"
import type { CronbachAlphaResult } from "./cronbachAlpha.js"
import type { KruskalWallisResult } from "./kruskalWallis.js"

const checkWeights = (weights: Float64Array, cases: number, what: string) => {
  if (weights.length !== cases) {
    throw new StatsInputError("BAD_DIMENSIONS", `${what}: ${weights.length} weights for ${cases} cases`)
  }
  for (let i = 0; i < cases; i++) {
    const w = weights[i]
    if (!(w >= 0 && Number.isFinite(w))) {
      throw new StatsInputError(
        "BAD_CODE",
        `${what}: case ${i + 1} has weight ${w}; weights must be finite and non-negative`
      )
    }
  }
}

/**
 * Kruskal-Wallis H with frequency weights (SPSS WEIGHT BY): case i counts `weights[i]` times. The cases are
 * ranked together with mid-ranks over the weighted tie groups (a tie group of total weight t starting after
 * weight c gets rank c + (t + 1)/2), then H₀ = 12/(W(W+1)) Σ n_i (R̄_i − (W+1)/2)² with n_i the group weights,
 * C = 1 − Σ(t³ − t)/(W³ − W), H = H₀/C. With whole-number weights this equals {@link kruskalWallis} on the
 * replicated cases (R's kruskal.test on `rep(x, w)`).
 *
 * @param values - one value per case, NaN for missing
 * @param groups - 0-based group per case, negative for missing
 * @param weights - one finite non-negative weight per case; a zero weight leaves the case out
 * @throws StatsInputError: "BAD_DIMENSIONS" for lengths that differ or fewer than 2 groups with data; "BAD_CODE"
 *   for a group index out of range or a bad weight
 * @example
 * kruskalWallisWeighted(Float64Array.of(1, 2, 3, 3), Int32Array.of(0, 0, 1, 1), 2, Float64Array.of(1, 2, 1, 1))
 */
export const kruskalWallisWeighted = (
  values: Float64Array,
  groups: Int32Array,
  groupCount: number,
  weights: Float64Array
): KruskalWallisResult => {
  const what = "the weighted Kruskal-Wallis test"
  if (values.length !== groups.length) {
    throw new StatsInputError(
      "BAD_DIMENSIONS",
      `${what}: values (${values.length}) and groups (${groups.length}) differ in length`
    )
  }
  checkWeights(weights, values.length, what)
  const cases: Array<number> = []
  for (let i = 0; i < values.length; i++) {
    const g = groups[i]
    if (g >= groupCount) {
      throw new StatsInputError(
        "BAD_CODE",
        `${what}: case ${i + 1} has group ${g}, but there are only ${groupCount} groups`
      )
    }
    if (g >= 0 && !Number.isNaN(values[i]) && weights[i] > 0) cases.push(i)
  }
  cases.sort((a, b) => values[a] - values[b])
  const groupN = new Array<number>(groupCount).fill(0)
  const rankSum = new Array<number>(groupCount).fill(0)
  let W = 0
  let ties = 0
  for (let s = 0; s < cases.length;) {
    let e = s
    let t = 0
    while (e < cases.length && values[cases[e]] === values[cases[s]]) t += weights[cases[e++]]
    const rank = W + (t + 1) / 2
    for (let q = s; q < e; q++) {
      const i = cases[q]
      groupN[groups[i]] += weights[i]
      rankSum[groups[i]] += weights[i] * rank
    }
    ties += t * t * t - t
    W += t
    s = e
  }
  const k = groupN.filter((x) => x > 0).length
  if (k < 2) {
    throw new StatsInputError("BAD_DIMENSIONS", `the Kruskal-Wallis test needs at least 2 groups with data, found ${k}`)
  }
  const meanRanks = groupN.map((n, g) => (n > 0 ? rankSum[g] / n : NaN))
  const mid = (W + 1) / 2
  let uncorrected = 0
  groupN.forEach((n, g) => {
    if (n > 0) uncorrected += n * (meanRanks[g] - mid) ** 2
  })
  uncorrected *= 12 / (W * (W + 1))
  const tiesCorrection = 1 - ties / (W * W * W - W)
  const df = k - 1
  if (!(tiesCorrection > 0)) {
    return {
      statistic: NaN,
      df,
      p: NaN,
      tiesCorrection,
      uncorrected,
      n: W,
      groupN,
      meanRanks,
      reason: "every value is tied: the ranks carry no information"
    }
  }
  const statistic = uncorrected / tiesCorrection
  return { statistic, df, p: chiSquareUpperTail(statistic, df), tiesCorrection, uncorrected, n: W, groupN, meanRanks }
}

/**
 * Cronbach's alpha with frequency weights (SPSS RELIABILITY under WEIGHT BY), listwise: cases with every item
 * present and a positive weight; weighted means and covariances with divisor W − 1 (W = the weights' sum, the
 * `n` returned). Alpha if item deleted and item-rest correlations as {@link cronbachAlpha}; with whole-number
 * weights the result equals cronbachAlpha on the replicated cases.
 *
 * @throws StatsInputError: "BAD_DIMENSIONS" for fewer than 2 items, lengths that differ, or a weight sum of the
 *   complete cases of at most 1; "BAD_CODE" for a bad weight
 * @example
 * cronbachAlphaWeighted([Float64Array.of(1, 2, 3), Float64Array.of(1, 3, 3)], Float64Array.of(1, 2, 1))
 */
export const cronbachAlphaWeighted = (
  items: ReadonlyArray<Float64Array>,
  weights: Float64Array
): CronbachAlphaResult => {
  const k = items.length
  if (k < 2) throw new StatsInputError("BAD_DIMENSIONS", `Cronbach's alpha needs at least 2 items, got ${k}`)
  const cases = items[0].length
  for (let j = 1; j < k; j++) {
    if (items[j].length !== cases) {
      throw new StatsInputError("BAD_DIMENSIONS", `item ${j + 1} has ${items[j].length} cases, item 1 has ${cases}`)
    }
  }
  checkWeights(weights, cases, "Cronbach's alpha")
  const complete: Array<number> = []
  for (let c = 0; c < cases; c++) if (weights[c] > 0 && items.every((it) => !Number.isNaN(it[c]))) complete.push(c)
  let W = 0
  for (const c of complete) W += weights[c]
  if (!(W > 1)) {
    throw new StatsInputError(
      "BAD_DIMENSIONS",
      `Cronbach's alpha needs complete cases weighing more than 1 in all, got ${W}`
    )
  }
  const means = items.map((it) => {
    let s = 0
    for (const c of complete) s += weights[c] * it[c]
    return s / W
  })
  const S = new Float64Array(k * k)
  for (let i = 0; i < k; i++) {
    for (let j = i; j < k; j++) {
      let s = 0
      for (const c of complete) s += weights[c] * (items[i][c] - means[i]) * (items[j][c] - means[j])
      S[i * k + j] = S[j * k + i] = s / (W - 1)
    }
  }
  return alphaFromCovariance(S, k, W)
}
