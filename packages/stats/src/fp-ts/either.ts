import * as E from "fp-ts/lib/Either.js"
import type { ContingencyTable } from "../ContingencyTable.js"
import * as core from "../index.js"
import { contingencyTableMonoid } from "./monoid.js"

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
  <A extends ReadonlyArray<unknown>, B>(f: (...args: A) => B) =>
  (...args: A): E.Either<core.StatsInputError, B> => {
    try {
      return E.right(f(...args))
    } catch (error) {
      if (error instanceof core.StatsInputError) return E.left(error)
      throw error
    }
  }

/**
 * Merges the tables counted on separate shards into one, checking first that every table has the same shape
 * (the same categories in the same order are the caller's business): `Left` with `BAD_DIMENSIONS` naming the
 * first table that differs, or for an empty list.
 *
 * @param tables - one table per shard, at least one
 * @example
 * mergeShards([fromMatrix([[1, 2], [3, 4]]), fromMatrix([[5, 6], [7, 8]])])
 * // Right({ rows: 2, cols: 2, counts: Float64Array [6, 8, 10, 12] })
 */
export const mergeShards = (tables: ReadonlyArray<ContingencyTable>): E.Either<core.StatsInputError, ContingencyTable> => {
  if (tables.length === 0) return E.left(new core.StatsInputError("EMPTY_TABLE", "there are no shard tables to merge"))
  const { rows, cols } = tables[0]
  const odd = tables.findIndex((t) => t.rows !== rows || t.cols !== cols)
  if (odd >= 0) {
    const t = tables[odd]
    return E.left(new core.StatsInputError("BAD_DIMENSIONS", `shard ${odd + 1} is a ${t.rows} x ${t.cols} table but shard 1 is ${rows} x ${cols}`))
  }
  const M = contingencyTableMonoid(rows, cols)
  return E.right(tables.reduce(M.concat, M.empty))
}

/**
 * `fromMatrix` returning `Either`: `Left` for an empty or ragged matrix or a negative or non-finite count.
 *
 * @example
 * fromMatrix([[1, 2], [3]]) // Left(StatsInputError { code: "RAGGED_MATRIX", message: "row 2 has 1 counts but row 1 has 2" })
 */
export const fromMatrix = tryStats(core.fromMatrix)

/**
 * `countCodes` returning `Either`: `Left` for columns of different lengths, bad levels or bad weights.
 *
 * @example
 * countCodes(Int32Array.of(1, 2), Int32Array.of(1, 1, 2), [1, 2], [1, 2]) // Left(StatsInputError { code: "BAD_DIMENSIONS", ... })
 */
export const countCodes = tryStats(core.countCodes)

/**
 * `pearsonChiSquare` returning `Either`: `Left` for a table that cannot be tested (zero margins, below 2 x 2).
 *
 * @example
 * pearsonChiSquare(table) // Right({ statistic, df, p })
 */
export const pearsonChiSquare = tryStats(core.pearsonChiSquare)

/**
 * `likelihoodRatio` returning `Either`.
 *
 * @example
 * likelihoodRatio(table) // Right({ statistic, df, p })
 */
export const likelihoodRatio = tryStats(core.likelihoodRatio)

/**
 * `yatesChiSquare` returning `Either`: `Left` unless the table is 2 x 2 and testable.
 *
 * @example
 * yatesChiSquare(fromMatrix([[12, 5], [7, 9]])) // Right({ statistic, df: 1, p })
 */
export const yatesChiSquare = tryStats(core.yatesChiSquare)

/**
 * `linearByLinear` returning `Either`: `Left` also for bad scores.
 *
 * @example
 * linearByLinear(table, { rowScores: [1, 2, 3] }) // Right({ statistic, df: 1, p, r })
 */
export const linearByLinear = tryStats(core.linearByLinear)

/**
 * `fisherExact2x2` returning `Either`: `Left` unless a 2 x 2 table of whole numbers.
 *
 * @example
 * fisherExact2x2(fromMatrix([[3, 0], [0, 2]])) // Right({ p: 0.1, pLess: 1, pGreater: 0.1, method: "exact" })
 */
export const fisherExact2x2 = tryStats(core.fisherExact2x2)

/**
 * `fisherFreemanHalton` returning `Either`: `Left` for bad options, weighted counts, or an exact run over its
 * work limit.
 *
 * @example
 * fisherFreemanHalton(table, { method: "exact" }) // Right({ p, method: "exact", tables }) or Left(TOO_LARGE)
 */
export const fisherFreemanHalton = tryStats(core.fisherFreemanHalton)

/**
 * `expectedCounts` returning `Either`: `Left` for an all-zero table.
 *
 * @example
 * expectedCounts(fromMatrix([[10, 20], [30, 40]])) // Right(Float64Array [12, 18, 28, 42])
 */
export const expectedCounts = tryStats(core.expectedCounts)

/**
 * `residuals` returning `Either`.
 *
 * @example
 * residuals(table) // Right({ raw, standardized, adjusted, adjustedP })
 */
export const residuals = tryStats(core.residuals)

/**
 * `associationMeasures` returning `Either`.
 *
 * @example
 * associationMeasures(table) // Right({ phi, cramersV, gamma, kendallTauB, ... })
 */
export const associationMeasures = tryStats(core.associationMeasures)

/**
 * `wilsonInterval` returning `Either`: `Left` for x > n, non-integer counts or a level outside (0, 1).
 *
 * @example
 * wilsonInterval(319, 411) // Right({ estimate: 0.776..., lower: 0.733..., upper: 0.813..., level: 0.95, method: "wilson", ... })
 */
export const wilsonInterval = tryStats(core.wilsonInterval)

/**
 * `clopperPearsonInterval` returning `Either`.
 *
 * @example
 * clopperPearsonInterval(0, 20) // Right({ estimate: 0, lower: 0, upper: 0.168..., ... })
 */
export const clopperPearsonInterval = tryStats(core.clopperPearsonInterval)
