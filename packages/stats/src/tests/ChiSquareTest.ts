/** The result of a chi-square-type test: the statistic, its degrees of freedom and the upper-tail p-value. */
export interface ChiSquareTest {
  readonly statistic: number
  readonly df: number
  readonly p: number
}
