import { StatsInputError } from "../ContingencyTable.js"
import { studentizedRangeQuantile, studentizedRangeUpperTail } from "../distributions/studentizedRange.js"
import type { GroupMoments } from "./groupMoments.js"
import type { PairwiseComparison } from "./PairwiseComparison.js"

/**
 * Tukey's honestly significant difference comparisons of all pairs of group means, with the Tukey-Kramer
 * standard error for unequal sizes (R's `TukeyHSD(aov(...))`, SPSS ONEWAY /POSTHOC TUKEY).
 *
 * Formula: for groups i < j with data, d = x̄_j − x̄_i, se = √(MS_W·(1/n_i + 1/n_j)) (the standard error of
 * the difference, as SPSS prints it), q = √2·|d|/se, p = P(Q_{k, df_W} > q) (studentized range, k groups with
 * data), 95% interval d ± q_{0.95; k, df_W}·se/√2.
 * Reference: Tukey (1953), The Problem of Multiple Comparisons; Kramer (1956), Biometrics 12:307-310,
 * doi:10.2307/3001469. The quantile is iterated to convergence; R's qtukey stops at 1e-4, so R's interval
 * bounds differ from these in about the 8th digit.
 *
 * @param m - group moments ({@link groupMoments})
 * @param meanSquareWithin - MS_W of the one-way ANOVA ({@link oneWayAnova})
 * @param dfWithin - its degrees of freedom (>= 2)
 * @throws StatsInputError "BAD_DIMENSIONS" when fewer than 2 groups have data
 * @example
 * tukeyHsd({ n: [3, 3, 3], cases: [3, 3, 3], mean: [2, 5, 3], variance: [1, 1, 1] }, 1, 6)
 */
export const tukeyHsd = (m: GroupMoments, meanSquareWithin: number, dfWithin: number): Array<PairwiseComparison> => {
  const gs = m.n.map((_, g) => g).filter((g) => m.n[g] > 0)
  const k = gs.length
  if (k < 2) throw new StatsInputError("BAD_DIMENSIONS", `Tukey's HSD needs at least 2 groups with data, found ${k}`)
  const qCrit = studentizedRangeQuantile(0.95, k, dfWithin)
  const out: Array<PairwiseComparison> = []
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      const i = gs[a]
      const j = gs[b]
      const difference = m.mean[j] - m.mean[i]
      const se = Math.sqrt(meanSquareWithin * (1 / m.n[i] + 1 / m.n[j]))
      const half = se / Math.SQRT2
      const statistic = Math.abs(difference) / half
      out.push({
        i,
        j,
        difference,
        se,
        statistic,
        df: dfWithin,
        p: studentizedRangeUpperTail(statistic, k, dfWithin),
        ci95: [difference - qCrit * half, difference + qCrit * half]
      })
    }
  }
  return out
}
