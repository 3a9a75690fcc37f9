import { StatsInputError } from "../ContingencyTable.js"
import type { WeightedValues } from "./weightedValues.js"

/**
 * The `p`-th quantile (0 < p < 1) by SPSS's default HAVERAGE method (FREQUENCIES and EXAMINE), with case weights
 * as SPSS applies them (SPSS Statistics Algorithms, FREQUENCIES, percentiles; PSPP's `percentile_calculate`):
 * t = (W + 1)·p; x_i the largest value whose cumulative weight cc_i ≤ t (x_0 = the minimum), x_{i+1} the next
 * value with weight c_{i+1}; g* = t − cc_i. Then Q = x_{i+1} when g* ≥ 1; else (1 − g*)·x_i + g*·x_{i+1} when
 * c_{i+1} ≥ 1; else (1 − g)·x_i + g·x_{i+1} with g = g* ÷ c_{i+1}. Q = the maximum when t reaches W.
 * Unweighted, and with integer weights, this is Hyndman & Fan's type 6 (R's `quantile(x, p, type = 6)` on the
 * cases replicated by their weights).
 *
 * @throws StatsInputError: "BAD_DIMENSIONS" for p outside (0, 1) or no valid values
 * @example
 * percentileHaverage(weightedValues(Float64Array.of(1, 2, 3, 4)), 0.25) // 1.25
 */
export const percentileHaverage = (data: WeightedValues, p: number): number => {
  const { values, weights, totalWeight } = data
  if (!(p > 0 && p < 1)) throw new StatsInputError("BAD_DIMENSIONS", `a percentile needs 0 < p < 1, got ${p}`)
  if (values.length === 0) throw new StatsInputError("BAD_DIMENSIONS", "a percentile needs at least one valid value")
  const t = (totalWeight + 1) * p
  // i: values[0..i) have cumulative weight cc ≤ t (with a relative tolerance against rounding in the sums)
  let cc = 0
  let i = 0
  const eps = 1e-12 * Math.max(1, t)
  while (i < values.length && cc + weights[i] <= t + eps) cc += weights[i++]
  if (i >= values.length) return values[values.length - 1]
  const below = i === 0 ? values[0] : values[i - 1]
  const next = values[i]
  const gStar = Math.max(0, t - cc)
  if (gStar >= 1) return next
  const g = weights[i] >= 1 ? gStar : gStar / weights[i]
  return g === 0 ? below : (1 - g) * below + g * next
}
