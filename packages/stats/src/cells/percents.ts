import { colTotals, type ContingencyTable, rowTotals, total } from "../ContingencyTable.js"

/**
 * A percent, 100 · part / whole: the one percent computation of danvan (tables, frequencies, Likert
 * distributions, multiple-response sets, banners and the renderers' totals all use it). An empty (zero) whole
 * has no percent: `NaN`, not 0, which would read as "none of it".
 *
 * @param part - a count or sum of weights
 * @param whole - the base it is a part of
 * @returns the percent (unrounded); `NaN` when `whole` is 0
 * @example
 * percentOf(1, 4) // 25
 * percentOf(0, 0) // NaN
 */
export const percentOf = (part: number, whole: number): number => (whole === 0 ? NaN : (100 * part) / whole)

/**
 * Row percentages ("% within row" in SPSS): 100 · O_ij / R_i, row-major.
 *
 * A row whose total is zero has no percentages: its cells are `NaN` (not 0, which would read as "none
 * of the row"). Reference: Agresti 2002, Categorical Data Analysis, 2nd ed., §2.1.3, p. 37 (conditional
 * distributions).
 *
 * @param table - the contingency table
 * @returns percentages in [0, 100], `rows * cols` values; `NaN` for every cell of a zero row
 * @example
 * rowPercents(fromMatrix([[1, 3], [2, 2]])) // Float64Array [25, 75, 50, 50]
 */
export const rowPercents = (table: ContingencyTable): Float64Array => {
  const { rows, cols, counts } = table
  const r = rowTotals(table)
  const out = new Float64Array(rows * cols)
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) out[i * cols + j] = percentOf(counts[i * cols + j], r[i])
  }
  return out
}

/**
 * Column percentages ("% within column" in SPSS): 100 · O_ij / C_j, row-major.
 *
 * A column whose total is zero has no percentages: its cells are `NaN`. Reference: Agresti 2002,
 * Categorical Data Analysis, 2nd ed., §2.1.3, p. 37.
 *
 * @param table - the contingency table
 * @returns percentages in [0, 100], `rows * cols` values; `NaN` for every cell of a zero column
 * @example
 * colPercents(fromMatrix([[1, 3], [3, 1]])) // Float64Array [25, 75, 75, 25]
 */
export const colPercents = (table: ContingencyTable): Float64Array => {
  const { rows, cols, counts } = table
  const c = colTotals(table)
  const out = new Float64Array(rows * cols)
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) out[i * cols + j] = percentOf(counts[i * cols + j], c[j])
  }
  return out
}

/**
 * Total percentages ("% of total" in SPSS): 100 · O_ij / N, row-major.
 *
 * An all-zero table has no percentages: every cell is `NaN`. Reference: Agresti 2002, Categorical Data
 * Analysis, 2nd ed., §2.1.3, p. 37 (joint distribution).
 *
 * @param table - the contingency table
 * @returns percentages in [0, 100] summing to 100, `rows * cols` values
 * @example
 * totalPercents(fromMatrix([[1, 3], [2, 2]])) // Float64Array [12.5, 37.5, 25, 25]
 */
export const totalPercents = (table: ContingencyTable): Float64Array => {
  const n = total(table)
  const out = new Float64Array(table.counts.length)
  for (let k = 0; k < out.length; k++) out[k] = percentOf(table.counts[k], n)
  return out
}
