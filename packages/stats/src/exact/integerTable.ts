import { type ContingencyTable, StatsInputError } from "../ContingencyTable.js"
import { assertTestable } from "../tests/assertTestable.js"

/** Largest grand total the exact tests accept (their log-factorial tables hold n + 1 doubles). */
export const MAX_EXACT_TOTAL = 50_000_000

/**
 * Checks a table for the exact tests: what `assertTestable` checks (at least 2 x 2, finite non-negative
 * counts, no zero margins), plus whole-number counts (exact tests count tables; weighted counts such as
 * 12.4 are not counts of cases) and a grand total of at most MAX_EXACT_TOTAL.
 *
 * @param table - the table
 * @param what - the test's name for messages
 * @param exactly2x2 - also require a 2 x 2 table
 * @throws StatsInputError `BAD_DIMENSIONS`, `NON_INTEGER_COUNT`, `TOO_LARGE`, and those of `assertTestable`
 * @example
 * assertIntegerTable(fromMatrix([[3, 0], [0, 2]]), "Fisher's exact test", true) // passes
 */
export const assertIntegerTable = (table: ContingencyTable, what: string, exactly2x2: boolean): void => {
  if (exactly2x2 && (table.rows !== 2 || table.cols !== 2)) {
    throw new StatsInputError(
      "BAD_DIMENSIONS",
      `${what} for 2 x 2 tables needs a 2 x 2 table; this table is ${table.rows} x ${table.cols} ` +
        `(use the Fisher-Freeman-Halton test for larger tables)`
    )
  }
  assertTestable(table, what)
  const { counts, cols } = table
  let n = 0
  for (let k = 0; k < counts.length; k++) {
    const x = counts[k]
    if (!Number.isInteger(x)) {
      const loc = { row: Math.floor(k / cols), col: k % cols }
      throw new StatsInputError(
        "NON_INTEGER_COUNT",
        `${what} needs whole-number counts, but the count in row ${loc.row + 1}, column ${loc.col + 1} is ${x} ` +
          `(weighted data?); round the weighted counts or use the chi-square tests`,
        loc
      )
    }
    n += x
  }
  if (n > MAX_EXACT_TOTAL) {
    throw new StatsInputError(
      "TOO_LARGE",
      `${what} is limited to ${MAX_EXACT_TOTAL} cases; this table has ${n} (the chi-square tests are accurate at this size)`
    )
  }
}
