import type { Codebook, Column, Dataset } from "@danvan/domain"
import { makeDataset } from "@danvan/domain"
import * as Either from "effect/Either"
import type { AnalysisError } from "../errors.js"
import { likertCell } from "../likert/cell.js"
import { type LikertGroups, likertGroups } from "../likert/groups.js"
import { resolveItems, scoreColumn, type SharedScale, sharedScale } from "../likert/scale.js"
import { itemKruskalWallis, itemOrdinalMeasures, ordinalStatus, ranked, setReliability } from "../likert/tests.js"
import type { LikertItemResult, LikertOptions, LikertResult } from "../likert/types.js"
import type { CategoricalVariable } from "../variables.js"
import { categoricalVariable } from "../variables.js"
import { exclusionWarning } from "../weights.js"
import { exactSum } from "./exactSum.js"
import type { CellTable } from "./port.js"

/**
 * A cell table as rows: one row per cell with its codes, and each cell's weight (its count unweighted) as the
 * row's frequency weight. Cells whose cases were all left out by their weight keep their codes with weight 0.
 */
export interface CellRows {
  readonly dataset: Dataset
  readonly weights: Float64Array
}

/**
 * The rows of a cell table: as many rows as cells, not cases.
 *
 * @example
 * const { dataset, weights } = cellRows(yield* counter.countCells(["level", "q1", "q2"], "w"))
 */
export const cellRows = (table: CellTable): CellRows => {
  const columns: Array<Column> = table.variables.map((name, v) => ({
    name,
    type: "codes",
    values: Int32Array.from(table.cells, (c) => c.codes[v])
  }))
  return { dataset: makeDataset(columns), weights: Float64Array.from(table.cells, (c) => c.weight) }
}

/** One item from the cells: distributions and missing as exact sums of cell weights, tests on tied counts. */
const itemOfCells = (
  v: CategoricalVariable,
  scores: Float64Array,
  scale: SharedScale,
  groups: LikertGroups,
  weights: Float64Array,
  ordinal: boolean
): Either.Either<Omit<LikertItemResult, "rank">, AnalysisError> =>
  Either.gen(function*() {
    const points = scale.points.map((s) => s.score)
    const parts = groups.categories.map(() => scale.points.map((): Array<number> => []))
    const missingParts: Array<number> = []
    for (let k = 0; k < scores.length; k++) {
      const w = weights[k]
      if (w === 0) continue
      const g = groups.of[k]
      if (g < 0 || Number.isNaN(scores[k])) missingParts.push(w)
      else parts[g][scale.index.get(v.codes[k])!].push(w)
    }
    const dists = parts.map((d) => d.map(exactSum))
    const totalDist = scale.points.map((_, s) => exactSum(parts.flatMap((d) => d[s])))
    const cell = (d: Array<number>) => likertCell(d, points, scale.high, scale.low)
    const withData = dists.filter((d) => d.some((x) => x > 0)).length
    const kruskalWallis = yield* itemKruskalWallis(scores, groups.of, groups.categories.length, withData, weights)
    const ord = ordinal ? yield* itemOrdinalMeasures(dists, points) : {}
    return {
      name: v.name,
      label: v.label,
      missing: exactSum(missingParts),
      byGroup: groups.categories.map((c, a) => ({ group: c.code, ...cell(dists[a]) })),
      total: cell(totalDist),
      kruskalWallis,
      ...ord
    }
  })

/**
 * Cronbach's α from the cells (the item covariances are weighted sums over the joint cells). Unweighted with
 * fewer than 2 complete cases, the complete cells are the cases, so the message is the unweighted one.
 */
const reliabilityOfCells = (
  scoreColumns: ReadonlyArray<Float64Array>,
  names: ReadonlyArray<string>,
  weights: Float64Array,
  weighted: boolean
) => {
  if (!weighted && scoreColumns.length >= 2) {
    const complete: Array<number> = []
    weights.forEach((w, k) => {
      if (w > 0 && scoreColumns.every((col) => !Number.isNaN(col[k]))) complete.push(k)
    })
    if (exactSum(complete.map((k) => weights[k])) < 2) {
      return setReliability(scoreColumns.map((col) => Float64Array.from(complete, (k) => col[k])), names, undefined)
    }
  }
  return setReliability(scoreColumns, names, weights)
}

/**
 * `likert` computed from a cell table of group x items (x frequency weight), without rebuilding the cases:
 * distributions, n and missing are exact sums of cell weights, means and SDs follow from them, Kruskal-Wallis
 * ranks the tied counts (frequency-weighted mid-ranks: a cell's cases share one score), γ and τ-b come from the
 * group x score table, Cronbach's α from the weighted item covariances over the complete cells. Memory grows
 * with the number of cells. Within 1e-12 (relative) of `likert` on the cases; identical for every engine.
 * `weight` is the weight column's name (undefined unweighted); sampling designs are not supported (the
 * counting engines refuse them before).
 *
 * @example
 * const table = yield* counter.countCells(["level", "q1", "q2"], "w")
 * const r = Either.getOrThrow(likertFromCells(table, builtin, { items: ["q1", "q2"] }, "level", {}))
 */
export const likertFromCells = (
  table: CellTable,
  codebook: Codebook | undefined,
  setOrItems: { readonly set: string } | { readonly items: ReadonlyArray<string> },
  by: string,
  options: Pick<LikertOptions, "missing" | "reverse">
): Either.Either<LikertResult, AnalysisError> =>
  Either.gen(function*() {
    const weight = table.weight
    const { dataset, weights } = cellRows(table)
    const { names, set } = yield* resolveItems(codebook, setOrItems)
    const group = yield* categoricalVariable(dataset, codebook, by, options.missing)
    const items = yield* Either.all(names.map((name) => categoricalVariable(dataset, codebook, name, options.missing)))
    const scale = yield* sharedScale(items, options.reverse === true)
    const groups = yield* likertGroups(group, weights)
    const ordinal = group.measure === "ordinal"
    const scoreColumns = items.map((v) => scoreColumn(v, scale))
    const partial = yield* Either.all(
      items.map((v, j) => itemOfCells(v, scoreColumns[j], scale, groups, weights, ordinal))
    )
    const reliability = yield* reliabilityOfCells(scoreColumns, names, weights, weight !== undefined)
    const total = exactSum(Array.from(weights).filter((_, k) => groups.of[k] >= 0))
    const { blank, zero, negative } = table.excluded
    return {
      kind: "likert",
      ...(set !== undefined ? { set } : {}),
      by: { name: by, label: group.label, measure: group.measure, categories: groups.categories },
      scale: scale.points,
      direction: scale.direction,
      reversed: options.reverse === true,
      weighted: weight !== undefined,
      ...(weight !== undefined ? { weight: { variable: weight, sum: total } } : {}),
      items: ranked(partial),
      ordinal: ordinalStatus(by, group.measure),
      ...reliability,
      ...(weight !== undefined ? { design: { mode: "frequency" as const, weight } } : {}),
      warnings: [
        ...groups.warnings,
        ...(weight !== undefined ? exclusionWarning(weight, blank, zero, negative) : [])
      ]
    } satisfies LikertResult
  })
