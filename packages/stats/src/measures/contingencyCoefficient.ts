import type { ContingencyTable } from "../ContingencyTable.js"
import { pearsonOf } from "./chiSquareBased.js"
import type { PearsonInput, ScalarMeasure } from "./types.js"

/**
 * Pearson's contingency coefficient.
 *
 * Formula: C = sqrt(X² / (X² + N)), X² Pearson's statistic; p is the Pearson chi-square p with (r - 1)(c - 1) df
 * (SPSS "Approx. Sig."). Reference: Pearson 1904; Agresti 2002 "Categorical Data Analysis",
 * doi:10.1002/0471249688.
 *
 * @param pearson optional { statistic, p } of the table's Pearson test, to reuse an existing computation.
 * @returns { value, p }; NaN with `reason` for a one-row or one-column table.
 * @throws StatsInputError for an empty table or a zero row or column total.
 * @example
 * contingencyCoefficient(fromMatrix([[66, 209, 35], [158, 177, 41], [163, 216, 31]])).value // 0.1900
 */
export const contingencyCoefficient = (table: ContingencyTable, pearson?: PearsonInput): ScalarMeasure => {
  const r = pearsonOf(table, pearson)
  if (!("m" in r)) return r
  return { value: Math.sqrt(r.x2 / (r.x2 + r.m.n)), p: r.p }
}
