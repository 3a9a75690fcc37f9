import { StatsInputError } from "../ContingencyTable.js"
import { fUpperTail } from "../distributions/fDistribution.js"
import type { GroupMoments } from "./groupMoments.js"

/** Classical one-way analysis of variance with effect sizes. */
export interface OneWayAnovaResult {
  readonly sumSquaresBetween: number
  readonly sumSquaresWithin: number
  readonly dfBetween: number
  readonly dfWithin: number
  readonly meanSquareBetween: number
  readonly meanSquareWithin: number
  /** F = MS_between / MS_within */
  readonly statistic: number
  /** P(F_{dfBetween, dfWithin} > statistic), computed directly */
  readonly p: number
  /** η² = SS_between / SS_total */
  readonly etaSquared: number
  /** ω² = (SS_between − df_between·MS_within) / (SS_total + MS_within) */
  readonly omegaSquared: number
  /** groups with data */
  readonly groups: number
  /** total (weighted) size */
  readonly n: number
}

/**
 * One-way ANOVA F test of equal group means from group sizes, means and variances (R's `aov`/`anova`, and
 * `oneway.test(var.equal = TRUE)`; SPSS ONEWAY), with η² and ω².
 *
 * Formula: over the k groups with data, N = Σ n_g, x̄ = Σ n_g x̄_g / N, SS_B = Σ n_g (x̄_g − x̄)²,
 * SS_W = Σ (n_g − 1) s²_g, df_B = k − 1, df_W = N − k, F = (SS_B/df_B)/(SS_W/df_W), p = P(F > F_obs);
 * η² = SS_B/(SS_B + SS_W); ω² = (SS_B − df_B·MS_W)/(SS_B + SS_W + MS_W) (Hays 1963; Olejnik & Algina 2003,
 * doi:10.1037/1082-989X.8.4.434). Reference: Fisher (1925); Montgomery, Design and Analysis of Experiments, §3.3.
 *
 * @param m - group moments ({@link groupMoments})
 * @throws StatsInputError "BAD_DIMENSIONS" when fewer than 2 groups have data or N − k < 1
 * @example
 * oneWayAnova({ n: [3, 3], cases: [3, 3], mean: [2, 5], variance: [1, 1] })
 * // { statistic: 13.5, dfBetween: 1, dfWithin: 4, p: 0.0213..., etaSquared: 0.7714..., ... }
 */
export const oneWayAnova = (m: GroupMoments): OneWayAnovaResult => {
  let k = 0
  let n = 0
  let sum = 0
  let ssw = 0
  m.n.forEach((ng, g) => {
    if (ng > 0) {
      k++
      n += ng
      sum += ng * m.mean[g]
      if (ng > 1) ssw += (ng - 1) * m.variance[g]
    }
  })
  if (k < 2) {
    throw new StatsInputError(
      "BAD_DIMENSIONS",
      `the analysis of variance needs at least 2 groups with data, found ${k}`
    )
  }
  if (!(n - k > 0)) {
    throw new StatsInputError("BAD_DIMENSIONS", `the analysis of variance needs more cases (${n}) than groups (${k})`)
  }
  const grand = sum / n
  let ssb = 0
  m.n.forEach((ng, g) => {
    if (ng > 0) ssb += ng * (m.mean[g] - grand) ** 2
  })
  const dfBetween = k - 1
  const dfWithin = n - k
  const msb = ssb / dfBetween
  const msw = ssw / dfWithin
  const statistic = msb / msw
  const sst = ssb + ssw
  return {
    sumSquaresBetween: ssb,
    sumSquaresWithin: ssw,
    dfBetween,
    dfWithin,
    meanSquareBetween: msb,
    meanSquareWithin: msw,
    statistic,
    p: fUpperTail(statistic, dfBetween, dfWithin),
    etaSquared: ssb / sst,
    omegaSquared: (ssb - dfBetween * msw) / (sst + msw),
    groups: k,
    n
  }
}
