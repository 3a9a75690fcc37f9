import type { LonelyPsu } from "@danvan/stats"
import * as Stats from "@danvan/stats"
import * as Either from "effect/Either"
import type { AnalysisDesign, ResolvedDesign } from "./design.js"
import { AnalysisError } from "./errors.js"
import type { CaseWeights } from "./weights.js"

/**
 * How a result was weighted, stated in every weighted result: SPSS `"frequency"` weights, or a `"sampling"`
 * design with Taylor-linearization variances (R survey's conventions: PSUs nested in strata, the lonely-PSU rule,
 * degrees of freedom = PSUs − strata of the analysed cases).
 */
export interface DesignInfo {
  readonly mode: "sampling" | "frequency"
  readonly weight?: string
  readonly strata?: string
  readonly cluster?: string
  readonly fpc?: string
  readonly lonelyPsu?: LonelyPsu
  /** PSUs and strata among the analysed cases with a non-zero weight, and PSUs − strata. */
  readonly psus?: number
  readonly strataCount?: number
  readonly df?: number
  /** "Taylor linearization" in sampling mode. */
  readonly method?: string
}

/** A design-based estimate in result units (percents 0..100 for proportions). */
export interface DesignValue {
  readonly estimate: number
  readonly se: number
  /** Design effect against SRS without replacement from Σw cases (R's `deff = TRUE`; null when Σw <= n). */
  readonly deff: number
  /** Design effect against SRS with replacement (R's `deff = "replace"`, Kish). */
  readonly deffReplace: number
}

/** A design-based percent with its two intervals (`svyciprop` logit and Korn-Graubard "beta"), 0..100. */
export interface DesignPercent extends DesignValue {
  readonly ci: {
    readonly logit: { readonly lower: number; readonly upper: number }
    readonly kornGraubard: { readonly lower: number; readonly upper: number }
  }
}

/** A design-based mean with its t interval on the design's degrees of freedom. */
export interface DesignMeanValue extends DesignValue {
  readonly ci: { readonly lower: number; readonly upper: number }
  readonly df: number
}

/** The weights an analysis counts with (undefined: unweighted). */
export const designWeights = (design: AnalysisDesign): CaseWeights | undefined =>
  design.mode === "unweighted" ? undefined : design.weights

const sample = (design: ResolvedDesign): Stats.DesignSample => ({
  design: design.survey,
  ...(design.weights === undefined ? {} : { weights: design.weights.values })
})

/**
 * Runs a design computation, turning the stats layer's input errors (a lonely PSU under "fail") into BAD_OPTION
 * errors that name the stratum by its variable and data value.
 */
const attempt = <A>(design: ResolvedDesign, f: () => A): Either.Either<A, AnalysisError> =>
  Either.try({
    try: f,
    catch: (e) => {
      if (!(e instanceof Stats.StatsInputError)) return new AnalysisError({ code: "BAD_OPTION", message: String(e) })
      const strata = design.strata
      const message = e.message.replace(/^stratum (\d+) has only one PSU/, (whole, k: string) =>
        strata === undefined
          ? whole
          : `stratum ${strata.ids?.[Number(k)] ?? k} of "${strata.variable}" has only one PSU` +
            (design.cluster === undefined ? "" : ` of "${design.cluster.variable}"`))
      return new AnalysisError({
        code: "BAD_OPTION",
        message: `sampling design: ${message}; rule: --lonely-psu (R survey's survey.lonely.psu)`
      })
    }
  })

/**
 * The `design` field of a result: undefined when unweighted; the weight for frequency weights; the design's
 * columns, lonely-PSU rule, PSUs, strata and degrees of freedom among the cases `inDomain` in sampling mode.
 */
export const designInfo = (
  design: AnalysisDesign,
  rowCount: number,
  inDomain: (i: number) => boolean = () => true
): DesignInfo | undefined => {
  if (design.mode === "unweighted") return undefined
  if (design.mode === "frequency") return { mode: "frequency", weight: design.weights.variable }
  const dof = Stats.designDegreesOfFreedom(design.survey, rowCount, design.weights?.values, inDomain)
  return {
    mode: "sampling",
    ...(design.weights === undefined ? {} : { weight: design.weights.variable }),
    ...(design.strata === undefined ? {} : { strata: design.strata.variable }),
    ...(design.cluster === undefined ? {} : { cluster: design.cluster.variable }),
    ...(design.fpc === undefined ? {} : { fpc: design.fpc.variable }),
    lonelyPsu: design.lonelyPsu,
    psus: dof.psus,
    strataCount: dof.strata,
    df: dof.degreesOfFreedom,
    method: "Taylor linearization"
  }
}

const percent = (p: Stats.DesignProportion): DesignPercent => ({
  estimate: 100 * p.estimate,
  se: 100 * p.standardError,
  deff: p.deff,
  deffReplace: p.deffReplace,
  ci: {
    logit: { lower: 100 * p.logit.lower, upper: 100 * p.logit.upper },
    kornGraubard: { lower: 100 * p.kornGraubard.lower, upper: 100 * p.kornGraubard.upper }
  }
})

/**
 * Design-based percents of k categories (codes: category index per case, −1 outside the domain), as R survey's
 * `svymean`/`svyciprop` on the subset of valid cases.
 */
