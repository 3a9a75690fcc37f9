import { regularizedBeta } from "./beta.js"

/**
 * Two-sided p-value of Student's t, P(|T_df| >= |t|), computed directly (never as 1 − cdf).
 *
 * Formula: P(|T| >= |t|) = I_x(df/2, 1/2) with x = df/(df + t²) (Abramowitz & Stegun 1964, eq. 26.7.1), as
 * 2·R's `pt(abs(t), df, lower.tail = FALSE)`.
 *
 * @param t - the statistic
 * @param df - degrees of freedom, > 0 (need not be an integer)
 * @returns the two-sided p-value; `NaN` for invalid input
 * @example
 * studentTTwoSidedP(2.2281388519862744, 10) // 0.05 (R: 2 * pt(2.2281388519862744, 10, lower.tail = FALSE))
 */
export const studentTTwoSidedP = (t: number, df: number): number => {
  if (Number.isNaN(t) || !(df > 0)) return NaN
  if (!Number.isFinite(t)) return 0
  if (t === 0) return 1
  return regularizedBeta(df / (df + t * t), df / 2, 0.5)
}
