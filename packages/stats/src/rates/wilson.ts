import { normalQuantile } from "../distributions/normalQuantile.js"
import { assertRateInput, type RateInterval } from "./RateInterval.js"

/**
 * Wilson score interval for a binomial proportion, without continuity correction.
 *
 * Formula: with p̂ = x/n, z = Φ⁻¹((1 + level)/2),
 * (p̂ + z²/(2n) ± z √(p̂(1 − p̂)/n + z²/(4n²))) / (1 + z²/n); the lower bound is 0 when x = 0 and the upper
 * bound 1 when x = n (as R's `prop.test(x, n, correct = FALSE)$conf.int`).
 * Reference: Wilson (1927) doi:10.1080/01621459.1927.10502953; Newcombe (1998)
 * doi:10.1002/(SICI)1097-0258(19980430)17:8<857::AID-SIM777>3.0.CO;2-E.
 *
 * @param x - number of cases with the attribute (whole number, 0 <= x <= n)
 * @param n - number of cases (whole number >= 1)
 * @param level - confidence level in (0, 1), default 0.95
 * @throws StatsInputError("BAD_OPTION") for x > n, negative or non-integer counts, or a level outside (0, 1)
 * @example
 * wilsonInterval(319, 411)
 * // { estimate: 0.7761557177615572, lower: 0.7334068979649788, upper: 0.8137900978350858, level: 0.95,
 * //   method: "wilson", ... }
 */
export const wilsonInterval = (x: number, n: number, level = 0.95): RateInterval => {
  assertRateInput(x, n, level)
  const estimate = x / n
  const z = normalQuantile((1 + level) / 2)
  const z22n = (z * z) / (2 * n)
  const half = z * Math.sqrt((estimate * (1 - estimate)) / n + z22n / (2 * n))
  const lower = x === 0 ? 0 : (estimate + z22n - half) / (1 + 2 * z22n)
  const upper = x === n ? 1 : (estimate + z22n + half) / (1 + 2 * z22n)
  return { estimate, lower, upper, level, method: "wilson", x, n }
}
