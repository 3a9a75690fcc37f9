import type { Codebook, Dataset } from "@danvan/domain"
import { findVariable, getColumn, isUserMissing, SYSTEM_MISSING } from "@danvan/domain"
import * as Either from "effect/Either"
import { AnalysisError } from "./errors.js"

/** Limits of `checkDimension`. */
export interface DimensionLimits {
  /** Most distinct valid values a dimension may have (the API's `DANVAN_MAX_CATEGORIES`, 100 by default). */
  readonly maxCategories: number
  /**
   * Valid cases from which "mostly unique" is judged (default 20): with at least this many, a variable whose
   * distinct values exceed half its valid cases is identifier-like.
   */
  readonly minCasesForUniqueness?: number
}

const refuse = (name: string, why: string) =>
  Either.left(
    new AnalysisError({
      code: "IDENTIFIER_LIKE",
      message:
        `variable "${name}" cannot be a table dimension: ${why}; a table by it would list respondents one by one. ` +
        "Choose a grouping variable with few categories"
    })
  )

/**
 * Refuses a variable as a table dimension (a crosstab's row or column, a frequency table, a group) when it looks
 * like a respondent identifier, so an aggregate cannot hand back respondent rows: a codebook `role: "id"`, a
 * text column, more distinct valid values than `maxCategories`, or mostly unique
 * values (codes or numbers). Unknown names pass (the analysis reports them).
 *
 * @example
 * checkDimension(dataset, undefined, "respondent_id", { maxCategories: 100 }) // Left(IDENTIFIER_LIKE …)
 */
export const checkDimension = (
  dataset: Dataset,
  codebook: Codebook | undefined,
  name: string,
  limits: DimensionLimits
): Either.Either<void, AnalysisError> => {
  const column = getColumn(dataset, name)
  if (column === undefined) return Either.right(undefined)
  const variable = codebook === undefined ? undefined : findVariable(codebook, name)
  if (variable?.role === "id") return refuse(name, "the codebook marks it as the respondent identifier (role \"id\")")
  if ((column.type as string) === "text") return refuse(name, "it is a text column")
  // Codes and numbers alike (a numeric respondent id is as identifying as a coded one); blanks and user-missing
  // codes are not values.
  const distinct = new Set<number>()
  let valid = 0
  for (const value of column.values as Iterable<number>) {
    if (
      column.type === "codes"
        ? value === SYSTEM_MISSING || (variable !== undefined && isUserMissing(variable.missing, value))
        : Number.isNaN(value)
    ) {
      continue
    }
    valid++
    if (distinct.size <= limits.maxCategories) distinct.add(value)
  }
  if (distinct.size > limits.maxCategories) {
    return refuse(name, `it has more than ${limits.maxCategories} distinct values (DANVAN_MAX_CATEGORIES)`)
  }
  if (valid >= (limits.minCasesForUniqueness ?? 20) && distinct.size * 2 > valid) {
    return refuse(name, `${distinct.size} of its ${valid} valid values are distinct (mostly unique)`)
  }
  return Either.right(undefined)
}
