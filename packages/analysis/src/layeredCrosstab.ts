import type { BilingualLabel, Codebook, Dataset } from "@danvan/domain"
import { makeDataset, SYSTEM_MISSING } from "@danvan/domain"
import * as Stats from "@danvan/stats"
import * as Either from "effect/Either"
import { crosstab } from "./crosstab.js"
import type { AnalysisError } from "./errors.js"
import type { CrosstabOptions } from "./options.js"
import type { AnalysisWarning, CategoryInfo, CrosstabResult } from "./results.js"
import { attempt } from "./table.js"
import { categoricalVariable, validCategoriesOf } from "./variables.js"
import { analysisWeights, resolveWeight } from "./weights.js"

export interface LayeredCrosstabOptions extends CrosstabOptions {
  /** continuity correction of the 2x2xK CMH test (R's default; SPSS's Mantel-Haenszel row); off by default */
  readonly correct?: boolean
}

/** One layer: its category and either its crosstab or why it has none (e.g. one row category only). */
export type CrosstabLayer =
  | ({ readonly code: number; readonly label: BilingualLabel } & CrosstabResult)
  | { readonly code: number; readonly label: BilingualLabel; readonly reason: string }

/** A crosstab of all cases valid on the layer variable, its layers, and the tests across layers. */
export type LayeredCrosstabResult = CrosstabResult & {
  readonly layer: {
    readonly name: string
    readonly label: BilingualLabel
    readonly categories: ReadonlyArray<CategoryInfo>
    readonly missing: number
  }
  readonly layers: ReadonlyArray<CrosstabLayer>
  readonly cochranMantelHaenszel?: {
    readonly statistic: number
    readonly df: number
    readonly p: number
    readonly corrected: boolean
    readonly strata: number
    /** 2x2xK only: both versions, as SPSS prints them (Cochran's = uncorrected, Mantel-Haenszel = corrected) */
    readonly uncorrected?: { readonly statistic: number; readonly p: number }
    readonly continuityCorrected?: { readonly statistic: number; readonly p: number }
  }
  /** with `seLog` (SE of ln estimate) and `p` (two-sided z test of ln estimate = 0, as SPSS's Asymp. Sig.) */
  readonly mantelHaenszelOddsRatio?: {
    readonly estimate: number
    readonly ci95: readonly [number, number]
    readonly seLog: number
    readonly p: number
  }
  readonly breslowDay?: {
    readonly statistic: number
    readonly df: number
    readonly p: number
    readonly uncorrected: { readonly statistic: number; readonly p: number }
  }
}

const subset = (dataset: Dataset, keep: ReadonlyArray<boolean>): Dataset =>
  makeDataset(
    dataset.columns.map((c) => (c.type === "codes"
      ? { name: c.name, type: "codes" as const, values: c.values.filter((_, k) => keep[k]) }
      : { name: c.name, type: "numeric" as const, values: c.values.filter((_, k) => keep[k]) })
    ),
    dataset.codebookId
  )

/** The tests across layers on the overall table's categories; a test that cannot run becomes a warning. */
const acrossLayers = (strata: ReadonlyArray<Float64Array>, rows: number, cols: number, correct: boolean) => {
  const warnings: Array<AnalysisWarning> = []
  const run = <A>(test: string, f: () => A): A | undefined => {
    const r = attempt(f)
    if (Either.isRight(r)) return r.right
    warnings.push({ code: "TEST_NOT_COMPUTED", test, message: `${test} not computed: ${r.left.message}` })
    return undefined
  }
  const cmh = run("cochranMantelHaenszel", () => Stats.cochranMantelHaenszel(strata, rows, cols, correct))
  const is2x2 = rows === 2 && cols === 2
  const both = cmh !== undefined && is2x2
    ? {
      uncorrected: Stats.cochranMantelHaenszel(strata, 2, 2, false),
      continuityCorrected: Stats.cochranMantelHaenszel(strata, 2, 2, true)
    }
    : undefined
  const or = is2x2 ? run("mantelHaenszelOddsRatio", () => Stats.mantelHaenszelOddsRatio(strata)) : undefined
  const bd = or !== undefined && Number.isFinite(or.estimate) && or.estimate > 0
    ? run("breslowDay", () => Stats.breslowDay(strata, or.estimate))
    : undefined
  return {
    ...(cmh !== undefined ?
      {
        cochranMantelHaenszel: {
          statistic: cmh.statistic,
          df: cmh.df,
          p: cmh.p,
          corrected: cmh.corrected,
          strata: cmh.strata,
          ...(both !== undefined ?
            {
              uncorrected: { statistic: both.uncorrected.statistic, p: both.uncorrected.p },
              continuityCorrected: { statistic: both.continuityCorrected.statistic, p: both.continuityCorrected.p }
            } :
            {})
        }
      } :
      {}),
    ...(or !== undefined ?
      {
        mantelHaenszelOddsRatio: {
          estimate: or.estimate,
          ci95: or.ci95,
          seLog: or.seLog,
          p: Stats.normalTwoSidedP(Math.log(or.estimate) / or.seLog)
        }
      } :
      {}),
    ...(bd !== undefined
      ? { breslowDay: { statistic: bd.statistic, df: bd.df, p: bd.p, uncorrected: bd.uncorrected } }
      : {}),
    warnings
  }
}

