import { SYSTEM_MISSING } from "@danvan/domain"
import { parseNumberBytes } from "./byteCells.js"

/** The lanes of `scanPlainRows`: how a column's cells are read (`ROW_LANES` maps the builder's kinds). */
export const CODE = 0
export const CHECKED = 1
export const NUMBER = 2
export const SKIP = 3
/** A column whose cells must be blank (`ignored`). */
export const BLANK = 4

const LF = 10
const CR = 13
/** Above this many columns no parser is generated (its code would be too large to optimise). */
const MAX_COLUMNS = 256
const MAX_CACHED = 32

/**
 * Parses the records of plain ASCII bytes from `i` into rows `row`, `row + 1`, ... of the columns while every
 * cell has the usual form, stopping before `limit` (just after a line break), at row `end` (the capacity),
 * or at the first unusual record (a cell of another form, the wrong number of fields; cells of it stored
 * already are overwritten when the caller reads it cell by cell). Empty lines are stepped over. Returns the
 * index where it stopped; `state` receives the rows filled so far ([0], the next row) and the lines passed ([1]).
 */
export type RowParser = (
  bytes: Uint8Array,
  i: number,
  limit: number,
  row: number,
  end: number,
  codes: ReadonlyArray<Int32Array>,
  numbers: ReadonlyArray<Float64Array>,
  accepted: ReadonlyArray<Uint8Array>,
  state: Int32Array
) => number

/** The cell's end test: the delimiter, or for the last column a line break. */
const ends = (last: boolean, delimiter: number, at: string): string =>
  last ? `(${at} === ${LF} || ${at} === ${CR})` : `(${at} === ${delimiter})`

/** Code reading the cell of column `k` at `i` (and its delimiter), leaving `i` after it; `break` if unusual. */
const cellCode = (k: number, lane: number, delimiter: number, last: boolean): string => {
  const endsAtJ = ends(last, delimiter, "b[j]")
  if (lane === CODE || lane === CHECKED) {
    // one digit and the delimiter (the usual survey cell)
    const check = lane === CHECKED
      ? `if (v !== ${SYSTEM_MISSING} && (v >>> 0 >= 256 || a${k}[v] !== 1)) break\n`
      : ""
    // else: an optional minus, then up to 9 digits (no Int32 overflow), or a blank cell
    return `c = b[i] - 48
if (c >>> 0 < 10 && ${ends(last, delimiter, "b[i + 1]")}) { v = c; j = i + 1 } else {
  d = b[i] === 45 ? i + 1 : i
  j = d
  v = 0
  while ((c = b[j] - 48) >>> 0 < 10) { v = v * 10 + c; j++ }
  if (j - d > 9 || !${endsAtJ}) break
  if (j === d) {
    if (d !== i) break
    v = ${SYSTEM_MISSING}
  } else if (d !== i) v = -v
}
${check}c${k}[row] = v
i = j + 1
`
  }
  if (lane === NUMBER) {
    return `j = i
while (stop[b[j]] === 0) j++
if (!${endsAtJ}) break
x = parseNumberBytes(b, i, j)
if (x === undefined) break
n${k}[row] = x
i = j + 1
`
  }
  if (lane === SKIP) {
    // a one-digit cell (the usual skipped code) without the loop; else to the next delimiter or line break
    return `c = b[i] - 48
if (c >>> 0 < 10 && ${ends(last, delimiter, "b[i + 1]")}) i += 2
else {
  j = i
  while (stop[b[j]] === 0) j++
  if (!${endsAtJ}) break
  i = j + 1
}
`
  }
  // a column that must be blank (an unnamed one after a trailing delimiter): an empty cell; else cell by cell
  return `if (!${ends(last, delimiter, "b[i]")}) break\ni += 1\n`
}

const cache = new Map<string, RowParser>()

/**
 * A row parser generated for these column lanes and this delimiter: straight-line code with one branch site
 * per column (the CPU predicts each column's usual form; measured ~2x faster than a loop dispatching on the
 * lane per cell), holding only numbers and fixed templates. Cached per lanes and delimiter. Undefined for
 * more than 256 columns, or where code cannot be generated (then the caller reads cell by cell).
 *
 * @example
 * const parse = rowParser(Uint8Array.of(CODE, CODE), 44)
 * const state = new Int32Array(2)
 * parse?.(new TextEncoder().encode("1,2\n"), 0, 4, 0, 1, [a, b], [], [], state) // 4; a[0] = 1, b[0] = 2, state [1, 1]
 */
export const rowParser = (lanes: Uint8Array, delimiter: number): RowParser | undefined => {
  const width = lanes.length
  if (width === 0 || width > MAX_COLUMNS) return undefined
  const key = `${delimiter}:${lanes.join("")}`
  const known = cache.get(key)
  if (known !== undefined) return known
  // the columns' arrays in locals (they do not change during a call)
  let body = "let c = 0, d = 0, j = 0, v = 0, x = 0, start = i, lines = 0\n"
  for (let k = 0; k < width; k++) {
    if (lanes[k] === CODE || lanes[k] === CHECKED) body += `const c${k} = codes[${k}]\n`
    if (lanes[k] === CHECKED) body += `const a${k} = accepted[${k}]\n`
    if (lanes[k] === NUMBER) body += `const n${k} = numbers[${k}]\n`
  }
  body += `while (i < limit && row < end) {
start = i
c = b[i]
if (c === ${LF} || c === ${CR}) {
  lines++
  i += c === ${CR} && i + 1 < b.length && b[i + 1] === ${LF} ? 2 : 1
  start = i
  continue
}
`
  for (let k = 0; k < width; k++) body += cellCode(k, lanes[k], delimiter, k === width - 1)
  // i is after the line break: a CR's LF goes with it
  body += `if (b[i - 1] === ${CR} && i < b.length && b[i] === ${LF}) i++
row++
lines++
start = i
}
state[0] = row
state[1] = lines
return start
`
  const stop = new Uint8Array(256)
  stop[LF] = stop[CR] = stop[delimiter] = 1
  let parser: RowParser
  try {
    parser = new Function(
      "stop",
      "parseNumberBytes",
      `return function parseRows(b, i, limit, row, end, codes, numbers, accepted, state) {\n${body}}`
    )(stop, parseNumberBytes) as RowParser
  } catch {
    return undefined
  }
  if (cache.size >= MAX_CACHED) cache.clear()
  cache.set(key, parser)
  return parser
}
