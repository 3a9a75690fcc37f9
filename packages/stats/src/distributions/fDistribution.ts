import { regularizedBeta } from "./beta.js"

/**
 * Upper tail of the F distribution, P(F_{df1, df2} > f), computed directly (never as 1 − cdf).
 *
 * Formula: P(F > f) = I_x(df2/2, df1/2) with x = df2/(df2 + df1·f), the regularized incomplete beta function
 * (Abramowitz & Stegun 1964, eq. 26.6.2), as R's `pf(f, df1, df2, lower.tail = FALSE)`.
 *
 * @param f - the statistic, f >= 0 (f <= 0 gives 1)
 * @param df1 - numerator degrees of freedom, > 0 (need not be an integer: Welch's ANOVA)
 * @param df2 - denominator degrees of freedom, > 0 (need not be an integer)
 * @returns the upper tail probability; `NaN` for invalid input
 * @example
 * fUpperTail(3.5, 2, 27) // 0.0445087... (R: pf(3.5, 2, 27, lower.tail = FALSE))
 */
export const fUpperTail = (f: number, df1: number, df2: number): number => {
  if (Number.isNaN(f) || !(df1 > 0) || !(df2 > 0)) return NaN
  if (f <= 0) return 1
  if (f === Infinity) return 0
  return regularizedBeta(df2 / (df2 + df1 * f), df2 / 2, df1 / 2)
}
