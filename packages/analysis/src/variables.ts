import type { BilingualLabel, Codebook, Dataset, Variable } from "@danvan/domain"
import { columnNames, findVariable, getColumn, isUserMissing, plainLabel } from "@danvan/domain"
import * as Either from "effect/Either"
import { distinctCodes, memoCodes } from "./codeLookup.js"
import { AnalysisError } from "./errors.js"
import type { CategoryInfo } from "./results.js"

/** A categorical column with what the codebook (if any) says about it. */
export interface CategoricalVariable {
  readonly name: string
  readonly label: BilingualLabel
  readonly measure: "nominal" | "ordinal" | "scale"
  readonly codes: Int32Array
  readonly variable?: Variable
  /** True for a user-missing code (codebook's or `--missing`); blanks are handled separately. */
  readonly isMissing: (code: number) => boolean
}

const unknownVariable = (dataset: Dataset, name: string) => {
  const known = columnNames(dataset)
  const list = known.length <= 15 ? known.join(", ") : `${known.slice(0, 15).join(", ")}, … (${known.length} columns)`
  return new AnalysisError({
    code: "UNKNOWN_VARIABLE",
    message: `unknown variable "${name}": the data has the columns ${list}`
  })
}

const notCategorical = (name: string, what: string) =>
  new AnalysisError({
    code: "NOT_CATEGORICAL",
    message:
      `variable "${name}" ${what}: this analysis needs categorical (integer) codes. Recode it into groups with integer codes, or describe it with "danvan describe" or "danvan frequencies"`
  })

/**
 * Why a column the reader typed from its contents cannot be analysed as categories: the first cell that made
 * it numbers, text or a date. Undefined when the reader said nothing about the column.
 */
export const typedColumnError = (dataset: Dataset, name: string): AnalysisError | undefined => {
  const typed = dataset.typing?.find((t) => t.name === name)
  if (typed === undefined) return undefined
  const what = typed.type === "numeric"
    ? "holds numbers that are not integer codes"
    : typed.type === "date"
    ? "holds dates"
    : "holds text"
  return notCategorical(
    name,
    `${what} (${typed.file !== undefined ? `${typed.file}, ` : ""}row ${typed.row}: "${typed.value}")`
  )
}

/** Looks up a categorical column, combining the codebook's missing codes with the extra ones given. */
export const categoricalVariable = (
  dataset: Dataset,
  codebook: Codebook | undefined,
  name: string,
  extraMissing: Readonly<Record<string, ReadonlyArray<number>>> = {}
): Either.Either<CategoricalVariable, AnalysisError> => {
  const column = getColumn(dataset, name)
  if (column === undefined) return Either.left(typedColumnError(dataset, name) ?? unknownVariable(dataset, name))
  if (column.type !== "codes") {
    return Either.left(typedColumnError(dataset, name) ?? notCategorical(name, "holds numbers, not integer codes"))
  }
  const variable = codebook === undefined ? undefined : findVariable(codebook, name)
  // Own keys only: a column called "constructor" must not find Object.prototype.constructor.
  const extra = Object.hasOwn(extraMissing, name) ? (extraMissing[name] ?? []) : []
  const isMissing = memoCodes((code: number) =>
    extra.includes(code) || (variable !== undefined && isUserMissing(variable.missing, code))
  )
  return Either.right({
    name,
    label: variable?.label ?? plainLabel(name),
    measure: variable?.measure ?? "nominal",
    codes: column.values,
    ...(variable !== undefined ? { variable } : {}),
    isMissing
  })
}

/** Checks that every `--missing` variable exists, so a typo is an error rather than silently ignored. */
export const checkMissingNames = (
  dataset: Dataset,
  extraMissing: Readonly<Record<string, ReadonlyArray<number>>> = {}
): Either.Either<void, AnalysisError> => {
  for (const name of Object.keys(extraMissing)) {
    if (getColumn(dataset, name) === undefined) return Either.left(unknownVariable(dataset, name))
  }
  return Either.right(undefined)
}

/**
 * An EMPTY_TABLE refusal when `v` has no valid category (every row blank or user-missing), so a table never
 * reaches the counting code without categories.
 *
 * @example
 * yield* requireCategories(row, validCategoriesOf(row).categories)
 */
export const requireCategories = (
  v: Pick<CategoricalVariable, "name">,
  categories: ReadonlyArray<CategoryInfo>
): Either.Either<void, AnalysisError> =>
  categories.length > 0
    ? Either.right(undefined)
    : Either.left(
      new AnalysisError({
        code: "EMPTY_TABLE",
        message: `variable "${v.name}" has no valid values: it is blank or user-missing in every row; ` +
          "choose another variable or check the data file"
      })
    )

/**
 * The valid categories of a variable, in codebook order, followed by observed codes the codebook does not
 * label (in numeric order). Without a codebook: the observed non-missing codes in numeric order.
 */
export const validCategoriesOf = (
  v: CategoricalVariable
): { categories: Array<CategoryInfo>; unlabelled: Array<number> } => {
  // The missing-code check once per distinct code, not per row (issue 23).
  const observed = new Set(distinctCodes(v.codes).filter((c) => !v.isMissing(c)))
  return validCategoriesFrom(v, observed)
}

/** {@link validCategoriesOf} given the observed valid codes (the counting port finds them in its cells). */
export const validCategoriesFrom = (
  v: Pick<CategoricalVariable, "variable" | "isMissing">,
  observed: ReadonlySet<number>
): { categories: Array<CategoryInfo>; unlabelled: Array<number> } => {
  const categories: Array<CategoryInfo> = []
  const labelled = new Set<number>()
  if (v.variable !== undefined) {
    for (const value of v.variable.values) {
      if (v.isMissing(value.code)) continue
      categories.push({ code: value.code, label: value.label })
      labelled.add(value.code)
    }
  }
  const unlabelled = [...observed].filter((c) => !labelled.has(c)).sort((a, b) => a - b)
  for (const code of unlabelled) categories.push({ code, label: plainLabel(String(code)) })
  return { categories, unlabelled: v.variable === undefined ? [] : unlabelled }
}
