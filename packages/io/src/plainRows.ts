import { SYSTEM_MISSING } from "@danvan/domain"
import { parseNumberBytes } from "./byteCells.js"
import { scanPlainBytes } from "./byteScanner.js"
import { type DatasetBuilder, ROW_LANES } from "./datasetBuilder.js"

const LF = 10
const CR = 13
const CODE = 0
const CHECKED = 1
const NUMBER = 2
const SKIP = 3

/** The index after the last line break in `bytes` (0 when there is none). */
const lastBreakEnd = (bytes: Uint8Array): number => {
  const lf = bytes.lastIndexOf(LF)
  // a CR after the last LF (CR-only line breaks) is searched for after that LF only
  const cr = bytes.indexOf(CR, lf + 1) >= 0 ? bytes.lastIndexOf(CR) : -1
  return Math.max(lf, cr) + 1
}

/** The index after the first record's line break (the header's), or `bytes.length` when it has none. */
const firstRecordEnd = (bytes: Uint8Array): number => {
  let i = 0
  while (i < bytes.length && (bytes[i] === LF || bytes[i] === CR)) i++
  while (i < bytes.length && bytes[i] !== LF && bytes[i] !== CR) i++
  if (i < bytes.length) i += bytes[i] === CR && bytes[i + 1] === LF ? 2 : 1
  return i
}

/**
 * `scanPlainBytes` into a DatasetBuilder with the cell parsing inlined: the same records, rows, problems and
 * line numbers, in one tight loop per record (no call per cell). Each field is read by its column's lane:
 * an integer code (digits, or a blank cell) or a plain number is stored in the column's buffer, a skipped
 * column is stepped over; any other cell (a sign, a pad, a fraction, text, a code the codebook does not
 * list, an ignored column's cell) goes to `builder.fieldBytes`, which parses it from a string and may turn
 * the column numeric or drop it, after which the loop takes the builder's columns again. The header, and
 * a last line without a line break, are scanned by `scanPlainBytes`. Returns the number of the line after
 * the bytes.
 *
 * @example
 * const line = scanPlainRows(new TextEncoder().encode("level,sex\n1,2\n"), 44, builder, 1) // 3
 */
export const scanPlainRows = (bytes: Uint8Array, delimiter: number, builder: DatasetBuilder, firstLine: number) => {
  let line = firstLine
  let i = 0
  if (builder.plan === undefined) {
    i = firstRecordEnd(bytes)
    line = scanPlainBytes(bytes.subarray(0, i), delimiter, builder, line)
  }
  const limit = Math.max(i, lastBreakEnd(bytes))
  line = scanRows(bytes, i, limit, delimiter, builder, line)
  return limit < bytes.length ? scanPlainBytes(bytes.subarray(limit), delimiter, builder, line) : line
}

/**
 * The records of `bytes[from, limit)`, which ends with a line break (so a field's end is found without a
 * bounds check). The builder's plan is known.
 */
const scanRows = (
  bytes: Uint8Array,
  from: number,
  limit: number,
  delimiter: number,
  builder: DatasetBuilder,
  firstLine: number
): number => {
  const n = bytes.length
  const stop = new Uint8Array(256)
  stop[LF] = stop[CR] = stop[delimiter] = 1
  let lanes = Uint8Array.from(builder.kinds, (kind) => ROW_LANES[kind])
  let codes = builder.codes
  let numbers = builder.numbers
  let accepted = builder.accepted
  let width = lanes.length
  let line = firstLine
  let i = from
  while (i < limit) {
    let c = bytes[i]
    if (c === LF || c === CR) {
      line++
      i += c === CR && i + 1 < n && bytes[i + 1] === LF ? 2 : 1
      continue
    }
    const row = builder.rowCount
    if (row === builder.buffers!.capacity) {
      builder.reserveRow()
      codes = builder.codes
      numbers = builder.numbers
    }
    const recordStart = i
    let k = 0
    for (;;) {
      let j = i
      const lane = k < width ? lanes[k] : SKIP
      let done = false
      if (lane <= CHECKED) {
        c = bytes[j]
        let code = SYSTEM_MISSING
        if (c >= 48 && c <= 57) {
          code = c - 48
          c = bytes[++j]
          while (c >= 48 && c <= 57) {
            code = code * 10 + (c - 48)
            c = bytes[++j]
          }
        }
        // a code of at most 9 digits (no Int32 overflow) ended by a delimiter or line break
        if (
          stop[c] === 1 && j - i <= 9 && (lane === CODE || code === SYSTEM_MISSING ||
            (code < 256 && accepted[k][code] === 1))
        ) {
          codes[k][row] = code
          done = true
        }
      } else if (lane === NUMBER) {
        while (stop[bytes[j]] === 0) j++
        const value = parseNumberBytes(bytes, i, j)
        if (value !== undefined) {
          numbers[k][row] = value
          done = true
        }
      } else if (lane === SKIP) {
        while (stop[bytes[j]] === 0) j++
        done = true
      }
      if (!done) {
        while (stop[bytes[j]] === 0) j++
        builder.fieldBytes(bytes, i, j, line, k)
        lanes = Uint8Array.from(builder.kinds, (kind) => ROW_LANES[kind])
        codes = builder.codes
        numbers = builder.numbers
        accepted = builder.accepted
        width = lanes.length
      }
      k++
      c = bytes[j]
      if (c === delimiter) {
        i = j + 1
        continue
      }
      // the record ends: a line of spaces is a single blank field
      if (k === 1) {
        let s = recordStart
        while (s < j && (bytes[s] === 32 || bytes[s] === 9)) s++
        builder.firstFieldBlank = s === j
      }
      i = j + (c === CR && j + 1 < n && bytes[j + 1] === LF ? 2 : 1)
      builder.endRecord(line, k)
      line++
      break
    }
  }
  return line
}
