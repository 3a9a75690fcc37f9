/** One pairwise comparison of group means (post-hoc test). */
export interface PairwiseComparison {
  /** index of the first group */
  readonly i: number
  /** index of the second group (j > i) */
  readonly j: number
  /** mean_j − mean_i (R's TukeyHSD "diff" of the pair "j-i") */
  readonly difference: number
  /** standard error of the difference */
  readonly se: number
  /** studentized range statistic q = |difference|/(se/√2) for Tukey; |t| for Games-Howell */
  readonly statistic: number
  /** degrees of freedom of the comparison */
  readonly df: number
  /** adjusted p-value from the studentized range distribution */
  readonly p: number
  /** simultaneous 95% confidence interval of the difference */
  readonly ci95: readonly [number, number]
}
