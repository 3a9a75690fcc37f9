/**
 * An r x c contingency table of (possibly weighted) counts, stored row-major in one Float64Array.
 *
 * `counts[i * cols + j]` is the count in row i, column j. Counts are non-negative finite numbers;
 * they are integers unless the table was built from weighted cases.
 */
export interface ContingencyTable {
  readonly rows: number
  readonly cols: number
  readonly counts: Float64Array
}

/** Why a table or option was rejected. Messages are written for survey analysts, not developers. */
export type StatsInputErrorCode =
  | "EMPTY_TABLE"
  | "NEGATIVE_COUNT"
  | "NON_FINITE_COUNT"
  | "RAGGED_MATRIX"
  | "ZERO_MARGIN"
  | "BAD_DIMENSIONS"
  | "BAD_CODE"
  | "BAD_WEIGHT"
  | "BAD_SCORES"
  | "BAD_OPTION"
  | "NON_INTEGER_COUNT"
  | "TOO_LARGE"

/**
 * Invalid numeric input. `row`/`col` (0-based) locate the offending cell or margin when there is one.
 * The stats package never returns a silently wrong number: it throws this instead.
 */
export class StatsInputError extends Error {
  override readonly name = "StatsInputError"
  constructor(
    readonly code: StatsInputErrorCode,
    message: string,
    readonly location?: { readonly row?: number; readonly col?: number }
  ) {
    super(message)
  }
}

/**
 * The count in row `i`, column `j`.
 *
 * @example
 * cell(fromMatrix([[10, 20], [30, 40]]), 1, 0) // 30
 */
export const cell = (table: ContingencyTable, i: number, j: number): number => table.counts[i * table.cols + j]

const TOO_LARGE = "exceeds 2^53 - 1 = 9007199254740991, the largest whole number a double holds exactly"

/**
 * Builds a table from a matrix of counts (an array of rows).
 *
 * @throws StatsInputError for an empty or ragged matrix, a negative or non-finite count, or a count or total
 *   above 2^53 - 1 (`TOO_LARGE`: such counts are no longer exact).
 * @example
 * fromMatrix([[66, 209, 35], [158, 177, 41], [163, 216, 31]])
 */
export const fromMatrix = (matrix: ReadonlyArray<ReadonlyArray<number>>): ContingencyTable => {
  const rows = matrix.length
  if (rows === 0) throw new StatsInputError("EMPTY_TABLE", "the table has no rows")
  const cols = matrix[0].length
  if (cols === 0) throw new StatsInputError("EMPTY_TABLE", "the table has no columns")
  const counts = new Float64Array(rows * cols)
  for (let i = 0; i < rows; i++) {
    const row = matrix[i]
    if (row.length !== cols) {
      throw new StatsInputError(
        "RAGGED_MATRIX",
        `row ${i + 1} has ${row.length} counts but row 1 has ${cols}`,
        { row: i }
      )
    }
    for (let j = 0; j < cols; j++) {
      const x = row[j]
      if (!Number.isFinite(x)) {
        throw new StatsInputError(
          "NON_FINITE_COUNT",
          `count in row ${i + 1}, column ${j + 1} is not a finite number (${x})`,
          { row: i, col: j }
        )
      }
      if (x < 0) {
        throw new StatsInputError("NEGATIVE_COUNT", `count in row ${i + 1}, column ${j + 1} is negative (${x})`, {
          row: i,
          col: j
        })
      }
      if (x > Number.MAX_SAFE_INTEGER) {
        const where = `count in row ${i + 1}, column ${j + 1}`
        throw new StatsInputError("TOO_LARGE", `${where} (${x}) ${TOO_LARGE}`, { row: i, col: j })
      }
      counts[i * cols + j] = x
    }
  }
  const table = { rows, cols, counts }
  if (total(table) > Number.MAX_SAFE_INTEGER) throw new StatsInputError("TOO_LARGE", `the table's total ${TOO_LARGE}`)
  return table
}

/**
 * The table as an array of rows (for JSON output).
 *
 * @example
 * toMatrix(fromMatrix([[10, 20], [30, 40]])) // [[10, 20], [30, 40]]
 */
export const toMatrix = (table: ContingencyTable): Array<Array<number>> => {
  const out: Array<Array<number>> = []
  for (let i = 0; i < table.rows; i++) out.push(Array.from(table.counts.subarray(i * table.cols, (i + 1) * table.cols)))
  return out
}

/**
 * Row sums.
 *
 * @example
 * rowTotals(fromMatrix([[10, 20], [30, 40]])) // Float64Array [30, 70]
 */
export const rowTotals = (table: ContingencyTable): Float64Array => {
  const out = new Float64Array(table.rows)
  for (let i = 0; i < table.rows; i++) {
    let s = 0
    for (let j = 0; j < table.cols; j++) s += table.counts[i * table.cols + j]
    out[i] = s
  }
  return out
}

/**
 * Column sums.
 *
 * @example
 * colTotals(fromMatrix([[10, 20], [30, 40]])) // Float64Array [40, 60]
 */
export const colTotals = (table: ContingencyTable): Float64Array => {
  const out = new Float64Array(table.cols)
  for (let i = 0; i < table.rows; i++) {
    for (let j = 0; j < table.cols; j++) out[j] += table.counts[i * table.cols + j]
  }
  return out
}

/**
 * Grand total.
 *
 * @example
 * total(fromMatrix([[10, 20], [30, 40]])) // 100
 */
export const total = (table: ContingencyTable): number => {
  let s = 0
  for (let k = 0; k < table.counts.length; k++) s += table.counts[k]
  return s
}

/**
 * Throws when any row or column total is zero: the expected counts and every chi-square test are undefined
 * there. Callers that can drop empty categories do so before calling the tests. *
 * @example
 * assertNoZeroMargins(fromMatrix([[1, 0], [2, 0]]))
 * // throws StatsInputError ZERO_MARGIN "column 2 has a total of zero"
 */
export const assertNoZeroMargins = (table: ContingencyTable): void => {
  if (total(table) === 0) throw new StatsInputError("EMPTY_TABLE", "the table is empty (all counts are zero)")
  const r = rowTotals(table)
  for (let i = 0; i < r.length; i++) {
    if (r[i] === 0) throw new StatsInputError("ZERO_MARGIN", `row ${i + 1} has a total of zero`, { row: i })
  }
  const c = colTotals(table)
  for (let j = 0; j < c.length; j++) {
    if (c[j] === 0) throw new StatsInputError("ZERO_MARGIN", `column ${j + 1} has a total of zero`, { col: j })
  }
}
