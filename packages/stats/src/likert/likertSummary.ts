import { studentTQuantile } from "../distributions/studentT.js"

/** Mean score of a Likert item with its spread and a t-based 95% confidence interval. */
export interface LikertSummary {
  /** number of non-missing scores */
  readonly n: number
  readonly mean: number
  /** sample standard deviation, divisor n − 1 */
  readonly sd: number
  /** standard error sd / √n */
  readonly se: number
  /** mean ± t_{0.975, n−1} · se */
  readonly ci95: readonly [number, number]
  /** why some fields are NaN (n = 0: no scores; n = 1: no spread), absent otherwise */
  readonly reason?: string
}

/**
 * Mean, standard deviation, standard error and 95% confidence interval of item scores.
 *
 * Formula: x̄ = Σx/n; s = √(Σ(x − x̄)²/(n − 1)) (two-pass, so no cancellation); se = s/√n;
 * CI = x̄ ± t_{0.975, n−1} · se with t the Student quantile ({@link studentTQuantile}), as R's
 * `t.test(x)$conf.int`. NaN scores are missing and skipped. Reference: Student (1908)
 * doi:10.1093/biomet/6.1.1; Welford-free two-pass variance, Chan, Golub & LeVeque (1983)
 * doi:10.1080/00031305.1983.10483115.
 *
 * @param scores - item scores, NaN for missing
 * @returns the summary; with n = 0 every statistic is NaN, with n = 1 sd/se/ci95 are NaN (`reason` says why)
 * @example
 * likertSummary(Float64Array.of(1, 2, 2, 3, NaN))
 * // { n: 4, mean: 2, sd: 0.816496580927726, se: 0.408248290463863,
 * //   ci95: [0.7007717363748891, 3.299228263625111] }
 */
export const likertSummary = (scores: Float64Array): LikertSummary => {
  let n = 0
  let sum = 0
  for (let i = 0; i < scores.length; i++) {
    const v = scores[i]
    if (!Number.isNaN(v)) {
      n++
      sum += v
    }
  }
  if (n === 0) return { n, mean: NaN, sd: NaN, se: NaN, ci95: [NaN, NaN], reason: "no non-missing scores" }
  const mean = sum / n
  if (n === 1) return { n, mean, sd: NaN, se: NaN, ci95: [NaN, NaN], reason: "one score: no standard deviation" }
  let ss = 0
  let corr = 0
  for (let i = 0; i < scores.length; i++) {
    const v = scores[i]
    if (!Number.isNaN(v)) {
      const d = v - mean
      ss += d * d
      corr += d
    }
  }
  // corrected two-pass (Chan, Golub & LeVeque): removes the rounding error of the mean
  const sd = Math.sqrt((ss - (corr * corr) / n) / (n - 1))
  const se = sd / Math.sqrt(n)
  const t = studentTQuantile(0.975, n - 1)
  return { n, mean, sd, se, ci95: [mean - t * se, mean + t * se] }
}
