import { productDifference } from "../cells/deviation.js"
import { colTotals, type ContingencyTable, rowTotals, total } from "../ContingencyTable.js"
import { bd0 } from "../distributions/bd0.js"
import { chiSquareUpperTail } from "../distributions/chiSquare.js"
import { assertTestable } from "./assertTestable.js"
import type { ChiSquareTest } from "./ChiSquareTest.js"

/**
 * Likelihood-ratio chi-square test of independence (G², SPSS's "Likelihood Ratio").
 *
 * Formula: G² = 2 Σ_ij O_ij ln(O_ij / E_ij), with 0 · ln 0 = 0, df = (r - 1)(c - 1), p = P(χ²_df > G²)
 * (Wilks 1938, doi:10.1214/aoms/1177732360; Agresti 2002, Categorical Data Analysis, 2nd ed., §3.2.1,
 * eq. 3.11, p. 79). Method: since Σ O = Σ E, G² = 2 Σ bd0(O_ij, E_ij) with
 * bd0(O, E) = O ln(O/E) + E - O >= 0 evaluated by Loader's series near O = E, so the sum has no
 * cancellation even when G² is tiny relative to N; O - E is taken as (N·O - R·C) / N with the products' rounding
 * errors kept (`cells/deviation.ts`), so the rounding of E does not cost digits on nearly independent tables with
 * millions of cases.
 *
 * @param table - the contingency table, at least 2 x 2, no zero row or column total
 * @returns `{ statistic, df, p }`
 * @throws StatsInputError `BAD_DIMENSIONS`, `NEGATIVE_COUNT`, `NON_FINITE_COUNT`, `EMPTY_TABLE` or
 *   `ZERO_MARGIN` (naming the row or column)
 * @example
 * likelihoodRatio(fromMatrix([[40, 1], [1, 40]]))
 * // { statistic: 94.87103133055..., df: 1, p: 2.0320182539...e-22 }
 */
export const likelihoodRatio = (table: ContingencyTable): ChiSquareTest => {
  assertTestable(table, "the likelihood-ratio test")
  const { rows, cols, counts } = table
  const n = total(table)
  const r = rowTotals(table)
  const c = colTotals(table)
  let g = 0
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const f = counts[i * cols + j]
      g += bd0(f, (r[i] * c[j]) / n, productDifference(n, f, r[i], c[j]) / n)
    }
  }
  const statistic = 2 * g
  const df = (rows - 1) * (cols - 1)
  return { statistic, df, p: chiSquareUpperTail(statistic, df) }
}
