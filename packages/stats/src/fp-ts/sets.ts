// Either versions of the multiple-response, Likert, rate and p-value adjustment functions.
import * as core from "../index.js"
import { tryStats } from "./tryStats.js"

/**
 * `wilsonInterval` returning `Either`: `Left` for x > n, non-integer counts or a level outside (0, 1).
 *
 * @example
 * wilsonInterval(319, 411)
 * // Right({ estimate: 0.776..., lower: 0.733..., upper: 0.813..., level: 0.95, method: "wilson", ... })
 */
export const wilsonInterval = tryStats(core.wilsonInterval)

/**
 * `clopperPearsonInterval` returning `Either`.
 *
 * @example
 * clopperPearsonInterval(0, 20) // Right({ estimate: 0, lower: 0, upper: 0.168..., ... })
 */
export const clopperPearsonInterval = tryStats(core.clopperPearsonInterval)

/**
 * `bonferroni` returning `Either`: `Left` naming the first p-value outside [0, 1].
 *
 * @example
 * bonferroni([0.01, 0.04, 2]) // Left(StatsInputError { code: "BAD_OPTION", ... })
 */
export const bonferroni = tryStats(core.bonferroni)

/**
 * `holm` returning `Either`: `Left` naming the first p-value outside [0, 1].
 *
 * @example
 * holm([0.01, 0.04, 0.03]) // Right(Float64Array [0.03, 0.06, 0.06])
 */
export const holm = tryStats(core.holm)

/**
 * `multipleResponseTable` returning `Either`: `Left` for a value that is not 0/1 or a bad group code.
 *
 * @example
 * multipleResponseTable(data) // Right({ n, groupN, counts, percentOfCases, percentOfResponses, ... })
 */
export const multipleResponseTable = tryStats(core.multipleResponseTable)

/**
 * `perItemTests` returning `Either`: `Left` for an item nobody (or everybody) selected.
 *
 * @example
 * perItemTests(data) // Right([{ item, statistic, df, p, pBonferroni, pHolm }, ...])
 */
export const perItemTests = tryStats(core.perItemTests)

/**
 * `columnProportionTests` returning `Either`: `Left` for alpha outside (0, 1) and as `perItemTests`.
 *
 * @example
 * columnProportionTests(data, 0.05) // Right({ alpha, letters, comparisons, items })
 */
export const columnProportionTests = tryStats(core.columnProportionTests)

/**
 * `mmiStatistic` returning `Either`: `Left` as `perItemTests`.
 *
 * @example
 * mmiStatistic(data) // Right({ statistic, items, itemDf })
 */
export const mmiStatistic = tryStats(core.mmiStatistic)

/**
 * `mmiBonferroni` returning `Either`: `Left` as `mmiStatistic`.
 *
 * @example
 * mmiBonferroni(data) // Right({ p, pItems, statistics, df })
 */
export const mmiBonferroni = tryStats(core.mmiBonferroni)

/**
 * `mmiRaoScott2` returning `Either`: `Left` as `mmiStatistic`.
 *
 * @example
 * mmiRaoScott2(data) // Right({ statistic, df, p, ... })
 */
export const mmiRaoScott2 = tryStats(core.mmiRaoScott2)

/**
 * `mmiBootstrap` returning `Either`: `Left` for a bad B or seed and as `mmiStatistic`.
 *
 * @example
 * mmiBootstrap(data, { B: 1999, seed: 1 }) // Right({ p, resamples, ... })
 */
export const mmiBootstrap = tryStats(core.mmiBootstrap)

/**
 * `mmiDesignRaoScott` returning `Either`: `Left` as `mmiStatistic`, and for a lonely PSU, a bad fpc or frequency
 * weights in `data.weights`.
 *
 * @example
 * mmiDesignRaoScott(data, weights, { strata, clusters }) // Right({ statistic, df, p, f, ... })
 */
export const mmiDesignRaoScott = tryStats(core.mmiDesignRaoScott)

/**
 * `netDifficulty` returning `Either`: `Left` for a negative or non-finite count or bad category indexes.
 *
 * @example
 * netDifficulty([66, 209, 35], [0], [2])
 * // Right({ n: 310, percentDifficult: 21.29..., percentNotDifficult: 11.29..., net: 10 })
 */
export const netDifficulty = tryStats(core.netDifficulty)

/**
 * `kruskalWallis` returning `Either`: `Left` when the arrays differ in length or a group code is out of range.
 *
 * @example
 * kruskalWallis(Float64Array.of(1, 2, 2, 3, 3, 3), Int32Array.of(0, 0, 1, 1, 2, 2), 3)
 * // Right({ statistic: 3.583..., df: 2, p: 0.1666..., ... })
 */
export const kruskalWallis = tryStats(core.kruskalWallis)

/**
 * `cronbachAlpha` returning `Either`: `Left` for fewer than 2 items or items of different lengths.
 *
 * @example
 * cronbachAlpha([Float64Array.of(1, 2, 3)]) // Left(StatsInputError { code: "BAD_DIMENSIONS", ... })
 */
export const cronbachAlpha = tryStats(core.cronbachAlpha)

/**
 * `kruskalWallisWeighted` (frequency weights) returning `Either`: `Left` for lengths that differ, a group out of
 * range or a bad weight.
 *
 * @example
 * kruskalWallisWeighted(Float64Array.of(1, 2, 3, 3), Int32Array.of(0, 0, 1, 1), 2, Float64Array.of(1, 2, 1, 1))
 * // Right({ ... })
 */
export const kruskalWallisWeighted = tryStats(core.kruskalWallisWeighted)

/**
 * `cronbachAlphaWeighted` (frequency weights) returning `Either`: `Left` for fewer than 2 items or a bad weight.
 *
 * @example
 * cronbachAlphaWeighted([Float64Array.of(1, 2, 3)], Float64Array.of(1, 1, 1))
 * // Left(StatsInputError { code: "BAD_DIMENSIONS", ... })
 */
export const cronbachAlphaWeighted = tryStats(core.cronbachAlphaWeighted)
