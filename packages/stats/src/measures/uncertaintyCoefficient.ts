import type { ContingencyTable } from "../ContingencyTable.js"
import { chiSquareUpperTail, cleanVariance, constantReason, margins, nanMeasure } from "./internal.js"
import type { DirectionalMeasure, Measure } from "./types.js"

/**
 * Theil's uncertainty coefficient (symmetric, rows dependent, columns dependent) with SPSS CROSSTABS's ASE1,
 * approximate T and significance.
 *
 * Formula (natural logs; U(R) = -Σ (r_i/N) ln(r_i/N), U(C) likewise, U(RC) = -Σ (f_ij/N) ln(f_ij/N), mutual
 * information I = U(R) + U(C) - U(RC) = Σ (f/N) ln(f N / (r c))): rows dependent U = I / U(R), columns dependent
 * U = I / U(C), symmetric U = 2I / (U(R) + U(C)) (Theil 1970, doi:10.1086/224909). ASE1 by the delta method, in
 * the closed forms of the SPSS CROSSTABS algorithms:
 * rows dependent sqrt(Σ f [U(R) ln(f/c_j) + (U(C) - U(RC)) ln(r_i/N)]²) / (N U(R)²);
 * columns dependent sqrt(Σ f [U(C) ln(f/r_i) + (U(R) - U(RC)) ln(c_j/N)]²) / (N U(C)²);
 * symmetric 2 sqrt(Σ f [U(RC) ln(r_i c_j / N²) - (U(R) + U(C)) ln(f/N)]²) / (N (U(R) + U(C))²).
 * Approx. T = U / ASE0 with ASE0 = sqrt(Σ f ln(r c / (N f))² - N I²) / (N U(R)) (resp. U(C), and
 * (U(R) + U(C)) / 2 for the symmetric form), so all three share one t. "Approx. Sig." is, as in SPSS, the
 * likelihood-ratio chi-square p: G² = 2 N I with (r - 1)(c - 1) df.
 *
 * @returns { symmetric, rowsDependent, colsDependent }, each { value, ase, t, p }; NaN with `reason` for a one-row
 *   or one-column table; t is NaN (p still the likelihood-ratio p) when ASE0 = 0.
 * @throws StatsInputError for an empty table or a zero row or column total.
 * @example
 * uncertaintyCoefficient(fromMatrix([[30, 5], [10, 25]])).symmetric.value // 0.2597
 */
export const uncertaintyCoefficient = (table: ContingencyTable): DirectionalMeasure => {
  const m = margins(table)
  const constant = constantReason(m)
  if (constant !== undefined) {
    const nan = nanMeasure(constant)
    return { symmetric: nan, rowsDependent: nan, colsDependent: nan }
  }
  const { n } = m
  let uR = 0
  let uC = 0
  let uRC = 0
  let info = 0
  for (let i = 0; i < m.rows; i++) uR -= (m.rowTot[i] / n) * Math.log(m.rowTot[i] / n)
  for (let j = 0; j < m.cols; j++) uC -= (m.colTot[j] / n) * Math.log(m.colTot[j] / n)
  let sR = 0
  let sC = 0
  let sS = 0
  let sL = 0 // Σ f ln(r c / (N f))²
  for (let i = 0; i < m.rows; i++) {
    for (let j = 0; j < m.cols; j++) {
      const f = m.counts[i * m.cols + j]
      if (f <= 0) continue
      const ri = m.rowTot[i]
      const cj = m.colTot[j]
      uRC -= (f / n) * Math.log(f / n)
      const l = Math.log((ri * cj) / (n * f))
      info -= (f / n) * l
      sL += f * l * l
    }
  }
  for (let i = 0; i < m.rows; i++) {
    for (let j = 0; j < m.cols; j++) {
      const f = m.counts[i * m.cols + j]
      if (f <= 0) continue
      const ri = m.rowTot[i]
      const cj = m.colTot[j]
      const a = uR * Math.log(f / cj) + (uC - uRC) * Math.log(ri / n)
      const b = uC * Math.log(f / ri) + (uR - uRC) * Math.log(cj / n)
      const s = uRC * Math.log((ri * cj) / (n * n)) - (uR + uC) * Math.log(f / n)
      sR += f * a * a
      sC += f * b * b
      sS += f * s * s
    }
  }
  info = Math.max(0, info)
  const g2 = 2 * n * info
  const p = chiSquareUpperTail(g2, (m.rows - 1) * (m.cols - 1))
  const core = Math.sqrt(cleanVariance(sL - n * info * info, sL))
  const one = (value: number, ase: number, ase0: number): Measure =>
    ase0 > 0
      ? { value, ase, t: value / ase0, p }
      : { value, ase, t: NaN, p, reason: "the standard error under independence (ASE0) is 0: the log-ratios ln(f N / (r c)) do not vary" }
  return {
    symmetric: one((2 * info) / (uR + uC), (2 * Math.sqrt(sS)) / (n * (uR + uC) * (uR + uC)), (2 * core) / (n * (uR + uC))),
    rowsDependent: one(info / uR, Math.sqrt(sR) / (n * uR * uR), core / (n * uR)),
    colsDependent: one(info / uC, Math.sqrt(sC) / (n * uC * uC), core / (n * uC))
  }
}
