/** Shared body of phi, Cramér's V and the contingency coefficient: X², its p, and the degenerate cases. */
import type { ContingencyTable } from "../ContingencyTable.js"
import { pearsonChiSquare } from "../tests/pearsonChiSquare.js"
import { constantReason, type Margins, margins, nanScalar } from "./internal.js"
import type { PearsonInput, ScalarMeasure } from "./types.js"

/** The table's margins with Pearson's X² and p (taken from `pearson` when given), or a NaN result. */
export const pearsonOf = (
  table: ContingencyTable,
  pearson: PearsonInput | undefined
): { readonly m: Margins; readonly x2: number; readonly p: number } | ScalarMeasure => {
  const m = margins(table)
  const constant = constantReason(m)
  if (constant !== undefined) return nanScalar(constant)
  if (pearson !== undefined) return { m, x2: pearson.statistic, p: pearson.p }
  const test = pearsonChiSquare(table)
  return { m, x2: test.statistic, p: test.p }
}
