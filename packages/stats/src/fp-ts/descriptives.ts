// Either versions of the descriptive statistics of a numeric variable.
import * as core from "../index.js"
import { tryStats } from "./tryStats.js"

/**
 * `weightedValues` returning `Either`: `Left` for weights of another length or a negative weight.
 *
 * @example
 * weightedValues(Float64Array.of(1, 2), Float64Array.of(1, -1))
 * // Left(StatsInputError { code: "NEGATIVE_COUNT", ... })
 */
export const weightedValues = tryStats(core.weightedValues)

/**
 * `percentileHaverage` returning `Either`: `Left` for p outside (0, 1) or no valid values.
 *
 * @example
 * percentileHaverage(core.weightedValues(Float64Array.of(1, 2, 3, 4)), 0.25) // Right(1.25)
 */
export const percentileHaverage = tryStats(core.percentileHaverage)

/**
 * `describeNumeric` returning `Either`: `Left` for weights of another length or a negative weight.
 *
 * @example
 * describeNumeric(Float64Array.of(2, 4, 4, 5)) // Right({ n: 4, mean: 3.75, ... })
 */
export const describeNumeric = tryStats(core.describeNumeric)
