import { chiSquareUpperTail } from "../distributions/chiSquare.js"
import { mmiStatistic } from "./mmiStatistic.js"
import type { MultipleResponseData } from "./MultipleResponseData.js"

/** Bonferroni MMI test. */
export interface MmiBonferroni {
  /** overall p = min_j pItems[j] */
  readonly p: number
  /** per item min(1, c · P(χ²_{r−1} > X²_j)) */
  readonly pItems: Float64Array
  /** X²_j per item */
  readonly statistics: Float64Array
  readonly df: number
}

/**
 * Bonferroni-adjusted test of multiple marginal independence.
 *
 * Formula: p̃_j = min(1, c · P(χ²_{r−1} > X²_j)) for each of the c items; overall p = min_j p̃_j, i.e.
 * MMI is rejected when any item's adjusted test rejects. Upper tails are computed directly (MRCV's
 * `1 - pchisq` would floor at about 1e-16). Reference: Bilder, Loughin & Nettleton (2000),
 * doi:10.1080/03610910008813665; Bilder & Loughin (2004), doi:10.1111/j.0006-341X.2004.00147.x.
 * Same as MRCV's `MI.test(data, I = 1, J = c, type = "bon")`.
 *
 * @param data - the set (see `mmiStatistic`)
 * @returns overall and per-item adjusted p, the item statistics and df = r − 1
 * @throws StatsInputError as `mmiStatistic`
 * @example
 * const data = {
 *   groups: Int32Array.from([0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2]), groupCount: 3,
 *   items: [
 *     Uint8Array.from([1, 1, 1, 0, 1, 0, 0, 0, 0, 0, 0, 1]),
 *     Uint8Array.from([1, 0, 1, 1, 1, 1, 0, 1, 0, 1, 0, 0])
 *   ]
 * }
 * mmiBonferroni(data).p // 0.5074884175599386
 */
export const mmiBonferroni = (data: MultipleResponseData): MmiBonferroni => {
  const { items, itemDf } = mmiStatistic(data)
  const c = items.length
  const pItems = items.map((x) => Math.min(1, c * chiSquareUpperTail(x, itemDf)))
  let p = 1
  for (let j = 0; j < c; j++) p = Math.min(p, pItems[j])
  return { p, pItems, statistics: items, df: itemDf }
}
