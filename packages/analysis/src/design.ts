import type { Codebook, Column, Dataset } from "@danvan/domain"
import { getColumn, SYSTEM_MISSING } from "@danvan/domain"
import type { LonelyPsu, SurveyDesign } from "@danvan/stats"
import * as Either from "effect/Either"
import { AnalysisError } from "./errors.js"
import { analysisWeights, type CaseWeights, type WeightChoice } from "./weights.js"

/**
 * How weights are used: `"sampling"` weights (inverse selection probabilities; design-based variances and
 * Rao-Scott tests, as R survey) or SPSS-style `"frequency"` weights (each case counts w times; SPSS WEIGHT BY).
 */
export type WeightMode = "sampling" | "frequency"

/**
 * The sampling design of an analysis: the weight choice plus strata, PSUs (clusters) and a finite population
 * correction, each a column name. Weights without strata or clusters are sampling weights with each case its
 * own PSU unless `weightMode` is `"frequency"`.
 */
export interface DesignChoice extends WeightChoice {
  readonly strata?: string
  readonly cluster?: string
  readonly fpc?: string
  readonly weightMode?: WeightMode
  /** Rule for strata with a single PSU (R survey's `survey.lonely.psu`); `"fail"` by default. */
  readonly lonelyPsu?: LonelyPsu
}

/** A design column resolved to one index (or value) per data row. */
export interface DesignColumn<A> {
  readonly variable: string
  readonly values: A
  /** For strata and PSUs: the data value of each index (for messages). */
  readonly ids?: ReadonlyArray<number>
}

/**
 * A resolved sampling design. `weights` is undefined for an unweighted design (every weight 1); cases the
 * weight leaves out (blank, zero, negative) have weight 0, stay in their PSU and add nothing (R survey keeps
 * every PSU of a subset design).
 */
export interface ResolvedDesign {
  readonly mode: "sampling"
  readonly weights: CaseWeights | undefined
  readonly strata?: DesignColumn<Int32Array>
  readonly cluster?: DesignColumn<Int32Array>
  readonly fpc?: DesignColumn<Float64Array>
  readonly lonelyPsu: LonelyPsu
  /** The arrays `Stats.designCovariance` takes. */
  readonly survey: SurveyDesign
}

/**
 * What an analysis runs with: nothing (unweighted, the classical tests), SPSS frequency weights, or a sampling
 * design.
 */
export type AnalysisDesign =
  | { readonly mode: "unweighted" }
  | { readonly mode: "frequency"; readonly weights: CaseWeights }
  | ResolvedDesign

const badOption = (message: string) => new AnalysisError({ code: "BAD_OPTION", message })

const unknownColumn = (dataset: Dataset, role: string, name: string) => {
  const known = dataset.columns.map((c) => c.name)
  const list = known.length <= 15 ? known.join(", ") : `${known.slice(0, 15).join(", ")}, … (${known.length} columns)`
  return new AnalysisError({
    code: "UNKNOWN_VARIABLE",
    message: `unknown ${role} variable "${name}": the data has the columns ${list}`
  })
}

/** Design identifiers (strata, PSUs) as dense indices; a blank is an error naming its data row. */
const indexColumn = (
  dataset: Dataset,
  role: string,
  name: string
): Either.Either<DesignColumn<Int32Array>, AnalysisError> => {
  const column: Column | undefined = getColumn(dataset, name)
  if (column === undefined) return Either.left(unknownColumn(dataset, role, name))
  const ids = new Map<number, number>()
  const values = new Int32Array(dataset.rowCount)
  for (let k = 0; k < dataset.rowCount; k++) {
    const raw = column.values[k]!
    if (column.type === "codes" ? raw === SYSTEM_MISSING : Number.isNaN(raw)) {
      return Either.left(
        badOption(
          `the ${role} variable "${name}" is blank in data row ${k + 2}: every case needs a ${role}; fill it in ` +
            `or leave the case out with a filter`
        )
      )
    }
    let id = ids.get(raw)
    if (id === undefined) {
      id = ids.size
      ids.set(raw, id)
    }
    values[k] = id
  }
  return Either.right({ variable: name, values, ids: [...ids.keys()] })
}

const fpcColumn = (dataset: Dataset, name: string): Either.Either<DesignColumn<Float64Array>, AnalysisError> => {
  const column: Column | undefined = getColumn(dataset, name)
  if (column === undefined) return Either.left(unknownColumn(dataset, "finite population correction", name))
  const values = new Float64Array(dataset.rowCount)
  for (let k = 0; k < dataset.rowCount; k++) {
    const raw = column.values[k]!
    const v = column.type === "codes" && raw === SYSTEM_MISSING ? Number.NaN : raw
    if (!(v > 0) || !Number.isFinite(v)) {
      return Either.left(
        badOption(
          `the finite population correction "${name}" is ${Number.isNaN(v) ? "blank" : v} in data row ${k + 2}; ` +
            `expected the population count of PSUs in the stratum (> 1) or a sampling fraction (0 < f <= 1)`
        )
      )
    }
    values[k] = v
  }
  return Either.right({ variable: name, values })
}

/**
 * Resolves the design of an analysis: the weight by {@link analysisWeights} (an explicit `weight`, else the
 * codebook's), then strata, PSUs and fpc. Without a weight and without strata/cluster/fpc the analysis is
 * unweighted; `weightMode: "frequency"` gives SPSS frequency weights and refuses strata/cluster/fpc.
 *
 * @example
 * Either.getOrThrow(analysisDesign(dataset, codebook, { weight: "w", strata: "tinh", cluster: "xa" })).mode
 * // "sampling"
 */
export const analysisDesign = (
  dataset: Dataset,
  codebook: Codebook | undefined,
  choice: DesignChoice
): Either.Either<AnalysisDesign, AnalysisError> =>
  Either.gen(function*() {
    const weights = yield* analysisWeights(dataset, codebook, choice)
    const hasDesign = choice.strata !== undefined || choice.cluster !== undefined || choice.fpc !== undefined
    if (choice.weightMode === "frequency") {
      if (hasDesign) {
        return yield* Either.left(
          badOption("frequency weights have no sampling design: drop --strata/--cluster/--fpc or the frequency mode")
        )
      }
      if (weights === undefined) {
        return yield* Either.left(badOption("the frequency weight mode needs a weight variable (--weight)"))
      }
      return { mode: "frequency" as const, weights }
    }
    if (weights === undefined && !hasDesign) return { mode: "unweighted" as const }
    const strata = choice.strata === undefined ? undefined : yield* indexColumn(dataset, "stratum", choice.strata)
    const cluster = choice.cluster === undefined ? undefined : yield* indexColumn(dataset, "cluster", choice.cluster)
    const fpc = choice.fpc === undefined ? undefined : yield* fpcColumn(dataset, choice.fpc)
    const lonelyPsu = choice.lonelyPsu ?? "fail"
    const survey: SurveyDesign = {
      lonelyPsu,
      ...(strata === undefined ? {} : { strata: strata.values }),
      ...(cluster === undefined ? {} : { clusters: cluster.values }),
      ...(fpc === undefined ? {} : { fpc: fpc.values })
    }
    return {
      mode: "sampling" as const,
      weights,
      lonelyPsu,
      survey,
      ...(strata === undefined ? {} : { strata }),
      ...(cluster === undefined ? {} : { cluster }),
      ...(fpc === undefined ? {} : { fpc })
    }
  })
