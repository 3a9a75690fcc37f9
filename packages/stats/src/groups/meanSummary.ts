import { studentTQuantile } from "../distributions/studentT.js"

/** Descriptive statistics of one group. */
export interface MeanSummary {
  readonly n: number
  readonly mean: number
  readonly sd: number
  readonly se: number
  /** t-based 95% confidence interval of the mean */
  readonly ci95: readonly [number, number]
}

/**
 * Standard deviation, standard error and t-based 95% confidence interval of a mean from n, mean and variance
 * (R's `sd`, `t.test(x)$conf.int`; SPSS EXAMINE).
 *
 * Formula: sd = √s², se = sd/√n, CI = x̄ ± t_{0.975, n−1}·se (Student 1908). With frequency weights n is the sum
 * of weights, as SPSS does.
 *
 * @param n - (weighted) size
 * @param mean - mean
 * @param variance - variance with divisor n − 1 (NaN when n <= 1: sd, se and the interval are NaN)
 * @example
 * meanSummary(5, 3, 2.5) // { n: 5, mean: 3, sd: 1.5811..., se: 0.7071..., ci95: [1.0367..., 4.9632...] }
 */
export const meanSummary = (n: number, mean: number, variance: number): MeanSummary => {
  const sd = Math.sqrt(variance)
  const se = sd / Math.sqrt(n)
  const t = n > 1 ? studentTQuantile(0.975, n - 1) : NaN
  return { n, mean, sd, se, ci95: [mean - t * se, mean + t * se] }
}
