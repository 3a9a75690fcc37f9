import { StatsInputError } from "../ContingencyTable.js"
import { fUpperTail } from "../distributions/fDistribution.js"
import type { GroupMoments } from "./groupMoments.js"

/** Welch's heteroscedastic one-way ANOVA. */
export interface WelchAnovaResult {
  readonly statistic: number
  readonly df1: number
  /** fractional denominator degrees of freedom */
  readonly df2: number
  readonly p: number
}

/**
 * Welch's test of equal means without assuming equal variances (R's `oneway.test(var.equal = FALSE)`, SPSS
 * ONEWAY /STATISTICS WELCH).
 *
 * Formula: with w_g = n_g/s²_g, W = Σ w_g, x̃ = Σ w_g x̄_g / W, A = Σ w_g (x̄_g − x̃)²/(k − 1),
 * λ = Σ (1 − w_g/W)²/(n_g − 1), F = A / (1 + 2(k − 2)λ/(k² − 1)), df1 = k − 1, df2 = (k² − 1)/(3λ),
 * p = P(F_{df1, df2} > F). Reference: Welch (1951), Biometrika 38:330-336, doi:10.1093/biomet/38.3-4.330.
 *
 * @param m - group moments; groups with n = 0 are left out
 * @throws StatsInputError "BAD_DIMENSIONS" when fewer than 2 groups have data, or a group with data has
 *   n < 2 or zero variance (the weights n/s² are undefined)
 * @example
 * welchAnova({ n: [3, 4], cases: [3, 4], mean: [2, 5], variance: [1, 2] })
 */
export const welchAnova = (m: GroupMoments): WelchAnovaResult => {
  const gs = m.n.map((_, g) => g).filter((g) => m.n[g] > 0)
  const k = gs.length
  if (k < 2) throw new StatsInputError("BAD_DIMENSIONS", `Welch's test needs at least 2 groups with data, found ${k}`)
  for (const g of gs) {
    if (!(m.n[g] > 1) || !(m.variance[g] > 0)) {
      throw new StatsInputError(
        "BAD_DIMENSIONS",
        `Welch's test needs at least 2 cases and a non-zero variance in every group; group ${g + 1} has n = ${
          m.n[g]
        }, variance ${m.variance[g]}`
      )
    }
  }
  const w = gs.map((g) => m.n[g] / m.variance[g])
  const sw = w.reduce((a, b) => a + b, 0)
  const mw = gs.reduce((a, g, i) => a + w[i] * m.mean[g], 0) / sw
  const a = gs.reduce((acc, g, i) => acc + w[i] * (m.mean[g] - mw) ** 2, 0) / (k - 1)
  const lambda = gs.reduce((acc, g, i) => acc + (1 - w[i] / sw) ** 2 / (m.n[g] - 1), 0)
  const statistic = a / (1 + (2 * (k - 2) * lambda) / (k * k - 1))
  const df1 = k - 1
  const df2 = (k * k - 1) / (3 * lambda)
  return { statistic, df1, df2, p: fUpperTail(statistic, df1, df2) }
}
