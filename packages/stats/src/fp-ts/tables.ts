// Either versions of building a table and testing it.
import * as core from "../index.js"
import { tryStats } from "./tryStats.js"

/**
 * `fromMatrix` returning `Either`: `Left` for an empty or ragged matrix or a negative or non-finite count.
 *
 * @example
 * fromMatrix([[1, 2], [3]])
 * // Left(StatsInputError { code: "RAGGED_MATRIX", message: "row 2 has 1 counts but row 1 has 2" })
 */
export const fromMatrix = tryStats(core.fromMatrix)

/**
 * `countCodes` returning `Either`: `Left` for columns of different lengths, bad levels or bad weights.
 *
 * @example
 * countCodes(Int32Array.of(1, 2), Int32Array.of(1, 1, 2), [1, 2], [1, 2])
 * // Left(StatsInputError { code: "BAD_DIMENSIONS", ... })
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
 * `lowExpectedCounts` returning `Either`: `Left` for an all-zero table or a bad threshold.
 *
 * @example
 * lowExpectedCounts(table) // Right({ cells: 0, total: 9, percent: 0, minExpected: 30.26..., threshold: 5 })
 */
export const lowExpectedCounts = tryStats(core.lowExpectedCounts)
