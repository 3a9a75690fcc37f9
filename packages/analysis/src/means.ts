import type { BilingualLabel, Codebook, Dataset } from "@danvan/domain"
import { SYSTEM_MISSING } from "@danvan/domain"
import * as Stats from "@danvan/stats"
import * as Either from "effect/Either"
import { type AnalysisDesign, analysisDesign, type DesignChoice } from "./design.js"
import {
  type DesignInfo,
  designInfo,
  type DesignMeanValue,
  designMeanValue,
  type DesignWaldTest,
  designWaldTest,
  designWeights
} from "./designEstimates.js"
import { AnalysisError } from "./errors.js"
import { numericValues } from "./numericValues.js"
import type { AnalysisWarning, CategoryInfo } from "./results.js"
import { attempt } from "./table.js"
import { categoricalVariable, checkMissingNames, validCategoriesOf } from "./variables.js"

export interface MeansOptions extends DesignChoice {
  /** Extra user-missing codes by variable name (the CLI's `--missing VAR=CODE,...`), on top of the codebook's. */
  readonly missing?: Readonly<Record<string, ReadonlyArray<number>>>
}

/** Descriptive statistics of the variable in one group (or all groups together). */
export interface MeansCell {
  /** (weighted) number of valid cases */
  readonly n: number
  readonly mean: number
  /** standard deviation, divisor n − 1 */
  readonly sd: number
  /** standard error of the mean */
  readonly se: number
  /** t-based 95% confidence interval of the mean */
  readonly ci95: readonly [number, number]
  readonly median: number
  readonly min: number
  readonly max: number
}

export interface MeansGroupCell extends MeansCell {
  readonly code: number
  readonly label: BilingualLabel
  /** Sampling design only: the design-based mean of the group (a domain), SE, t interval on its df, deffs. */
  readonly design?: DesignMeanValue
}

/** An F-type test. */
export interface FTest {
  readonly statistic: number
  readonly df1: number
  readonly df2: number
  readonly p: number
}

/** One pairwise comparison, groups named by their codes; difference = mean(j) − mean(i). */
export interface MeansComparison {
  readonly i: number
  readonly j: number
  readonly difference: number
  readonly se: number
  readonly statistic: number
  readonly df: number
  readonly p: number
  readonly ci95: readonly [number, number]
}

/** Result of {@link means}: a numeric variable by a group variable. */
export interface MeansResult {
  readonly kind: "means"
  readonly variable: { readonly name: string; readonly label: BilingualLabel }
  readonly by: {
    readonly name: string
    readonly label: BilingualLabel
    readonly categories: ReadonlyArray<CategoryInfo>
  }
  readonly weighted: boolean
  readonly weight?: { readonly variable: string; readonly sum: number }
  /** cases: valid (value and group present, weight > 0), missing, total (unweighted case counts) */
  readonly n: { readonly valid: number; readonly missing: number; readonly total: number }
  readonly groups: ReadonlyArray<MeansGroupCell>
  readonly total: MeansCell
  readonly tests: {
    readonly anova?: FTest & {
      readonly sumSquaresBetween: number
      readonly sumSquaresWithin: number
      readonly meanSquareBetween: number
      readonly meanSquareWithin: number
    }
    readonly welch?: FTest
    readonly kruskalWallis?: { readonly statistic: number; readonly df: number; readonly p: number }
    readonly levene?: FTest
    readonly brownForsythe?: FTest
    /**
     * Sampling design only: the design-based Wald test that the group means are equal (R survey's
     * `regTermTest(svyglm(y ~ group, design), ~group)`), F on k − 1 and ν − k + 1 df, with its chi-square form.
     */
    readonly designWald?: DesignWaldTest
  }
  readonly effectSizes?: { readonly etaSquared: number; readonly omegaSquared: number }
  readonly postHoc: {
    readonly tukey?: ReadonlyArray<MeansComparison>
    readonly gamesHowell?: ReadonlyArray<MeansComparison>
  }
  /** Weighted results: the weight mode and, for a sampling design, its columns, PSUs, strata and df. */
  readonly design?: DesignInfo
  /** Sampling design only: the design-based mean of all valid cases. */
  readonly designTotal?: DesignMeanValue
  readonly warnings: ReadonlyArray<AnalysisWarning>
}

