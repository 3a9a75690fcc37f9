import { type ContingencyTable, StatsInputError } from "./ContingencyTable.js"

/** A table counted from case-level codes, with what was left out. */
export interface CountedCodes {
  readonly table: ContingencyTable
  /** Cases whose row or column code is not one of the levels (missing values), left out of the table. */
  readonly skipped: number
  /** Their total weight (equal to `skipped` without weights). */
  readonly skippedWeight: number
}

/** Dense lookups are used when the levels are integers spanning at most this many codes. */
const MAX_DENSE_RANGE = 1 << 20

/**
 * Code -> 0-based level index. Dense form: `lut[code - min]`, -1 for codes that are not levels.
 * Sparse form (non-integer levels or a huge code range): a Map built once.
 */
type Lookup =
  | { readonly dense: true; readonly min: number; readonly lut: Int32Array }
  | { readonly dense: false; readonly map: Map<number, number> }

const buildLookup = (levels: ReadonlyArray<number>, what: "row" | "column"): Lookup => {
  if (levels.length === 0) throw new StatsInputError("BAD_CODE", `there are no ${what} categories to count`)
  let min = Infinity
  let max = -Infinity
  let integers = true
  const map = new Map<number, number>()
  for (let k = 0; k < levels.length; k++) {
    const c = levels[k]
    if (!Number.isFinite(c)) {
      throw new StatsInputError("BAD_CODE", `${what} category ${k + 1} has code ${c}, which is not a finite number`)
    }
    if (map.has(c)) throw new StatsInputError("BAD_CODE", `${what} code ${c} is listed twice among the categories`)
    map.set(c, k)
    if (!Number.isInteger(c)) integers = false
    if (c < min) min = c
    if (c > max) max = c
  }
  if (!integers || max - min + 1 > MAX_DENSE_RANGE) return { dense: false, map }
  const lut = new Int32Array(max - min + 1).fill(-1)
  for (let k = 0; k < levels.length; k++) lut[levels[k] - min] = k
  return { dense: true, min, lut }
}

const badWeight = (k: number, w: number): StatsInputError =>
  new StatsInputError(
    "BAD_WEIGHT",
    `the weight of case ${k} (0-based) is ${w}; weights must be finite and not negative`
  )

/**
 * Cross-counts two coded variables into an r x c contingency table in one pass over the cases.
 *
 * Row i of the table is `rowLevels[i]`, column j is `colLevels[j]`; cell (i, j) holds the number of cases
 * (or their total weight) with row code `rowLevels[i]` and column code `colLevels[j]`. A case whose row or
 * column code is not among the levels (a missing value, NaN, or an unlisted code) is skipped and counted
 * in `skipped` / `skippedWeight`. Every weight is checked, including those of skipped cases.
 *
 * Method: each code is mapped to its level index through an Int32Array indexed by code - min (integer
 * levels spanning at most 2^20 codes; one unsigned comparison rejects everything else, NaN included) or
 * else a Map built once; counts are accumulated straight into the table's Float64Array. No allocation per
 * case. This is the cross-tabulation of SPSS CROSSTABS / R's `table()` and `xtabs()` (Agresti 2002,
 * Categorical Data Analysis, 2nd ed., §2.1.1, p. 36).
 *
 * @param rowCodes - one code per case for the row variable (Int32Array typically)
 * @param colCodes - one code per case for the column variable, same length
 * @param rowLevels - the row categories' codes, in table order, distinct and finite
 * @param colLevels - the column categories' codes, in table order, distinct and finite
 * @param weights - optional case weights, same length, finite and >= 0
 * @returns `{ table, skipped, skippedWeight }`
 * @throws StatsInputError `BAD_DIMENSIONS` for arrays of different lengths, `BAD_CODE` for empty,
 *   duplicated or non-finite levels, `BAD_WEIGHT` (naming the 0-based case index) for a negative, NaN or
 *   infinite weight
 * @example
 * countCodes(Int32Array.of(1, 2, 2, 9), Int32Array.of(1, 1, 2, 1), [1, 2], [1, 2])
 * // { table: { rows: 2, cols: 2, counts: Float64Array [1, 0, 1, 1] }, skipped: 1, skippedWeight: 1 }
 */
export const countCodes = (
  rowCodes: ArrayLike<number>,
  colCodes: ArrayLike<number>,
  rowLevels: ReadonlyArray<number>,
  colLevels: ReadonlyArray<number>,
  weights?: Float64Array
): CountedCodes => {
  const n = rowCodes.length
  if (colCodes.length !== n) {
    throw new StatsInputError(
      "BAD_DIMENSIONS",
      `the row variable has ${n} cases but the column variable has ${colCodes.length}`
    )
  }
  if (weights !== undefined && weights.length !== n) {
    throw new StatsInputError("BAD_DIMENSIONS", `there are ${n} cases but ${weights.length} weights`)
  }
  const rl = buildLookup(rowLevels, "row")
  const cl = buildLookup(colLevels, "column")
  const rows = rowLevels.length
  const cols = colLevels.length
  const counts = new Float64Array(rows * cols)
  let skipped = 0
  let skippedWeight = 0

  if (rl.dense && cl.dense) {
    const rlut = rl.lut, clut = cl.lut, rmin = rl.min, cmin = cl.min
    const rRange = rlut.length, cRange = clut.length
    if (weights === undefined) {
      for (let k = 0; k < n; k++) {
        const dr = rowCodes[k] - rmin
        const dc = colCodes[k] - cmin
        const ur = dr >>> 0
        const uc = dc >>> 0
        // ur === dr fails for NaN, fractions, negatives and codes beyond 2^32
        if (ur === dr && uc === dc && ur < rRange && uc < cRange) {
          const i = rlut[ur]
          const j = clut[uc]
          if (i >= 0 && j >= 0) {
            counts[i * cols + j] += 1
            continue
          }
        }
        skipped++
      }
      skippedWeight = skipped
    } else {
      for (let k = 0; k < n; k++) {
        const w = weights[k]
        if (!(w >= 0 && w !== Infinity)) throw badWeight(k, w)
        const dr = rowCodes[k] - rmin
        const dc = colCodes[k] - cmin
        const ur = dr >>> 0
        const uc = dc >>> 0
        if (ur === dr && uc === dc && ur < rRange && uc < cRange) {
          const i = rlut[ur]
          const j = clut[uc]
          if (i >= 0 && j >= 0) {
            counts[i * cols + j] += w
            continue
          }
        }
        skipped++
        skippedWeight += w
      }
    }
  } else {
    // general path: at least one variable has non-integer levels or a very wide code range
    const index = (l: Lookup, code: number): number => {
      if (l.dense) {
        const d = code - l.min
        const u = d >>> 0
        return u === d && u < l.lut.length ? l.lut[u] : -1
      }
      const v = l.map.get(code)
      return v === undefined ? -1 : v
    }
    for (let k = 0; k < n; k++) {
      const w = weights === undefined ? 1 : weights[k]
      if (!(w >= 0 && w !== Infinity)) throw badWeight(k, w)
      const i = index(rl, rowCodes[k])
      const j = i < 0 ? -1 : index(cl, colCodes[k])
      if (j >= 0) counts[i * cols + j] += w
      else {
        skipped++
        skippedWeight += w
      }
    }
  }
  return { table: { rows, cols, counts }, skipped, skippedWeight }
}
