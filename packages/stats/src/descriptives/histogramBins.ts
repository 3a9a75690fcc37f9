import type { WeightedValues } from "./weightedValues.js"

/** One bar of a histogram: values in [from, to) (the last bar includes `to`), with their summed weight. */
export interface HistogramBin {
  readonly from: number
  readonly to: number
  readonly count: number
}

const niceWidth = (raw: number): number => {
  const e = Math.pow(10, Math.floor(Math.log10(raw)))
  for (const m of [1, 2, 2.5, 5, 10]) if (m * e >= raw) return m * e
  return 10 * e
}

/**
 * Histogram bins for sorted weighted values: integers spanning fewer than 30 units get one bar per integer
 * (centred on it); otherwise Sturges' count of bars, ⌈log₂ W⌉ + 1 clamped to 5..30, widened to a round width
 * (1, 2, 2.5 or 5 × 10ᵏ) that starts at a multiple of itself.
 *
 * @example
 * histogramBins(weightedValues(Float64Array.of(1, 2, 2, 3)))
 * // [{ from: 0.5, to: 1.5, count: 1 }, { from: 1.5, to: 2.5, count: 2 }, …]
 */
export const histogramBins = (data: WeightedValues): Array<HistogramBin> => {
  const { values, weights, totalWeight } = data
  if (values.length === 0) return []
  const min = values[0]
  const max = values[values.length - 1]
  const integral = values.every((x) => Number.isInteger(x))
  let start: number
  let width: number
  let count: number
  if (integral && max - min < 30) {
    width = 1
    start = min - 0.5
    count = max - min + 1
  } else if (max === min) {
    width = 1
    start = min - 0.5
    count = 1
  } else {
    const k = Math.min(30, Math.max(5, Math.ceil(Math.log2(Math.max(totalWeight, 1))) + 1))
    width = niceWidth((max - min) / k)
    start = Math.floor(min / width) * width
    count = Math.max(1, Math.ceil((max - start) / width + 1e-12))
    if (start + count * width <= max) count++
  }
  const counts = new Float64Array(count)
  for (let k = 0; k < values.length; k++) {
    const bin = Math.min(count - 1, Math.floor((values[k] - start) / width + 1e-9))
    counts[bin] += weights[k]
  }
  const round = (x: number) => Number(x.toPrecision(12))
  return Array.from(
    counts,
    (c, i) => ({ from: round(start + i * width), to: round(start + (i + 1) * width), count: c })
  )
}
