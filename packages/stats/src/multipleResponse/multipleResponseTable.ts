import { percentOf } from "../cells/percents.js"
import { countMultipleResponse, type MultipleResponseData } from "./MultipleResponseData.js"

/** Counts and percentages of a multiple-response set by group (arrays are row-major: group i, item j at i·c + j). */
export interface MultipleResponseTable {
  readonly groupCount: number
  readonly itemCount: number
  /** all respondents */
  readonly n: number
  /** respondents per group n_i (the base of % of cases), length r */
  readonly groupN: Float64Array
  /** selections s_ij, length r·c */
  readonly counts: Float64Array
  /** 100 · s_ij / n_i, length r·c */
  readonly percentOfCases: Float64Array
  /** 100 · s_ij / Σ_j s_ij (NaN in a group where nobody selected anything), length r·c */
  readonly percentOfResponses: Float64Array
  /** total selections per group Σ_j s_ij, length r */
  readonly responses: Float64Array
  /** the same over all groups, each of length c, and the grand total of selections */
  readonly total: {
    readonly counts: Float64Array
    readonly percentOfCases: Float64Array
    readonly percentOfResponses: Float64Array
    readonly responses: number
  }
}

/**
 * Frequencies of a multiple-response set by group, as SPSS's MULT RESPONSE / CTABLES "tick all that apply" table.
 *
 * Formula: for group i and item j with s_ij selections and n_i respondents,
 * % of cases = 100 · s_ij / n_i (base = respondents, so the column sums to more than 100 %), and
 * % of responses = 100 · s_ij / Σ_k s_ik (base = all ticks in the group, sums to 100 %). Totals use
 * s_+j and n. Reference: SPSS Statistics Command Syntax Reference, MULT RESPONSE ("PCT of cases",
 * "PCT of responses"); Bilder & Loughin (2004), doi:10.1111/j.0006-341X.2004.00147.x.
 *
 * @param data - the set (items 0/1, every group non-empty); items that nobody selected are allowed here
 * @returns counts, bases and both percentages per group and in total
 * @throws StatsInputError `BAD_CODE` for a value that is not 0/1 or a group index out of range, `ZERO_MARGIN`
 *   for a group with no respondents, `BAD_DIMENSIONS` for items of the wrong length
 * @example
 * const data = {
 *   groups: Int32Array.from([0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2]), groupCount: 3,
 *   items: [
 *     Uint8Array.from([1, 1, 1, 0, 1, 0, 0, 0, 0, 0, 0, 1]),
 *     Uint8Array.from([1, 0, 1, 1, 1, 1, 0, 1, 0, 1, 0, 0])
 *   ]
 * }
 * const t = multipleResponseTable(data)
 * t.percentOfCases     // Float64Array [75, 75, 25, 75, 25, 25]  (group A: item 1, item 2; group B: ...)
 * t.percentOfResponses // Float64Array [50, 50, 25, 75, 50, 50]
 * t.total.counts       // Float64Array [5, 7]
 */
export const multipleResponseTable = (data: MultipleResponseData): MultipleResponseTable => {
  const { n, r, c, groupN, selected, itemTotals } = countMultipleResponse(data, "multiple-response table", 1)
  const percentOfCases = new Float64Array(r * c)
  const percentOfResponses = new Float64Array(r * c)
  const responses = new Float64Array(r)
  for (let i = 0; i < r; i++) {
    let sum = 0
    for (let j = 0; j < c; j++) sum += selected[i * c + j]
    responses[i] = sum
    for (let j = 0; j < c; j++) {
      const s = selected[i * c + j]
      percentOfCases[i * c + j] = percentOf(s, groupN[i])
      percentOfResponses[i * c + j] = percentOf(s, sum)
    }
  }
  let all = 0
  for (let j = 0; j < c; j++) all += itemTotals[j]
  const totalCases = new Float64Array(c)
  const totalResponses = new Float64Array(c)
  for (let j = 0; j < c; j++) {
    totalCases[j] = percentOf(itemTotals[j], n)
    totalResponses[j] = percentOf(itemTotals[j], all)
  }
  return {
    groupCount: r,
    itemCount: c,
    n,
    groupN,
    counts: selected,
    percentOfCases,
    percentOfResponses,
    responses,
    total: { counts: itemTotals, percentOfCases: totalCases, percentOfResponses: totalResponses, responses: all }
  }
}
