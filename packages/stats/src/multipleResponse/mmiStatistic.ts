import {
  assertItemsVary,
  countMultipleResponse,
  itemChiSquares,
  type MultipleResponseData
} from "./MultipleResponseData.js"

/** The MMI sum statistic and its parts. */
export interface MmiStatistic {
  /** X²_S = Σ_j X²_j */
  readonly statistic: number
  /** X²_j per item (r x 2 Pearson, no continuity correction) */
  readonly items: Float64Array
  /** r − 1, the df of each X²_j */
  readonly itemDf: number
}

/**
 * The modified Pearson statistic for multiple marginal independence (MMI) between a single-response group
 * variable and a multiple-response set.
 *
 * Formula: X²_S = Σ_{j=1..c} X²_j, where X²_j is Pearson's statistic of item j's r x 2 table
 * (group x selected/not), without continuity correction. Because one respondent may select several items,
 * X²_S is NOT χ² with c(r − 1) df; use `mmiBonferroni`, `mmiRaoScott2` or `mmiBootstrap` for its p-value.
 * Reference: Agresti & Liu (1999), Biometrics 55(3):936-943; Bilder, Loughin & Nettleton (2000),
 * Commun. Statist. Simul. Comput. 29(4):1285-1316, doi:10.1080/03610910008813665; Bilder & Loughin (2004),
 * Biometrics 60(1):241-248, doi:10.1111/j.0006-341X.2004.00147.x.
 * Equals `MI.test(data, I = 1, J = c)$general$X.sq.S` of R's MRCV package.
 *
 * @param data - the set: at least 2 non-empty groups, items 0/1, each selected by some but not all
 * @returns X²_S, the item statistics and their df
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
 * mmiStatistic(data).statistic // 5.485714285714286
 */
export const mmiStatistic = (data: MultipleResponseData): MmiStatistic => {
  const what = "MMI test"
  const counts = countMultipleResponse(data, what, 2)
  assertItemsVary(counts, what)
  const { n, r, c, groupN, selected, itemTotals } = counts
  const items = itemChiSquares(selected, groupN, itemTotals, n, r, c)
  let statistic = 0
  for (let j = 0; j < c; j++) statistic += items[j]
  return { statistic, items, itemDf: r - 1 }
}
