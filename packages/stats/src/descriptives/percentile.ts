import { StatsInputError } from "../ContingencyTable.js"
import type { WeightedValues } from "./weightedValues.js"

/**
 * The `p`-th quantile (0 < p < 1) by SPSS's default HAVERAGE method (FREQUENCIES and EXAMINE): the position
 * t = (W + 1)·p on the cumulative-weight scale, j = ⌊t⌋, g = t − j, and Q = (1 − g)·x₍ⱼ₎ + g·x₍ⱼ₊₁₎, where x₍ᵢ₎ is
 * the value whose cumulative-weight interval (cc₋, cc] holds i; Q = x_min when j < 1 and x_max when j ≥ W.
 * Unweighted this is Hyndman & Fan's type 6 (R's `quantile(x, p, type = 6)`); with integer weights it equals
 * type 6 on the cases replicated by their weights. Fractional weights use the same rule on the cumulative
 * weights.
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
  const j = Math.floor(t)
  const g = t - j
  if (j < 1) return values[0]
  if (j >= totalWeight) return values[values.length - 1]
  const lower = orderStatistic(data, j)
  return g === 0 ? lower : (1 - g) * lower + g * orderStatistic(data, j + 1)
}

/** x₍ᵢ₎: the first value whose cumulative weight reaches i (the largest value when none does). */
const orderStatistic = (data: WeightedValues, i: number): number => {
  let cumulative = 0
  for (let k = 0; k < data.values.length; k++) {
    cumulative += data.weights[k]
    if (cumulative >= i - 1e-9 * Math.max(1, i)) return data.values[k]
  }
  return data.values[data.values.length - 1]
}
