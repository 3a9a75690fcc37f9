import { betaQuantile } from "./beta.js"
import { normalQuantile } from "./normalQuantile.js"

/** Cornish-Fisher expansion of t in z to order ν⁻⁴ (Abramowitz & Stegun 1964, eq. 26.7.5). */
const cornishFisher = (z: number, nu: number): number => {
  const z2 = z * z
  const g1 = (z * (z2 + 1)) / 4
  const g2 = (z * ((5 * z2 + 16) * z2 + 3)) / 96
  const g3 = (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384
  const g4 = (z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945)) / 92160
  return z + (g1 + (g2 + (g3 + g4 / nu) / nu) / nu) / nu
}

/**
 * Quantile of Student's t distribution with `df` degrees of freedom: the t with P(T <= t) = p.
 *
 * Formula: for p < 1/2, P(T <= −t) = ½ I_{df/(df+t²)}(df/2, 1/2), so with x = betaQuantile(2p, df/2, 1/2),
 * t = −√(df (1 − x)/x). Whichever of x and y = 1 − x is below 1/2 is solved directly: y from the upper tail
 * 1 − I_y(1/2, df/2) = 2p (large df, where x is near 1), or, when 2p > 1/2, from I_y(1/2, df/2) = 1 − 2p (exact
 * in floating point), with t = −√(df y/(1 − y)); so t keeps its relative accuracy for large df and near the
 * median; p > 1/2 by symmetry. For df >= 1e5 (and |z| < 10) the Cornish-Fisher expansion to order df⁻⁴ about the
 * normal quantile z (Abramowitz & Stegun eq. 26.7.5; truncation error below 1e-20 there) replaces the beta
 * quantile, whose continued fraction loses digits for such extreme shapes (Abramowitz & Stegun 1964, eq. 26.7.1
 * and 26.5.27; Hill 1970, doi:10.1145/355598.355600).
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
  if (df >= 1e5) {
    const z = normalQuantile(p)
    if (Math.abs(z) < 10) return cornishFisher(z, df)
  }
  const sign = p < 0.5 ? -1 : 1
  const tail = p < 0.5 ? p : 1 - p // 1 - p is exact for p >= 1/2
  const twoTail = 2 * tail
  let t2OverDf: number
  if (twoTail <= 0.5) {
    // y = 1 − x from the upper tail 1 − I_y(1/2, df/2) = 2p keeps its relative accuracy when x is near 1
    // (large df); when y > 1/2 (heavy tails, tiny p) x itself is the accurate one
    const y = betaQuantile(twoTail, 0.5, df / 2, false)
    if (y <= 0.5) {
      t2OverDf = y / (1 - y)
    } else {
      const x = betaQuantile(twoTail, df / 2, 0.5)
      t2OverDf = (1 - x) / x
    }
  } else {
    const y = betaQuantile(1 - twoTail, 0.5, df / 2)
    t2OverDf = y / (1 - y)
  }
  return sign * Math.sqrt(df * t2OverDf)
}
