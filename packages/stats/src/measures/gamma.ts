import type { ContingencyTable } from "../ContingencyTable.js"
import { concordance, nullRoot } from "./concordance.js"
import { cleanVariance, constantReason, margins, nanMeasure, waldMeasure } from "./internal.js"
import type { Measure } from "./types.js"

/**
 * Goodman and Kruskal's gamma with SPSS CROSSTABS's asymptotic standard error, approximate T and significance.
 *
 * Formula (P = Σ f_ij C_ij, Q = Σ f_ij D_ij, twice the concordant and discordant pair counts, rows and columns in
 * category order): gamma = (P - Q) / (P + Q);
 * ASE1 = 4 / (P + Q)² · sqrt(Σ f_ij (Q C_ij - P D_ij)²) (delta method, Goodman & Kruskal 1963,
 * doi:10.1080/01621459.1963.10500850; Agresti 2002);
 * ASE0 = 2 / (P + Q) · sqrt(Σ f_ij (C_ij - D_ij)² - (P - Q)² / N) (Brown & Benedetti 1977,
 * doi:10.1080/01621459.1977.10479910); t = gamma / ASE0; p = 2·P(Z > |t|).
 * C_ij and D_ij are computed with cumulative sums in O(r·c) (Goodman & Kruskal 1954,
 * doi:10.1080/01621459.1954.10501231).
 *
 * @returns { value, ase (ASE1), t, p }; NaN with `reason` for a one-row or one-column table, for P + Q = 0, or
 *   (t and p only) when ASE0 = 0.
 * @throws StatsInputError for an empty table or a zero row or column total.
 * @example
 * // Agresti (2002) job satisfaction by income: gamma = 0.2211, ASE1 = 0.1172
 * gamma(fromMatrix([[1, 3, 10, 6], [2, 3, 10, 7], [1, 6, 14, 12], [0, 1, 9, 11]]))
 */
export const gamma = (table: ContingencyTable): Measure => {
  const m = margins(table)
  const constant = constantReason(m)
  if (constant !== undefined) return nanMeasure(constant)
  const k = concordance(m)
  const { P, Q, C, D } = k
  if (!(P + Q > 0)) return nanMeasure("there are no pairs untied on both variables (P + Q = 0)")
  let s = 0
  for (let x = 0; x < C.length; x++) {
    const d = Q * C[x] - P * D[x]
    s += m.counts[x] * d * d
  }
  const ase1 = (4 / ((P + Q) * (P + Q))) * Math.sqrt(cleanVariance(s, 0))
  const ase0 = (2 / (P + Q)) * nullRoot(k)
  return waldMeasure((P - Q) / (P + Q), ase1, ase0, "every pair untied on both variables points the same way")
}
