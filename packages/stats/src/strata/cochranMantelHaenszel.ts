import { StatsInputError } from "../ContingencyTable.js"
import { chiSquareUpperTail } from "../distributions/chiSquare.js"

/** The generalized Cochran-Mantel-Haenszel test of general association. */
export interface CochranMantelHaenszelResult {
  readonly statistic: number
  readonly df: number
  readonly p: number
  /** strata used (those with at least 2 cases) */
  readonly strata: number
  /** whether the 2x2xK continuity correction was applied */
  readonly corrected: boolean
}

/** Solves A x = b (n x n, row-major) by Gaussian elimination with partial pivoting; undefined when singular. */
const solve = (a: Float64Array, b: Float64Array, n: number): Float64Array | undefined => {
  const m = Float64Array.from(a)
  const x = Float64Array.from(b)
  let scale = 0
  for (const v of m) scale = Math.max(scale, Math.abs(v))
  for (let c = 0; c < n; c++) {
    let p = c
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r * n + c]) > Math.abs(m[p * n + c])) p = r
    if (!(Math.abs(m[p * n + c]) > scale * 1e-13)) return undefined
    if (p !== c) {
      for (let k = 0; k < n; k++) [m[c * n + k], m[p * n + k]] = [m[p * n + k], m[c * n + k]]
      ;[x[c], x[p]] = [x[p], x[c]]
    }
    for (let r = c + 1; r < n; r++) {
      const f = m[r * n + c] / m[c * n + c]
      if (f === 0) continue
      for (let k = c; k < n; k++) m[r * n + k] -= f * m[c * n + k]
      x[r] -= f * x[c]
    }
  }
  for (let c = n - 1; c >= 0; c--) {
    let s = x[c]
    for (let k = c + 1; k < n; k++) s -= m[c * n + k] * x[k]
    x[c] = s / m[c * n + c]
  }
  return x
}

/**
 * Generalized Cochran-Mantel-Haenszel test of general association between the rows and columns of K strata of
 * I x J tables, conditional on the strata (R's `mantelhaen.test`; SPSS CROSSTABS /STATISTICS CMH "Cochran's"
 * and "Mantel-Haenszel" for 2x2xK).
 *
 * Formula: with n_k the cells of stratum k without the last row and column (as a vector), their expectation
 * m_k = (row totals ⊗ column totals)/N_k and covariance
 * V_k = [(N_k·diag(c) − c cᵀ) ⊗ (N_k·diag(r) − r rᵀ)] / (N_k²(N_k − 1)) (r, c: the first I − 1 row and J − 1 column
 * totals), Q = (Σ(n_k − m_k))ᵀ (ΣV_k)⁻¹ (Σ(n_k − m_k)), df = (I − 1)(J − 1), p = P(χ²_df > Q). For 2x2xK with
 * `correct`, Q = (|Σ(a_k − E a_k)| − ½)²/Σ Var a_k (when |Σ(a_k − E a_k)| >= ½). Strata with fewer than 2 cases
 * carry no information and are skipped. References: Mantel & Haenszel (1959), JNCI 22:719-748; Landis, Heyman &
 * Koch (1978), Int. Stat. Rev. 46:237-254, doi:10.2307/1402373; Agresti (2013), Categorical Data Analysis, §6.4.
 *
 * @param strata - K tables as counts row-major (I·J each)
 * @param rows - I >= 2
 * @param cols - J >= 2
 * @param correct - continuity correction for 2x2xK (R's default `correct = TRUE`; SPSS does not correct)
 * @throws StatsInputError "BAD_DIMENSIONS" for a wrong size or no stratum with 2 cases; "EMPTY_TABLE" when the
 *   pooled covariance is singular (e.g. a row or column empty in every stratum)
 * @example
 * cochranMantelHaenszel([Float64Array.of(10, 5, 3, 12), Float64Array.of(8, 7, 4, 11)], 2, 2, false).statistic
 */
export const cochranMantelHaenszel = (
  strata: ReadonlyArray<Float64Array>,
  rows: number,
  cols: number,
  correct = false
): CochranMantelHaenszelResult => {
  if (rows < 2 || cols < 2) {
    throw new StatsInputError("BAD_DIMENSIONS", `the CMH test needs at least 2 rows and 2 columns, got ${rows}x${cols}`)
  }
  const I1 = rows - 1
  const J1 = cols - 1
  const d = I1 * J1
  const delta = new Float64Array(d)
  const v = new Float64Array(d * d)
  let used = 0
  for (const t of strata) {
    if (t.length !== rows * cols) {
      throw new StatsInputError("BAD_DIMENSIONS", `a stratum has ${t.length} cells, expected ${rows * cols}`)
    }
    const r = new Float64Array(rows)
    const c = new Float64Array(cols)
    let n = 0
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        r[i] += t[i * cols + j]
        c[j] += t[i * cols + j]
        n += t[i * cols + j]
      }
    }
    if (!(n >= 2)) continue
    used++
    for (let j = 0; j < J1; j++) for (let i = 0; i < I1; i++) delta[i + I1 * j] += t[i * cols + j] - (r[i] * c[j]) / n
    const den = n * n * (n - 1)
    for (let j1 = 0; j1 < J1; j1++) {
      for (let j2 = 0; j2 < J1; j2++) {
        const cj = (j1 === j2 ? n * c[j1] : 0) - c[j1] * c[j2]
        for (let i1 = 0; i1 < I1; i1++) {
          for (let i2 = 0; i2 < I1; i2++) {
            const ri = (i1 === i2 ? n * r[i1] : 0) - r[i1] * r[i2]
            v[(i1 + I1 * j1) * d + (i2 + I1 * j2)] += (cj * ri) / den
          }
        }
      }
    }
  }
  if (used === 0) {
    throw new StatsInputError("BAD_DIMENSIONS", "the CMH test needs at least one stratum with 2 or more cases")
  }
  const df = d
  if (d === 1 && correct) {
    const dev = Math.abs(delta[0])
    const statistic = (dev - (dev >= 0.5 ? 0.5 : 0)) ** 2 / v[0]
    return { statistic, df, p: chiSquareUpperTail(statistic, df), strata: used, corrected: true }
  }
  const x = solve(v, delta, d)
  if (x === undefined) {
    throw new StatsInputError(
      "EMPTY_TABLE",
      "the CMH covariance matrix is singular: a row or column category is empty in every stratum"
    )
  }
  let statistic = 0
  for (let k = 0; k < d; k++) statistic += delta[k] * x[k]
  return { statistic, df, p: chiSquareUpperTail(statistic, df), strata: used, corrected: false }
}
