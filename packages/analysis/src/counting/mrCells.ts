import type { Codebook } from "@danvan/domain"
import { SYSTEM_MISSING } from "@danvan/domain"
import * as Stats from "@danvan/stats"
import * as Either from "effect/Either"
import { memoCodes } from "../codeLookup.js"
import { AnalysisError } from "../errors.js"
import { itemRows, usedGroups } from "../mrResult.js"
import { lowExpectedItems } from "../mrWarnings.js"
import type { MultipleResponseOptions, MultipleResponseResult } from "../multipleResponse.js"
import type { AnalysisWarning } from "../results.js"
import { attempt } from "../table.js"
import { type CategoricalVariable, categoricalVariable, validCategoriesOf } from "../variables.js"
import { exclusionWarning } from "../weights.js"
import { exactSum } from "./exactSum.js"
import { cellRows } from "./likertCells.js"
import type { CellTable } from "./port.js"

interface Kept {
  /** cells with a valid group and every item answered (indices into the cell rows) */
  readonly keep: ReadonlyArray<number>
  readonly total: number
  readonly missing: number
  /** exact sum of the weights of the kept cells (total − missing without its cancellation) */
  readonly valid: number
}

/** The cells analysed (listwise), with the exact sums of the weights of all cells and of the missing ones. */
const keptCells = (
  group: CategoricalVariable,
  items: ReadonlyArray<CategoricalVariable>,
  weights: Float64Array,
  counted: number
): Either.Either<Kept, AnalysisError> => {
  // Without a codebook only 0/1 is meaningful; with one, any labelled code other than the counted one is
  // "not selected".
  const isKnown = items.map((v) =>
    memoCodes((c) => v.variable === undefined ? c === 0 || c === 1 : v.variable.values.some((x) => x.code === c))
  )
  const keep: Array<number> = []
  const all: Array<number> = []
  const missing: Array<number> = []
  for (let k = 0; k < weights.length; k++) {
    if (weights[k] === 0) continue
    all.push(weights[k])
    const g = group.codes[k]
    if (
      g === SYSTEM_MISSING || group.isMissing(g) ||
      items.some((v) => v.codes[k] === SYSTEM_MISSING || v.isMissing(v.codes[k]))
    ) {
      missing.push(weights[k])
      continue
    }
    const bad = items.findIndex((v, j) => !isKnown[j](v.codes[k]))
    if (bad >= 0) {
      return Either.left(
        new AnalysisError({
          code: "BAD_OPTION",
          message: `item "${items[bad].name}" has the code ${
            items[bad].codes[k]
          }; expected 0 or 1 (selected = ${counted})`
        })
      )
    }
    keep.push(k)
  }
  return Either.right({
    keep,
    total: exactSum(all),
    missing: exactSum(missing),
    valid: exactSum(keep.map((k) => weights[k]))
  })
}

/** The frequency-weighted input of the tests: one row per kept cell, its weight (its count unweighted). */
const cellData = (
  groupCount: number,
  kept: ReadonlyArray<number>,
  groupOf: (k: number) => number,
  items: ReadonlyArray<CategoricalVariable>,
  counted: number,
  weights: Float64Array
): Stats.MultipleResponseData => ({
  groupCount,
  groups: Int32Array.from(kept, groupOf),
  items: items.map((v) => Uint8Array.from(kept, (k) => (v.codes[k] === counted ? 1 : 0))),
  weights: Float64Array.from(kept, (k) => weights[k])
})

/**
 * `multipleResponse` computed from a cell table of group x items (x frequency weight), without rebuilding the
 * cases: counts are exact sums of cell weights, and the per-item chi-squares, column-proportion letters, X²_S
 * with Bonferroni and the second-order Rao-Scott test take each cell as one row with its weight (its count
 * unweighted) as a frequency weight: they are functions of the joint counts. The bootstrap resamples cases and
 * is not computed here (`multipleResponseCounted` rebuilds the cases for it). Within 1e-12 (relative) of
 * `multipleResponse` on the cases; identical for every engine.
 *
 * @example
 * const table = yield* counter.countCells(["level", "a", "b"], undefined)
 * const r = Either.getOrThrow(multipleResponseFromCells(table, undefined, "level", ["a", "b"], {}))
 */
export const multipleResponseFromCells = (
  table: CellTable,
  codebook: Codebook | undefined,
  groupName: string,
  itemNames: ReadonlyArray<string>,
  options: Omit<MultipleResponseOptions, "method"> & { readonly method?: "bonferroni" | "rs2" }
): Either.Either<MultipleResponseResult, AnalysisError> =>
  Either.gen(function*() {
    if (itemNames.length < 1) {
      return yield* Either.left(
        new AnalysisError({ code: "BAD_OPTION", message: "a multiple-response set needs at least one item" })
      )
    }
    const weight = table.weight
    const { dataset, weights } = cellRows(table)
    const group = yield* categoricalVariable(dataset, codebook, groupName, options.missing)
    const items = yield* Either.all(
      itemNames.map((name) => categoricalVariable(dataset, codebook, name, options.missing))
    )
    const set = codebook?.multipleResponseSets.find((s) => itemNames.every((i) => s.items.includes(i)))
    const counted = options.countedValue ?? set?.countedValue ?? 1
    const { categories } = validCategoriesOf(group)
    const index = new Map(categories.map((c, i) => [c.code, i]))
    const { keep, total, missing, valid } = yield* keptCells(group, items, weights, counted)
    const groupN = categories.map((_, i) =>
      exactSum(keep.filter((k) => index.get(group.codes[k]) === i).map((k) => weights[k]))
    )
    const { blank, zero, negative } = table.excluded
    const warnings: Array<AnalysisWarning> = weight === undefined
      ? []
      : [...exclusionWarning(weight, blank, zero, negative)]
    const used = yield* usedGroups(groupName, categories, groupN, warnings)
    const compact = new Map(used.map((i, a) => [i, a]))
    const data = cellData(used.length, keep, (k) => compact.get(index.get(group.codes[k])!)!, items, counted, weights)
    const method = options.method ?? "rs2"
    const reword = (message: string) =>
      message.replace(/item (\d+)/g, (_, j) => `item "${itemNames[Number(j) - 1] ?? j}"`)
    const { table: counts, tests, letters, bonferroni, rs2 } = yield* attempt(() => ({
      table: Stats.multipleResponseTable(data),
      tests: Stats.perItemTests(data),
      letters: Stats.columnProportionTests(data),
      bonferroni: Stats.mmiBonferroni(data),
      rs2: Stats.mmiRaoScott2(data)
    }), reword)
    const rare = lowExpectedItems(itemNames, used.map((i) => groupN[i]), counts.total.counts, method)
    if (rare !== undefined) warnings.push(rare)
    return {
      kind: "multiple-response",
      group: { name: groupName, label: group.label, categories: used.map((i) => categories[i]) },
      n: { valid, missing, total, byGroup: used.map((i) => groupN[i]) },
      weighted: weight !== undefined,
      ...(weight !== undefined ? { weight: { variable: weight, sum: valid } } : {}),
      design: weight === undefined ? { mode: "unweighted" } : { mode: "frequency", weight },
      itemTest: "pearson",
      method,
      items: itemRows(items, counts, tests, (j) => letters.items[j].largerThan, used.length),
      letters: letters.letters,
      sumStatistic: rs2.sumStatistic,
      bonferroni: { p: bonferroni.p },
      rs2: { statistic: rs2.statistic, df: rs2.df, p: rs2.p },
      warnings
    } satisfies MultipleResponseResult
  })
