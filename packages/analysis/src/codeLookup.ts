import { SYSTEM_MISSING } from "@danvan/domain"

// Per-code lookups for the row loops (issue 23): a question's codes span a small range, so a typed array over
// min..max answers "is this code missing / which category / which score" with one index instead of a Map or a
// missing-code search per row. Results are those of the per-row functions they replace, computed once per code.

/** Widest code range (max − min + 1) given a dense table; wider columns fall back to per-row calls. */
const DENSE_LIMIT = 1 << 16

/** Lowest code whose answer {@link memoCodes} caches, and how many codes from there. */
const CACHE_LOW = -128
const CACHE_SIZE = 4224

/**
 * The smallest and largest code of a column, blanks (SYSTEM_MISSING) left out; undefined when every row is blank.
 *
 * @example
 * codeRange(Int32Array.of(3, SYSTEM_MISSING, 1)) // { min: 1, max: 3 }
 */
export const codeRange = (codes: Int32Array): { min: number; max: number } | undefined => {
  let min = Infinity
  let max = -Infinity
  for (let k = 0; k < codes.length; k++) {
    const c = codes[k]
    if (c === SYSTEM_MISSING) continue
    if (c < min) min = c
    if (c > max) max = c
  }
  return min <= max ? { min, max } : undefined
}

/**
 * The distinct non-blank codes of a column (unordered), found with a dense "seen" table when the codes span
 * a small range.
 *
 * @example
 * [...distinctCodes(Int32Array.of(2, 1, 2, SYSTEM_MISSING))].sort() // [1, 2]
 */
export const distinctCodes = (codes: Int32Array): Array<number> => {
  const range = codeRange(codes)
  if (range === undefined) return []
  const width = range.max - range.min + 1
  if (width > DENSE_LIMIT) {
    const set = new Set<number>()
    for (let k = 0; k < codes.length; k++) if (codes[k] !== SYSTEM_MISSING) set.add(codes[k])
    return [...set]
  }
  const seen = new Uint8Array(width)
  for (let k = 0; k < codes.length; k++) {
    const c = codes[k]
    if (c !== SYSTEM_MISSING) seen[c - range.min] = 1
  }
  const out: Array<number> = []
  for (let d = 0; d < width; d++) if (seen[d] === 1) out.push(range.min + d)
  return out
}

/**
 * `f` applied to every code of a column, computed once per distinct code (blanks map to `f(SYSTEM_MISSING)`).
 * Identical to `Float64Array.from(codes, f)` for a pure `f`.
 *
 * @example
 * mapCodes(Int32Array.of(1, 2, 1), (c) => c * 10, Float64Array) // Float64Array [10, 20, 10]
 */
export const mapCodes = <A extends Float64Array | Int32Array>(
  codes: Int32Array,
  f: (code: number) => number,
  make: new(n: number) => A
): A => {
  const out = new make(codes.length)
  const range = codeRange(codes)
  if (range === undefined || range.max - range.min + 1 > DENSE_LIMIT) {
    for (let k = 0; k < codes.length; k++) out[k] = f(codes[k])
    return out
  }
  const table = new make(range.max - range.min + 1)
  for (let d = 0; d < table.length; d++) table[d] = f(range.min + d)
  const blank = f(SYSTEM_MISSING)
  for (let k = 0; k < codes.length; k++) {
    const c = codes[k]
    out[k] = c === SYSTEM_MISSING ? blank : table[c - range.min]
  }
  return out
}

/**
 * A code predicate that remembers its answers for codes in −128 ... 4095, so a missing-code check per row costs
 * an array read. Same answers as `pred` (which must be pure).
 *
 * @example
 * const isMissing = memoCodes((c) => [8, 9].includes(c))
 * isMissing(9) // true
 */
export const memoCodes = (pred: (code: number) => boolean): (code: number) => boolean => {
  const cache = new Int8Array(CACHE_SIZE)
  return (code) => {
    const i = code - CACHE_LOW
    if (i >= 0 && i < CACHE_SIZE && Number.isInteger(i)) {
      const known = cache[i]
      if (known !== 0) return known === 2
      const answer = pred(code)
      cache[i] = answer ? 2 : 1
      return answer
    }
    return pred(code)
  }
}
