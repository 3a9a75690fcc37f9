/**
 * Shared private helpers of the measures of association: margins, the Pearson and likelihood-ratio statistics,
 * a chi-square upper tail for integer degrees of freedom, and builders for NaN-with-reason results.
 * Not part of the package's public API.
 */
import { assertNoZeroMargins, colTotals, rowTotals, total, type ContingencyTable } from "../ContingencyTable.js"
import { normalTwoSidedP, normalUpperTail } from "../distributions/normal.js"
import type { Measure, ScalarMeasure } from "./types.js"

/** A validated table with its margins. */
export interface Margins {
  readonly rows: number
  readonly cols: number
  readonly counts: Float64Array
  readonly rowTot: Float64Array
  readonly colTot: Float64Array
  readonly n: number
}

/** Validates the table (throws StatsInputError on zero margins or an empty table) and computes its margins. */
export const margins = (table: ContingencyTable): Margins => {
  assertNoZeroMargins(table)
  return {
    rows: table.rows,
    cols: table.cols,
    counts: table.counts,
    rowTot: rowTotals(table),
    colTot: colTotals(table),
    n: total(table)
  }
}

/** Why every measure is undefined for this table, or undefined when measures can be computed. */
export const constantReason = (m: Margins): string | undefined => {
  if (m.rows < 2 && m.cols < 2) return "both variables are constant (the table has one row and one column)"
  if (m.rows < 2) return "the row variable is constant (the table has one row), so there is no association to measure"
  if (m.cols < 2) return "the column variable is constant (the table has one column), so there is no association to measure"
  return undefined
}

/** Pearson's X² = Σ (f - e)² / e with e = r·c / N. */
export const pearsonStatistic = (m: Margins): number => {
  let x2 = 0
  for (let i = 0; i < m.rows; i++) {
    for (let j = 0; j < m.cols; j++) {
      const e = (m.rowTot[i] * m.colTot[j]) / m.n
      const d = m.counts[i * m.cols + j] - e
      x2 += (d * d) / e
    }
  }
  return x2
}

/** Likelihood-ratio G² = 2 Σ f ln(f N / (r c)), empty cells contributing 0. */
export const likelihoodRatioStatistic = (m: Margins): number => {
  let g = 0
  for (let i = 0; i < m.rows; i++) {
    for (let j = 0; j < m.cols; j++) {
      const f = m.counts[i * m.cols + j]
      if (f > 0) g += f * Math.log((f * m.n) / (m.rowTot[i] * m.colTot[j]))
    }
  }
  return Math.max(0, 2 * g)
}

const LOG_SQRT_2PI = 0.918938533204672741780329736406
const M_2_SQRT_2PI = 0.797884560802865355879892119869 // 2 / sqrt(2 pi)

/**
 * P(chi-square with integer `df` > x), summed directly (never 1 - cdf): Abramowitz & Stegun 26.4.4-26.4.5.
 * Even df: exp(-x/2) Σ_{k<df/2} (x/2)^k / k!. Odd df: 2·P(Z > √x) + 2φ(√x) Σ_{k=1}^{(df-1)/2} x^(k-1/2)/(2k-1)!!.
 * All terms are positive, so there is no cancellation; beyond x/2 = 680 the sum is taken in logs.
 * Local to the measures so they do not depend on the chi-square module; agrees with R's pchisq to ~1e-13.
 */
export const chiSquareUpperTail = (x: number, df: number): number => {
  if (!(df >= 1) || !Number.isInteger(df) || Number.isNaN(x)) return NaN
  if (x <= 0) return 1
  if (x === Infinity) return 0
  const y = x / 2
  const odd = df % 2 === 1
  const m = odd ? (df - 1) / 2 : df / 2 // number of series terms
  if (y <= 680) {
    if (odd) {
      let acc = 1
      for (let k = m; k >= 2; k--) acc = 1 + (acc * x) / (2 * k - 1)
      const series = m >= 1 ? Math.sqrt(x) * acc : 0
      return Math.min(1, 2 * normalUpperTail(Math.sqrt(x)) + M_2_SQRT_2PI * Math.exp(-y) * series)
    }
    let acc = 1
    for (let k = m - 1; k >= 1; k--) acc = 1 + (acc * y) / k
    return Math.min(1, Math.exp(-y) * acc)
  }
  // log-space: log-sum-exp of the log terms (relative accuracy ~ y·eps, where p is ~1e-295 or smaller unless df is huge)
  const logs: Array<number> = []
  if (odd) {
    const s = Math.sqrt(x)
    // 2 P(Z > s) = 2 φ(s) R(s), Mills ratio R(s) = (1/s)(1 - 1/s² + 3/s⁴ - 15/s⁶ + 105/s⁸ - 945/s¹⁰), s > 36
    const u = 1 / x
    const mills = (1 - u * (1 - 3 * u * (1 - 5 * u * (1 - 7 * u * (1 - 9 * u))))) / s
    logs.push(Math.log(2) - y - LOG_SQRT_2PI + Math.log(mills))
    let lt = Math.log(M_2_SQRT_2PI) - y + Math.log(s) // k = 1 term
    for (let k = 1; k <= m; k++) {
      if (k > 1) lt += Math.log(x / (2 * k - 1))
      logs.push(lt)
    }
  } else {
    let lt = -y
    for (let k = 0; k < m; k++) {
      if (k > 0) lt += Math.log(y / k)
      logs.push(lt)
    }
  }
  let max = -Infinity
  for (const l of logs) if (l > max) max = l
  let s = 0
  for (const l of logs) s += Math.exp(l - max)
  return Math.min(1, Math.exp(max + Math.log(s)))
}

/** A variance that rounding left slightly negative (or ~0 relative to its terms) is 0. */
export const cleanVariance = (v: number, scale: number): number => (v <= Math.abs(scale) * 1e-13 ? 0 : v)

/** A scalar measure that cannot be computed. */
export const nanScalar = (reason: string): ScalarMeasure => ({ value: NaN, p: NaN, reason })

/** A measure that cannot be computed. */
export const nanMeasure = (reason: string): Measure => ({ value: NaN, ase: NaN, t: NaN, p: NaN, reason })

/**
 * Builds { value, ase, t, p } from the value, ASE1 and ASE0: t = value / ASE0, p = 2·P(Z > |t|).
 * A zero or undefined ASE0 (e.g. perfect association with equal margins) makes t and p NaN with a reason.
 */
export const waldMeasure = (value: number, ase1: number, ase0: number, zeroReason: string): Measure => {
  if (Number.isNaN(value)) return nanMeasure(zeroReason)
  if (!(ase0 > 0) || !Number.isFinite(ase0)) {
    return { value, ase: ase1, t: NaN, p: NaN, reason: `the standard error under independence (ASE0) is 0: ${zeroReason}` }
  }
  const t = value / ase0
  return { value, ase: ase1, t, p: normalTwoSidedP(t) }
}
