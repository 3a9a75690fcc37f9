import type { BilingualLabel, Codebook, Dataset } from "@danvan/domain"
import { describeNumeric, type HistogramBin, histogramBins, StatsInputError, weightedValues } from "@danvan/stats"
import * as Either from "effect/Either"
import { analysisDesign, type DesignChoice } from "./design.js"
import { type DesignInfo, designInfo, type DesignMeanValue, designMeanValue, designWeights } from "./designEstimates.js"
import { AnalysisError } from "./errors.js"
import { numericVariable } from "./numericVariable.js"
import { checkMissingNames } from "./variables.js"

/** Options of `describeVariable`: a weight column and extra user-missing values, as for frequencies. */
export interface DescribeOptions extends DesignChoice {
  readonly missing?: Readonly<Record<string, ReadonlyArray<number>>>
}

/** The statistics of one numeric variable (SPSS DESCRIPTIVES / FREQUENCIES /STATISTICS). */
export interface DescribeResult {
  readonly kind: "describe"
  readonly variable: { readonly name: string; readonly label: BilingualLabel }
  readonly weighted: boolean
  /** The weight column and Σw over the cases with a positive weight, when weighted. */
  readonly weight?: { readonly variable: string; readonly sum: number }
  /** Σw of valid values (n), of blank and user-missing values (missing), and of all cases. */
  readonly n: { readonly valid: number; readonly missing: number; readonly total: number }
  readonly mean: number
  readonly sd: number
  readonly se: number
  readonly median: number
  readonly quartiles: { readonly q1: number; readonly q3: number }
  /** How the median and quartiles are computed. */
  readonly percentileMethod: "haverage"
  readonly min: number
  readonly max: number
  readonly skewness: { readonly value: number; readonly se: number }
  readonly kurtosis: { readonly value: number; readonly se: number }
  /** Why some statistic is NaN, when one is. */
  readonly note?: string
  /** The histogram's bars: [from, to) with the (weighted) count of valid values. */
  readonly histogram: ReadonlyArray<HistogramBin>
  /** Weighted results: the weight mode and, for a sampling design, its columns, PSUs, strata and df. */
  readonly design?: DesignInfo
  /** Sampling design only: the design-based mean, SE, t interval on the design's df and design effects. */
  readonly designMean?: DesignMeanValue
}

/**
 * n, missing, mean, SD, SE, median, quartiles (SPSS's HAVERAGE), min, max, skewness and kurtosis (SPSS's G1,
 * G2) of a numeric variable (or of a coded one, read as numbers), weighted by `options.weight` with SPSS's
 * frequency-weight formulas. Blank and user-missing values count as missing.
 *
 * @example
 * const age = Either.getOrThrow(describeVariable(dataset, codebook, "age"))
 * [age.n.valid, age.mean, age.median] // [755, 41.3, 41]
 */
export const describeVariable = (
  dataset: Dataset,
  codebook: Codebook | undefined,
  name: string,
  options: DescribeOptions = {}
): Either.Either<DescribeResult, AnalysisError> =>
  Either.gen(function*() {
    yield* checkMissingNames(dataset, options.missing)
    const v = yield* numericVariable(dataset, codebook, name, options.missing)
    const design = yield* analysisDesign(dataset, codebook, options)
    const w = designWeights(design)
    const weights = w?.values
    const values = Float64Array.from(v.values, (x) => (Number.isNaN(x) || v.isMissing(x) ? Number.NaN : x))
    const d = yield* Either.try({
      try: () => describeNumeric(values, weights),
      catch: (e) =>
        new AnalysisError({
          code: "BAD_WEIGHT",
          message: e instanceof StatsInputError ? `${name}: ${e.message}` : String(e)
        })
    })
    const sampled = design.mode === "sampling" && d.n > 0 ? yield* designMeanValue(design, values) : undefined
    let weightSum = 0
    if (weights !== undefined) { for (const x of weights) if (x > 0) weightSum += x }
    return {
      kind: "describe",
      variable: { name, label: v.label },
      weighted: weights !== undefined,
      ...(w !== undefined ? { weight: { variable: w.variable, sum: weightSum } } : {}),
      n: { valid: d.n, missing: d.missing, total: d.n + d.missing },
      mean: d.mean,
      sd: d.sd,
      se: d.se,
      median: d.median,
      quartiles: { q1: d.q1, q3: d.q3 },
      percentileMethod: "haverage",
      min: d.min,
      max: d.max,
      skewness: { value: d.skewness, se: d.skewnessSe },
      kurtosis: { value: d.kurtosis, se: d.kurtosisSe },
      ...(d.reason !== undefined ? { note: d.reason } : {}),
      histogram: histogramBins(weightedValues(values, weights)),
      ...(design.mode === "unweighted"
        ? {}
        : { design: designInfo(design, dataset.rowCount, (k) => !Number.isNaN(values[k]!))! }),
      ...(sampled !== undefined ? { designMean: sampled } : {})
    } satisfies DescribeResult
  })