const cellOf = (
  values: Float64Array,
  weights: Float64Array | undefined,
  n: number,
  mean: number,
  variance: number
): MeansCell => {
  const s = Stats.meanSummary(n, mean, variance)
  let min = Infinity
  let max = -Infinity
  for (let k = 0; k < values.length; k++) {
    if (weights === undefined || weights[k] > 0) {
      if (values[k] < min) min = values[k]
      if (values[k] > max) max = values[k]
    }
  }
  return { ...s, median: Stats.weightedMedian(values, weights), min: n > 0 ? min : NaN, max: n > 0 ? max : NaN }
}

/** Runs an optional test; a stats input error becomes a TEST_NOT_COMPUTED warning. */
const optional = <A>(test: string, warnings: Array<AnalysisWarning>, f: () => A): A | undefined => {
  const r = attempt(f)
  if (Either.isRight(r)) return r.right
  warnings.push({ code: "TEST_NOT_COMPUTED", test, message: `${test} not computed: ${r.left.message}` })
  return undefined
}

const comparisons = (
  cs: ReadonlyArray<Stats.PairwiseComparison>,
  codes: ReadonlyArray<number>
): Array<MeansComparison> => cs.map((c) => ({ ...c, i: codes[c.i], j: codes[c.j] }))

/** Kruskal-Wallis; with frequency weights the cases are repeated (whole-number weights only). */
const kruskal = (values: Float64Array, groups: Int32Array, k: number, weights: Float64Array | undefined) => {
  if (weights === undefined) return Stats.kruskalWallis(values, groups, k)
  if (!weights.every((w) => Number.isInteger(w))) {
    throw new Stats.StatsInputError(
      "BAD_WEIGHT",
      "the weighted Kruskal-Wallis test needs whole-number (frequency) weights"
    )
  }
  const total = weights.reduce((a, w) => a + w, 0)
  if (total > 1e7) {
    throw new Stats.StatsInputError(
      "TOO_LARGE",
      `the weighted Kruskal-Wallis test repeats each case by its weight; the weights sum to ${total}, over the limit of 10,000,000`
    )
  }
  const v: Array<number> = []
  const g: Array<number> = []
  weights.forEach((w, i) => {
    for (let r = 0; r < w; r++) {
      v.push(values[i])
      g.push(groups[i])
    }
  })
  return Stats.kruskalWallis(Float64Array.from(v), Int32Array.from(g), k)
}

