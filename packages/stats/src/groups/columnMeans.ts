import { studentTTwoSidedP } from "../distributions/studentTTail.js"
import { letterOf } from "../multipleResponse/columnProportionTests.js"

/** One pair of columns compared by {@link columnMeans}. */
export interface ColumnMeanPair {
  /** column indexes, a < b */
  readonly a: number
  readonly b: number
  /** (mean_a − mean_b) / (s_pooled √(1/n_a + 1/n_b)) */
  readonly t: number
  readonly df: number
  /** two-sided p of the t statistic */
  readonly p: number
  /** min(1, k·p), k = the number of pairs compared */
  readonly pBonferroni: number
}

/** Result of {@link columnMeans}. */
export interface ColumnMeans {
  /** the pooled variance Σ (n_j − 1) s²_j / Σ (n_j − 1) over the compared columns (NaN when none) */
  readonly pooledVariance: number
  readonly df: number
  /** per column, the letters (A = column 0) of the columns whose mean it significantly exceeds */
  readonly largerThan: ReadonlyArray<string>
  readonly pairs: ReadonlyArray<ColumnMeanPair>
}

/**
 * SPSS CTABLES's "compare column means" with the variance estimated from all categories: every pair of columns
 * with at least 2 cases (n_j >= 2; smaller columns are left out of the pooled variance too) by Student's t with
 * the pooled variance s² = Σ (n_j − 1) s²_j / Σ (n_j − 1) and df = Σ n_j − K over those K columns, p
 * Bonferroni-adjusted over the K(K − 1)/2 pairs; a column gets the letter of each column whose mean it exceeds
 * with adjusted p < alpha. The same as R's `pairwise.t.test(x, g, pool.sd = TRUE, p.adjust.method =
 * "bonferroni")` on the columns with at least 2 cases. With frequency weights, n_j is the sum of weights (the
 * moments of the replicated cases). No test when fewer than two columns qualify or the pooled variance is zero.
 *
 * @param n - per column, cases (sum of weights)
 * @param mean - per column, the mean
 * @param variance - per column, the variance with divisor n − 1 (ignored where n <= 1)
 * @example
 * columnMeans([10, 12], [2.1, 2.6], [0.3, 0.25]).largerThan // ["", "A"]
 */
export const columnMeans = (
  n: ReadonlyArray<number>,
  mean: ReadonlyArray<number>,
  variance: ReadonlyArray<number>,
  alpha = 0.05
): ColumnMeans => {
  const use = n.map((x, j) => (x >= 2 ? j : -1)).filter((j) => j >= 0)
  const df = use.reduce((s, j) => s + n[j], 0) - use.length
  const ss = use.reduce((s, j) => s + (n[j] > 1 ? (n[j] - 1) * variance[j] : 0), 0)
  const pooledVariance = df > 0 ? ss / df : NaN
  const largerThan = n.map(() => [] as Array<string>)
  const pairs: Array<ColumnMeanPair> = []
  if (use.length < 2 || !(pooledVariance > 0)) {
    return { pooledVariance, df, largerThan: largerThan.map(() => ""), pairs }
  }
  const k = (use.length * (use.length - 1)) / 2
  for (let x = 0; x < use.length; x++) {
    for (let y = x + 1; y < use.length; y++) {
      const a = use[x]
      const b = use[y]
      const t = (mean[a] - mean[b]) / Math.sqrt(pooledVariance * (1 / n[a] + 1 / n[b]))
      const p = studentTTwoSidedP(t, df)
      const pBonferroni = Math.min(1, k * p)
      pairs.push({ a, b, t, df, p, pBonferroni })
      if (pBonferroni < alpha) {
        if (mean[a] > mean[b]) largerThan[a].push(letterOf(b))
        else largerThan[b].push(letterOf(a))
      }
    }
  }
  return { pooledVariance, df, largerThan: largerThan.map((l) => l.sort().join("")), pairs }
}
