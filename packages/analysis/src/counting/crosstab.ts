import type { Codebook } from "@danvan/domain"
import { SYSTEM_MISSING } from "@danvan/domain"
import * as Effect from "effect/Effect"
import { AnalysisError } from "../errors.js"
import type { CrosstabOptions } from "../options.js"
import type { AnalysisWarning, CategoryInfo, CrosstabResult, VariableInfo } from "../results.js"
import { analyzeTable, dropEmpty } from "../table.js"
import { requireCategories, validCategoriesFrom } from "../variables.js"
import { exclusionWarning } from "../weights.js"
import { exactSum } from "./exactSum.js"
import type { Cell, Counter, WeightExclusions } from "./port.js"
import { checkCountedMissing, type CountedVariable, countedVariable, countedWeight } from "./variables.js"

const info = (v: CountedVariable, categories: ReadonlyArray<CategoryInfo>): VariableInfo => ({
  name: v.name,
  label: v.label,
  measure: v.measure,
  categories
})

const isMissingCode = (v: CountedVariable, code: number) => code === SYSTEM_MISSING || v.isMissing(code)

/** The observed valid codes of the variable in position `k` of the cells. */
const observed = (cells: ReadonlyArray<Cell>, k: number, v: CountedVariable): Set<number> =>
  new Set(cells.map((c) => c.codes[k]).filter((code) => !isMissingCode(v, code)))

/** Weighted missing cases by variable and code (blank = "system"), summed exactly, in code order. */
const missingByCode = (
  cells: ReadonlyArray<Cell>,
  vars: ReadonlyArray<CountedVariable>
): CrosstabResult["missingByCode"] => {
  const out: Array<{ variable: string; code: number | "system"; count: number }> = []
  vars.forEach((v, k) => {
    if (k > 0 && v.name === vars[0].name) return
    const byCode = new Map<number, Array<number>>()
    for (const c of cells) {
      const code = c.codes[k]
      if (c.count > 0 && isMissingCode(v, code)) byCode.set(code, [...(byCode.get(code) ?? []), c.weight])
    }
    for (const [code, ws] of [...byCode].sort((a, b) => a[0] - b[0])) {
      out.push({ variable: v.name, code: code === SYSTEM_MISSING ? "system" : code, count: exactSum(ws) })
    }
  })
  return out
}

const emptyTable = (message: string) => Effect.fail(new AnalysisError({ code: "EMPTY_TABLE", message }))

/**
 * `crosstab` through the counting port: the same result object, computed from the engine's cells (counts by
 * row code x column code, missing codes included) instead of the case-level columns. Every sum of weights is
 * exactly rounded (exactSum.ts), so the result is bit-identical for every engine; unweighted it equals
 * `crosstab`'s. `n.missing` and the missing tally are reported in code order.
 *
 * @example
 * const result = yield* crosstabCounted(memoryCounter(dataset), codebook, "level", "q1", { weight: "w" })
 */
export const crosstabCounted = (
  counter: Counter,
  codebook: Codebook | undefined,
  rowName: string,
  colName: string,
  options: CrosstabOptions = {}
): Effect.Effect<CrosstabResult, AnalysisError> =>
  Effect.gen(function*() {
    yield* checkCountedMissing(counter, options.missing)
    const row = yield* countedVariable(counter, codebook, rowName, options.missing)
    const col = yield* countedVariable(counter, codebook, colName, options.missing)
    const weight = yield* countedWeight(counter, codebook, options)
    const { cells, excluded } = yield* counter.countCells([rowName, colName], weight)
    const rowCats = validCategoriesFrom(row, observed(cells, 0, row))
    const colCats = validCategoriesFrom(col, observed(cells, 1, col))
    yield* requireCategories(row, rowCats.categories)
    yield* requireCategories(col, colCats.categories)
    const rowIndex = new Map(rowCats.categories.map((c, i) => [c.code, i]))
    const colIndex = new Map(colCats.categories.map((c, j) => [c.code, j]))
    const cols = colCats.categories.length
    const byCell = Array.from({ length: rowCats.categories.length * cols }, () => [] as Array<number>)
    const all: Array<number> = []
    const missing: Array<number> = []
    for (const c of cells) {
      if (c.count === 0) continue
      all.push(c.weight)
      const i = rowIndex.get(c.codes[0])
      const j = colIndex.get(c.codes[1])
      if (isMissingCode(row, c.codes[0]) || isMissingCode(col, c.codes[1])) missing.push(c.weight)
      else if (i !== undefined && j !== undefined) byCell[i * cols + j].push(c.weight)
    }
    const counts = Float64Array.from(byCell, (ws) => exactSum(ws))
    const total = exactSum(all)
    const valid = exactSum(counts)
    if (valid === 0) return yield* emptyTable(`no valid cases: every case has "${rowName}" or "${colName}" missing`)
    const table = { rows: rowCats.categories.length, cols, counts }
    const dropped = dropEmpty(table, rowCats.categories, colCats.categories, rowName, colName)
    for (const [v, n] of [[rowName, dropped.rowCats.length], [colName, dropped.colCats.length]] as const) {
      if (n < 2) {
        return yield* emptyTable(
          `"${v}" has valid cases in only ${n} category; a crosstab needs at least 2 rows and 2 columns`
        )
      }
    }
    const warnings: Array<AnalysisWarning> = [
      ...[
        ...rowCats.unlabelled.map((c) => [rowName, c] as const),
        ...colCats.unlabelled.map((c) => [colName, c] as const)
      ].map(([variable, code]): AnalysisWarning => ({
        code: "UNLABELLED_CODE",
        variable,
        categoryCode: code,
        message: `code ${code} of "${variable}" has no value label in the codebook`
      })),
      ...dropped.warnings,
      ...weightWarnings(weight, excluded)
    ]
    return yield* analyzeTable(dropped.table, {
      row: info(row, dropped.rowCats),
      col: info(col, dropped.colCats),
      weighted: weight !== undefined,
      ...(weight !== undefined ? { weight: { variable: weight, sum: valid } } : {}),
      n: { valid, missing: exactSum(missing), total },
      missingByCode: missingByCode(cells, [row, col]),
      warnings,
      ...(options.fisher !== undefined ? { fisher: options.fisher } : {})
    })
  })

const weightWarnings = (weight: string | undefined, e: WeightExclusions): ReadonlyArray<AnalysisWarning> =>
  weight === undefined ? [] : exclusionWarning(weight, e.blank, e.zero, e.negative)
