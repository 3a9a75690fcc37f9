import { groupMoments } from "./groupMoments.js"
import { usableCases } from "./internal.js"
import { oneWayAnova } from "./oneWayAnova.js"
import { weightedMedian } from "./weightedMedian.js"

/** Levene-type test of equal variances. */
export interface LeveneResult {
  readonly center: "mean" | "median"
  readonly statistic: number
  readonly df1: number
  readonly df2: number
  readonly p: number
}

/**
 * Levene's test (center "mean") or the Brown-Forsythe test (center "median") of equal group variances: the
 * one-way ANOVA F test of the absolute deviations |x − c_g| from each group's mean or median (SPSS ONEWAY's
 * "Levene statistic based on mean / on median"; car::leveneTest with center = mean / median).
 *
 * Formula: z_i = |x_i − c_g(i)|, then F = {@link oneWayAnova} of z by group, df1 = k − 1, df2 = N − k.
 * References: Levene (1960), in Contributions to Probability and Statistics, pp. 278-292; Brown & Forsythe (1974),
 * JASA 69:364-367, doi:10.1080/01621459.1974.10482955.
 *
 * @param values - one value per case, NaN for missing
 * @param groups - group index per case, negative for missing
 * @param groupCount - number of groups
 * @param center - "mean" (Levene) or "median" (Brown-Forsythe)
 * @param weights - optional frequency weights
 * @throws StatsInputError as {@link oneWayAnova}, {@link groupMoments}
 * @example
 * leveneTest(Float64Array.of(1, 2, 3, 2, 4, 9), Int32Array.of(0, 0, 0, 1, 1, 1), 2, "median")
 */
export const leveneTest = (
  values: Float64Array,
  groups: Int32Array,
  groupCount: number,
  center: "mean" | "median",
  weights?: Float64Array
): LeveneResult => {
  const idx = usableCases(values, groups, groupCount, weights)
  const centers = new Array<number>(groupCount).fill(NaN)
  if (center === "mean") {
    const m = groupMoments(values, groups, groupCount, weights)
    m.mean.forEach((v, g) => (centers[g] = v))
  } else {
    for (let g = 0; g < groupCount; g++) {
      const mine = idx.filter((i) => groups[i] === g)
      centers[g] = weightedMedian(
        Float64Array.from(mine, (i) => values[i]),
        weights === undefined ? undefined : Float64Array.from(mine, (i) => weights[i])
      )
    }
  }
  const dev = new Float64Array(values.length).fill(NaN)
  for (const i of idx) dev[i] = Math.abs(values[i] - centers[groups[i]])
  const a = oneWayAnova(groupMoments(dev, groups, groupCount, weights))
  return { center, statistic: a.statistic, df1: a.dfBetween, df2: a.dfWithin, p: a.p }
}
