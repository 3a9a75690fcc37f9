/** Internal helpers of the group modules (not exported from the package). */
import { StatsInputError } from "../ContingencyTable.js"

/** Checks lengths, group indices and weights; returns the indices of the usable cases. */
export const usableCases = (
  values: Float64Array,
  groups: Int32Array,
  groupCount: number,
  weights?: Float64Array
): Array<number> => {
  if (values.length !== groups.length || (weights !== undefined && weights.length !== values.length)) {
    throw new StatsInputError(
      "BAD_DIMENSIONS",
      `values (${values.length}), groups (${groups.length})` +
        `${weights === undefined ? "" : ` and weights (${weights.length})`} must have the same length`
    )
  }
  if (!Number.isInteger(groupCount) || groupCount < 1) {
    throw new StatsInputError("BAD_OPTION", `groupCount must be a positive whole number, got ${groupCount}`)
  }
  const idx: Array<number> = []
  for (let i = 0; i < values.length; i++) {
    const g = groups[i]
    if (g >= groupCount) {
      throw new StatsInputError("BAD_CODE", `case ${i + 1} has group ${g}, but there are only ${groupCount} groups`)
    }
    const w = weights === undefined ? 1 : weights[i]
    if (weights !== undefined && !(w >= 0 && Number.isFinite(w)) && !Number.isNaN(w)) {
      throw new StatsInputError("BAD_WEIGHT", `case ${i + 1} has weight ${w}; weights must be finite and >= 0`)
    }
    if (g >= 0 && Number.isFinite(values[i]) && w > 0) idx.push(i)
  }
  return idx
}
