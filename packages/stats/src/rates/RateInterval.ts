import { StatsInputError } from "../ContingencyTable.js"

/** A confidence interval for a binomial proportion x / n. */
export interface RateInterval {
  /** x / n */
  readonly estimate: number
  readonly lower: number
  readonly upper: number
  /** confidence level, e.g. 0.95 */
  readonly level: number
  readonly method: "wilson" | "clopper-pearson"
  readonly x: number
  readonly n: number
}

/**
 * Validates x cases with the attribute out of n and a confidence level before a rate interval is computed.
 *
 * @param x - whole number, 0 <= x <= n
 * @param n - whole number >= 1
 * @param level - confidence level in (0, 1)
 * @throws StatsInputError("BAD_OPTION") naming the offending value
 * @example
 * assertRateInput(5, 4, 0.95) // throws: "the count x = 5 is larger than the number of cases n = 4"
 */
export const assertRateInput = (x: number, n: number, level: number): void => {
  if (!Number.isInteger(n) || n < 1) {
    throw new StatsInputError("BAD_OPTION", `the number of cases n must be a positive whole number, got ${n}`)
  }
  if (!Number.isInteger(x) || x < 0) {
    throw new StatsInputError("BAD_OPTION", `the count x must be a whole number of at least 0, got ${x}`)
  }
  if (x > n) {
    throw new StatsInputError("BAD_OPTION", `the count x = ${x} is larger than the number of cases n = ${n}`)
  }
  if (!(level > 0 && level < 1)) {
    throw new StatsInputError("BAD_OPTION", `the confidence level must be between 0 and 1 (e.g. 0.95), got ${level}`)
  }
}
