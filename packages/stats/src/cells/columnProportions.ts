import type { ContingencyTable } from "../ContingencyTable.js"
import { StatsInputError } from "../ContingencyTable.js"
import { normalTwoSidedP } from "../distributions/normal.js"
import { letterOf } from "../multipleResponse/columnProportionTests.js"

/** SPSS's column-proportion letters of a crosstab. */
export interface ColumnProportions {
  readonly alpha: number
  /** the letter of each column: A, B, ... */
  readonly letters: ReadonlyArray<string>
  /** per cell [row][col]: the letters of the columns this cell's column proportion is significantly larger than */
  readonly largerThan: ReadonlyArray<ReadonlyArray<string>>
  /** per row: every tested pair of columns (0-based a < b) with z, p and the Bonferroni-adjusted p */
  readonly pairs: ReadonlyArray<
    ReadonlyArray<
      { readonly a: number; readonly b: number; readonly z: number; readonly p: number; readonly pBonferroni: number }
    >
  >
  /** per cell: false when the column was left out of the row's comparisons (0%, 100%, or a base under 2) */
  readonly tested: ReadonlyArray<ReadonlyArray<boolean>>
}

/**
 * Column-proportion comparisons of a crosstab with SPSS's letters (CROSSTABS /CELLS=COLUMN BPROP, CTABLES
 * "Compare column proportions"): within each row, every pair of columns is compared with the pooled two-proportion
 * z test, Bonferroni-adjusted over the testable pairs of that row; a cell shows the letters of the columns whose
 * proportion it significantly exceeds.
 *
 * Formula: p_ij = n_ij / n_+j; for columns a, b of row i with pooled p̄ = (n_ia + n_ib)/(n_+a + n_+b),
 * z = (p_ia − p_ib)/√(p̄(1 − p̄)(1/n_+a + 1/n_+b)), p = 2·P(Z > |z|); with k_i the pairs among the testable columns of
 * row i (a column is left out of a row when its proportion there is 0 or 1, or its base n_+j < 2), p̃ = min(1, k_i·p)
 * and a pair differs when p̃ < alpha. Reference: IBM SPSS Statistics Algorithms, "CTABLES: Comparing column
 * proportions"; Agresti (2013), Categorical Data Analysis, §3.1.
 *
 * @param table - the crosstab (weighted counts allowed)
 * @param alpha - significance level of the adjusted p, in (0, 1); default 0.05
 * @throws StatsInputError "BAD_OPTION" for alpha outside (0, 1)
 * @example
 * columnProportions({ rows: 2, cols: 2, counts: Float64Array.of(80, 20, 20, 80) }).largerThan // [["B", ""], ["", "A"]]
 */
export const columnProportions = (table: ContingencyTable, alpha = 0.05): ColumnProportions => {
  if (!(alpha > 0 && alpha < 1)) {
    throw new StatsInputError("BAD_OPTION", `alpha must be between 0 and 1 (exclusive); got ${alpha}`)
  }
  const { rows, cols, counts } = table
  const letters = Array.from({ length: cols }, (_, j) => letterOf(j))
  const base = new Float64Array(cols)
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) base[j] += counts[i * cols + j]
  const largerThan: Array<Array<string>> = []
  const pairs: Array<Array<{ a: number; b: number; z: number; p: number; pBonferroni: number }>> = []
  const tested: Array<Array<boolean>> = []
  for (let i = 0; i < rows; i++) {
    const prop = Array.from({ length: cols }, (_, j) => counts[i * cols + j] / base[j])
    const ok = prop.map((p, j) => base[j] >= 2 && p > 0 && p < 1)
    const use = ok.flatMap((v, j) => (v ? [j] : []))
    const k = (use.length * (use.length - 1)) / 2
    const larger: Array<Array<number>> = Array.from({ length: cols }, () => [])
    const rowPairs: Array<{ a: number; b: number; z: number; p: number; pBonferroni: number }> = []
    for (let x = 0; x < use.length; x++) {
      for (let y = x + 1; y < use.length; y++) {
        const a = use[x]
        const b = use[y]
        const pooled = (counts[i * cols + a] + counts[i * cols + b]) / (base[a] + base[b])
        const z = (prop[a] - prop[b]) / Math.sqrt(pooled * (1 - pooled) * (1 / base[a] + 1 / base[b]))
        const p = normalTwoSidedP(z)
        const pBonferroni = Math.min(1, k * p)
        rowPairs.push({ a, b, z, p, pBonferroni })
        if (pBonferroni < alpha) {
          if (prop[a] > prop[b]) larger[a].push(b)
          else larger[b].push(a)
        }
      }
    }
    largerThan.push(larger.map((js) => js.sort((p, q) => p - q).map((j) => letters[j]).join("")))
    pairs.push(rowPairs)
    tested.push(ok)
  }
  return { alpha, letters, largerThan, pairs, tested }
}
