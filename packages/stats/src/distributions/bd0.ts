/**
 * Deviance term bd0(x, m) = x ln(x / m) + m - x, computed without cancellation when x is close to m.
 *
 * Method: for |x - m| < 0.1 (x + m) the series with v = (x - m) / (x + m),
 * bd0 = (x - m) v + 2 x Σ_{j≥1} v^(2j+1) / (2j + 1); otherwise the formula directly (Loader 2000, "Fast
 * and accurate computation of binomial probabilities", technical report, AT&T Labs, §2; the same function
 * is `bd0` in R's nmath). bd0 >= 0, and bd0(0, m) = m (0 · ln 0 = 0).
 *
 * It is the summand of the likelihood-ratio statistic (G² = 2 Σ bd0(O, E) because Σ O = Σ E) and the
 * exponent of Loader's saddle-point Poisson density used for the incomplete gamma prefactor.
 *
 * @param x - an observed count, x >= 0
 * @param m - its expectation, m > 0
 * @param diff - x - m when the caller knows it more accurately than x - m rounds (m itself rounded, x ≈ m)
 * @returns x ln(x/m) + m - x
 * @example
 * bd0(12, 10) // 0.18785868...  (12 ln 1.2 - 2)
 */
export const bd0 = (x: number, m: number, diff: number = x - m): number => {
  if (x === 0) return m
  if (Math.abs(diff) < 0.1 * (x + m)) {
    const v = diff / (x + m)
    let s = diff * v
    let ej = 2 * x * v
    const v2 = v * v
    for (let j = 1; j < 1000; j++) {
      ej *= v2
      const s1 = s + ej / (2 * j + 1)
      if (s1 === s) return s1
      s = s1
    }
    return s
  }
  return x * Math.log(x / m) + m - x
}
