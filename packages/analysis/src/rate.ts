import { clopperPearsonInterval, type RateInterval, StatsInputError, wilsonInterval } from "@danvan/stats"
import * as Either from "effect/Either"
import { AnalysisError } from "./errors.js"

/** The JSON of `danvan rate`: a proportion x of n with its Wilson and Clopper-Pearson intervals. */
export interface RateResult {
  readonly kind: "rate"
  readonly x: number
  readonly n: number
  readonly estimate: number
  readonly level: number
  readonly intervals: {
    readonly wilson: { readonly lower: number; readonly upper: number }
    readonly clopperPearson: { readonly lower: number; readonly upper: number }
  }
}

const bounds = (i: RateInterval) => ({ lower: i.lower, upper: i.upper })

const badOption = (message: string) => new AnalysisError({ code: "BAD_OPTION", message })

/**
 * A proportion x of n with its Wilson score (R prop.test(correct = FALSE)) and Clopper-Pearson (R binom.test)
 * intervals at `level`.
 *
 * @example
 * Either.getOrThrow(rate(319, 411)).intervals.wilson // { lower: 0.7334…, upper: 0.8137… }
 */
export const rate = (x: number, n: number, level = 0.95): Either.Either<RateResult, AnalysisError> => {
  try {
    const wilson = wilsonInterval(x, n, level)
    const cp = clopperPearsonInterval(x, n, level)
    return Either.right({
      kind: "rate",
      x,
      n,
      estimate: wilson.estimate,
      level,
      intervals: { wilson: bounds(wilson), clopperPearson: bounds(cp) }
    })
  } catch (e) {
    if (e instanceof StatsInputError) return Either.left(badOption(e.message))
    throw e
  }
}

/**
 * Reads a count typed as text (`what` names it in messages, e.g. "X (cases with the attribute)"): a whole
 * number from 0 to 2^53 - 1; anything else is refused with what is wrong with it.
 *
 * @example
 * parseRateCount("-1", "X") // Left: X is -1, a negative number; expected a whole number of at least 0
 */
export const parseRateCount = (text: string, what: string): Either.Either<number, AnalysisError> => {
  const raw = text.trim()
  if (/^-/.test(raw) && Number.isFinite(Number(raw))) {
    return Either.left(badOption(`${what} is ${raw}, a negative number; expected a whole number of at least 0`))
  }
  if (!/^\+?\d+$/.test(raw)) {
    const kind = Number.isFinite(Number(raw)) && raw !== "" ? "not a whole number" : "not a number"
    return Either.left(badOption(`${what} is "${raw}", ${kind}; expected a whole number of at least 0`))
  }
  const x = Number(raw)
  if (x > Number.MAX_SAFE_INTEGER) {
    return Either.left(
      badOption(`${what} is ${raw}, which exceeds 2^53 - 1 = 9007199254740991, the largest count held exactly`)
    )
  }
  return Either.right(x)
}

/**
 * `rate` on counts typed as text: both parsed by `parseRateCount` first, so each is refused with its own message.
 *
 * @example
 * Either.getOrThrow(rateFromText("19183", "21727")).estimate // 0.8829…
 */
export const rateFromText = (x: string, n: string, level = 0.95): Either.Either<RateResult, AnalysisError> =>
  Either.gen(function*() {
    const xs = yield* parseRateCount(x, "X (the cases with the attribute)")
    const ns = yield* parseRateCount(n, "N (the number of cases)")
    return yield* rate(xs, ns, level)
  })