const tests = (
  values: Float64Array,
  groups: Int32Array,
  k: number,
  weights: Float64Array | undefined,
  m: Stats.GroupMoments,
  codes: ReadonlyArray<number>
) => {
  const warnings: Array<AnalysisWarning> = []
  const anova = optional("anova", warnings, () => Stats.oneWayAnova(m))
  const welch = optional("welch", warnings, () => Stats.welchAnova(m))
  const kw = optional("kruskalWallis", warnings, () => kruskal(values, groups, k, weights))
  const lev = (center: "mean" | "median") =>
    optional(
      center === "mean" ? "levene" : "brownForsythe",
      warnings,
      () => Stats.leveneTest(values, groups, k, center, weights)
    )
  const levene = lev("mean")
  const brownForsythe = lev("median")
  const tukey = anova === undefined
    ? undefined
    : optional("tukey", warnings, () => Stats.tukeyHsd(m, anova.meanSquareWithin, anova.dfWithin))
  const gh = optional("gamesHowell", warnings, () => Stats.gamesHowell(m))
  return {
    tests: {
      ...(anova !== undefined ?
        {
          anova: {
            statistic: anova.statistic,
            df1: anova.dfBetween,
            df2: anova.dfWithin,
            p: anova.p,
            sumSquaresBetween: anova.sumSquaresBetween,
            sumSquaresWithin: anova.sumSquaresWithin,
            meanSquareBetween: anova.meanSquareBetween,
            meanSquareWithin: anova.meanSquareWithin
          }
        } :
        {}),
      ...(welch !== undefined ? { welch } : {}),
      ...(kw !== undefined && !Number.isNaN(kw.statistic)
        ? { kruskalWallis: { statistic: kw.statistic, df: kw.df, p: kw.p } }
        : {}),
      ...(levene !== undefined
        ? { levene: { statistic: levene.statistic, df1: levene.df1, df2: levene.df2, p: levene.p } }
        : {}),
      ...(brownForsythe !== undefined
        ? {
          brownForsythe: {
            statistic: brownForsythe.statistic,
            df1: brownForsythe.df1,
            df2: brownForsythe.df2,
            p: brownForsythe.p
          }
        }
        : {})
    },
    ...(anova !== undefined ? { effectSizes: { etaSquared: anova.etaSquared, omegaSquared: anova.omegaSquared } } : {}),
    postHoc: {
      ...(tukey !== undefined ? { tukey: comparisons(tukey, codes) } : {}),
      ...(gh !== undefined ? { gamesHowell: comparisons(gh, codes) } : {})
    },
    warnings
  }
}

/** The design-based Wald test over the non-empty groups; a test that cannot be computed is a warning. */
const waldOf = (
  design: AnalysisDesign,
  values: Float64Array,
  groupOf: Int32Array,
  m: Stats.GroupMoments,
  warnings: Array<AnalysisWarning>
): { readonly designWald?: DesignWaldTest } => {
  if (design.mode !== "sampling") return {}
  const index = new Int32Array(m.n.length).fill(-1)
  let k = 0
  m.n.forEach((n, g) => (index[g] = n > 0 ? k++ : -1))
  if (k < 2) return {}
  const groups = Int32Array.from(groupOf, (g) => (g < 0 ? -1 : index[g]!))
  const values2 = Float64Array.from(values, (x) => (Number.isFinite(x) ? x : NaN))
  const wald = optional("designWald", warnings, () => designWaldTest(design, values2, groups, k))
  return wald === undefined ? {} : { designWald: wald }
}

/**
 * A numeric variable by a group variable (SPSS MEANS + ONEWAY + EXAMINE): per group n, mean, SD, SE, t-based
 * 95% CI, median, min and max; one-way ANOVA with η² and ω², Welch's ANOVA, Kruskal-Wallis, Levene (mean) and
 * Brown-Forsythe (median) tests of equal variances, and Tukey HSD and Games-Howell comparisons of every pair.
 *
 * Blanks and user-missing codes of either variable drop the case (listwise on the two variables). With
 * `options.weight` the cases carry frequency weights (n is the sum of weights, as SPSS's WEIGHT BY); the
 * Kruskal-Wallis test then needs whole-number weights. Empty groups are left out with an EMPTY_CATEGORY warning;
 * a test that cannot be computed (e.g. Welch with a zero-variance group) is absent with a TEST_NOT_COMPUTED
 * warning. Under a sampling design each group's mean is also design-based, and `tests.designWald` is the design-based
 * Wald test of equal means (the classical tests then treat the weights as frequencies).
 *
 * @example
 * const r = Either.getOrThrow(means(dataset, undefined, "age", "level"))
 * r.tests.anova?.p
 */
