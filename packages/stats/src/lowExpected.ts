import { expectedCounts } from "./cells/expected.js"
import { percentOf } from "./cells/percents.js"
import type { ContingencyTable } from "./ContingencyTable.js"
import { StatsInputError } from "./ContingencyTable.js"

/** How many cells have a small expected count: the basis of SPSS's footnote under "Chi-Square Tests". */
export interface LowExpectedInfo {
  /** Cells with expected count below `threshold`. */
  readonly cells: number
  /** All cells of the table (rows x cols). */
  readonly total: number
  /** 100 · cells / total, unrounded. */
  readonly percent: number
  /** The smallest expected count, unrounded. */
  readonly minExpected: number
  /** The threshold used (5 unless told). */
  readonly threshold: number
}

/**
 * Counts the cells whose expected count E_ij = R_i C_j / N is below `threshold` (5 by default), and the
 * smallest expected count. The chi-square approximation is doubtful when more than 20% of cells have
 * E < 5 or any E < 1 (Cochran 1954, "Some methods for strengthening the common χ² tests", Biometrics 10(4),
 * 417-451, doi:10.2307/3001616, p. 420). A row or column with a zero total gives expected counts of 0,
 * which count as low.
 *
 * @param table - the contingency table
 * @param threshold - the cut-off, finite and > 0 (default 5)
 * @returns `{ cells, total, percent, minExpected, threshold }`
 * @throws StatsInputError `EMPTY_TABLE` when all counts are zero; `BAD_OPTION` for a bad threshold
 * @example
 * lowExpectedCounts(fromMatrix([[3, 0], [0, 2]]))
 * // { cells: 4, total: 4, percent: 100, minExpected: 0.8, threshold: 5 }
 */
export const lowExpectedCounts = (table: ContingencyTable, threshold = 5): LowExpectedInfo => {
  if (!(threshold > 0) || !Number.isFinite(threshold)) {
    throw new StatsInputError("BAD_OPTION", `the expected-count threshold must be a positive number, not ${threshold}`)
  }
  const e = expectedCounts(table)
  let cells = 0
  let minExpected = Infinity
  for (let k = 0; k < e.length; k++) {
    if (e[k] < threshold) cells++
    if (e[k] < minExpected) minExpected = e[k]
  }
  return { cells, total: e.length, percent: percentOf(cells, e.length), minExpected, threshold }
}

/**
 * x with `digits` decimals, rounding halves away from zero as SPSS displays numbers (not JavaScript's
 * round-half-even on the binary value): 6.25 -> "6.3", 2.675 -> "2.68". 15 significant digits are taken
 * first to drop binary noise (2.675 is stored as 2.67499999999999982236431605997495353221893310546875).
 */
const fixedHalfAway = (x: number, digits: number): string => {
  const f = 10 ** digits
  const scaled = Math.floor(Number((Math.abs(x) * f).toPrecision(15)) + 0.5)
  const int = Math.floor(scaled / f)
  const frac = String(scaled - int * f).padStart(digits, "0")
  return `${x < 0 && scaled !== 0 ? "-" : ""}${int}${digits > 0 ? `.${frac}` : ""}`
}

/** What the footnote needs: a {@link LowExpectedInfo}, or the same numbers of an analysis result. */
export type LowExpectedNumbersInput = Pick<LowExpectedInfo, "cells" | "percent" | "minExpected" | "threshold"> & {
  readonly total?: number
}

/**
 * The footnote's numbers as SPSS prints them: the share of cells to one decimal and the minimum expected count
 * to two, halves rounded away from zero (for a translation of the footnote to show the same numbers).
 *
 * @param info - the counts of {@link lowExpectedCounts} (or of an analysis result)
 * @returns the cells, the percent and minimum as printed, and the threshold
 * @example
 * lowExpectedNumbers({ cells: 1, percent: 100 / 16, minExpected: 2.675, threshold: 5 })
 * // { cells: 1, percent: "6.3", minExpected: "2.68", threshold: 5 }
 */
export const lowExpectedNumbers = (
  info: LowExpectedNumbersInput
): { cells: number; percent: string; minExpected: string; threshold: number } => ({
  cells: info.cells,
  percent: fixedHalfAway(info.percent, 1),
  minExpected: fixedHalfAway(info.minExpected, 2),
  threshold: info.threshold
})

/**
 * SPSS's footnote text for the chi-square table, word for word, and the one English wording of it in danvan
 * (report/text translates it to Vietnamese with the same numbers, {@link lowExpectedNumbers}):
 * "k cells (x%) have expected count less than 5. The minimum expected count is y." with x to one decimal
 * and y to two decimals, halves rounded away from zero; SPSS writes "1 cells", and so does this.
 *
 * @param info - the result of {@link lowExpectedCounts}
 * @returns the footnote sentence
 * @example
 * lowExpectedMessage(lowExpectedCounts(fromMatrix([[66, 209, 35], [158, 177, 41], [163, 216, 31]])))
 * // "0 cells (0.0%) have expected count less than 5. The minimum expected count is 30.26."
 */
export const lowExpectedMessage = (
  info: LowExpectedNumbersInput
): string => {
  const x = lowExpectedNumbers(info)
  return `${x.cells} cells (${x.percent}%) have expected count less than ${x.threshold}. ` +
    `The minimum expected count is ${x.minExpected}.`
}
