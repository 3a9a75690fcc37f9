import type { ContingencyTable } from "../ContingencyTable.js"
import { concordance, nullRoot } from "./concordance.js"
import { constantReason, margins, nanMeasure, waldMeasure } from "./internal.js"
import type { Measure } from "./types.js"

/**
 * Kendall's (Stuart's) tau-c with SPSS CROSSTABS's asymptotic standard error, approximate T and significance.
 *
 * Formula (q = min(rows, cols)): tau_c = 2q(P/2 - Q/2) / (N²(q - 1)) = q (P - Q) / (N² (q - 1));
 * ASE1 = 2q / ((q - 1) N²) · sqrt(Σ f_ij (C_ij - D_ij)² - (P - Q)² / N) (Brown & Benedetti 1977,
 * doi:10.1080/01621459.1977.10479910). SPSS uses this same ASE for the approximate T, so t = tau_c / ASE1 and
 * p = 2·P(Z > |t|) (Stuart 1953, doi:10.2307/2333101).
 *
 * @returns { value, ase, t, p }; NaN with `reason` for a one-row or one-column table, or (t and p only) when the
 *   ASE is 0.
 * @throws StatsInputError for an empty table or a zero row or column total.
 * @example
 * kendallTauC(fromMatrix([[1, 3, 10, 6], [2, 3, 10, 7], [1, 6, 14, 12], [0, 1, 9, 11]])).value // 0.1395
 */
export const kendallTauC = (table: ContingencyTable): Measure => {
  const m = margins(table)
  const constant = constantReason(m)
  if (constant !== undefined) return nanMeasure(constant)
  const k = concordance(m)
  const q = Math.min(m.rows, m.cols)
  const scale = (2 * q) / ((q - 1) * m.n * m.n)
  const ase = scale * nullRoot(k)
  return waldMeasure((q * (k.P - k.Q)) / (m.n * m.n * (q - 1)), ase, ase, "the concordance scores C - D do not vary")
}
