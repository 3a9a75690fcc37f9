import { studentTQuantile } from "../distributions/studentT.js"
import type { DesignInterval } from "./DesignEstimate.js"

/**
 * The logit confidence interval of a design-based proportion, as R survey's `svyciprop(method = "logit")`: a
 * Wald interval for logit(p) on the design's degrees of freedom, transformed back.
 *
 * Formula: with SE_logit = SE(p̂)/(p̂(1 − p̂)) (the delta method; equal to the sandwich variance of the intercept
 * of R's quasibinomial `svyglm(y ~ 1)`), the interval is expit(logit(p̂) ± t_{df, 1−α/2}·SE_logit).
 * References: Lumley (2010), Complex Surveys, §2.4.1; Korn & Graubard (1998), doi:10.1080/00031305.1998.10480556.
 *
 * @param p - the estimated proportion, 0 < p < 1 (0 and 1 give the degenerate interval [p, p])
 * @param variance - its design-based variance
 * @param df - the design's degrees of freedom (PSUs − strata)
 * @param level - confidence level, 0.95 by default
 * @example
 * logitInterval(0.3, 0.0004, 30) // { lower: 0.2608..., upper: 0.3423... }
 */
export const logitInterval = (p: number, variance: number, df: number, level = 0.95): DesignInterval => {
  if (!(p > 0 && p < 1)) return { lower: p, upper: p }
  const t = studentTQuantile(1 - (1 - level) / 2, df)
  const eta = Math.log(p / (1 - p))
  const half = (t * Math.sqrt(variance)) / (p * (1 - p))
  const expit = (x: number) => 1 / (1 + Math.exp(-x))
  return { lower: expit(eta - half), upper: expit(eta + half) }
}