/**
 * A crosstab controlled for a third (layer) variable, as SPSS CROSSTABS /TABLES=row BY col BY layer
 * /STATISTICS=CMH: the crosstab of every case valid on the layer, one crosstab per layer category, and across
 * layers the generalized Cochran-Mantel-Haenszel test of conditional independence (R's `mantelhaen.test`); for
 * 2x2xK also the Mantel-Haenszel common odds ratio with the Robins-Breslow-Greenland 95% interval and the
 * Breslow-Day test of homogeneous odds ratios with Tarone's correction.
 *
 * Cases whose layer is blank or user-missing are left out of everything (counted in `layer.missing`). The tests
 * across layers use the overall table's row and column categories in every layer; weights are honoured. A layer
 * whose own crosstab cannot be formed (e.g. one row category) is listed with a `reason`.
 *
 * @example
 * const r = Either.getOrThrow(layeredCrosstab(dataset, codebook, "level", "q1", "sex"))
 * r.cochranMantelHaenszel?.p
 */
export const layeredCrosstab = (
  dataset: Dataset,
  codebook: Codebook | undefined,
  rowName: string,
  colName: string,
  layerName: string,
  options: LayeredCrosstabOptions = {}
): Either.Either<LayeredCrosstabResult, AnalysisError> =>
  Either.gen(function*() {
    // Layers use frequency weights (the CMH tests treat weights as frequencies; a design-based layered analysis
    // is not implemented): every table says so in its `design`.
    const { correct, strata: _s, cluster: _c, fpc: _f, lonelyPsu: _l, weightMode: _m, ...rest } = options
    const weightName = yield* resolveWeight(codebook, dataset, options)
    const crosstabOptions = weightName === undefined ? rest : { ...rest, weightMode: "frequency" as const }
    const layer = yield* categoricalVariable(dataset, codebook, layerName, options.missing)
    const { categories } = validCategoriesOf(layer)
    const valid = Array.from(layer.codes, (c) => c !== SYSTEM_MISSING && !layer.isMissing(c))
    const overall = yield* crosstab(subset(dataset, valid), codebook, rowName, colName, crosstabOptions)
    const rowCodes = overall.row.categories.map((c) => c.code)
    const colCodes = overall.col.categories.map((c) => c.code)
    const layers: Array<CrosstabLayer> = []
    const strata: Array<Float64Array> = []
    for (const cat of categories) {
      const part = subset(dataset, Array.from(layer.codes, (c) => c === cat.code))
      if (part.rowCount === 0) continue
      const r = crosstab(part, codebook, rowName, colName, crosstabOptions)
      layers.push(
        Either.isRight(r)
          ? { code: cat.code, label: cat.label, ...r.right }
          : { code: cat.code, label: cat.label, reason: r.left.message }
      )
      const row = yield* categoricalVariable(part, codebook, rowName, options.missing)
      const col = yield* categoricalVariable(part, codebook, colName, options.missing)
      const resolvedWeight = yield* analysisWeights(part, codebook, options)
      const weights = resolvedWeight?.values
      strata.push(Stats.countCodes(row.codes, col.codes, rowCodes, colCodes, weights).table.counts)
    }
    const across = acrossLayers(strata, rowCodes.length, colCodes.length, correct === true)
    const { warnings, ...tests } = across
    return {
      ...overall,
      warnings: [...overall.warnings, ...warnings],
      layer: { name: layerName, label: layer.label, categories, missing: valid.filter((v) => !v).length },
      layers,
      ...tests
    }
  })
