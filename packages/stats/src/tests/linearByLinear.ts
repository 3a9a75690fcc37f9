import { colTotals, type ContingencyTable, rowTotals, StatsInputError, total } from "../ContingencyTable.js"
import { chiSquareUpperTail } from "../distributions/chiSquare.js"
import { assertTestable } from "./assertTestable.js"
import type { ChiSquareTest } from "./ChiSquareTest.js"

/** Scores for the ordered categories; each defaults to 1, 2, ..., k (SPSS's choice). */
export interface LinearByLinearOptions {
  readonly rowScores?: ArrayLike<number>
  readonly colScores?: ArrayLike<number>
}

/** The test plus the count-weighted Pearson correlation r of the scores it is built on. */
export interface LinearByLinearTest extends ChiSquareTest {
  readonly r: number
}

const checkScores = (scores: ArrayLike<number> | undefined, k: number, what: "row" | "column"): Float64Array => {
  const out = new Float64Array(k)
  if (scores === undefined) {
    for (let i = 0; i < k; i++) out[i] = i + 1
    return out
  }
  if (scores.length !== k) {
    throw new StatsInputError("BAD_SCORES", `${scores.length} ${what} scores were given for ${k} ${what}s`)
  }
  for (let i = 0; i < k; i++) {
    const s = scores[i]
    if (!Number.isFinite(s)) {
      throw new StatsInputError("BAD_SCORES", `${what} score ${i + 1} is not a finite number (${s})`)
    }
    out[i] = s
  }
  return out
}

/**
 * Linear-by-linear association test (Mantel-Haenszel chi-square for ordinal variables).
 *
 * Formula: M² = (N - 1) r², df = 1, p = P(χ²_1 > M²), where r is the Pearson correlation between the row
 * scores u_i and the column scores v_j over the N cases, i.e. weighted by the counts:
 * r = Σ_ij O_ij (u_i - ū)(v_j - v̄) / sqrt(Σ_i R_i (u_i - ū)² · Σ_j C_j (v_j - v̄)²)
 * (Mantel 1963, doi:10.1080/01621459.1963.10500879; Agresti 2002, Categorical Data Analysis, 2nd ed.,
 * §3.4.1, eq. 3.15, p. 87). With the default scores 1..k this is SPSS's "Linear-by-Linear Association".
 *
 * @param table - the contingency table, at least 2 x 2, no zero row or column total
 * @param options - `rowScores` (length rows) and `colScores` (length cols), finite and not all equal
 * @returns `{ statistic, df: 1, p, r }`
 * @throws StatsInputError `BAD_SCORES` for scores of the wrong length, non-finite, or all equal (r is then
 *   undefined); `BAD_DIMENSIONS`, `NEGATIVE_COUNT`, `NON_FINITE_COUNT`, `EMPTY_TABLE`, `ZERO_MARGIN`
 * @example
 * linearByLinear(fromMatrix([[40, 1], [1, 40]]))
 * // { statistic: 73.290303390838..., df: 1, p: 1.11916382637...e-17, r: 0.95121951219... }
 */
export const linearByLinear = (table: ContingencyTable, options: LinearByLinearOptions = {}): LinearByLinearTest => {
  assertTestable(table, "the linear-by-linear association test")
  const { rows, cols, counts } = table
  const u = checkScores(options.rowScores, rows, "row")
  const v = checkScores(options.colScores, cols, "column")
  const n = total(table)
  const rt = rowTotals(table)
  const ct = colTotals(table)
  let ubar = 0
  for (let i = 0; i < rows; i++) ubar += rt[i] * u[i]
  ubar /= n
  let vbar = 0
  for (let j = 0; j < cols; j++) vbar += ct[j] * v[j]
  vbar /= n
  let su = 0
  for (let i = 0; i < rows; i++) su += rt[i] * (u[i] - ubar) ** 2
  let sv = 0
  for (let j = 0; j < cols; j++) sv += ct[j] * (v[j] - vbar) ** 2
  if (!(su > 0)) {
    throw new StatsInputError("BAD_SCORES", "the row scores are all equal, so there is no linear trend to test")
  }
  if (!(sv > 0)) {
    throw new StatsInputError("BAD_SCORES", "the column scores are all equal, so there is no linear trend to test")
  }
  let cov = 0
  for (let i = 0; i < rows; i++) {
    const du = u[i] - ubar
    for (let j = 0; j < cols; j++) cov += counts[i * cols + j] * du * (v[j] - vbar)
  }
  const r = Math.max(-1, Math.min(1, cov / Math.sqrt(su * sv)))
  const statistic = (n - 1) * r * r
  return { statistic, df: 1, p: chiSquareUpperTail(statistic, 1), r }
}
