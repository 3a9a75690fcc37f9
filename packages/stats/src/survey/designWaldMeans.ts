import { StatsInputError } from "../ContingencyTable.js"
import { chiSquareUpperTail } from "../distributions/chiSquare.js"
import { fUpperTail } from "../distributions/fDistribution.js"
import { designCovarianceOfTypes } from "./designCovarianceOfTypes.js"
import { designDegreesOfFreedom } from "./designDegreesOfFreedom.js"
import type { DesignSample } from "./DesignEstimate.js"

/** The design-based Wald test that k group means are equal. */
export interface DesignWaldMeans {
  /** F = X²/(k − 1) on k − 1 and ν − k + 1 degrees of freedom (regTermTest's default on a svyglm). */
  readonly f: { readonly statistic: number; readonly df1: number; readonly df2: number; readonly p: number }
  /** The Wald X² against χ² on k − 1 df (`regTermTest(fit, ~g, df = Inf)`). */
  readonly chisq: { readonly statistic: number; readonly df: number; readonly p: number }
  /** The design-based group means μ̂_g (the domain means Σ w y/Σ w) and their k x k covariance, row-major. */
  readonly means: Float64Array
  readonly covariance: Float64Array
  /** ν = PSUs − strata among the cases with a value, a group and a non-zero weight. */
  readonly designDf: number
  /** Cases with a value, a group and a non-zero weight. */
  readonly n: number
}

/** Solves S x = b for a symmetric positive definite S (m x m, row-major) by Cholesky; undefined if not PD. */
const choleskySolve = (s: Float64Array, b: Float64Array, m: number): Float64Array | undefined => {
  const l = new Float64Array(m * m)
  for (let i = 0; i < m; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = s[i * m + j]!
      for (let t = 0; t < j; t++) sum -= l[i * m + t]! * l[j * m + t]!
      if (i === j) {
        if (!(sum > 0)) return undefined
        l[i * m + i] = Math.sqrt(sum)
      } else l[i * m + j] = sum / l[j * m + j]!
    }
  }
  const y = new Float64Array(m)
  for (let i = 0; i < m; i++) {
    let sum = b[i]!
    for (let t = 0; t < i; t++) sum -= l[i * m + t]! * y[t]!
    y[i] = sum / l[i * m + i]!
  }
  const x = new Float64Array(m)
  for (let i = m - 1; i >= 0; i--) {
    let sum = y[i]!
    for (let t = i + 1; t < m; t++) sum -= l[t * m + i]! * x[t]!
    x[i] = sum / l[i * m + i]!
  }
  return x
}

/** Weighted group means over the domain (value not NaN, group >= 0), their weight sums and n. */
const groupMeans = (values: ArrayLike<number>, groups: ArrayLike<number>, k: number, sample: DesignSample) => {
  const sums = new Float64Array(k)
  const weightSums = new Float64Array(k)
  let n = 0
  for (let i = 0; i < values.length; i++) {
    const g = groups[i]!
    const y = values[i]!
    if (g < 0 || Number.isNaN(y)) continue
    if (g >= k) throw new StatsInputError("BAD_DIMENSIONS", `case ${i + 1} has group ${g}; expected 0 to ${k - 1}`)
    const w = sample.weights === undefined ? 1 : sample.weights[i]!
    sums[g]! += w * y
    weightSums[g]! += w
    if (w !== 0) n++
  }
  weightSums.forEach((w, g) => {
    if (!(w > 0)) {
      throw new StatsInputError("EMPTY_TABLE", `group ${g} has no case with a value and a positive weight: drop it`)
    }
  })
  return { means: sums.map((s, g) => s / weightSums[g]!), weightSums, n }
}

