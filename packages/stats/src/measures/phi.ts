import type { ContingencyTable } from "../ContingencyTable.js"
import { pearsonOf } from "./chiSquareBased.js"
import type { PearsonInput, ScalarMeasure } from "./types.js"

/**
 * The phi coefficient, signed for 2×2 tables as SPSS reports it.
 *
 * Formula: 2×2 table [[a, b], [c, d]]: phi = (ad - bc) / sqrt((a + b)(c + d)(a + c)(b + d)), which is
 * sign(ad - bc)·sqrt(X²/N); larger tables: phi = sqrt(X²/N) (Pearson's X², never negative). p is the Pearson
 * chi-square p with (r - 1)(c - 1) df (SPSS "Approx. Sig."). Reference: Agresti 2002 "Categorical Data
 * Analysis" 2nd ed., doi:10.1002/0471249688; Cramér 1946.
 *
 * @param pearson optional { statistic, p } of the table's Pearson test, to reuse an existing computation.
 * @returns { value, p }; NaN with `reason` for a one-row or one-column table.
 * @throws StatsInputError for an empty table or a zero row or column total.
 * @example
 * phi(fromMatrix([[10, 20], [30, 5]])).value // -0.5367 (negative: ad < bc)
 */
export const phi = (table: ContingencyTable, pearson?: PearsonInput): ScalarMeasure => {
  const r = pearsonOf(table, pearson)
  if (!("m" in r)) return r
  const { m } = r
  if (m.rows === 2 && m.cols === 2) {
    const [a, b, c, d] = m.counts
    const value = (a * d - b * c) / Math.sqrt(m.rowTot[0] * m.rowTot[1] * m.colTot[0] * m.colTot[1])
    return { value, p: r.p }
  }
  return { value: Math.sqrt(r.x2 / m.n), p: r.p }
}
