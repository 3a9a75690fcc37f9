import * as E from "fp-ts/lib/Either.js"
import { StatsInputError } from "../ContingencyTable.js"

/**
 * Lifts a function of `@danvan/stats` that throws `StatsInputError` on invalid input into one that returns
 * an fp-ts `Either`: `Left` with the error, `Right` with the result. Any other exception (a bug, not bad
 * input) is re-thrown, not turned into a value.
 *
 * @param f - any function of the core entry
 * @returns the same function, returning `Either<StatsInputError, B>`
 * @example
 * import { wilsonInterval } from "@danvan/stats"
 * const wilson = tryStats(wilsonInterval)
 * wilson(5, 3) // Left(StatsInputError { code: "BAD_OPTION", ... })
 */
export const tryStats =
  <A extends ReadonlyArray<unknown>, B>(f: (...args: A) => B) => (...args: A): E.Either<StatsInputError, B> => {
    try {
      return E.right(f(...args))
    } catch (error) {
      if (error instanceof StatsInputError) return E.left(error)
      throw error
    }
  }
