import { colTotals, type ContingencyTable, rowTotals, total } from "../ContingencyTable.js"
import { normalTwoSidedP } from "../distributions/normal.js"
import { assertTestable } from "../tests/assertTestable.js"

/** Cell residuals of a table, each row-major like the table. */
export interface Residuals {
  /** O - E ("Residual" in SPSS). */
  readonly raw: Float64Array
  /** Pearson residual (O - E) / sqrt(E) ("Standardized Residual" in SPSS). */
  readonly standardized: Float64Array
  /** Haberman's adjusted residual, N(0, 1) under independence ("Adjusted Residual" in SPSS). */
  readonly adjusted: Float64Array
  /** Two-sided normal p-value of each adjusted residual, 2 P(Z > |adjusted|). */
  readonly adjustedP: Float64Array
}

/**
 * Raw, standardized (Pearson) and adjusted residuals, with two-sided p-values of the adjusted ones.
 *
 * Formulas: raw_ij = O_ij - E_ij; standardized_ij = (O_ij - E_ij) / sqrt(E_ij);
 * adjusted_ij = (O_ij - E_ij) / sqrt(E_ij (1 - R_i/N) (1 - C_j/N)) (Haberman 1973, "The analysis of
 * residuals in cross-classified tables", Biometrics 29(1), 205-220, doi:10.2307/2529686; Agresti 2002,
 * Categorical Data Analysis, 2nd ed., §3.3.1, p. 81); adjustedP_ij = 2 P(Z > |adjusted_ij|), computed from
 * the directly evaluated normal upper tail. These are the residuals SPSS CROSSTABS prints
 * (/CELLS RESID SRESID ASRESID).
 *
 * @param table - the contingency table, at least 2 x 2, no zero row or column total
 * @returns the four residual arrays
 * @throws StatsInputError `BAD_DIMENSIONS`, `NEGATIVE_COUNT`, `NON_FINITE_COUNT`, `EMPTY_TABLE` or
 *   `ZERO_MARGIN` (naming the row or column)
 * @example
 * residuals(fromMatrix([[40, 1], [1, 40]])).adjusted[0] // 8.613659033838...
 */
export const residuals = (table: ContingencyTable): Residuals => {
  assertTestable(table, "residuals")
  const { rows, cols, counts } = table
  const n = total(table)
  const r = rowTotals(table)
  const c = colTotals(table)
  const size = rows * cols
  const raw = new Float64Array(size)
  const standardized = new Float64Array(size)
  const adjusted = new Float64Array(size)
  const adjustedP = new Float64Array(size)
  for (let i = 0; i < rows; i++) {
    const pr = 1 - r[i] / n
    for (let j = 0; j < cols; j++) {
      const k = i * cols + j
      const e = (r[i] * c[j]) / n
      const d = counts[k] - e
      raw[k] = d
      standardized[k] = d / Math.sqrt(e)
      adjusted[k] = d / Math.sqrt(e * pr * (1 - c[j] / n))
      adjustedP[k] = normalTwoSidedP(adjusted[k])
    }
  }
  return { raw, standardized, adjusted, adjustedP }
}
