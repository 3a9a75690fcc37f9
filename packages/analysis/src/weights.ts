import type { Codebook, Column, Dataset } from "@danvan/domain"
import { columnNames, getColumn, SYSTEM_MISSING } from "@danvan/domain"
import * as Either from "effect/Either"
import { AnalysisError } from "./errors.js"
import type { AnalysisWarning } from "./results.js"

/**
 * How an analysis is weighted: `weight` names the column (overrides the codebook's), `noWeight` switches
 * weighting off.
 */
export interface WeightChoice {
  /** Name of a numeric column holding frequency weights (like SPSS WEIGHT BY); overrides the codebook's. */
  readonly weight?: string
  /** Analyse unweighted even when the codebook (or a .sav file's dictionary) names a weight variable. */
  readonly noWeight?: boolean
}

/** What a weighted result states: the weight variable and the sum of the weights of the cases it counts. */
export interface WeightInfo {
  readonly variable: string
  /** Sum of the weights of the valid cases of this analysis (its weighted N). */
  readonly sum: number
}

/** Case weights ready for counting, with the cases left out because of their weight. */
export interface CaseWeights {
  readonly variable: string
  /** One weight per data row; 0 for a case left out (blank, zero or negative weight). */
  readonly values: Float64Array
  readonly excluded: { readonly blank: number; readonly zero: number; readonly negative: number }
  /** WEIGHT_EXCLUDED when some case was left out because of its weight (PSPP and SPSS drop them too). */
  readonly warnings: ReadonlyArray<AnalysisWarning>
}

const unknownWeight = (dataset: Dataset, name: string) => {
  const known = columnNames(dataset)
  const list = known.length <= 15 ? known.join(", ") : `${known.slice(0, 15).join(", ")}, … (${known.length} columns)`
  return new AnalysisError({
    code: "UNKNOWN_VARIABLE",
    message: `unknown weight variable "${name}": the data has the columns ${list}`
  })
}

/**
 * The weight variable an analysis uses: `weight` when given, none with `noWeight`, else the codebook's
 * `weightVariable` (a .sav file saved with WEIGHT BY names it in its dictionary) when the data has that column.
 * The CLI, reports and the API all call this, so a file's weight applies everywhere by default.
 *
 * @example
 * resolveWeight(codebook, dataset, {})                     // Right("trongso") when the codebook names it
 * resolveWeight(codebook, dataset, { noWeight: true })     // Right(undefined)
 * resolveWeight(codebook, dataset, { weight: "w2" })       // Right("w2")
 */
export const resolveWeight = (
  codebook: Codebook | undefined,
  dataset: Dataset,
  choice: WeightChoice = {}
): Either.Either<string | undefined, AnalysisError> => {
  if (choice.noWeight === true && choice.weight !== undefined) {
    return Either.left(
      new AnalysisError({
        code: "BAD_OPTION",
        message: `give a weight variable ("${choice.weight}") or no weight, not both`
      })
    )
  }
  if (choice.noWeight === true) return Either.right(undefined)
  if (choice.weight !== undefined) {
    return getColumn(dataset, choice.weight) === undefined
      ? Either.left(unknownWeight(dataset, choice.weight))
      : Either.right(choice.weight)
  }
  const fromCodebook = codebook?.weightVariable
  return Either.right(
    fromCodebook !== undefined && getColumn(dataset, fromCodebook) !== undefined ? fromCodebook : undefined
  )
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`

export const exclusionWarning = (
  name: string,
  blank: number,
  zero: number,
  negative: number
): ReadonlyArray<AnalysisWarning> => {
  if (blank + zero + negative === 0) return []
  const parts = [
    ...(blank > 0 ? [`${plural(blank, "case")} with a blank weight`] : []),
    ...(zero > 0 ? [`${plural(zero, "case")} with a zero weight`] : []),
    ...(negative > 0 ? [`${plural(negative, "case")} with a negative weight`] : [])
  ]
  return [
    {
      code: "WEIGHT_EXCLUDED",
      variable: name,
      blank,
      zero,
      negative,
      message: `${parts.join(", ")} in "${name}" left out of the analysis (as SPSS and PSPP do)`
    }
  ]
}

/**
 * Frequency weights from a numeric (or integer-code) column, as SPSS WEIGHT BY uses them: a blank, zero or
 * negative weight leaves the case out (counted, with a WEIGHT_EXCLUDED warning); an infinite weight is an
 * error naming the data row (2-based: row 1 is the header).
 *
 * @example
 * const w = Either.getOrThrow(caseWeights(dataset, "trongso"))
 * w.excluded // { blank: 2, zero: 3, negative: 0 }
 */
export const caseWeights = (dataset: Dataset, name: string): Either.Either<CaseWeights, AnalysisError> => {
  const column: Column | undefined = getColumn(dataset, name)
  if (column === undefined) return Either.left(unknownWeight(dataset, name))
  const values = new Float64Array(dataset.rowCount)
  let blank = 0
  let zero = 0
  let negative = 0
  for (let k = 0; k < dataset.rowCount; k++) {
    const raw = column.values[k]
    const w = column.type === "codes" ? (raw === SYSTEM_MISSING ? Number.NaN : raw) : raw
    if (Number.isNaN(w)) blank++
    else if (w === 0) zero++
    else if (w < 0) negative++
    else if (!Number.isFinite(w)) {
      return Either.left(
        new AnalysisError({
          code: "BAD_WEIGHT",
          message: `weight "${name}" in data row ${k + 2} is ${w}; expected a finite number`
        })
      )
    } else values[k] = w
  }
  return Either.right({
    variable: name,
    values,
    excluded: { blank, zero, negative },
    warnings: exclusionWarning(name, blank, zero, negative)
  })
}

/**
 * Resolves the weight (see {@link resolveWeight}) and reads it: `undefined` when the analysis is unweighted.
 *
 * @example
 * const w = Either.getOrThrow(analysisWeights(dataset, codebook, { weight: "trongso" }))
 */
export const analysisWeights = (
  dataset: Dataset,
  codebook: Codebook | undefined,
  choice: WeightChoice
): Either.Either<CaseWeights | undefined, AnalysisError> =>
  Either.flatMap(
    resolveWeight(codebook, dataset, choice),
    (name) => name === undefined ? Either.right(undefined) : caseWeights(dataset, name)
  )

/** The `weight` field of a result: present only when weighted. */
export const weightField = (w: CaseWeights | undefined, sum: number): { readonly weight?: WeightInfo } =>
  w === undefined ? {} : { weight: { variable: w.variable, sum } }
