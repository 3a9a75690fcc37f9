import { StatsInputError } from "../ContingencyTable.js"
import { designCovarianceOfTypes } from "./designCovarianceOfTypes.js"
import { designDegreesOfFreedom } from "./designDegreesOfFreedom.js"
import { designEffects } from "./designEffects.js"
import type { DesignEffects, DesignEstimate, DesignInterval, DesignSample } from "./DesignEstimate.js"
import { kornGraubardInterval } from "./kornGraubardInterval.js"
import { logitInterval } from "./logitInterval.js"

/** One category's design-based proportion, weighted count and intervals. */
export interface DesignProportion extends DesignEstimate {
  /** Weighted count Σw over the category (the estimated population total) with its SE and design effects. */
  readonly total: number
  readonly totalStandardError: number
  readonly totalDeff: DesignEffects
  /** `svyciprop(method = "logit")`. */
  readonly logit: DesignInterval
  /** `svyciprop(method = "beta")`, Korn & Graubard (1998). */
  readonly kornGraubard: DesignInterval
}

/** The design-based distribution of a categorical variable over its domain. */
export interface DesignProportions {
  readonly categories: ReadonlyArray<DesignProportion>
  /** k x k covariance of the proportions, row-major. */
  readonly covariance: Float64Array
  /** Cases in the domain (valid category) with a non-zero weight, and their weight sum. */
  readonly n: number
  readonly sumWeights: number
  /** PSUs, strata and PSUs − strata among the domain's cases (the t and Korn-Graubard degrees of freedom). */
  readonly psus: number
  readonly strata: number
  readonly degreesOfFreedom: number
}

/**
 * Design-based proportions of the categories of one variable, as R survey's `svymean(~factor(x), design,
 * deff = TRUE)` on `subset(design, !is.na(x))`, with `svytotal`, `svymean(deff = "replace")` and
 * `svyciprop(method = "logit" / "beta")` for each category.
 *
 * Method: p̂_k = Σ_D w_i·[x_i = k]/Σ_D w_i over the domain D (cases with a category); the covariance is
 * {@link designCovariance} of the scores w_i([x_i = k] − p̂_k)/Σ_D w (0 outside D: every PSU stays in the design),
 * computed by {@link designCovarianceOfTypes} without a score vector per case;
 * totals use the scores w_i·[x_i = k]. Design effects divide by the SRS variance of the same estimate with
 * s² = p̂(1 − p̂)·n/(n − 1) (n cases of D with w ≠ 0): s²(N̂ − n)/(N̂ n) for `deff` (N̂ = Σ_D w, R's default) and
 * s²/n for `deffReplace`. Intervals use the degrees of freedom of the domain, {@link designDegreesOfFreedom}.
 * References: Lumley (2010), Complex Surveys, §2.2–2.4; Korn & Graubard (1998); Kish (1965), Survey Sampling, §8.2.
 *
 * @param codes - category index per case, 0 <= code < k, or −1 (blank: outside the domain)
 * @param k - number of categories
 * @param sample - weights and design
 * @param level - confidence level of the intervals, 0.95 by default
 * @throws StatsInputError `EMPTY_TABLE` when the domain has no weight; whatever {@link designCovariance} throws
 * @example
 * designProportions(Int32Array.of(0, 1, 1, 0), 2, { design: {} }).categories[0].estimate // 0.5
 */
export const designProportions = (
  codes: ArrayLike<number>,
  k: number,
  sample: DesignSample,
  level = 0.95
): DesignProportions => {
  const size = codes.length
  const w = (i: number) => (sample.weights === undefined ? 1 : sample.weights[i]!)
  const totals = new Float64Array(k)
  let sumWeights = 0
  let n = 0
  for (let i = 0; i < size; i++) {
    const code = codes[i]!
    if (code < 0) continue
    totals[code]! += w(i)
    sumWeights += w(i)
    if (w(i) !== 0) n++
  }
  if (!(sumWeights > 0)) throw new StatsInputError("EMPTY_TABLE", "no case with a category and a positive weight")
  const p = Array.from(totals, (t) => t / sumWeights)
  // scores by category (no vector per case): w_i(e_c − p̂)/Σw for the proportions, w_i·e_c for the totals
  const centred = new Float64Array(k * k)
  const unit = new Float64Array(k * k)
  for (let c = 0; c < k; c++) {
    for (let j = 0; j < k; j++) centred[c * k + j] = (c === j ? 1 : 0) - p[j]!
    unit[c * k + c] = 1
  }
  const covariance = designCovarianceOfTypes(
    { vectors: centred, dimension: k, typeOf: (i) => codes[i]!, coefficient: (i) => w(i) / sumWeights },
    size,
    sample.design
  ).covariance
  const totalCovariance = designCovarianceOfTypes(
    { vectors: unit, dimension: k, typeOf: (i) => codes[i]!, coefficient: w },
    size,
    sample.design
  ).covariance
  const dof = designDegreesOfFreedom(sample.design, size, sample.weights, (i) => codes[i]! >= 0)
  const categories = p.map((pk, c): DesignProportion => {
    const variance = covariance[c * k + c]!
    const s2OverN = (pk * (1 - pk)) / (n - 1)
    const totalVariance = totalCovariance[c * k + c]!
    return {
      estimate: pk,
      variance,
      standardError: Math.sqrt(variance),
      ...designEffects(variance, s2OverN, sumWeights, n),
      total: totals[c]!,
      totalStandardError: Math.sqrt(totalVariance),
      totalDeff: designEffects(totalVariance, s2OverN * sumWeights * sumWeights, sumWeights, n),
      logit: logitInterval(pk, variance, dof.degreesOfFreedom, level),
      kornGraubard: kornGraubardInterval(pk, variance, n, dof.degreesOfFreedom, level)
    }
  })
  return { categories, covariance, n, sumWeights, ...dof }
}
