import { StatsInputError } from "../ContingencyTable.js"
import { studentizedRangeQuantile, studentizedRangeUpperTail } from "../distributions/studentizedRange.js"
import type { GroupMoments } from "./groupMoments.js"
import type { PairwiseComparison } from "./PairwiseComparison.js"

/**
 * Games-Howell comparisons of all pairs of group means without assuming equal variances (SPSS ONEWAY
 * /POSTHOC GH; rstatix::games_howell_test).
 *
 * Formula: for groups i < j, d = x̄_j − x̄_i, v_g = s²_g/n_g, se = √(v_i + v_j), t = d/se, Welch-Satterthwaite
 * df = (v_i + v_j)²/(v_i²/(n_i − 1) + v_j²/(n_j − 1)), p = P(Q_{k, df} > √2·|t|), 95% interval
 * d ± q_{0.95; k, df}/√2 · se. Reference: Games & Howell (1976), Journal of Educational Statistics 1:113-125,
 * doi:10.3102/10769986001002113. `statistic` is |t|; the studentized range needs df >= 2 (else p is NaN).
 *
 * @param m - group moments ({@link groupMoments})
 * @throws StatsInputError "BAD_DIMENSIONS" when fewer than 2 groups have data
 * @example
 * gamesHowell({ n: [3, 4, 5], cases: [3, 4, 5], mean: [2, 5, 3], variance: [1, 2, 4] })
 */
export const gamesHowell = (m: GroupMoments): Array<PairwiseComparison> => {
  const gs = m.n.map((_, g) => g).filter((g) => m.n[g] > 0)
  const k = gs.length
  if (k < 2) throw new StatsInputError("BAD_DIMENSIONS", `Games-Howell needs at least 2 groups with data, found ${k}`)
  const out: Array<PairwiseComparison> = []
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      const i = gs[a]
      const j = gs[b]
      const vi = m.variance[i] / m.n[i]
      const vj = m.variance[j] / m.n[j]
      const difference = m.mean[j] - m.mean[i]
      const se = Math.sqrt(vi + vj)
      const df = (vi + vj) ** 2 / ((vi * vi) / (m.n[i] - 1) + (vj * vj) / (m.n[j] - 1))
      const statistic = Math.abs(difference) / se
      const half = studentizedRangeQuantile(0.95, k, df) / Math.SQRT2
      out.push({
        i,
        j,
        difference,
        se,
        statistic,
        df,
        p: studentizedRangeUpperTail(statistic * Math.SQRT2, k, df),
        ci95: [difference - half * se, difference + half * se]
      })
    }
  }
  return out
}
