import { StatsInputError } from "../ContingencyTable.js"

/**
 * Respondent-level data for one multiple-response set ("tick all that apply") by a grouping variable.
 *
 * - `groups[k]` is the 0-based group index (e.g. cadre level) of respondent k, in [0, groupCount);
 * - `items[j][k]` is 1 when respondent k selected item j, 0 when not (one Uint8Array of length n per item).
 *
 * Respondents with a missing group or missing item answers must be removed before building this.
 */
export interface MultipleResponseData {
  readonly groups: Int32Array
  readonly groupCount: number
  readonly items: ReadonlyArray<Uint8Array>
  /**
   * Optional frequency weights, one per respondent (as SPSS WEIGHT BY): every count becomes a sum of weights,
   * exactly as if respondent k appeared `weights[k]` times. Weights must be finite and non-negative.
   */
  readonly weights?: Float64Array
}

/** Per-group counts of a validated multiple-response set (internal). */
export interface MultipleResponseCounts {
  /** respondents (the sum of the weights when weighted) */
  readonly n: number
  /** groups r */
  readonly r: number
  /** items c */
  readonly c: number
  /** respondents per group, length r */
  readonly groupN: Float64Array
  /** selections of item j in group i at `i * c + j` */
  readonly selected: Float64Array
  /** selections of item j over all groups, length c */
  readonly itemTotals: Float64Array
}

/**
 * Validates a multiple-response set and counts selections per group and item (internal helper).
 *
 * @param data - the set
 * @param what - the analysis name, for error messages
 * @param minGroups - the least number of groups the analysis needs (1 for tables, 2 for tests)
 * @throws StatsInputError `BAD_DIMENSIONS` (no items, too few groups, length mismatch), `BAD_CODE` for a
 *   group index out of range (location.row = respondent) or an item value that is not 0/1
 *   (location.row = respondent, location.col = item), `ZERO_MARGIN` for a group with no respondents
 *   (location.row = group)
 */
export const countMultipleResponse = (
  data: MultipleResponseData,
  what: string,
  minGroups: number
): MultipleResponseCounts => {
  const { groups, groupCount: r, items, weights } = data
  const rows = groups.length
  const c = items.length
  if (!Number.isInteger(r) || r < minGroups) {
    throw new StatsInputError(
      "BAD_DIMENSIONS",
      `${what} needs at least ${minGroups} group${minGroups === 1 ? "" : "s"}; groupCount is ${r}`
    )
  }
  if (c === 0) {
    throw new StatsInputError("BAD_DIMENSIONS", `${what} needs at least one item in the multiple-response set`)
  }
  if (rows === 0) throw new StatsInputError("EMPTY_TABLE", `${what}: there are no respondents`)
  if (weights !== undefined && weights.length !== rows) {
    throw new StatsInputError("BAD_DIMENSIONS", `${what}: ${weights.length} weights for ${rows} respondents`)
  }
  const wt = (k: number) => (weights === undefined ? 1 : weights[k])
  const groupN = new Float64Array(r)
  let n = 0
  for (let k = 0; k < rows; k++) {
    const g = groups[k]
    if (!(g >= 0 && g < r)) {
      throw new StatsInputError("BAD_CODE", `${what}: respondent ${k + 1} has group index ${g}, outside 0..${r - 1}`, {
        row: k
      })
    }
    const w = wt(k)
    if (!(w >= 0 && Number.isFinite(w))) {
      throw new StatsInputError("BAD_CODE", `${what}: respondent ${k + 1} has weight ${w}`, { row: k })
    }
    groupN[g] += w
    n += w
  }
  for (let i = 0; i < r; i++) {
    if (groupN[i] === 0) {
      throw new StatsInputError(
        "ZERO_MARGIN",
        `${what}: group ${i + 1} has no respondents; remove it or merge it with another group`,
        { row: i }
      )
    }
  }
  const selected = new Float64Array(r * c)
  const itemTotals = new Float64Array(c)
  for (let j = 0; j < c; j++) {
    const y = items[j]
    if (y.length !== rows) {
      throw new StatsInputError(
        "BAD_DIMENSIONS",
        `${what}: item ${j + 1} has ${y.length} answers but there are ${rows} respondents`,
        { col: j }
      )
    }
    for (let k = 0; k < rows; k++) {
      const v = y[k]
      if (v === 1) {
        selected[groups[k] * c + j] += wt(k)
        itemTotals[j] += wt(k)
      } else if (v !== 0) {
        throw new StatsInputError(
          "BAD_CODE",
          `${what}: item ${j + 1} of respondent ${
            k + 1
          } is ${v}; multiple-response items must be 0 (not selected) or 1 (selected)`,
          { row: k, col: j }
        )
      }
    }
  }
  return { n, r, c, groupN, selected, itemTotals }
}

/**
 * Throws when some item is selected by nobody or by everybody: its r x 2 table (group x selected/not) has a
 * zero column total and its chi-square statistic is undefined (internal helper).
 *
 * @throws StatsInputError `ZERO_MARGIN` naming the item (location.col)
 */
export const assertItemsVary = (counts: MultipleResponseCounts, what: string): void => {
  for (let j = 0; j < counts.c; j++) {
    const t = counts.itemTotals[j]
    if (t === 0 || t === counts.n) {
      throw new StatsInputError(
        "ZERO_MARGIN",
        `${what}: item ${j + 1} was ${
          t === 0 ? "never selected" : "selected by every respondent"
        }, so its group x selected table has an empty column and cannot be tested; leave the item out of the set`,
        { col: j }
      )
    }
  }
}

/**
 * Pearson X² of each item's r x 2 table (group x selected/not), no continuity correction (internal helper).
 *
 * Formula: X²_j = Σ_i (s_ij − n_i π_j)² / (n_i π_j (1 − π_j)), π_j = s_+j / n, which equals
 * Σ over the 2r cells of (O − E)²/E. Items must vary (see assertItemsVary).
 */
export const itemChiSquares = (
  selected: Float64Array,
  groupN: Float64Array,
  itemTotals: Float64Array,
  n: number,
  r: number,
  c: number,
  out: Float64Array = new Float64Array(c)
): Float64Array => {
  for (let j = 0; j < c; j++) {
    const pi = itemTotals[j] / n
    const v = pi * (1 - pi)
    let x2 = 0
    for (let i = 0; i < r; i++) {
      const e = groupN[i] * pi
      const d = selected[i * c + j] - e
      x2 += (d * d) / (groupN[i] * v)
    }
    out[j] = x2
  }
  return out
}
