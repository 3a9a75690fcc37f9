import type { BilingualLabel, Codebook, Dataset } from "@danvan/domain"
import { columnNames, findVariable, getColumn, isUserMissing, plainLabel, SYSTEM_MISSING } from "@danvan/domain"
import * as Either from "effect/Either"
import { AnalysisError } from "./errors.js"

/** A column read as numbers: blanks and user-missing codes are NaN. */
export interface NumericVariable {
  readonly name: string
  readonly label: BilingualLabel
  /** one value per case, NaN for blank or user-missing */
  readonly values: Float64Array
  /** cases left out as user-missing (codebook or `--missing`) */
  readonly userMissing: number
}

/**
 * A numeric column (or a column of integer codes read as numbers), with the codebook's and the extra
 * user-missing codes set to NaN.
 */
export const numericVariable = (
  dataset: Dataset,
  codebook: Codebook | undefined,
  name: string,
  extraMissing: Readonly<Record<string, ReadonlyArray<number>>> = {}
): Either.Either<NumericVariable, AnalysisError> => {
  const column = getColumn(dataset, name)
  if (column === undefined) {
    const known = columnNames(dataset)
    const list = known.length <= 15 ? known.join(", ") : `${known.slice(0, 15).join(", ")}, … (${known.length} columns)`
    return Either.left(new AnalysisError({ code: "UNKNOWN_VARIABLE", message: `unknown variable "${name}": the data has the columns ${list}` }))
  }
  const variable = codebook === undefined ? undefined : findVariable(codebook, name)
  const extra = extraMissing[name] ?? []
  const values = new Float64Array(dataset.rowCount)
  let userMissing = 0
  for (let k = 0; k < dataset.rowCount; k++) {
    const raw = column.values[k]
    if (column.type === "codes" && raw === SYSTEM_MISSING) {
      values[k] = NaN
    } else if (extra.includes(raw) || (variable !== undefined && isUserMissing(variable.missing, raw))) {
      values[k] = NaN
      userMissing++
    } else {
      values[k] = raw
    }
  }
  return Either.right({ name, label: variable?.label ?? plainLabel(name), values, userMissing })
}
