import type { Codebook } from "@danvan/domain"
import { findVariable, validCategories } from "@danvan/domain"
import * as Either from "effect/Either"
import { AnalysisError } from "./errors.js"
import type { CountsOptions } from "./options.js"
import type { CategoryInfo, CrosstabResult, VariableInfo } from "./results.js"
import { analyzeTable, tableFromMatrix } from "./table.js"

const badCounts = (message: string) => new AnalysisError({ code: "BAD_COUNTS", message })

/**
 * Parses a table typed from a publication: rows separated by `;` (or new lines), counts by `,`.
 * Counts are non-negative numbers (decimals allowed for weighted tables). Errors name the row and column.
 *
 * @example
 * parseCounts("66,209,35;158,177,41;163,216,31") // Right([[66,209,35],[158,177,41],[163,216,31]])
 */
export const parseCounts = (text: string): Either.Either<Array<Array<number>>, AnalysisError> => {
  const rows = text.split(/[;\n]/).map((r) => r.trim()).filter((r, i, all) => r.length > 0 || (i > 0 && i < all.length - 1))
  if (rows.length === 0) return Either.left(badCounts(`--counts is empty; expected rows of counts like "66,209,35;158,177,41"`))
  const matrix: Array<Array<number>> = []
  for (let i = 0; i < rows.length; i++) {
    const cells = rows[i].split(",").map((c) => c.trim())
    const row: Array<number> = []
    for (let j = 0; j < cells.length; j++) {
      const raw = cells[j]
      const x = /^[+]?(\d+(\.\d*)?|\.\d+)$/.test(raw) ? Number(raw) : Number.NaN
      if (!Number.isFinite(x)) {
        const what = raw === "" ? "empty" : /^-/.test(raw) ? `"${raw}" (negative)` : `"${raw}"`
        return Either.left(badCounts(`count in row ${i + 1}, column ${j + 1} is ${what}; expected a non-negative number`))
      }
      row.push(x)
    }
    if (i > 0 && row.length !== matrix[0].length) {
      return Either.left(badCounts(`row ${i + 1} has ${row.length} counts but row 1 has ${matrix[0].length}; every row needs the same number of columns`))
    }
    matrix.push(row)
  }
  return Either.right(matrix)
}

const typedVariable = (which: "row" | "col", size: number): VariableInfo => ({
  name: which,
  label: which === "row" ? { vi: "Hàng", en: "Row" } : { vi: "Cột", en: "Column" },
  measure: "ordinal",
  categories: Array.from({ length: size }, (_, k) => ({ code: k + 1, label: { vi: String(k + 1), en: String(k + 1) } }))
})

const codebookVariable = (codebook: Codebook, name: string, size: number, which: string): Either.Either<VariableInfo, AnalysisError> => {
  const variable = findVariable(codebook, name)
  if (variable === undefined) {
    return Either.left(new AnalysisError({ code: "UNKNOWN_VARIABLE", message: `unknown variable "${name}" in codebook ${codebook.id}` }))
  }
  const categories: Array<CategoryInfo> = validCategories(variable).map((v) => ({ code: v.code, label: v.label }))
  if (categories.length !== size) {
    return Either.left(badCounts(`the table has ${size} ${which} but "${name}" has ${categories.length} valid categories in codebook ${codebook.id}`))
  }
  return Either.right({ name, label: variable.label, measure: variable.measure, categories })
}

/**
 * The full crosstab (tests, measures, residuals) of a table typed from a publication. With a codebook and
 * `row`/`col` names, the rows and columns take those variables' labels; otherwise they are numbered 1..k.
 * A typed table with an all-zero row or column is rejected: it is almost always a typing mistake.
 *
 * @example
 * crosstabFromCounts([[66, 209, 35], [158, 177, 41], [163, 216, 31]])
 */
export const crosstabFromCounts = (
  counts: ReadonlyArray<ReadonlyArray<number>>,
  options: CountsOptions = {}
): Either.Either<CrosstabResult, AnalysisError> =>
  Either.gen(function* () {
    const table = yield* tableFromMatrix(counts)
    const { codebook } = options
    const row = codebook !== undefined && options.row !== undefined
      ? yield* codebookVariable(codebook, options.row, table.rows, "rows")
      : typedVariable("row", table.rows)
    const col = codebook !== undefined && options.col !== undefined
      ? yield* codebookVariable(codebook, options.col, table.cols, "columns")
      : typedVariable("col", table.cols)
    let total = 0
    for (const x of table.counts) total += x
    return yield* analyzeTable(table, {
      row,
      col,
      weighted: false,
      n: { valid: total, missing: 0, total },
      missingByCode: [],
      warnings: [],
      ...(options.fisher !== undefined ? { fisher: options.fisher } : {})
    })
  })
