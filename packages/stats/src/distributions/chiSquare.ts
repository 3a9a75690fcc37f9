import { regularizedGammaQ } from "./gamma.js"

/**
 * Upper tail of the chi-square distribution, P(X > x) for X ~ χ²(df).
 *
 * Formula: P(X > x) = Q(df/2, x/2), the regularized upper incomplete gamma function, computed directly
 * (Legendre continued fraction) rather than as 1 - cdf, so tiny p-values keep their relative accuracy
 * (Johnson, Kotz & Balakrishnan 1994, Continuous Univariate Distributions, vol. 1, 2nd ed., ch. 18,
 * eq. 18.11, p. 417; Press et al. 2007, Numerical Recipes, 3rd ed., §6.2, p. 261).
 *
 * @param x - the statistic
 * @param df - degrees of freedom, df > 0 (need not be an integer)
 * @returns the p-value in [0, 1]; 1 for x <= 0; `NaN` when df <= 0, df is infinite, or x or df is `NaN`
 * @example
 * chiSquareUpperTail(100, 2) // 1.9287498479639178e-22 (R: pchisq(100, 2, lower.tail = FALSE))
 */
export const chiSquareUpperTail = (x: number, df: number): number => {
  if (Number.isNaN(x) || Number.isNaN(df) || !(df > 0) || df === Infinity) return NaN
  if (x <= 0) return 1
  return regularizedGammaQ(df / 2, x / 2)
}
