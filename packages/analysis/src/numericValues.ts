import type { BilingualLabel, Codebook, Dataset } from "@danvan/domain"
import * as Either from "effect/Either"
import type { AnalysisError } from "./errors.js"
import { numericVariable } from "./numericVariable.js"

/** A column read as numbers for a computation: blanks and user-missing codes are NaN. */
export interface NumericValues {
  readonly name: string
  readonly label: BilingualLabel
  /** one value per case, NaN for blank or user-missing */
  readonly values: Float64Array
  /** cases left out as user-missing (codebook or `--missing`) */
  readonly userMissing: number
}

/**
 * {@link numericVariable} with the user-missing values (the codebook's and `extraMissing`) set to NaN and
 * counted: what means and correlations compute on.
 *
 * @example
 * const age = Either.getOrThrow(numericValues(dataset, undefined, "age", { age: [99] }))
 * age.userMissing // 3
 */
export const numericValues = (
  dataset: Dataset,
  codebook: Codebook | undefined,
  name: string,
  extraMissing: Readonly<Record<string, ReadonlyArray<number>>> = {}
): Either.Either<NumericValues, AnalysisError> =>
  Either.map(numericVariable(dataset, codebook, name, extraMissing), (v) => {
    const values = new Float64Array(v.values.length)
    let userMissing = 0
    for (let k = 0; k < values.length; k++) {
      const x = v.values[k]
      if (!Number.isNaN(x) && v.isMissing(x)) {
        values[k] = Number.NaN
        userMissing++
      } else {
        values[k] = x
      }
    }
    return { name: v.name, label: v.label, values, userMissing }
  })
