/**
 * Shared private helpers of the measures of association: margins and builders for NaN-with-reason results.
 * The chi-square statistics and their p-values come from the tests (`tests/pearsonChiSquare.ts`,
 * `tests/likelihoodRatio.ts`), so a measure's "Approx. Sig." is the test's p to the last digit.
 * Not part of the package's public API.
 */
import { assertNoZeroMargins, colTotals, type ContingencyTable, rowTotals, total } from "../ContingencyTable.js"
import { normalTwoSidedP } from "../distributions/normal.js"
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
  if (m.cols < 2) {
    return "the column variable is constant (the table has one column), so there is no association to measure"
  }
  return undefined
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
    return {
      value,
      ase: ase1,
      t: NaN,
      p: NaN,
      reason: `the standard error under independence (ASE0) is 0: ${zeroReason}`
    }
  }
  const t = value / ase0
  return { value, ase: ase1, t, p: normalTwoSidedP(t) }
}
