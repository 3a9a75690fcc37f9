/** Internal helpers of the correlation modules (not exported from the package). */
import { StatsInputError } from "../ContingencyTable.js"
import { normalQuantile } from "../distributions/normalQuantile.js"
import { studentTTwoSidedP } from "../distributions/studentTTail.js"
import type { CorrelationResult } from "./CorrelationResult.js"

/** Complete pairs of x and y with positive weight. */
export const completePairs = (x: Float64Array, y: Float64Array, weights?: Float64Array): Array<number> => {
  if (x.length !== y.length || (weights !== undefined && weights.length !== x.length)) {
    throw new StatsInputError(
      "BAD_DIMENSIONS",
      `x (${x.length}), y (${y.length})` +
        `${weights === undefined ? "" : ` and weights (${weights.length})`} must have the same length`
    )
  }
  const idx: Array<number> = []
  for (let i = 0; i < x.length; i++) {
    const w = weights === undefined ? 1 : weights[i]
    if (Number.isFinite(x[i]) && Number.isFinite(y[i]) && w > 0) idx.push(i)
  }
  return idx
}

/** r, its t test and Fisher-z interval (z standard error `seZ(n)`) from the coefficient and n. */
export const correlationInference = (r: number, n: number, seZ: (n: number) => number): CorrelationResult => {
  const df = n - 2
  const statistic = r * Math.sqrt(df / (1 - r * r))
  const p = Math.abs(r) === 1 ? 0 : studentTTwoSidedP(statistic, df)
  const z = Math.atanh(r)
  const h = n > 3 ? normalQuantile(0.975) * seZ(n) : NaN
  return { r, n, statistic, df, p, ci95: [Math.tanh(z - h), Math.tanh(z + h)] }
}

/** Weighted Pearson coefficient over the cases `idx` (two-pass). */
export const pearsonOf = (x: Float64Array, y: Float64Array, idx: ReadonlyArray<number>, weights?: Float64Array) => {
  let n = 0
  let sx = 0
  let sy = 0
  for (const i of idx) {
    const w = weights === undefined ? 1 : weights[i]
    n += w
    sx += w * x[i]
    sy += w * y[i]
  }
  const mx = sx / n
  const my = sy / n
  let sxx = 0
  let syy = 0
  let sxy = 0
  for (const i of idx) {
    const w = weights === undefined ? 1 : weights[i]
    const dx = x[i] - mx
    const dy = y[i] - my
    sxx += w * dx * dx
    syy += w * dy * dy
    sxy += w * dx * dy
  }
  return { r: Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy))), n }
}
