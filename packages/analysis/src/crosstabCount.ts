import { SYSTEM_MISSING } from "@danvan/domain"
import * as Stats from "@danvan/stats"
import type { CategoryInfo, CrosstabResult } from "./results.js"
import type { CategoricalVariable } from "./variables.js"
import { validCategoriesFrom, validCategoriesOf } from "./variables.js"

// The counting step of `crosstab` (issue 23): the valid categories of both variables, the table over them, and
// the missing cases by variable and code. Unweighted, with codes over small ranges, it is one pass over the
// rows into a joint count of (row code, column code) pairs, from which everything else is read; otherwise the
// per-row walk of before. Both give the same numbers and the same order of `missingByCode`.

/** The valid categories of a variable, and observed codes the codebook does not label. */
export type Categories = ReturnType<typeof validCategoriesOf>

/** What `crosstab` counts before the tests. */
export interface CountedCrosstab {
  readonly rowCats: Categories
  readonly colCats: Categories
  /** Over rowCats x colCats; undefined when a variable has no valid category (the caller refuses the table). */
  readonly table: Stats.ContingencyTable | undefined
  readonly missing: number
  readonly totalWeight: number
  readonly missingByCode: CrosstabResult["missingByCode"]
}

/** Most cells of a joint count (Int32Array, 16 MiB), and at most this many per case beyond 65,536. */
const JOINT_LIMIT = 1 << 22
const CELLS_PER_CASE = 2

const isMissingCode = (v: CategoricalVariable, code: number) => code === SYSTEM_MISSING || v.isMissing(code)

const codeKey = (code: number): number | "system" => (code === SYSTEM_MISSING ? "system" : code)

/** The table over the given categories, unless they are empty (or listed twice: `countCodes` refuses those). */
const hasLevels = (cats: ReadonlyArray<CategoryInfo>) =>
  cats.length > 0 && new Set(cats.map((c) => c.code)).size === cats.length

/**
 * Counts a crosstab of `row` by `col`: one dense pass when unweighted and the codes span small ranges, else
 * the per-row walk.
 *
 * @example
 * const counted = countCrosstab(row, col, undefined)
 * counted.table?.counts // Float64Array of rowCats x colCats
 */
export const countCrosstab = (
  row: CategoricalVariable,
  col: CategoricalVariable,
  weights: Float64Array | undefined
): CountedCrosstab => (weights === undefined ? countDense(row, col) : undefined) ?? countByRow(row, col, weights)

/** The per-row walk: categories from the distinct codes, the missing tally in a Map, `Stats.countCodes`. */
export const countByRow = (
  row: CategoricalVariable,
  col: CategoricalVariable,
  weights: Float64Array | undefined
): CountedCrosstab => {
  const rowCats = validCategoriesOf(row)
  const colCats = validCategoriesOf(col)
  if (rowCats.categories.length === 0 || colCats.categories.length === 0) {
    return { rowCats, colCats, table: undefined, missing: 0, totalWeight: 0, missingByCode: [] }
  }
  const tally = new Map<string, Map<number | "system", number>>()
  const add = (v: CategoricalVariable, code: number, w: number) => {
    const byCode = tally.get(v.name) ?? new Map<number | "system", number>()
    byCode.set(codeKey(code), (byCode.get(codeKey(code)) ?? 0) + w)
    tally.set(v.name, byCode)
  }
  let missing = 0
  let totalWeight = 0
  for (let k = 0; k < row.codes.length; k++) {
    const w = weights === undefined ? 1 : weights[k]
    if (w === 0) continue
    totalWeight += w
    const rMiss = isMissingCode(row, row.codes[k])
    const cMiss = isMissingCode(col, col.codes[k])
    if (rMiss || cMiss) {
      missing += w
      if (rMiss) add(row, row.codes[k], w)
      if (cMiss && col.name !== row.name) add(col, col.codes[k], w)
    }
  }
  const counted = Stats.countCodes(
    row.codes,
    col.codes,
    rowCats.categories.map((c) => c.code),
    colCats.categories.map((c) => c.code),
    weights
  )
  const missingByCode = [...tally].flatMap(([variable, byCode]) =>
    [...byCode].map(([code, count]) => ({ variable, code, count }))
  )
  return { rowCats, colCats, table: counted.table, missing, totalWeight, missingByCode }
}

/** The smallest and largest non-blank code of two columns, in one pass; undefined when one is all blank. */
const ranges = (a: Int32Array, b: Int32Array) => {
  let amin = Infinity, amax = -Infinity, bmin = Infinity, bmax = -Infinity
  for (let k = 0; k < a.length; k++) {
    const x = a[k]
    const y = b[k]
    if (x !== SYSTEM_MISSING) {
      if (x < amin) amin = x
      if (x > amax) amax = x
    }
    if (y !== SYSTEM_MISSING) {
      if (y < bmin) bmin = y
      if (y > bmax) bmax = y
    }
  }
  return amin <= amax && bmin <= bmax ? { amin, aw: amax - amin + 1, bmin, bw: bmax - bmin + 1 } : undefined
}

/** One variable's side of a joint count: code `min + s` at slot s < width, blanks at slot `width`. */
interface Side {
  readonly v: CategoricalVariable
  readonly min: number
  readonly width: number
  /** Cases per slot (a margin of the joint count). */
  readonly totals: Float64Array
  /** 1 for a slot whose cases are missing (blank or user-missing). */
  readonly missing: Uint8Array
}

