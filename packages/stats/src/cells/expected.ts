import { colTotals, type ContingencyTable, rowTotals, StatsInputError, total } from "../ContingencyTable.js"

/**
 * Expected counts under independence, row-major like the table.
 *
 * Formula: E_ij = R_i C_j / N, with R_i the row totals, C_j the column totals and N the grand total
 * (Agresti 2002, Categorical Data Analysis, 2nd ed., §3.2.1, p. 78).
 *
 * A row or column whose total is zero gets expected counts of zero (which the tests reject).
 *
 * @param table - the contingency table
 * @returns the expected counts, `rows * cols` values
 * @throws StatsInputError `EMPTY_TABLE` when every count is zero (N = 0)
 * @example
 * expectedCounts(fromMatrix([[10, 20], [30, 40]])) // Float64Array [12, 18, 28, 42]
 */
export const expectedCounts = (table: ContingencyTable): Float64Array => {
  const n = total(table)
  if (!(n > 0)) throw new StatsInputError("EMPTY_TABLE", "the table is empty (all counts are zero)")
  const r = rowTotals(table)
  const c = colTotals(table)
  const { rows, cols } = table
  const out = new Float64Array(rows * cols)
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) out[i * cols + j] = (r[i] * c[j]) / n
  }
  return out
}
