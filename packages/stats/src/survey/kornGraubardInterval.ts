import { betaQuantile } from "../distributions/beta.js"
import { studentTQuantile } from "../distributions/studentT.js"
import type { DesignInterval } from "./DesignEstimate.js"

/**
 * The Korn-Graubard confidence interval of a design-based proportion, as R survey's
 * `svyciprop(method = "beta")`: a Clopper-Pearson interval on the effective sample size.
 *
 * Formula: n* = p̂(1 − p̂)/V(p̂)·(t_{n−1, α/2}/t_{df, α/2})² (the effective sample size, shrunk by the ratio of the
 * t quantiles on the n − 1 and the design's degrees of freedom); lower = qbeta(α/2, n*p̂, n*(1 − p̂) + 1),
 * upper = qbeta(1 − α/2, n*p̂ + 1, n*(1 − p̂)). Reference: Korn & Graubard (1998), "Confidence intervals for
 * proportions with small expected number of positive counts estimated from survey data", Survey Methodology 24,
 * 193–201; Lumley (2010), Complex Surveys, §2.4.1.
 *
 * @param p - the estimated proportion, 0 < p < 1 (0 and 1 give NaN bounds: the effective size is undefined)
 * @param variance - its design-based variance, > 0
 * @param n - number of cases in the domain
 * @param df - the design's degrees of freedom
 * @param level - confidence level, 0.95 by default
 * @example
 * kornGraubardInterval(0.3, 0.0004, 500, 30) // { lower: 0.2595..., upper: 0.3429... }
 */
export const kornGraubardInterval = (
  p: number,
  variance: number,
  n: number,
  df: number,
  level = 0.95
): DesignInterval => {
  const alpha = 1 - level
  const ratio = studentTQuantile(alpha / 2, n - 1) / studentTQuantile(alpha / 2, df)
  const nEff = ((p * (1 - p)) / variance) * ratio * ratio
  if (!(p > 0 && p < 1) || !(nEff > 0) || !Number.isFinite(nEff)) return { lower: Number.NaN, upper: Number.NaN }
  return {
    lower: betaQuantile(alpha / 2, nEff * p, nEff * (1 - p) + 1),
    upper: betaQuantile(1 - alpha / 2, nEff * p + 1, nEff * (1 - p))
  }
}