export const means = (
  dataset: Dataset,
  codebook: Codebook | undefined,
  name: string,
  by: string,
  options: MeansOptions = {}
): Either.Either<MeansResult, AnalysisError> =>
  Either.gen(function*() {
    yield* checkMissingNames(dataset, options.missing)
    const v = yield* numericValues(dataset, codebook, name, options.missing)
    const group = yield* categoricalVariable(dataset, codebook, by, options.missing)
    const design = yield* analysisDesign(dataset, codebook, options)
    const resolvedWeight = designWeights(design)
    const weights = resolvedWeight?.values
    const { categories } = validCategoriesOf(group)
    const gIndex = new Map(categories.map((c, i) => [c.code, i]))
    const groupOf = Int32Array.from(
      group.codes,
      (g) => (g === SYSTEM_MISSING || group.isMissing(g) ? -1 : gIndex.get(g) ?? -1)
    )
    const m = yield* attempt(() => Stats.groupMoments(v.values, groupOf, categories.length, weights))
    const warnings: Array<AnalysisWarning> = []
    const valid = m.cases.reduce((a, b) => a + b, 0)
    categories.forEach((c, i) => {
      if (m.n[i] === 0) {
        warnings.push({
          code: "EMPTY_CATEGORY",
          variable: by,
          categoryCode: c.code,
          message: `category ${c.code} (${c.label.en}) of "${by}" has no valid cases and is left out`
        })
      }
    })
    if (valid === 0) {
      return yield* Either.left(
        new AnalysisError({ code: "EMPTY_TABLE", message: `"${name}" has no valid values in any group of "${by}"` })
      )
    }
    const inGroup = (g: number) => {
      const idx: Array<number> = []
      for (let k = 0; k < groupOf.length; k++) {
        if (
          (g < 0 ? groupOf[k] >= 0 : groupOf[k] === g) && Number.isFinite(v.values[k]) &&
          (weights === undefined || weights[k] > 0)
        ) idx.push(k)
      }
      return [Float64Array.from(idx, (k) => v.values[k]), weights && Float64Array.from(idx, (k) => weights[k])] as const
    }
    const inDomain = (g: number) =>
      Float64Array.from(v.values, (x, k) => (g < 0 ? groupOf[k]! >= 0 : groupOf[k] === g) ? x : NaN)
    const bySampling = (g: number) =>
      design.mode === "sampling"
        ? Either.map(designMeanValue(design, inDomain(g)), (d) => ({ design: d }))
        : Either.right({})
    const groups: Array<MeansGroupCell> = []
    for (const [g, c] of categories.entries()) {
      if (m.n[g] === 0) continue
      const [x, w] = inGroup(g)
      groups.push({
        code: c.code,
        label: c.label,
        ...cellOf(x, w, m.n[g], m.mean[g], m.variance[g]),
        ...yield* bySampling(g)
      })
    }
    const sampled = yield* bySampling(-1)
    const all = inGroup(-1)
    const tm = Stats.groupMoments(all[0], new Int32Array(all[0].length), 1, all[1])
    const total = cellOf(all[0], all[1], tm.n[0], tm.mean[0], tm.variance[0])
    const t = tests(v.values, groupOf, categories.length, weights, m, categories.map((c) => c.code))
    const wald = waldOf(design, v.values, groupOf, m, t.warnings)
    return {
      kind: "means" as const,
      variable: { name, label: v.label },
      by: { name: by, label: group.label, categories },
      weighted: weights !== undefined,
      ...(resolvedWeight !== undefined ? { weight: { variable: resolvedWeight.variable, sum: tm.n[0] } } : {}),
      n: { valid, missing: dataset.rowCount - valid, total: dataset.rowCount },
      groups,
      total,
      ...t,
      tests: { ...t.tests, ...wald },
      ...(design.mode === "unweighted"
        ? {}
        : { design: designInfo(design, dataset.rowCount, (k) => groupOf[k]! >= 0 && Number.isFinite(v.values[k]!))! }),
      ...("design" in sampled ? { designTotal: sampled.design } : {}),
      warnings: [...warnings, ...t.warnings]
    }
  })
