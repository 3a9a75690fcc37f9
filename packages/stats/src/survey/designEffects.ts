import type { DesignEffects } from "./DesignEstimate.js"

/**
 * Design effects of an estimate: its design-based variance over the variance the same estimate would have under
 * simple random sampling, with the two references of R survey's `svymean`/`svytotal(deff = ...)`.
 *
 * Formula: with v the SRS variance s²/n with replacement (s² the weighted variance with divisor n − 1 over the n
 * cases with w ≠ 0), `deffReplace` = V/v and `deff` = V/(v·(N̂ − n)/N̂) with N̂ = Σw (without replacement from a
 * population of N̂; undefined, NaN, when N̂ <= n). References: Kish (1965), Survey Sampling, §8.2; Lumley (2010),
 * Complex Surveys, §2.2.1; R survey's `svymean.survey.design2`.
 *
 * @param variance - the design-based variance V
 * @param srsVariance - the SRS-with-replacement variance s²/n of the same estimate
 * @param sumWeights - N̂ = Σw
 * @param n - cases with a non-zero weight
 * @example
 * designEffects(2, 1, 1000, 100) // { deff: 2.222..., deffReplace: 2 }
 */
export const designEffects = (variance: number, srsVariance: number, sumWeights: number, n: number): DesignEffects => ({
  deff: sumWeights > n ? variance / ((srsVariance * (sumWeights - n)) / sumWeights) : Number.NaN,
  deffReplace: variance / srsVariance
})
