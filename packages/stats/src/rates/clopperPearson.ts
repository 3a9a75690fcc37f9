import { betaQuantile } from "../distributions/beta.js"
import { assertRateInput, type RateInterval } from "./RateInterval.js"

/**
 * Clopper-Pearson ("exact") confidence interval for a binomial proportion.
 *
 * Formula: with α = 1 − level, lower = B⁻¹(α/2; x, n − x + 1) (0 when x = 0) and
 * upper = B⁻¹(1 − α/2; x + 1, n − x) (1 when x = n), B⁻¹ the beta quantile; the upper bound is solved from
 * the upper tail 1 − I_u(x + 1, n − x) = α/2 directly so neither bound loses precision (as R's
 * `binom.test(x, n, conf.level = level)$conf.int`, which keeps α/2 in each tail also at x = 0 and x = n). At the
 * ends the closed forms are used: upper = 1 − (α/2)^(1/n) at x = 0 (as −expm1(ln(α/2)/n), exact to the last
 * digit for n in the millions) and lower = (α/2)^(1/n) at x = n.
 * Reference: Clopper & Pearson (1934) doi:10.1093/biomet/26.4.404.
 *
 * @param x - number of cases with the attribute (whole number, 0 <= x <= n)
 * @param n - number of cases (whole number >= 1)
 * @param level - confidence level in (0, 1), default 0.95
 * @throws StatsInputError("BAD_OPTION") for x > n, negative or non-integer counts, or a level outside (0, 1)
 * @example
 * clopperPearsonInterval(319, 411)
 * // { estimate: 0.7761557177615572, lower: 0.7327271290864498, upper: 0.8155561156434409, ... }
 */
export const clopperPearsonInterval = (x: number, n: number, level = 0.95): RateInterval => {
  assertRateInput(x, n, level)
  const alpha = 1 - level
  // at the ends the beta quantiles have closed forms: (1 - u)^n = α/2 at x = 0 and l^n = α/2 at x = n
  const logHalfAlpha = Math.log(alpha / 2) / n
  const lower = x === 0 ? 0 : x === n ? Math.exp(logHalfAlpha) : betaQuantile(alpha / 2, x, n - x + 1)
  const upper = x === n ? 1 : x === 0 ? -Math.expm1(logHalfAlpha) : betaQuantile(alpha / 2, x + 1, n - x, false)
  return { estimate: x / n, lower, upper, level, method: "clopper-pearson", x, n }
}
