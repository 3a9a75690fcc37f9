import type { ContingencyTable } from "../ContingencyTable.js"
import { pearsonOf } from "./chiSquareBased.js"
import type { PearsonInput, ScalarMeasure } from "./types.js"

/**
 * Cramér's V (never negative, also for 2×2 tables, as SPSS reports it).
 *
 * Formula: V = sqrt(X² / (N (min(r, c) - 1))), X² Pearson's statistic; p is the Pearson chi-square p with
 * (r - 1)(c - 1) df (SPSS "Approx. Sig."). Reference: Cramér 1946 "Mathematical Methods of Statistics";
 * Agresti 2002, doi:10.1002/0471249688.
 *
 * @param pearson optional { statistic, p } of the table's Pearson test, to reuse an existing computation.
 * @returns { value, p }; NaN with `reason` for a one-row or one-column table.
 * @throws StatsInputError for an empty table or a zero row or column total.
 * @example
 * cramersV(fromMatrix([[66, 209, 35], [158, 177, 41], [163, 216, 31]])).value // 0.1368
 */
export const cramersV = (table: ContingencyTable, pearson?: PearsonInput): ScalarMeasure => {
  const r = pearsonOf(table, pearson)
  if (!("m" in r)) return r
  const q = Math.min(r.m.rows, r.m.cols)
  return { value: Math.sqrt(r.x2 / (r.m.n * (q - 1))), p: r.p }
}
