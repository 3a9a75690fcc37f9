import { betaQuantile } from "./beta.js"

/**
 * Quantile of Student's t distribution with `df` degrees of freedom: the t with P(T <= t) = p.
 *
 * Formula: for p < 1/2, P(T <= −t) = ½ I_{df/(df+t²)}(df/2, 1/2), so with x = betaQuantile(2p, df/2, 1/2),
 * t = −√(df (1 − x)/x); when 2p > 1/2 the equivalent y = 1 − x is solved directly from
 * I_y(1/2, df/2) = 1 − 2p (exact in floating point) and t = −√(df y/(1 − y)), so t keeps its relative accuracy
 * near the median; p > 1/2 by symmetry (Abramowitz & Stegun 1964, eq. 26.7.1 and 26.5.27; Hill 1970,
 * doi:10.1145/355598.355600).
 *
 * @param p - probability in [0, 1]
 * @param df - degrees of freedom, df > 0 (need not be an integer)
 * @returns the quantile; −Infinity at p = 0, Infinity at p = 1, 0 at p = 1/2; `NaN` for invalid input
 * @example
 * studentTQuantile(0.975, 10) // 2.2281388519862744 (R: qt(0.975, 10))
 */
export const studentTQuantile = (p: number, df: number): number => {
  if (Number.isNaN(p) || Number.isNaN(df) || !(df > 0) || p < 0 || p > 1) return NaN
  if (p === 0) return -Infinity
  if (p === 1) return Infinity
  if (p === 0.5) return 0
  const sign = p < 0.5 ? -1 : 1
  const tail = p < 0.5 ? p : 1 - p // 1 - p is exact for p >= 1/2
  const twoTail = 2 * tail
  let t2OverDf: number
  if (twoTail <= 0.5) {
    const x = betaQuantile(twoTail, df / 2, 0.5)
    t2OverDf = (1 - x) / x
  } else {
    const y = betaQuantile(1 - twoTail, 0.5, df / 2)
    t2OverDf = y / (1 - y)
  }
  return sign * Math.sqrt(df * t2OverDf)
}
