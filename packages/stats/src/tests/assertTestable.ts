import { assertNoZeroMargins, type ContingencyTable, StatsInputError } from "../ContingencyTable.js"

/**
 * Checks that a table can be tested: at least 2 rows and 2 columns, every count finite and non-negative
 * (tables built by hand, not through `fromMatrix`, are checked too), and no row or column total of zero.
 *
 * @param table - the contingency table
 * @param what - the name of the statistic, used in the error message
 * @throws StatsInputError `BAD_DIMENSIONS`, `NON_FINITE_COUNT`, `NEGATIVE_COUNT`, `EMPTY_TABLE` or
 *   `ZERO_MARGIN` (naming the row or column)
 * @example
 * assertTestable(fromMatrix([[1, 2], [3, 4]]), "Pearson chi-square") // passes
 */
export const assertTestable = (table: ContingencyTable, what: string): void => {
  const { rows, cols, counts } = table
  if (!(rows >= 2 && cols >= 2)) {
    throw new StatsInputError(
      "BAD_DIMENSIONS",
      `${what} needs at least 2 rows and 2 columns; this table has ${rows} row${
        rows === 1 ? "" : "s"
      } and ${cols} column${cols === 1 ? "" : "s"}`
    )
  }
  if (counts.length !== rows * cols) {
    throw new StatsInputError("BAD_DIMENSIONS", `the table says ${rows} x ${cols} but holds ${counts.length} counts`)
  }
  for (let k = 0; k < counts.length; k++) {
    const x = counts[k]
    if (x >= 0 && x !== Infinity) continue
    const loc = { row: Math.floor(k / cols), col: k % cols }
    const where = `row ${loc.row + 1}, column ${loc.col + 1}`
    if (x < 0) throw new StatsInputError("NEGATIVE_COUNT", `count in ${where} is negative (${x})`, loc)
    throw new StatsInputError("NON_FINITE_COUNT", `count in ${where} is not a finite number (${x})`, loc)
  }
  assertNoZeroMargins(table)
}
