import type { BilingualLabel, Codebook, Dataset, Variable } from "@danvan/domain"
import { columnNames, findVariable, getColumn, isUserMissing, plainLabel, SYSTEM_MISSING } from "@danvan/domain"
import * as Either from "effect/Either"
import { AnalysisError } from "./errors.js"

/** A column read as numbers: NaN for a blank or a user-missing value, with what the codebook says of it. */
export interface NumericVariable {
  readonly name: string
  readonly label: BilingualLabel
  /** The values as numbers, NaN where blank (system-missing); user-missing values are kept. */
  readonly values: Float64Array
  readonly variable?: Variable
  /** True for a user-missing value (codebook's or `--missing`). */
  readonly isMissing: (value: number) => boolean
}

/**
 * Looks up any column as numbers: a numeric column as it is, a column of integer codes as its codes (blank as
 * NaN), as SPSS treats every numeric variable. User-missing values come from the codebook and `extraMissing`.
 *
 * @example
 * const age = Either.getOrThrow(numericVariable(dataset, undefined, "age"))
 * age.values // Float64Array [34.5, NaN, 51]
 */
export const numericVariable = (
  dataset: Dataset,
  codebook: Codebook | undefined,
  name: string,
  extraMissing: Readonly<Record<string, ReadonlyArray<number>>> = {}
): Either.Either<NumericVariable, AnalysisError> => {
  const column = getColumn(dataset, name)
  if (column === undefined) {
    const typed = dataset.typing?.find((t) => t.name === name)
    if (typed !== undefined) {
      return Either.left(
        new AnalysisError({
          code: "NOT_CATEGORICAL",
          message: `variable "${name}" holds ${typed.type === "date" ? "dates" : "text"} (${
            typed.file !== undefined ? `${typed.file}, ` : ""
          }row ${typed.row}: "${typed.value}"), not numbers: it cannot be described or tabulated; recode it to numbers or integer codes`
        })
      )
    }
    const known = columnNames(dataset)
    const list = known.length <= 15 ? known.join(", ") : `${known.slice(0, 15).join(", ")}, … (${known.length} columns)`
    return Either.left(
      new AnalysisError({
        code: "UNKNOWN_VARIABLE",
        message: `unknown variable "${name}": the data has the columns ${list}`
      })
    )
  }
  const values = column.type === "numeric"
    ? column.values
    : Float64Array.from(column.values, (c) => (c === SYSTEM_MISSING ? Number.NaN : c))
  const variable = codebook === undefined ? undefined : findVariable(codebook, name)
  const extra = extraMissing[name] ?? []
  const isMissing = (x: number) => extra.includes(x) || (variable !== undefined && isUserMissing(variable.missing, x))
  return Either.right({
    name,
    label: variable?.label ?? plainLabel(name),
    values,
    ...(variable !== undefined ? { variable } : {}),
    isMissing
  })
}
