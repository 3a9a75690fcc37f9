import type { Codebook } from "@danvan/domain"
import { findVariable, validCategories } from "@danvan/domain"
import * as Either from "effect/Either"
import { AnalysisError } from "./errors.js"
import type { CountsOptions } from "./options.js"
import type { CategoryInfo, CrosstabResult, VariableInfo } from "./results.js"
import { analyzeTable, dropEmpty, tableFromMatrix } from "./table.js"

const badCounts = (message: string) => new AnalysisError({ code: "BAD_COUNTS", message })

/**
 * Parses a table typed from a publication: rows separated by `;` (or new lines), counts by `,`.
 * Counts are non-negative numbers (decimals allowed for weighted tables) up to 2^53 - 1 (beyond it a double
 * rounds them). Errors name the row and column.
 *
 * @example
 * parseCounts("66,209,35;158,177,41;163,216,31") // Right([[66,209,35],[158,177,41],[163,216,31]])
 */
export const parseCounts = (text: string): Either.Either<Array<Array<number>>, AnalysisError> => {
  const rows = text.split(/[;\n]/).map((r) => r.trim()).filter((r, i, all) =>
    r.length > 0 || (i > 0 && i < all.length - 1)
  )
  if (rows.length === 0) {
    return Either.left(badCounts(`--counts is empty; expected rows of counts like "66,209,35;158,177,41"`))
  }
  const matrix: Array<Array<number>> = []
  for (let i = 0; i < rows.length; i++) {
    const cells = rows[i].split(",").map((c) => c.trim())
    const row: Array<number> = []
    for (let j = 0; j < cells.length; j++) {
      const raw = cells[j]
      const x = /^[+]?(\d+(\.\d*)?|\.\d+)$/.test(raw) ? Number(raw) : Number.NaN
      if (!Number.isFinite(x)) {
        const what = raw === "" ? "empty" : /^-/.test(raw) ? `"${raw}" (negative)` : `"${raw}"`
        return Either.left(
          badCounts(`count in row ${i + 1}, column ${j + 1} is ${what}; expected a non-negative number`)
        )
      }
      if (x > Number.MAX_SAFE_INTEGER) {
        return Either.left(badCounts(
          `count in row ${i + 1}, column ${j + 1} is ${raw}, which exceeds 2^53 - 1 = ` +
            `9007199254740991, the largest count held exactly; larger counts would be rounded silently`
        ))
      }
      row.push(x)
    }
    if (i > 0 && row.length !== matrix[0].length) {
      return Either.left(
        badCounts(
          `row ${i + 1} has ${row.length} counts but row 1 has ${
            matrix[0].length
          }; every row needs the same number of columns`
        )
      )
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

const codebookVariable = (
  codebook: Codebook,
  name: string,
  size: number,
  which: string
): Either.Either<VariableInfo, AnalysisError> => {
  const variable = findVariable(codebook, name)
  if (variable === undefined) {
    return Either.left(
      new AnalysisError({ code: "UNKNOWN_VARIABLE", message: `unknown variable "${name}" in codebook ${codebook.id}` })
    )
  }
  const categories: Array<CategoryInfo> = validCategories(variable).map((v) => ({ code: v.code, label: v.label }))
  if (categories.length !== size) {
    return Either.left(
      badCounts(
        `the table has ${size} ${which} but "${name}" has ${categories.length} valid categories in codebook ${codebook.id}`
      )
    )
  }
  return Either.right({ name, label: variable.label, measure: variable.measure, categories })
}

/** Why a typed table with its empty rows/columns left out cannot be analysed, or undefined when it can. */
const tooSmall = (rows: number, cols: number, empty: ReadonlyArray<string>): string | undefined =>
  rows >= 2 && cols >= 2
    ? undefined
    : `${empty.join(", ")} ${empty.length === 1 ? "is" : "are"} all zero; left out, the table is ${rows}x${cols}, ` +
      `and a crosstab needs at least 2 rows and 2 columns`

/** "row 2" of a typed table, or `category 2 of "level"` with a codebook. */
const emptyName = (name: string, code: number): string =>
  name === "row" || name === "col" ? `${name === "row" ? "row" : "column"} ${code}` : `category ${code} of "${name}"`

const typedEmpty = (name: string, cat: CategoryInfo): string =>
  name === "row" || name === "col"
    ? `${emptyName(name, cat.code)} of the typed table has a total of zero and is left out (as SPSS and PSPP do)`
    : `category ${cat.code} (${cat.label.en}) of "${name}" has a total of zero in the typed table and is left out ` +
      "(as SPSS and PSPP do)"

/**
 * The full crosstab (tests, measures, residuals) of a table typed from a publication. With a codebook and
 * `row`/`col` names, the rows and columns take those variables' labels; otherwise they are numbered 1..k.
 * A row or column whose counts are all zero is left out with an EMPTY_CATEGORY warning naming it, and the rest
 * is tested, as SPSS and PSPP do.
 *
 * @example
 * crosstabFromCounts([[66, 209, 35], [158, 177, 41], [163, 216, 31]])
 */
export const crosstabFromCounts = (
  counts: ReadonlyArray<ReadonlyArray<number>>,
  options: CountsOptions = {}
): Either.Either<CrosstabResult, AnalysisError> =>
  Either.gen(function*() {
    const table = yield* tableFromMatrix(counts)
    const { codebook } = options
    const row = codebook !== undefined && options.row !== undefined
      ? yield* codebookVariable(codebook, options.row, table.rows, "rows")
      : typedVariable("row", table.rows)
    const col = codebook !== undefined && options.col !== undefined
      ? yield* codebookVariable(codebook, options.col, table.cols, "columns")
      : typedVariable("col", table.cols)
    const kept = dropEmpty(table, row.categories, col.categories, row.name, col.name, typedEmpty)
    const empty = kept.warnings.flatMap((w) =>
      w.code === "EMPTY_CATEGORY" ? [emptyName(w.variable, w.categoryCode)] : []
    )
    const small = tooSmall(kept.table.rows, kept.table.cols, empty)
    if (small !== undefined) return yield* Either.left(new AnalysisError({ code: "EMPTY_TABLE", message: small }))
    let total = 0
    for (const x of table.counts) total += x
    return yield* analyzeTable(kept.table, {
      row: { ...row, categories: kept.rowCats },
      col: { ...col, categories: kept.colCats },
      weighted: false,
      n: { valid: total, missing: 0, total },
      missingByCode: [],
      warnings: kept.warnings,
      ...(options.fisher !== undefined ? { fisher: options.fisher } : {})
    })
  })
