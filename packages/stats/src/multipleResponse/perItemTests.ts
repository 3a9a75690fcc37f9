import { bonferroni, holm } from "../adjust/pAdjust.js"
import { chiSquareUpperTail } from "../distributions/chiSquare.js"
import {
  assertItemsVary,
  countMultipleResponse,
  itemChiSquares,
  type MultipleResponseData
} from "./MultipleResponseData.js"

/** The r x 2 Pearson test of one item of a multiple-response set, with p adjusted over the set's items. */
export interface ItemTest {
  /** 0-based item index */
  readonly item: number
  readonly statistic: number
  readonly df: number
  readonly p: number
  readonly pBonferroni: number
  readonly pHolm: number
}

/**
 * Item-by-item tests of a multiple-response set: is the proportion selecting item j the same in every group?
 *
 * Formula: for each item, Pearson's X²_j of the r x 2 table (group x selected / not selected), without
 * continuity correction: X²_j = Σ_i (s_ij − n_i π_j)² / (n_i π_j (1 − π_j)), π_j = s_+j / n, df = r − 1,
 * p_j = P(χ²_{r−1} > X²_j) from the directly computed upper tail. The c p-values are then adjusted for
 * multiplicity by Bonferroni (min(1, c·p_j)) and Holm's step-down method (Holm 1979), as R's `p.adjust`.
 * Each test alone equals R's `chisq.test(table(group, item), correct = FALSE)`. Reference: Agresti (2002),
 * Categorical Data Analysis, 2nd ed., §3.2; Bilder, Loughin & Nettleton (2000),
 * doi:10.1080/03610910008813665 (the per-item statistics of the MMI tests).
 *
 * @param data - the set: at least 2 non-empty groups, items 0/1, each item selected by some but not all
 * @returns one `ItemTest` per item, in item order
 * @throws StatsInputError `ZERO_MARGIN` naming an item nobody (or everybody) selected, or an empty group;
 *   `BAD_CODE` for a value that is not 0/1 (naming item and respondent); `BAD_DIMENSIONS`
 * @example
 * const data = {
 *   groups: Int32Array.from([0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2]), groupCount: 3,
 *   items: [
 *     Uint8Array.from([1, 1, 1, 0, 1, 0, 0, 0, 0, 0, 0, 1]),
 *     Uint8Array.from([1, 0, 1, 1, 1, 1, 0, 1, 0, 1, 0, 0])
 *   ]
 * }
 * perItemTests(data)[0]
 * // { item: 0, statistic: 2.7428571428571433, df: 2, p: 0.2537442087799693,
 * //   pBonferroni: 0.5074884175599386, pHolm: 0.5074884175599386 }
 */
export const perItemTests = (data: MultipleResponseData): ReadonlyArray<ItemTest> => {
  const what = "per-item chi-square tests"
  const counts = countMultipleResponse(data, what, 2)
  assertItemsVary(counts, what)
  const { n, r, c, groupN, selected, itemTotals } = counts
  const x2 = itemChiSquares(selected, groupN, itemTotals, n, r, c)
  const df = r - 1
  const p = x2.map((x) => chiSquareUpperTail(x, df))
  const pb = bonferroni(p)
  const ph = holm(p)
  return Array.from({ length: c }, (_, j) => ({
    item: j,
    statistic: x2[j],
    df,
    p: p[j],
    pBonferroni: pb[j],
    pHolm: ph[j]
  }))
}