/**
 * The design-based Wald test that the means of a numeric variable are equal in k groups, as R survey's
 * `regTermTest(svyglm(y ~ factor(g), design), ~factor(g))` (and its chi-square form with `df = Inf`).
 *
 * Formula: the group means μ̂_g = Σ_{D_g} w y/Σ_{D_g} w are domain means; their covariance V is
 * {@link designCovarianceOfTypes} (Taylor linearization) of the scores z_ig = w_i·[g_i = g]·(y_i − μ̂_g)/Σ_{D_g} w (0
 * outside the domain: every PSU stays in the design). svyglm's treatment contrasts β_j = μ_j − μ_0 (j = 1..k − 1)
 * have the sandwich covariance C V Cᵀ (the model is saturated, so A⁻¹ x_i w_i r_i is exactly C times the means'
 * influence), and X² = β̂ᵀ(C V Cᵀ)⁻¹β̂ against χ² on k − 1 df; F = X²/(k − 1) on k − 1 and ν − k + 1 df, with ν =
 * PSUs − strata of the domain (svyglm's residual df, `degf + 1 − number of coefficients`, which regTermTest uses).
 * References: Lumley (2010), Complex Surveys, §5.2 (svyglm) and §5.2.1 (regTermTest); Binder (1983), On the
 * variances of asymptotically normal estimators from complex surveys, Int. Stat. Rev. 51:279–292; Korn &
 * Graubard (1990), Simultaneous testing of regression coefficients with complex survey data, Am. Stat. 44:270–276.
 *
 * @param values - the variable per case, NaN for blank (outside the domain)
 * @param groups - group index per case, 0 <= g < k, or −1 (outside the domain)
 * @param k - number of groups, >= 2, each with a positive weight
 * @param sample - weights and design (the whole sample's cases)
 * @throws StatsInputError `BAD_DIMENSIONS` for fewer than 2 groups, a group index out of range, contrasts with a
 *   singular covariance or no residual degrees of freedom; `EMPTY_TABLE` for a group without weight; whatever
 *   {@link designCovarianceOfTypes} throws (a lonely PSU under `"fail"`)
 * @example
 * designWaldMeans(Float64Array.of(1, 2, 3, 5, 6, 8), Int32Array.of(0, 0, 0, 1, 1, 1), 2, { design: {} }).f.p
 */
export const designWaldMeans = (
  values: ArrayLike<number>,
  groups: ArrayLike<number>,
  k: number,
  sample: DesignSample
): DesignWaldMeans => {
  if (k < 2) throw new StatsInputError("BAD_DIMENSIONS", `${k} group(s): a test of equal means needs at least 2`)
  if (groups.length !== values.length) throw new StatsInputError("BAD_DIMENSIONS", "values and groups differ in length")
  const { means, weightSums, n } = groupMeans(values, groups, k, sample)
  const size = values.length
  const inDomain = (i: number) => groups[i]! >= 0 && !Number.isNaN(values[i]!)
  // scores by group (no vector per case): w_i(y_i − μ̂_g)/Σ_g w on the unit vector of group g
  const unit = new Float64Array(k * k)
  for (let g = 0; g < k; g++) unit[g * k + g] = 1
  const weight = (i: number) => (sample.weights === undefined ? 1 : sample.weights[i]!)
  const V = designCovarianceOfTypes(
    {
      vectors: unit,
      dimension: k,
      typeOf: (i) => (inDomain(i) ? groups[i]! : -1),
      coefficient: (i) => (weight(i) * (values[i]! - means[groups[i]!]!)) / weightSums[groups[i]!]!
    },
    size,
    sample.design
  ).covariance
  const m = k - 1
  const contrasts = Float64Array.from({ length: m }, (_, a) => means[a + 1]! - means[0]!)
  const vc = new Float64Array(m * m)
  for (let a = 0; a < m; a++) {
    for (let b = 0; b < m; b++) vc[a * m + b] = V[(a + 1) * k + b + 1]! - V[(a + 1) * k]! - V[b + 1]! + V[0]!
  }
  const solved = choleskySolve(vc, contrasts, m)
  if (solved === undefined) {
    throw new StatsInputError("BAD_DIMENSIONS", "the group differences have a singular design-based covariance")
  }
  const x2 = contrasts.reduce((sum, d, a) => sum + d * solved[a]!, 0)
  const nu = designDegreesOfFreedom(sample.design, size, sample.weights, inDomain).degreesOfFreedom
  const df2 = nu - m
  if (!(df2 > 0)) {
    throw new StatsInputError(
      "BAD_DIMENSIONS",
      `the design has ${nu} degrees of freedom, too few to test ${k} group means (needs more than ${m})`
    )
  }
  return {
    f: { statistic: x2 / m, df1: m, df2, p: fUpperTail(x2 / m, m, df2) },
    chisq: { statistic: x2, df: m, p: chiSquareUpperTail(x2, m) },
    means,
    covariance: V,
    designDf: nu,
    n
  }
}
