import { colTotals, type ContingencyTable, rowTotals, StatsInputError, total } from "../ContingencyTable.js"
import { chiSquareUpperTail } from "../distributions/chiSquare.js"
import { assertTestable } from "./assertTestable.js"
import type { ChiSquareTest } from "./ChiSquareTest.js"

/**
 * Pearson chi-square with Yates' continuity correction, for 2 x 2 tables (SPSS's "Continuity Correction").
 *
 * Formula: X²_Y = Σ_ij (|O_ij - E_ij| - δ)² / E_ij with δ = min(0.5, min_ij |O_ij - E_ij|), df = 1,
 * p = P(χ²_1 > X²_Y) (Yates 1934, doi:10.2307/2983604). Capping δ at |O - E| keeps the correction from
 * overshooting when the table already matches independence; this is exactly R's
 * `chisq.test(x, correct = TRUE)`.
 *
 * @param table - a 2 x 2 table with no zero row or column total
 * @returns `{ statistic, df: 1, p }`
 * @throws StatsInputError `BAD_DIMENSIONS` unless the table is 2 x 2; `NEGATIVE_COUNT`,
 *   `NON_FINITE_COUNT`, `EMPTY_TABLE` or `ZERO_MARGIN` (naming the row or column)
 * @example
 * yatesChiSquare(fromMatrix([[40, 1], [1, 40]]))
 * // { statistic: 70.43902439024..., df: 1, p: 4.7471497874...e-17 }
 */
export const yatesChiSquare = (table: ContingencyTable): ChiSquareTest => {
  if (table.rows !== 2 || table.cols !== 2) {
    throw new StatsInputError(
      "BAD_DIMENSIONS",
      `Yates' continuity correction is defined for 2 x 2 tables only; this table is ${table.rows} x ${table.cols}`
    )
  }
  assertTestable(table, "Yates' corrected chi-square")
  const { counts } = table
  const n = total(table)
  const r = rowTotals(table)
  const c = colTotals(table)
  const e = new Float64Array(4)
  let delta = 0.5
  for (let k = 0; k < 4; k++) {
    e[k] = (r[k >> 1] * c[k & 1]) / n
    delta = Math.min(delta, Math.abs(counts[k] - e[k]))
  }
  let x2 = 0
  for (let k = 0; k < 4; k++) {
    const d = Math.abs(counts[k] - e[k]) - delta
    x2 += (d * d) / e[k]
  }
  return { statistic: x2, df: 1, p: chiSquareUpperTail(x2, 1) }
}
