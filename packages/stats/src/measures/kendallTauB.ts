import type { ContingencyTable } from "../ContingencyTable.js"
import { concordance, nullRoot } from "./concordance.js"
import { cleanVariance, constantReason, margins, nanMeasure, waldMeasure } from "./internal.js"
import type { Measure } from "./types.js"

/**
 * Kendall's tau-b with SPSS CROSSTABS's asymptotic standard error, approximate T and significance.
 *
 * Formula (P, Q twice the concordant/discordant pairs; Dr = N² - Σ r_i², Dc = N² - Σ c_j²):
 * tau_b = (P - Q) / sqrt(Dr·Dc);
 * ASE1 = sqrt(Σ f_ij (2 sqrt(Dr Dc)(C_ij - D_ij) + tau_b v_ij)² - N³ tau_b² (Dr + Dc)²) / (Dr Dc),
 * v_ij = r_i Dc + c_j Dr (delta method; Agresti 2002; Brown & Benedetti 1977,
 * doi:10.1080/01621459.1977.10479910);
 * ASE0 = 2 / sqrt(Dr Dc) · sqrt(Σ f_ij (C_ij - D_ij)² - (P - Q)² / N); t = tau_b / ASE0; p = 2·P(Z > |t|).
 * Equals R's cor(x, y, method = "kendall") on the expanded case data (Kendall 1945, doi:10.1093/biomet/33.3.239).
 *
 * @returns { value, ase (ASE1), t, p }; NaN with `reason` for a one-row or one-column table, or (t and p only)
 *   when ASE0 = 0.
 * @throws StatsInputError for an empty table or a zero row or column total.
 * @example
 * kendallTauB(fromMatrix([[1, 3, 10, 6], [2, 3, 10, 7], [1, 6, 14, 12], [0, 1, 9, 11]])).value // 0.1524
 */
export const kendallTauB = (table: ContingencyTable): Measure => {
  const m = margins(table)
  const constant = constantReason(m)
  if (constant !== undefined) return nanMeasure(constant)
  const k = concordance(m)
  const { P, Q, C, D, Dr, Dc } = k
  const root = Math.sqrt(Dr * Dc)
  const tau = (P - Q) / root
  let s = 0
  for (let i = 0; i < m.rows; i++) {
    for (let j = 0; j < m.cols; j++) {
      const x = i * m.cols + j
      const psi = 2 * root * (C[x] - D[x]) + tau * (m.rowTot[i] * Dc + m.colTot[j] * Dr)
      s += m.counts[x] * psi * psi
    }
  }
  const centre = m.n * m.n * m.n * tau * tau * (Dr + Dc) * (Dr + Dc)
  const ase1 = Math.sqrt(cleanVariance(s - centre, s)) / (Dr * Dc)
  const ase0 = (2 / root) * nullRoot(k)
  return waldMeasure(tau, ase1, ase0, "the concordance scores C - D do not vary")
}
