import type { Codebook, Dataset } from "@danvan/domain"
import { SYSTEM_MISSING } from "@danvan/domain"
import * as Stats from "@danvan/stats"
import * as Either from "effect/Either"
import { AnalysisError } from "./errors.js"
import type { CrosstabOptions } from "./options.js"
import type { AnalysisWarning, CategoryInfo, CrosstabResult, VariableInfo } from "./results.js"
import { analyzeTable } from "./table.js"
import type { CategoricalVariable } from "./variables.js"
import { caseWeights, categoricalVariable, checkMissingNames, requireCategories, validCategoriesOf } from "./variables.js"

type MissingTally = Map<string, Map<number | "system", number>>

/** Adds up missing cases by variable and code (blank = "system"), the way SPSS's summary explains N. */
const tallyMissing = (tally: MissingTally, v: CategoricalVariable, code: number, w: number) => {
  const key = code === SYSTEM_MISSING ? "system" : code
  const byCode = tally.get(v.name) ?? new Map<number | "system", number>()
  byCode.set(key, (byCode.get(key) ?? 0) + w)
  tally.set(v.name, byCode)
}

const isMissingCode = (v: CategoricalVariable, code: number) => code === SYSTEM_MISSING || v.isMissing(code)

/** Removes categories whose margin is zero (SPSS prints no empty rows or columns) and says so. */
const dropEmpty = (
  table: Stats.ContingencyTable,
  rowCats: ReadonlyArray<CategoryInfo>,
  colCats: ReadonlyArray<CategoryInfo>,
  rowName: string,
  colName: string
) => {
  const r = Stats.rowTotals(table)
  const c = Stats.colTotals(table)
  const keepRows = rowCats.map((_, i) => i).filter((i) => r[i] > 0)
  const keepCols = colCats.map((_, j) => j).filter((j) => c[j] > 0)
  const warnings: Array<AnalysisWarning> = []
  const warn = (name: string, cat: CategoryInfo) =>
    warnings.push({ code: "EMPTY_CATEGORY", variable: name, categoryCode: cat.code, message: `category ${cat.code} (${cat.label.en}) of "${name}" has no valid cases and is left out of the table` })
  rowCats.forEach((cat, i) => r[i] === 0 && warn(rowName, cat))
  colCats.forEach((cat, j) => c[j] === 0 && warn(colName, cat))
  const counts = new Float64Array(keepRows.length * keepCols.length)
  keepRows.forEach((i, a) => keepCols.forEach((j, b) => (counts[a * keepCols.length + b] = table.counts[i * table.cols + j])))
  return {
    table: { rows: keepRows.length, cols: keepCols.length, counts },
    rowCats: keepRows.map((i) => rowCats[i]),
    colCats: keepCols.map((j) => colCats[j]),
    warnings
  }
}

const info = (v: CategoricalVariable, categories: ReadonlyArray<CategoryInfo>): VariableInfo => ({
  name: v.name,
  label: v.label,
  measure: v.measure,
  categories
})

/**
 * Crosstabulates two categorical variables of a dataset, the way SPSS CROSSTABS does, with every test and
 * measure. Categories follow the codebook's order; user-missing codes (the codebook's plus
 * `options.missing`) and blanks are excluded and counted in `n.missing`; weights are honoured.
 *
 * @example
 * const result = Either.getOrThrow(crosstab(dataset, codebook, "level", "people_trust_limited"))
 * result.tests.pearson.p
 */
export const crosstab = (
  dataset: Dataset,
  codebook: Codebook | undefined,
  rowName: string,
  colName: string,
  options: CrosstabOptions = {}
): Either.Either<CrosstabResult, AnalysisError> =>
  Either.gen(function* () {
    yield* checkMissingNames(dataset, options.missing)
    const row = yield* categoricalVariable(dataset, codebook, rowName, options.missing)
    const col = yield* categoricalVariable(dataset, codebook, colName, options.missing)
    const weights = yield* caseWeights(dataset, options.weight)
    const rowCats = validCategoriesOf(row)
    const colCats = validCategoriesOf(col)
    yield* requireCategories(row, rowCats.categories)
    yield* requireCategories(col, colCats.categories)

    const tally: MissingTally = new Map()
    let missing = 0
    let totalWeight = 0
    for (let k = 0; k < dataset.rowCount; k++) {
      const w = weights === undefined ? 1 : weights[k]
      if (w === 0) continue
      totalWeight += w
      const rc = row.codes[k]
      const cc = col.codes[k]
      const rMiss = isMissingCode(row, rc)
      const cMiss = isMissingCode(col, cc)
      if (rMiss || cMiss) {
        missing += w
        if (rMiss) tallyMissing(tally, row, rc, w)
        if (cMiss && colName !== rowName) tallyMissing(tally, col, cc, w)
      }
    }
    const counted = Stats.countCodes(
      row.codes,
      col.codes,
      rowCats.categories.map((c) => c.code),
      colCats.categories.map((c) => c.code),
      weights
    )
    const valid = totalWeight - missing
    if (valid === 0) {
      return yield* Either.left(new AnalysisError({ code: "EMPTY_TABLE", message: `no valid cases: every case has "${rowName}" or "${colName}" missing` }))
    }
    const dropped = dropEmpty(counted.table, rowCats.categories, colCats.categories, rowName, colName)
    for (const [v, n] of [[rowName, dropped.rowCats.length], [colName, dropped.colCats.length]] as const) {
      if (n < 2) {
        return yield* Either.left(new AnalysisError({ code: "EMPTY_TABLE", message: `"${v}" has valid cases in only ${n} category; a crosstab needs at least 2 rows and 2 columns` }))
      }
    }
    const warnings: Array<AnalysisWarning> = [
      ...[...rowCats.unlabelled.map((c) => [rowName, c] as const), ...colCats.unlabelled.map((c) => [colName, c] as const)].map(
        ([variable, code]): AnalysisWarning => ({ code: "UNLABELLED_CODE", variable, categoryCode: code, message: `code ${code} of "${variable}" has no value label in the codebook` })
      ),
      ...dropped.warnings
    ]
    const missingByCode = [...tally].flatMap(([variable, byCode]) => [...byCode].map(([code, count]) => ({ variable, code, count })))
    return yield* analyzeTable(dropped.table, {
      row: info(row, dropped.rowCats),
      col: info(col, dropped.colCats),
      weighted: weights !== undefined,
      n: { valid, missing, total: totalWeight },
      missingByCode,
      warnings,
      ...(options.fisher !== undefined ? { fisher: options.fisher } : {})
    })
  })
