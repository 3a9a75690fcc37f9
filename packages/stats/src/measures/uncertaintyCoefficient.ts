import { productDifference } from "../cells/deviation.js"
import type { ContingencyTable } from "../ContingencyTable.js"
import { likelihoodRatio } from "../tests/likelihoodRatio.js"
import { cleanVariance, constantReason, margins, nanMeasure } from "./internal.js"
import type { DirectionalMeasure, Measure } from "./types.js"

/** ln(x / n) for a margin x of n, via log1p when x is most of n (so a tiny other category keeps its digits). */
const lnShare = (x: number, n: number): number => (2 * x > n ? Math.log1p((x - n) / n) : Math.log(x / n))

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
 * Method: I is taken from the likelihood-ratio test (G² / 2N, a sum of positive deviance terms), never as
 * U(R) + U(C) - U(RC), which cancels on large nearly independent tables (2e-9 to 8e-8 relative lost there).
 * The ASE sums are rewritten with U(C) - U(RC) = I - U(R) and l = ln(r c / (N f)) = log1p(-(N f - r c) / (N f))
 * (the difference kept exact, `cells/deviation.ts`), e.g. rows dependent Σ f [I ln(r_i/N) - U(R) l]², and
 * Σ f l² - N I² as Σ f (l + I)², so no sum cancels; values and ASEs hold to ~1e-13 relative on such tables.
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
  const lr = likelihoodRatio(table)
  const info = lr.statistic / (2 * n) // mutual information I = G² / 2N, a sum of positive terms
  let uR = 0
  let uC = 0
  for (let i = 0; i < m.rows; i++) uR -= (m.rowTot[i] / n) * lnShare(m.rowTot[i], n)
  for (let j = 0; j < m.cols; j++) uC -= (m.colTot[j] / n) * lnShare(m.colTot[j], n)
  let sR = 0
  let sC = 0
  let sS = 0
  let scaleR = 0 // the sums of the squared terms, to recognise a variance that is 0 but for rounding
  let scaleC = 0
  let scaleS = 0
  let sL = 0 // Σ f (l + I)², l = ln(r c / (N f)), whose f-weighted mean is -I
  for (let i = 0; i < m.rows; i++) {
    const lnR = lnShare(m.rowTot[i], n)
    for (let j = 0; j < m.cols; j++) {
      const f = m.counts[i * m.cols + j]
      if (f <= 0) continue
      const lnC = lnShare(m.colTot[j], n)
      const l = Math.log1p(-productDifference(n, f, m.rowTot[i], m.colTot[j]) / (n * f)) // ln(E / f)
      const a = info * lnR - uR * l
      const b = info * lnC - uC * l
      const c = (uR + uC) * l - info * (lnR + lnC)
      sR += f * a * a
      sC += f * b * b
      sS += f * c * c
      scaleR += f * (info * lnR) ** 2 + f * (uR * l) ** 2
      scaleC += f * (info * lnC) ** 2 + f * (uC * l) ** 2
      scaleS += f * ((uR + uC) * l) ** 2 + f * (info * (lnR + lnC)) ** 2
      sL += f * (l + info) * (l + info)
    }
  }
  const p = lr.p
  sR = cleanVariance(sR, scaleR)
  sC = cleanVariance(sC, scaleC)
  sS = cleanVariance(sS, scaleS)
  const core = Math.sqrt(sL)
  const one = (value: number, ase: number, ase0: number): Measure =>
    ase0 > 0
      ? { value, ase, t: value / ase0, p }
      : {
        value,
        ase,
        t: NaN,
        p,
        reason: "the standard error under independence (ASE0) is 0: the log-ratios ln(f N / (r c)) do not vary"
      }
  return {
    symmetric: one(
      (2 * info) / (uR + uC),
      (2 * Math.sqrt(sS)) / (n * (uR + uC) * (uR + uC)),
      (2 * core) / (n * (uR + uC))
    ),
    rowsDependent: one(info / uR, Math.sqrt(sR) / (n * uR * uR), core / (n * uR)),
    colsDependent: one(info / uC, Math.sqrt(sC) / (n * uC * uC), core / (n * uC))
  }
}