const side = (v: CategoricalVariable, min: number, width: number, totals: Float64Array): Side => {
  const missing = new Uint8Array(width + 1)
  missing[width] = 1
  for (let s = 0; s < width; s++) if (totals[s] > 0 && v.isMissing(min + s)) missing[s] = 1
  return { v, min, width, totals, missing }
}

const observedCodes = (s: Side): Set<number> => {
  const out = new Set<number>()
  for (let i = 0; i < s.width; i++) if (s.totals[i] > 0 && s.missing[i] === 0) out.add(s.min + i)
  return out
}

/** The slot of each category's code (-1 when outside the observed range: a zero row or column). */
const slotsOf = (s: Side, cats: ReadonlyArray<CategoryInfo>) =>
  cats.map((c) => (c.code >= s.min && c.code < s.min + s.width ? c.code - s.min : -1))

/** The dense count; undefined when it does not apply (wide code ranges, a blank column). */
const countDense = (row: CategoricalVariable, col: CategoricalVariable): CountedCrosstab | undefined => {
  const range = ranges(row.codes, col.codes)
  // Wide ranges over few cases: walking the joint count would cost more than walking the rows.
  const cells = range === undefined ? Infinity : (range.aw + 1) * (range.bw + 1)
  if (range === undefined || cells > JOINT_LIMIT || cells > 65_536 + CELLS_PER_CASE * row.codes.length) return undefined
  const { amin: rmin, aw: rw, bmin: cmin, bw: cw } = range
  const C = cw + 1
  const joint = new Int32Array((rw + 1) * C)
  const rc = row.codes
  const cc = col.codes
  const n = rc.length
  for (let k = 0; k < n; k++) {
    // A blank (SYSTEM_MISSING) is the only code outside min..max: it lands in the last slot.
    let r = (rc[k] - rmin) >>> 0
    let c = (cc[k] - cmin) >>> 0
    if (r >= rw) r = rw
    if (c >= cw) c = cw
    joint[r * C + c]++
  }
  const rowTotals = new Float64Array(rw + 1)
  const colTotals = new Float64Array(C)
  for (let r = 0; r <= rw; r++) {
    for (let c = 0; c < C; c++) {
      const x = joint[r * C + c]
      rowTotals[r] += x
      colTotals[c] += x
    }
  }
  const rs = side(row, rmin, rw, rowTotals)
  const cs = side(col, cmin, cw, colTotals)
  const rowCats = validCategoriesFrom(row, observedCodes(rs))
  const colCats = validCategoriesFrom(col, observedCodes(cs))
  if (!hasLevels(rowCats.categories) || !hasLevels(colCats.categories)) {
    return rowCats.categories.length === 0 || colCats.categories.length === 0
      ? { rowCats, colCats, table: undefined, missing: 0, totalWeight: 0, missingByCode: [] }
      : undefined
  }
  let missing = 0
  for (let r = 0; r <= rw; r++) {
    for (let c = 0; c < C; c++) if (rs.missing[r] === 1 || cs.missing[c] === 1) missing += joint[r * C + c]
  }
  const ri = slotsOf(rs, rowCats.categories)
  const ci = slotsOf(cs, colCats.categories)
  const counts = new Float64Array(ri.length * ci.length)
  for (let i = 0; i < ri.length; i++) {
    if (ri[i] < 0) continue
    for (let j = 0; j < ci.length; j++) if (ci[j] >= 0) counts[i * ci.length + j] = joint[ri[i] * C + ci[j]]
  }
  return {
    rowCats,
    colCats,
    table: { rows: ri.length, cols: ci.length, counts },
    missing,
    totalWeight: n,
    missingByCode: missingInOrder(rs, row.name === col.name ? undefined : cs)
  }
}

/**
 * The missing cases by variable and code, in the order the per-row walk meets them: each variable from its
 * first missing case (the row variable first on a tie), its codes by their first case.
 */
const missingInOrder = (row: Side, col: Side | undefined): CrosstabResult["missingByCode"] => {
  const sides = col === undefined ? [row] : [row, col]
  const first = sides.map((s) => new Float64Array(s.width + 1).fill(Infinity))
  let left = 0
  for (const s of sides) for (let i = 0; i <= s.width; i++) if (s.missing[i] === 1 && s.totals[i] > 0) left++
  for (let k = 0; k < row.v.codes.length && left > 0; k++) {
    for (let t = 0; t < sides.length; t++) {
      const s = sides[t]
      let i = (s.v.codes[k] - s.min) >>> 0
      if (i >= s.width) i = s.width
      if (s.missing[i] === 1 && first[t][i] === Infinity) {
        first[t][i] = k
        left--
      }
    }
  }
  const entries = sides.map((s, t) => {
    const slots: Array<number> = []
    for (let i = 0; i <= s.width; i++) if (s.missing[i] === 1 && s.totals[i] > 0) slots.push(i)
    slots.sort((a, b) => first[t][a] - first[t][b])
    return {
      start: slots.length > 0 ? first[t][slots[0]] : Infinity,
      list: slots.map((i) => ({
        variable: s.v.name,
        code: i === s.width ? ("system" as const) : s.min + i,
        count: s.totals[i]
      }))
    }
  })
  // Stable sort: the row variable stays first when both start on the same case.
  return entries.filter((e) => e.list.length > 0).sort((a, b) => a.start - b.start).flatMap((e) => e.list)
}
