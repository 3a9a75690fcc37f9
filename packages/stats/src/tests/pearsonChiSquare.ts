import { productDifference } from "../cells/deviation.js"
import { colTotals, type ContingencyTable, rowTotals, total } from "../ContingencyTable.js"
import { chiSquareUpperTail } from "../distributions/chiSquare.js"
import { assertTestable } from "./assertTestable.js"
import type { ChiSquareTest } from "./ChiSquareTest.js"

/**
 * Pearson's chi-square test of independence for an r x c table.
 *
 * Formula: X² = Σ_ij (O_ij - E_ij)² / E_ij with E_ij = R_i C_j / N, df = (r - 1)(c - 1),
 * p = P(χ²_df > X²) from the directly computed upper tail (Pearson 1900, doi:10.1080/14786440009463897;
 * Agresti 2002, Categorical Data Analysis, 2nd ed., §3.2.1, p. 78). Same as R's
 * `chisq.test(x, correct = FALSE)` and SPSS's "Pearson Chi-Square".
 *
 * @param table - the contingency table, at least 2 x 2, no zero row or column total
 * @returns `{ statistic, df, p }`
 * @throws StatsInputError `BAD_DIMENSIONS`, `NEGATIVE_COUNT`, `NON_FINITE_COUNT`, `EMPTY_TABLE` or
 *   `ZERO_MARGIN` (naming the row or column)
 * @example
 * pearsonChiSquare(fromMatrix([[40, 1], [1, 40]]))
 * // { statistic: 74.1951219512195, df: 1, p: 7.07649484571074e-18 }
 */
export const pearsonChiSquare = (table: ContingencyTable): ChiSquareTest => {
  assertTestable(table, "Pearson chi-square")
  const { rows, cols, counts } = table
  const n = total(table)
  const r = rowTotals(table)
  const c = colTotals(table)
  let x2 = 0
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      // (O - E)² / E = D² / (N R C) with D = N O - R C kept exact (cells/deviation.ts): no cancellation in O - E
      const d = productDifference(n, counts[i * cols + j], r[i], c[j])
      x2 += (d / n) * (d / (r[i] * c[j]))
    }
  }
  const df = (rows - 1) * (cols - 1)
  return { statistic: x2, df, p: chiSquareUpperTail(x2, df) }
}
