import type { Codebook, Dataset } from "@danvan/domain"
import { SYSTEM_MISSING } from "@danvan/domain"
import * as Either from "effect/Either"
import { countCrosstab } from "./crosstabCount.js"
import { analysisDesign } from "./design.js"
import { crosstabDesign, designInfo, designWeights } from "./designEstimates.js"
import { AnalysisError } from "./errors.js"
import type { CrosstabOptions } from "./options.js"
import type { AnalysisWarning, CategoryInfo, CrosstabResult, VariableInfo } from "./results.js"
import { analyzeTable, dropEmpty } from "./table.js"
import type { CategoricalVariable } from "./variables.js"
import { categoricalVariable, checkMissingNames, requireCategories } from "./variables.js"
import { weightField } from "./weights.js"

const isMissingCode = (v: CategoricalVariable, code: number) => code === SYSTEM_MISSING || v.isMissing(code)

const info = (v: CategoricalVariable, categories: ReadonlyArray<CategoryInfo>): VariableInfo => ({
  name: v.name,
  label: v.label,
  measure: v.measure,
  categories
})

/**
 * Crosstabulates two categorical variables of a dataset, the way SPSS CROSSTABS does, with every test and
 * measure. Categories follow the codebook's order; user-missing codes (the codebook's plus
 * `options.missing`) and blanks are excluded and counted in `n.missing`. Weighted by `options.weight`, else by
 * the codebook's `weightVariable` unless `options.noWeight` (see {@link resolveWeight}); the result states it.
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
  Either.gen(function*() {
    yield* checkMissingNames(dataset, options.missing)
    const row = yield* categoricalVariable(dataset, codebook, rowName, options.missing)
    const col = yield* categoricalVariable(dataset, codebook, colName, options.missing)
    const design = yield* analysisDesign(dataset, codebook, options)
    const caseWeights = designWeights(design)
    const weights = caseWeights?.values
    const { rowCats, colCats, table, missing, totalWeight, missingByCode } = countCrosstab(row, col, weights)
    yield* requireCategories(row, rowCats.categories)
    yield* requireCategories(col, colCats.categories)
    const valid = totalWeight - missing
    if (valid === 0) {
      return yield* Either.left(
        new AnalysisError({
          code: "EMPTY_TABLE",
          message: `no valid cases: every case has "${rowName}" or "${colName}" missing`
        })
      )
    }
    const dropped = dropEmpty(table!, rowCats.categories, colCats.categories, rowName, colName)
    for (const [v, n] of [[rowName, dropped.rowCats.length], [colName, dropped.colCats.length]] as const) {
      if (n < 2) {
        return yield* Either.left(
          new AnalysisError({
            code: "EMPTY_TABLE",
            message: `"${v}" has valid cases in only ${n} category; a crosstab needs at least 2 rows and 2 columns`
          })
        )
      }
    }
    const warnings: Array<AnalysisWarning> = [
      ...[
        ...rowCats.unlabelled.map((c) => [rowName, c] as const),
        ...colCats.unlabelled.map((c) => [colName, c] as const)
      ].map(
        ([variable, code]): AnalysisWarning => ({
          code: "UNLABELLED_CODE",
          variable,
          categoryCode: code,
          message: `code ${code} of "${variable}" has no value label in the codebook`
        })
      ),
      ...dropped.warnings,
      ...(caseWeights?.warnings ?? [])
    ]
    const result = yield* analyzeTable(dropped.table, {
      row: info(row, dropped.rowCats),
      col: info(col, dropped.colCats),
      weighted: weights !== undefined,
      ...weightField(caseWeights, valid),
      n: { valid, missing, total: totalWeight },
      missingByCode,
      warnings,
      ...(options.fisher !== undefined ? { fisher: options.fisher } : {})
    })
    if (design.mode !== "sampling") {
      const info = designInfo(design, dataset.rowCount)
      return info === undefined ? result : { ...result, design: info }
    }
    // A sampling design: the Rao-Scott tests and design-based SEs, over every case (R keeps every PSU).
    const index = (v: CategoricalVariable, cats: ReadonlyArray<{ readonly code: number }>) => {
      const at = new Map(cats.map((c, i) => [c.code, i]))
      return Int32Array.from(v.codes, (code) => (isMissingCode(v, code) ? -1 : at.get(code) ?? -1))
    }
    const rows = index(row, dropped.rowCats)
    const cols = index(col, dropped.colCats)
    const d = yield* crosstabDesign(design, rows, cols, dropped.rowCats.length, dropped.colCats.length)
    return {
      ...result,
      tests: {
        ...result.tests,
        ...(d.raoScott !== undefined ? { raoScott: d.raoScott } : {}),
        ...(d.raoScottChisq !== undefined ? { raoScottChisq: d.raoScottChisq } : {})
      },
      ...(d.reason !== undefined
        ? {
          warnings: [...result.warnings, {
            code: "TEST_NOT_COMPUTED" as const,
            test: "raoScott",
            reasonCode: "OTHER" as const,
            reason: d.reason,
            message: d.reason
          }]
        }
        : {}),
      design: designInfo(design, dataset.rowCount, (i) => rows[i]! >= 0 && cols[i]! >= 0)!,
      designCells: d.cells
    }
  })
