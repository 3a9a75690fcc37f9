import { SYSTEM_MISSING } from "@danvan/domain"
import * as Either from "effect/Either"
import { mapCodes } from "../codeLookup.js"
import { AnalysisError } from "../errors.js"
import type { AnalysisWarning, CategoryInfo } from "../results.js"
import type { CategoricalVariable } from "../variables.js"
import { validCategoriesOf } from "../variables.js"

/** The groups of a Likert analysis: each respondent's compact group index (-1 = missing or weight 0). */
export interface LikertGroups {
  readonly categories: ReadonlyArray<CategoryInfo>
  /** per respondent: index into `categories`, or -1 */
  readonly of: Int32Array
  readonly warnings: ReadonlyArray<AnalysisWarning>
  /** sum of the weights (or the count) of respondents with a valid group */
  readonly total: number
}

/**
 * The group variable's categories that have respondents (empty ones left out with a warning, as SPSS does);
 * at least two are needed for the tests.
 */
export const likertGroups = (
  group: CategoricalVariable,
  weights: Float64Array | undefined
): Either.Either<LikertGroups, AnalysisError> => {
  const { categories } = validCategoriesOf(group)
  const gIndex = new Map(categories.map((c, i) => [c.code, i]))
  const wt = (k: number) => (weights === undefined ? 1 : weights[k])
  const raw = mapCodes(
    group.codes,
    (g) => g === SYSTEM_MISSING || group.isMissing(g) ? -1 : gIndex.get(g) ?? -1,
    Int32Array
  )
  if (weights !== undefined) { for (let k = 0; k < raw.length; k++) if (weights[k] === 0) raw[k] = -1 }
  const groupN = categories.map(() => 0)
  raw.forEach((g, k) => {
    if (g >= 0) groupN[g] += wt(k)
  })
  const warnings: Array<AnalysisWarning> = []
  categories.forEach((c, i) => {
    if (groupN[i] === 0) {
      warnings.push({
        code: "EMPTY_CATEGORY",
        variable: group.name,
        categoryCode: c.code,
        message: `category ${c.code} (${c.label.en}) of "${group.name}" has no respondents and is left out`
      })
    }
  })
  const used = categories.map((_, i) => i).filter((i) => groupN[i] > 0)
  if (used.length < 2) {
    return Either.left(
      new AnalysisError({
        code: "EMPTY_TABLE",
        message: `"${group.name}" has respondents in only ${used.length} group; the tests compare at least 2`
      })
    )
  }
  const compact = new Int32Array(categories.length).fill(-1)
  used.forEach((i, a) => {
    compact[i] = a
  })
  return Either.right({
    categories: used.map((i) => categories[i]),
    of: raw.map((g) => (g >= 0 ? compact[g] : -1)),
    warnings,
    total: used.reduce((a, i) => a + groupN[i], 0)
  })
}
