/** A correlation coefficient with its test and interval. */
export interface CorrelationResult {
  /** the coefficient */
  readonly r: number
  /** (weighted) number of complete pairs */
  readonly n: number
  /** t = r √((n − 2)/(1 − r²)) */
  readonly statistic: number
  /** n − 2 */
  readonly df: number
  /** two-sided p of H₀: ρ = 0 */
  readonly p: number
  /** 95% interval from Fisher's z (NaN when n <= 3) */
  readonly ci95: readonly [number, number]
}
