import { StatsInputError } from "../ContingencyTable.js"
import { chiSquareUpperTail } from "../distributions/chiSquare.js"

/** Breslow-Day test of a common odds ratio across 2x2 strata, with Tarone's correction. */
export interface BreslowDayResult {
  /** Tarone-corrected statistic */
  readonly statistic: number
  readonly df: number
  readonly p: number
  /** Breslow and Day's original statistic (without Tarone's correction) */
  readonly uncorrected: { readonly statistic: number; readonly p: number }
  /** strata used (both margins non-degenerate) */
  readonly strata: number
}

/** E(a) under odds ratio psi given the margins: the root of (1 − ψ)e² + (N − m − n + ψ(m + n))e − ψmn = 0 in range. */
const expectedA = (psi: number, m: number, n: number, total: number): number => {
  const lo = Math.max(0, m + n - total)
  const hi = Math.min(m, n)
  const qa = 1 - psi
  const qb = total - m - n + psi * (m + n)
  const qc = -psi * m * n
  if (Math.abs(qa) < 1e-15) return -qc / qb
  const disc = Math.sqrt(qb * qb - 4 * qa * qc)
  const q = -0.5 * (qb + Math.sign(qb || 1) * disc)
  const r1 = q / qa
  const r2 = qc / q
  return r1 >= lo - 1e-9 && r1 <= hi + 1e-9 ? r1 : r2
}

/**
 * Breslow-Day test of homogeneity of the odds ratios of K 2x2 tables, with Tarone's correction (SPSS CROSSTABS
 * /STATISTICS CMH "Tests of Homogeneity of the Odds Ratio"; DescTools::BreslowDayTest(correct = TRUE)).
 *
 * Formula: with ψ the Mantel-Haenszel common odds ratio and, per stratum, e_k the a-cell count whose table with the
 * observed margins has odds ratio ψ (a root of a quadratic) and
 * v_k = 1/(1/e + 1/(m − e) + 1/(n − e) + 1/(N − m − n + e)),
 * X²_BD = Σ(a_k − e_k)²/v_k; Tarone's X² = X²_BD − (Σa_k − Σe_k)²/Σv_k; df = K − 1, p from χ²_{K−1}. Strata with
 * an empty row or column are skipped. References: Breslow & Day (1980), Statistical Methods in Cancer Research I,
 * §4.4; Tarone (1985), Biometrika 72:91-95, doi:10.1093/biomet/72.1.91.
 *
 * @param strata - K 2x2 tables, counts row-major (a, b, c, d)
 * @param commonOddsRatio - the Mantel-Haenszel estimate ({@link mantelHaenszelOddsRatio})
 * @throws StatsInputError "BAD_DIMENSIONS" when a stratum is not 2x2 or fewer than 2 strata are usable
 * @example
 * breslowDay([Float64Array.of(10, 5, 3, 12), Float64Array.of(8, 7, 4, 11)], 4.6).statistic
 */
export const breslowDay = (strata: ReadonlyArray<Float64Array>, commonOddsRatio: number): BreslowDayResult => {
  let bd = 0
  let sumA = 0
  let sumE = 0
  let sumV = 0
  let used = 0
  for (const t of strata) {
    if (t.length !== 4) {
      throw new StatsInputError("BAD_DIMENSIONS", `the Breslow-Day test needs 2x2 strata, got ${t.length} cells`)
    }
    const [a, b, c, d] = t
    const total = a + b + c + d
    const m = a + b
    const n = a + c
    if (m === 0 || n === 0 || m === total || n === total) continue
    used++
    const e = expectedA(commonOddsRatio, m, n, total)
    const v = 1 / (1 / e + 1 / (m - e) + 1 / (n - e) + 1 / (total - m - n + e))
    bd += (a - e) ** 2 / v
    sumA += a
    sumE += e
    sumV += v
  }
  if (used < 2) {
    throw new StatsInputError(
      "BAD_DIMENSIONS",
      `the Breslow-Day test needs at least 2 strata with both rows and columns present, found ${used}`
    )
  }
  const df = used - 1
  const statistic = bd - (sumA - sumE) ** 2 / sumV
  return {
    statistic,
    df,
    p: chiSquareUpperTail(statistic, df),
    uncorrected: { statistic: bd, p: chiSquareUpperTail(bd, df) },
    strata: used
  }
}
