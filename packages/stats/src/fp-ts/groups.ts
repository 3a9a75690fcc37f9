// Either versions of the group comparison, correlation, stratified-table and column-letter functions.
import * as core from "../index.js"
import { tryStats } from "./tryStats.js"

/**
 * `groupMoments` returning `Either`: Left for arrays of different lengths, a bad group index or a negative weight.
 *
 * @example
 * groupMoments(values, groups, 3) // Right({ n, cases, mean, variance })
 */
export const groupMoments = tryStats(core.groupMoments)

/**
 * `oneWayAnova` returning `Either`: Left when fewer than 2 groups have data.
 *
 * @example
 * oneWayAnova(moments) // Right({ statistic, dfBetween, dfWithin, p, etaSquared, omegaSquared, ... })
 */
export const oneWayAnova = tryStats(core.oneWayAnova)

/**
 * `welchAnova` returning `Either`: Left when a group has fewer than 2 cases or zero variance.
 *
 * @example
 * welchAnova(moments) // Right({ statistic, df1, df2, p })
 */
export const welchAnova = tryStats(core.welchAnova)

/**
 * `leveneTest` returning `Either`: Left as `groupMoments` and `oneWayAnova`.
 *
 * @example
 * leveneTest(values, groups, 3, "median") // Right({ center: "median", statistic, df1, df2, p })
 */
export const leveneTest = tryStats(core.leveneTest)

/**
 * `tukeyHsd` returning `Either`: Left when fewer than 2 groups have data.
 *
 * @example
 * tukeyHsd(moments, msw, dfw) // Right([{ i, j, difference, se, statistic, df, p, ci95 }, ...])
 */
export const tukeyHsd = tryStats(core.tukeyHsd)

/**
 * `gamesHowell` returning `Either`: Left when fewer than 2 groups have data.
 *
 * @example
 * gamesHowell(moments) // Right([{ i, j, difference, se, statistic, df, p, ci95 }, ...])
 */
export const gamesHowell = tryStats(core.gamesHowell)

/**
 * `pearsonCorrelation` returning `Either`: Left for fewer than 3 complete pairs.
 *
 * @example
 * pearsonCorrelation(x, y) // Right({ r, n, statistic, df, p, ci95 })
 */
export const pearsonCorrelation = tryStats(core.pearsonCorrelation)

/**
 * `spearmanCorrelation` returning `Either`: Left for fewer than 3 complete pairs.
 *
 * @example
 * spearmanCorrelation(x, y) // Right({ r, n, statistic, df, p, ci95 })
 */
export const spearmanCorrelation = tryStats(core.spearmanCorrelation)

/**
 * `cochranMantelHaenszel` returning `Either`: Left for a wrong stratum size or a singular covariance.
 *
 * @example
 * cochranMantelHaenszel(strata, 2, 2) // Right({ statistic, df, p, strata, corrected })
 */
export const cochranMantelHaenszel = tryStats(core.cochranMantelHaenszel)

/**
 * `mantelHaenszelOddsRatio` returning `Either`: Left when a stratum is not 2x2.
 *
 * @example
 * mantelHaenszelOddsRatio(strata) // Right({ estimate, seLog, ci95 })
 */
export const mantelHaenszelOddsRatio = tryStats(core.mantelHaenszelOddsRatio)

/**
 * `breslowDay` returning `Either`: Left for fewer than 2 usable strata.
 *
 * @example
 * breslowDay(strata, 2.3) // Right({ statistic, df, p, uncorrected, strata })
 */
export const breslowDay = tryStats(core.breslowDay)

/**
 * `columnProportions` returning `Either`: Left for alpha outside (0, 1).
 *
 * @example
 * columnProportions(table) // Right({ alpha, letters, largerThan, pairs, tested })
 */
export const columnProportions = tryStats(core.columnProportions)

/**
 * `designCovariance` returning `Either`: Left for a lonely PSU under the "fail" rule or an inconsistent fpc.
 * @example
 * designCovariance([Float64Array.of(1, 2, 3, 6)], {}) // Right({ covariance: [18.666…], strata: 1, psus: 4, … })
 */
export const designCovariance = tryStats(core.designCovariance)

/**
 * `designProportions` returning `Either`: Left for an empty domain or what `designCovariance` refuses.
 * @example
 * designProportions(Int32Array.of(0, 1, 1, 0), 2, { design: {} })
 * // Right({ categories: [{ estimate: 0.5, … }, …], … })
 */
export const designProportions = tryStats(core.designProportions)

/**
 * `designMean` returning `Either`: Left for an empty domain or what `designCovariance` refuses.
 * @example
 * designMean(Float64Array.of(1, 2, 3, 6), { design: {} }) // Right({ estimate: 3, … })
 */
export const designMean = tryStats(core.designMean)

/**
 * `raoScott` returning `Either`: Left for a table smaller than 2 x 2, an empty row or column, or a lonely PSU.
 * @example
 * raoScott(rows, cols, 3, 2, { weights, design }) // Right({ f: { statistic, df1, df2, p }, chisq: { … }, … })
 */
export const raoScott = tryStats(core.raoScott)

/**
 * `designCovarianceOfTypes` returning `Either`: Left for vectors that are not G x p or what `designCovariance`
 * refuses.
 * @example
 * designCovarianceOfTypes({ vectors: Float64Array.of(1), dimension: 1, typeOf: () => 0, coefficient: () => 1 }, 4, {})
 * // Right({ covariance: [0], strata: 1, psus: 4, … })
 */
export const designCovarianceOfTypes = tryStats(core.designCovarianceOfTypes)

/**
 * `designWaldMeans` returning `Either`: Left for fewer than 2 groups, an empty group, too few design degrees of
 * freedom or what `designCovariance` refuses.
 * @example
 * designWaldMeans(Float64Array.of(1, 2, 3, 5, 6, 8), Int32Array.of(0, 0, 0, 1, 1, 1), 2, { design: {} })
 * // Right({ f: { statistic, df1: 1, df2: 4, p }, chisq: { … }, … })
 */
export const designWaldMeans = tryStats(core.designWaldMeans)
