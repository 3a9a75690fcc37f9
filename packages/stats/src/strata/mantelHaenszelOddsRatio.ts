import { StatsInputError } from "../ContingencyTable.js"
import { normalQuantile } from "../distributions/normalQuantile.js"

/** The Mantel-Haenszel common odds ratio of 2x2xK tables with the Robins-Breslow-Greenland interval. */
export interface MantelHaenszelOddsRatio {
  readonly estimate: number
  /** standard error of ln(estimate) (Robins, Breslow & Greenland 1986) */
  readonly seLog: number
  readonly ci95: readonly [number, number]
}

/**
 * Mantel-Haenszel estimate of the common odds ratio of K 2x2 tables, with the Robins-Breslow-Greenland variance
 * of its logarithm and the 95% interval exp(ln ψ ± z·se) (R's `mantelhaen.test(...)$estimate` and `$conf.int`).
 *
 * Formula: per stratum (a b / c d, total n) R = ad/n, S = bc/n, P = (a + d)/n, Q = (b + c)/n; ψ = ΣR/ΣS;
 * Var(ln ψ) = ΣPR/(2(ΣR)²) + Σ(PS + QR)/(2ΣRΣS) + ΣQS/(2(ΣS)²). Strata with fewer than 2 cases are skipped.
 * References: Mantel & Haenszel (1959), JNCI 22:719-748; Robins, Breslow & Greenland (1986), Biometrics
 * 42:311-323, doi:10.2307/2531052.
 *
 * @param strata - K 2x2 tables, counts row-major (a, b, c, d)
 * @throws StatsInputError "BAD_DIMENSIONS" when a stratum is not 2x2
 * @returns the estimate (0 or Infinity when ΣR or ΣS is 0, with NaN standard error)
 * @example
 * mantelHaenszelOddsRatio([Float64Array.of(10, 5, 3, 12), Float64Array.of(8, 7, 4, 11)]).estimate
 */
export const mantelHaenszelOddsRatio = (strata: ReadonlyArray<Float64Array>): MantelHaenszelOddsRatio => {
  let sr = 0
  let ss = 0
  let spr = 0
  let spsqr = 0
  let sqs = 0
  for (const t of strata) {
    if (t.length !== 4) {
      throw new StatsInputError(
        "BAD_DIMENSIONS",
        `the Mantel-Haenszel odds ratio needs 2x2 strata, got ${t.length} cells`
      )
    }
    const [a, b, c, d] = t
    const n = a + b + c + d
    if (!(n >= 2)) continue
    const r = (a * d) / n
    const s = (b * c) / n
    const p = (a + d) / n
    const q = (b + c) / n
    sr += r
    ss += s
    spr += p * r
    spsqr += p * s + q * r
    sqs += q * s
  }
  const estimate = sr / ss
  const seLog = Math.sqrt(spr / (2 * sr * sr) + spsqr / (2 * sr * ss) + sqs / (2 * ss * ss))
  const h = normalQuantile(0.975) * seLog
  return { estimate, seLog, ci95: [estimate * Math.exp(-h), estimate * Math.exp(h)] }
}
