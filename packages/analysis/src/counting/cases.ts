import type { Codebook, Column, Dataset } from "@danvan/domain"
import { makeDataset } from "@danvan/domain"
import * as Effect from "effect/Effect"
import { AnalysisError } from "../errors.js"
import type { LikertOptions, LikertResult } from "../likert.js"
import { multipleResponse, type MultipleResponseOptions, type MultipleResponseResult } from "../multipleResponse.js"
import type { WeightChoice } from "../weights.js"
import { likertFromCells } from "./likertCells.js"
import { multipleResponseFromCells } from "./mrCells.js"
import type { CellTable, Counter } from "./port.js"
import { checkCountedMissing, countedVariable, countedWeight } from "./variables.js"

/** The weight column of rebuilt cases: named apart from every counted variable. */
const WEIGHT = "\u0000weight"

/**
 * The cases of a cell table rebuilt in its canonical order (cells in code order; within a cell, its weights
 * blank first then ascending): a Dataset of the counted variables, plus the weight column when weighted. Every
 * engine gives the same CellTable, so the same Dataset, so the same result of any analysis run on it.
 *
 * @example
 * const dataset = casesFromCells(yield* counter.countCells(["level", "q1", "q2"], "w"))
 */
export const casesFromCells = (table: CellTable): Dataset => {
  const weighted = table.weight !== undefined
  let n = 0
  for (const c of table.cells) n += weighted ? (c.weights ?? []).reduce((a, [, k]) => a + k, 0) : c.count
  const codes = table.variables.map(() => new Int32Array(n))
  const weights = new Float64Array(weighted ? n : 0)
  let k = 0
  for (const c of table.cells) {
    const runs: ReadonlyArray<readonly [number, number]> = weighted ? (c.weights ?? []) : [[1, c.count]]
    for (const [w, count] of runs) {
      for (let r = 0; r < count; r++, k++) {
        for (let v = 0; v < codes.length; v++) codes[v][k] = c.codes[v]
        if (weighted) weights[k] = w
      }
    }
  }
  const columns: Array<Column> = table.variables.map((name, v) => ({ name, type: "codes", values: codes[v] }))
  if (weighted) columns.push({ name: WEIGHT, type: "numeric", values: weights })
  return makeDataset(columns)
}

interface CaseChoice extends WeightChoice {
  readonly missing?: Readonly<Record<string, ReadonlyArray<number>>>
}

/**
 * The cases of `variables` as rebuilt from the counter's cells, with the options that analyse them as asked:
 * the resolved weight (the codebook's too) under its rebuilt column, and only the missing codes of counted
 * variables (the others were checked to exist).
 */
const countedCases = <O extends CaseChoice>(
  counter: Counter,
  codebook: Codebook | undefined,
  variables: ReadonlyArray<string>,
  options: O
) =>
  Effect.gen(function*() {
    yield* checkCountedMissing(counter, options.missing)
    for (const name of variables) yield* countedVariable(counter, codebook, name, options.missing)
    const weight = yield* countedWeight(counter, codebook, options)
    const distinct = [...new Set(variables)]
    const dataset = casesFromCells(yield* counter.countCells(distinct, weight, { weightRuns: true }))
    const missing = Object.fromEntries(Object.entries(options.missing ?? {}).filter(([k]) => distinct.includes(k)))
    const { missing: _m, noWeight: _n, weight: _w, ...rest } = options
    return {
      dataset,
      weight,
      options: {
        ...rest,
        ...(Object.keys(missing).length > 0 ? { missing } : {}),
        ...(weight !== undefined ? { weight: WEIGHT } : { noWeight: true })
      } as O
    }
  })

/** A result's `weight.variable` names the weight column of the source, not the rebuilt one. */
const renameWeight = <R extends { readonly weight?: { readonly variable: string; readonly sum: number } }>(
  result: R,
  weight: string | undefined
): R =>
  weight === undefined || result.weight === undefined
    ? result
    : { ...result, weight: { ...result.weight, variable: weight } }

const renameWarnings = <R extends { readonly warnings: ReadonlyArray<{ readonly message: string }> }>(
  result: R,
  weight: string | undefined
): R =>
  weight === undefined ? result : {
    ...result,
    warnings: result.warnings.map((w) => ({
      ...w,
      message: w.message.replaceAll(`"${WEIGHT}"`, `"${weight}"`),
      ...("variable" in w && w.variable === WEIGHT ? { variable: weight } : {})
    }))
  }

const renameError = (e: AnalysisError, weight: string | undefined): AnalysisError =>
  weight === undefined ? e : new AnalysisError({ code: e.code, message: e.message.replaceAll(WEIGHT, weight) })

/**
 * `likert` through the counting port: the engine counts the cells of group x items (x frequency weight) and
 * the statistics are computed from the cells themselves ({@link likertFromCells}), so memory grows with the
 * number of cells, not cases, and every engine gives the same result (within 1e-12 of `likert` on the cases).
 *
 * @example
 * const r = yield* likertCounted(counter, builtin, { set: "difficulty" }, "level")
 */
export const likertCounted = (
  counter: Counter,
  codebook: Codebook | undefined,
  setOrItems: { readonly set: string } | { readonly items: ReadonlyArray<string> },
  by: string,
  options: LikertOptions = {}
): Effect.Effect<LikertResult, AnalysisError> =>
  Effect.gen(function*() {
    const names = "set" in setOrItems
      ? (codebook?.indicatorSets.find((s) => s.name === setOrItems.set)?.items ?? [])
      : setOrItems.items
    yield* checkCountedMissing(counter, options.missing)
    for (const name of [by, ...names]) yield* countedVariable(counter, codebook, name, options.missing)
    const weight = yield* countedWeight(counter, codebook, options)
    const table = yield* counter.countCells([...new Set([by, ...names])], weight)
    return yield* likertFromCells(table, codebook, setOrItems, by, options)
  })

/**
 * `multipleResponse` through the counting port, as {@link likertCounted}: cells of group x items (x weight),
 * statistics from the cells ({@link multipleResponseFromCells}). Only `method: "bootstrap"` rebuilds the cases
 * from the cells in canonical order (casesFromCells; memory grows with the cases) and resamples them, so its p
 * (equal for every engine with the same seed) differs from the one of the rows in file order by resampling noise.
 *
 * @example
 * const r = yield* multipleResponseCounted(counter, codebook, "level", ["a", "b", "c"], { method: "rs2" })
 */
export const multipleResponseCounted = (
  counter: Counter,
  codebook: Codebook | undefined,
  groupName: string,
  itemNames: ReadonlyArray<string>,
  options: MultipleResponseOptions = {}
): Effect.Effect<MultipleResponseResult, AnalysisError> =>
  Effect.gen(function*() {
    const { method } = options
    if (method !== "bootstrap") {
      yield* checkCountedMissing(counter, options.missing)
      for (const name of [groupName, ...itemNames]) yield* countedVariable(counter, codebook, name, options.missing)
      const weight = yield* countedWeight(counter, codebook, options)
      const table = yield* counter.countCells([...new Set([groupName, ...itemNames])], weight)
      return yield* multipleResponseFromCells(table, codebook, groupName, itemNames, { ...options, method })
    }
    const cases = yield* countedCases(counter, codebook, [groupName, ...itemNames], options)
    const result = yield* multipleResponse(cases.dataset, codebook, groupName, itemNames, cases.options).pipe(
      Effect.mapError((e) => renameError(e, cases.weight))
    )
    return renameWarnings(renameWeight(result, cases.weight), cases.weight)
  })
