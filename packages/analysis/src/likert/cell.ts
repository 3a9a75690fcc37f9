import * as Stats from "@danvan/stats"
import type { LikertCell } from "./types.js"

/**
 * The summary of one item in one group from its distribution over the scale points (counts or sums of
 * frequency weights): n, percents, mean score, SD (divisor n − 1), t-based 95% CI (df n − 1, as SPSS with
 * frequency weights) and net = % at the high pole − % at the low pole.
 */
export const likertCell = (
  distribution: ReadonlyArray<number>,
  scores: ReadonlyArray<number>,
  high: ReadonlyArray<number>,
  low: ReadonlyArray<number>
): LikertCell => {
  let n = 0
  let sum = 0
  distribution.forEach((d, k) => {
    n += d
    sum += d * scores[k]
  })
  const percents = distribution.map((x) => Stats.percentOf(x, n))
  const flat = high.some((k) => low.includes(k))
  const pct = (ks: ReadonlyArray<number>) => ks.reduce((a, k) => a + percents[k], 0)
  const net = n > 0 && !flat ? pct(high) - pct(low) : NaN
  const base = { n, distribution, percents, net, netDifficulty: net }
  const flatReason = flat ? { reason: "every scale point has the same score: no net measure" } : {}
  if (n === 0) return { ...base, mean: NaN, sd: NaN, ci95: [NaN, NaN], reason: "no non-missing scores" }
  const mean = sum / n
  if (n <= 1) return { ...base, mean, sd: NaN, ci95: [NaN, NaN], reason: "one score: no standard deviation" }
  let ss = 0
  distribution.forEach((d, k) => {
    ss += d * (scores[k] - mean) ** 2
  })
  const sd = Math.sqrt(ss / (n - 1))
  const half = Stats.studentTQuantile(0.975, n - 1) * (sd / Math.sqrt(n))
  return { ...base, mean, sd, ci95: [mean - half, mean + half], ...flatReason }
}
