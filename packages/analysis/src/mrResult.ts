import type * as Stats from "@danvan/stats"
import * as Either from "effect/Either"
import { AnalysisError } from "./errors.js"
import type { MultipleResponseResult } from "./multipleResponse.js"
import type { AnalysisWarning, CategoryInfo } from "./results.js"
import type { CategoricalVariable } from "./variables.js"

/** One item's test as the result reports it (Pearson, or under a design the Rao-Scott F with `df2`). */
export interface ItemTest {
  readonly statistic: number
  readonly df: number
  readonly df2?: number
  readonly p: number
  readonly pBonferroni: number
  readonly pHolm: number
}

/**
 * The groups with respondents (indices into `categories`), an EMPTY_CATEGORY warning pushed for each group
 * without; fewer than 2 such groups is EMPTY_TABLE. Shared by the case path and the counting engines' cells path.
 */
export const usedGroups = (
  groupName: string,
  categories: ReadonlyArray<CategoryInfo>,
  groupN: ReadonlyArray<number>,
  warnings: Array<AnalysisWarning>
): Either.Either<Array<number>, AnalysisError> => {
  categories.forEach((c, i) => {
    if (groupN[i] === 0) {
      warnings.push({
        code: "EMPTY_CATEGORY",
        variable: groupName,
        categoryCode: c.code,
        message: `category ${c.code} (${c.label.en}) of "${groupName}" has no respondents and is left out`
      })
    }
  })
  const used = categories.map((_, i) => i).filter((i) => groupN[i] > 0)
  return used.length < 2
    ? Either.left(
      new AnalysisError({
        code: "EMPTY_TABLE",
        message: `"${groupName}" has respondents in only ${used.length} group; the tests compare at least 2`
      })
    )
    : Either.right(used)
}

/** The result's `items`: each item's counts and percents by group (from the r x c table), its test and letters. */
export const itemRows = (
  items: ReadonlyArray<CategoricalVariable>,
  table: Stats.MultipleResponseTable,
  tests: ReadonlyArray<ItemTest>,
  largerThan: (j: number) => ReadonlyArray<string>,
  r: number
): MultipleResponseResult["items"] => {
  const c = items.length
  const column = (values: Float64Array, j: number) => Array.from({ length: r }, (_, i) => values[i * c + j])
  return items.map((v, j) => ({
    name: v.name,
    label: v.label,
    counts: column(table.counts, j),
    percentOfCases: column(table.percentOfCases, j),
    percentOfResponses: column(table.percentOfResponses, j),
    total: {
      count: table.total.counts[j],
      percentOfCases: table.total.percentOfCases[j],
      percentOfResponses: table.total.percentOfResponses[j]
    },
    statistic: tests[j].statistic,
    df: tests[j].df,
    ...(tests[j].df2 === undefined ? {} : { df2: tests[j].df2 }),
    p: tests[j].p,
    pBonferroni: tests[j].pBonferroni,
    pHolm: tests[j].pHolm,
    largerThan: largerThan(j)
  }))
}
