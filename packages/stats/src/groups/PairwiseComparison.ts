/** One pairwise comparison of group means (post-hoc test). */
export interface PairwiseComparison {
  /** index of the first group */
  readonly i: number
  /** index of the second group (j > i) */
  readonly j: number
  /** mean_j − mean_i (R's TukeyHSD "diff" of the pair "j-i") */
  readonly difference: number
  /** standard error of the difference (Tukey: √(MS_W(1/n_i + 1/n_j)); Games-Howell: √(s²_i/n_i + s²_j/n_j)) */
  readonly se: number
  /** Tukey: the studentized range q = √2·|difference|/se; Games-Howell: |t| = |difference|/se */
  readonly statistic: number
  /** degrees of freedom of the comparison */
  readonly df: number
  /** adjusted p-value from the studentized range distribution */
  readonly p: number
  /** simultaneous 95% confidence interval of the difference */
  readonly ci95: readonly [number, number]
}