export const designPercents = (
  design: ResolvedDesign,
  codes: Int32Array,
  k: number
): Either.Either<ReadonlyArray<DesignPercent>, AnalysisError> =>
  attempt(design, () => Stats.designProportions(codes, k, sample(design)).categories.map(percent))

/** A design-based mean (values NaN outside the domain), as `svymean` with `confint(df = degf)`. */
export const designMeanValue = (
  design: ResolvedDesign,
  values: Float64Array
): Either.Either<DesignMeanValue, AnalysisError> =>
  attempt(design, () => {
    const m = Stats.designMean(values, sample(design))
    return {
      estimate: m.estimate,
      se: m.standardError,
      deff: m.deff,
      deffReplace: m.deffReplace,
      ci: m.interval,
      df: m.degreesOfFreedom
    }
  })

/**
 * The design-based Wald test that group means are equal, as R survey's `regTermTest(svyglm(y ~ g), ~g)`: the F
 * form on k − 1 and ν − k + 1 df (the reported test) and the chi-square form.
 */
export interface DesignWaldTest {
  readonly statistic: number
  readonly df1: number
  readonly df2: number
  readonly p: number
  readonly chisq: { readonly statistic: number; readonly df: number; readonly p: number }
}

/**
 * {@link DesignWaldTest} of k groups (values NaN and groups −1 outside the domain; every group with weight);
 * throws the stats layer's input errors (the caller reports them as a test not computed).
 */
export const designWaldTest = (
  design: ResolvedDesign,
  values: Float64Array,
  groups: Int32Array,
  k: number
): DesignWaldTest => {
  const t = Stats.designWaldMeans(values, groups, k, sample(design))
  return { ...t.f, chisq: t.chisq }
}

/** The crosstab's Rao-Scott tests: `svychisq`'s second-order F (default) and first-order chi-square. */
export interface RaoScottTests {
  readonly raoScott: { readonly statistic: number; readonly df1: number; readonly df2: number; readonly p: number }
  readonly raoScottChisq: { readonly statistic: number; readonly df: number; readonly p: number }
}

/** Design-based SEs and design effects of every cell of a crosstab (percents 0..100). */
export interface DesignCells {
  /** Weighted counts (estimated population totals). */
  readonly count: ReadonlyArray<ReadonlyArray<DesignValue>>
  /** Percent of the table total, of the row, of the column. */
  readonly total: ReadonlyArray<ReadonlyArray<DesignValue>>
  readonly row: ReadonlyArray<ReadonlyArray<DesignValue>>
  readonly col: ReadonlyArray<ReadonlyArray<DesignValue>>
}

const value = (estimate: number, se: number, e: Stats.DesignEffects): DesignValue => ({
  estimate,
  se,
  deff: e.deff,
  deffReplace: e.deffReplace
})
const pct = (p: Stats.DesignProportion) => value(100 * p.estimate, 100 * p.standardError, p)

/**
 * Rao-Scott tests and per-cell design-based estimates of an r x c crosstab (row and column index per case, −1
 * for a missing code): the cell percents of the total as `svymean(~interaction(a, b))`, counts as `svytotal`,
 * row (column) percents as proportions within the row's (column's) domain.
 */
export const crosstabDesign = (
  design: ResolvedDesign,
  rows: Int32Array,
  cols: Int32Array,
  r: number,
  c: number
): Either.Either<Partial<RaoScottTests> & { readonly cells: DesignCells; readonly reason?: string }, AnalysisError> =>
  attempt(design, () => {
    const s = sample(design)
    // A sparse table can leave the contrasts singular (R's svychisq fails there too): the test is then absent.
    let test: Stats.RaoScottTest | undefined
    let reason: string | undefined
    try {
      test = Stats.raoScott(rows, cols, r, c, s)
    } catch (e) {
      if (!(e instanceof Stats.StatsInputError) || e.code !== "BAD_DIMENSIONS") throw e
      reason = `the Rao-Scott test cannot be computed: ${e.message} (too many empty cells; merge categories)`
    }
    const cellCodes = Int32Array.from(rows, (i, k) => (i < 0 || cols[k]! < 0 ? -1 : i * c + cols[k]!))
    const all = Stats.designProportions(cellCodes, r * c, s).categories
    const within = (by: Int32Array, other: Int32Array, level: number, k: number) =>
      Stats.designProportions(Int32Array.from(other, (o, i) => (by[i] === level && o >= 0 ? o : -1)), k, s)
        .categories.map(pct)
    const rowPercents = Array.from({ length: r }, (_, i) => within(rows, cols, i, c))
    const colByCol = Array.from({ length: c }, (_, j) => within(cols, rows, j, r))
    return {
      ...(test !== undefined ? { raoScott: test.f, raoScottChisq: test.chisq } : {}),
      ...(reason !== undefined ? { reason } : {}),
      cells: {
        count: Array.from({ length: r }, (_, i) =>
          Array.from({ length: c }, (_, j) => {
            const p = all[i * c + j]!
            return value(p.total, p.totalStandardError, p.totalDeff)
          })),
        total: Array.from({ length: r }, (_, i) => Array.from({ length: c }, (_, j) => pct(all[i * c + j]!))),
        row: rowPercents,
        col: Array.from({ length: r }, (_, i) => Array.from({ length: c }, (_, j) => colByCol[j]![i]!))
      }
    }
  })
