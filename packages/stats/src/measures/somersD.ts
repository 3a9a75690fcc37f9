import type { ContingencyTable } from "../ContingencyTable.js"
import { concordance, nullRoot } from "./concordance.js"
import { cleanVariance, constantReason, margins, nanMeasure, waldMeasure } from "./internal.js"
import type { DirectionalMeasure, Measure } from "./types.js"

/**
 * Somers' d, symmetric and with either variable dependent, with SPSS CROSSTABS's ASE1, approximate T and
 * significance.
 *
 * Formula (P, Q twice the concordant/discordant pairs; Dr = N² - Σ r_i², Dc = N² - Σ c_j²):
 * rows dependent d = (P - Q) / Dc, ASE1 = 2 / Dc² · sqrt(Σ f_ij (Dc (C_ij - D_ij) - (P - Q)(N - c_j))²);
 * columns dependent d = (P - Q) / Dr, ASE1 = 2 / Dr² · sqrt(Σ f_ij (Dr (C_ij - D_ij) - (P - Q)(N - r_i))²);
 * symmetric d = (P - Q) / ((Dr + Dc) / 2),
 * ASE1 = 4 / (Dr + Dc)² · sqrt(Σ f_ij ((Dr + Dc)(C_ij - D_ij) - (P - Q)(2N - r_i - c_j))²), all by the delta
 * method (Somers 1962, doi:10.2307/2090408; Agresti 2002). ASE0 = (2 / Dc, 2 / Dr, 4 / (Dr + Dc))
 * · sqrt(Σ f_ij (C_ij - D_ij)² - (P - Q)² / N) (Brown & Benedetti 1977, doi:10.1080/01621459.1977.10479910);
 * t = d / ASE0; p = 2·P(Z > |t|).
 *
 * @returns { symmetric, rowsDependent, colsDependent }, each { value, ase, t, p }; NaN with `reason` for a one-row
 *   or one-column table, or (t and p only) when ASE0 = 0.
 * @throws StatsInputError for an empty table or a zero row or column total.
 * @example
 * const d = somersD(fromMatrix([[1, 3, 10, 6], [2, 3, 10, 7], [1, 6, 14, 12], [0, 1, 9, 11]]))
 * d.colsDependent.value // 0.1417: job satisfaction (columns) predicted from income (rows)
 */
export const somersD = (table: ContingencyTable): DirectionalMeasure => {
  const m = margins(table)
  const constant = constantReason(m)
  if (constant !== undefined) {
    const nan = nanMeasure(constant)
    return { symmetric: nan, rowsDependent: nan, colsDependent: nan }
  }
  const k = concordance(m)
  const { P, Q, C, D, Dr, Dc } = k
  const S = P - Q
  let sRows = 0
  let sCols = 0
  let sSym = 0
  for (let i = 0; i < m.rows; i++) {
    for (let j = 0; j < m.cols; j++) {
      const x = i * m.cols + j
      const f = m.counts[x]
      const cd = C[x] - D[x]
      const a = Dc * cd - S * (m.n - m.colTot[j])
      const b = Dr * cd - S * (m.n - m.rowTot[i])
      const s = (Dr + Dc) * cd - S * (2 * m.n - m.rowTot[i] - m.colTot[j])
      sRows += f * a * a
      sCols += f * b * b
      sSym += f * s * s
    }
  }
  const root = nullRoot(k)
  const why = "the concordance scores C - D do not vary"
  const one = (value: number, ase1: number, ase0: number): Measure => waldMeasure(value, ase1, ase0, why)
  return {
    symmetric: one(
      S / ((Dr + Dc) / 2),
      (4 / ((Dr + Dc) * (Dr + Dc))) * Math.sqrt(cleanVariance(sSym, 0)),
      (4 / (Dr + Dc)) * root
    ),
    rowsDependent: one(S / Dc, (2 / (Dc * Dc)) * Math.sqrt(cleanVariance(sRows, 0)), (2 / Dc) * root),
    colsDependent: one(S / Dr, (2 / (Dr * Dr)) * Math.sqrt(cleanVariance(sCols, 0)), (2 / Dr) * root)
  }
}
