/**
 * Median of values with optional frequency weights (equal to R's `median` of the data with each value repeated
 * w times).
 *
 * Formula: sort the values; with W = Σ w, the median is the smallest x with cumulative weight > W/2, or, when
 * the cumulative weight equals W/2 exactly at some x, the mean of x and the next larger value (the usual
 * average of the two middle values of an even-sized sample). Reference: Hyndman & Fan (1996) type 7 at p = 1/2,
 * doi:10.1080/00031305.1996.10473566.
 *
 * @param values - the values (NaN entries are skipped)
 * @param weights - optional frequency weights, one per value (0 or NaN skips the value)
 * @returns the median; NaN when no value is left
 * @example
 * weightedMedian(Float64Array.of(1, 2, 3, 4)) // 2.5
 * weightedMedian(Float64Array.of(1, 2, 3), Float64Array.of(3, 1, 1)) // 1
 */
export const weightedMedian = (values: Float64Array, weights?: Float64Array): number => {
  const idx: Array<number> = []
  let total = 0
  for (let i = 0; i < values.length; i++) {
    const w = weights === undefined ? 1 : weights[i]
    if (Number.isFinite(values[i]) && w > 0) {
      idx.push(i)
      total += w
    }
  }
  if (idx.length === 0) return NaN
  idx.sort((a, b) => values[a] - values[b])
  const half = total / 2
  let cum = 0
  for (let k = 0; k < idx.length; k++) {
    cum += weights === undefined ? 1 : weights[idx[k]]
    if (cum > half) return values[idx[k]]
    if (cum === half) return k + 1 < idx.length ? (values[idx[k]] + values[idx[k + 1]]) / 2 : values[idx[k]]
  }
  return values[idx[idx.length - 1]]
}
