import { StatsInputError } from "../ContingencyTable.js"

/** Valid values of a numeric variable, sorted ascending, with their case weights (all 1 when unweighted). */
export interface WeightedValues {
  readonly values: Float64Array
  readonly weights: Float64Array
  /** Σ w over the valid values (the number of valid cases when unweighted). */
  readonly totalWeight: number
  /** Cases dropped because the value is NaN (missing), with positive weight. */
  readonly missingWeight: number
}

/**
 * The valid values (not NaN) with positive weight, sorted ascending with their weights; cases with a zero or
 * NaN weight are left out altogether, as SPSS does with WEIGHT BY.
 *
 * @throws StatsInputError: "BAD_DIMENSIONS" when `weights` has another length than `x`, "NEGATIVE_COUNT" for a
 *   negative or infinite weight
 * @example
 * weightedValues(Float64Array.of(3, NaN, 1), Float64Array.of(1, 2, 0.5)).values // Float64Array [1, 3]
 */
export const weightedValues = (x: Float64Array, weights?: Float64Array): WeightedValues => {
  if (weights !== undefined && weights.length !== x.length) {
    throw new StatsInputError("BAD_DIMENSIONS", `weights have ${weights.length} cases, values ${x.length}`)
  }
  const order: Array<number> = []
  let missingWeight = 0
  for (let k = 0; k < x.length; k++) {
    const w = weights === undefined ? 1 : weights[k]
    if (Number.isNaN(w) || w === 0) continue
    if (!(w > 0) || !Number.isFinite(w)) {
      throw new StatsInputError("NEGATIVE_COUNT", `weight ${w} of case ${k + 1} is not a non-negative number`)
    }
    if (Number.isNaN(x[k])) missingWeight += w
    else order.push(k)
  }
  order.sort((a, b) => x[a] - x[b])
  const values = Float64Array.from(order, (k) => x[k])
  const ws = Float64Array.from(order, (k) => (weights === undefined ? 1 : weights[k]))
  let totalWeight = 0
  for (const w of ws) totalWeight += w
  return { values, weights: ws, totalWeight, missingWeight }
}
