import { StatsInputError } from "../ContingencyTable.js"
import type { CorrelationResult } from "./CorrelationResult.js"
import { completePairs, correlationInference, pearsonOf } from "./internal.js"

/**
 * Pearson's product-moment correlation with its t test and 95% interval (R's `cor.test(x, y)`), with optional
 * frequency weights.
 *
 * Formula: r = Σw(x − x̄)(y − ȳ)/√(Σw(x − x̄)² Σw(y − ȳ)²) over complete pairs, n = Σw; t = r√((n − 2)/(1 − r²)),
 * p = P(|T_{n−2}| >= |t|); 95% interval tanh(atanh r ± z_{0.975}/√(n − 3)) (Fisher 1921). Reference: Fisher
 * (1915), Biometrika 10:507-521, doi:10.2307/2331838.
 *
 * @param x - first variable, NaN for missing
 * @param y - second variable, NaN for missing
 * @param weights - optional frequency weights
 * @throws StatsInputError "BAD_DIMENSIONS" for different lengths or fewer than 3 complete pairs
 * @returns the coefficient, test and interval; r is NaN when a variable is constant
 * @example
 * pearsonCorrelation(Float64Array.of(1, 2, 3, 4, 5), Float64Array.of(2, 1, 4, 3, 5)).r // 0.8
 */
export const pearsonCorrelation = (x: Float64Array, y: Float64Array, weights?: Float64Array): CorrelationResult => {
  const idx = completePairs(x, y, weights)
  const { r, n } = pearsonOf(x, y, idx, weights)
  if (!(n >= 3)) {
    throw new StatsInputError("BAD_DIMENSIONS", `a correlation test needs at least 3 complete pairs, found ${n}`)
  }
  return correlationInference(r, n, (m) => 1 / Math.sqrt(m - 3))
}
