import type { ContingencyTable } from "@danvan/stats"
import * as Stats from "@danvan/stats"

/** The crosstab JSON's `columnProportions`: SPSS's column letters and, per cell, the letters it is larger than. */
export interface ColumnProportionLetters {
  /** the letter of each column category: A, B, ... */
  readonly letters: ReadonlyArray<string>
  /** per cell [row][col]: letters of the columns this cell's column proportion significantly exceeds */
  readonly largerThan: ReadonlyArray<ReadonlyArray<string>>
  /** significance level of the Bonferroni-adjusted comparisons */
  readonly alpha: number
  /** how the comparisons were made, for readers of the JSON */
  readonly method: string
}

/** SPSS's column-proportion letters of a table (Stats.columnProportions at alpha 0.05). */
export const columnProportionLetters = (table: ContingencyTable): ColumnProportionLetters => {
  const r = Stats.columnProportions(table, 0.05)
  return {
    letters: r.letters,
    largerThan: r.largerThan,
    alpha: r.alpha,
    method:
      "pooled two-proportion z test per row, Bonferroni over the row's testable pairs; columns with 0% or 100% or a base under 2 left out"
  }
}
