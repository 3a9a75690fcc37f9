import { normalUpperTail } from "./normal.js"

const SQRT_2PI = 2.5066282746310002

/**
 * Quantile of the standard normal distribution: the z with P(Z <= z) = p.
 *
 * Method: a starting value from Hastings' rational approximation (Abramowitz & Stegun 1964, eq. 26.2.23,
 * |error| < 4.5e-4), refined by Newton's iteration z ← z + (Q(z) − q)/φ(z) on the upper tail q = min(p, 1 − p),
 * with Q evaluated directly by Cody's algorithm ({@link normalUpperTail}, doi:10.1090/S0025-5718-1969-0247736-4),
 * until the step is below 1e-16 |z|: the result is accurate to the accuracy of Q (about 1e-15 relative).
 *
 * @param p - probability in [0, 1]
 * @returns z; −Infinity at 0, Infinity at 1; `NaN` outside [0, 1]
 * @example
 * normalQuantile(0.975) // 1.959963984540054 (R: qnorm(0.975))
 */
export const normalQuantile = (p: number): number => {
  if (Number.isNaN(p) || p < 0 || p > 1) return NaN
  if (p === 0) return -Infinity
  if (p === 1) return Infinity
  if (p === 0.5) return 0
  const q = p < 0.5 ? p : 1 - p
  const t = Math.sqrt(-2 * Math.log(q))
  let z = t -
    (2.515517 + 0.802853 * t + 0.010328 * t * t) / (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t)
  if (!(z > 0)) z = 1e-3
  for (let i = 0; i < 50; i++) {
    const phi = Math.exp(-0.5 * z * z) / SQRT_2PI
    const step = (normalUpperTail(z) - q) / phi
    z += step
    if (Math.abs(step) <= 1e-16 * Math.abs(z)) break
  }
  return p < 0.5 ? -z : z
}
