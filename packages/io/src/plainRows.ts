import { SYSTEM_MISSING } from "@danvan/domain"
import { parseNumberBytes } from "./byteCells.js"
import { scanPlainBytes } from "./byteScanner.js"
import { type DatasetBuilder, ROW_LANES } from "./datasetBuilder.js"
import { CHECKED, CODE, NUMBER, type RowParser, rowParser, SKIP } from "./rowParser.js"

const LF = 10
const CR = 13

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
 * `scanPlainBytes` into a DatasetBuilder, fast: the same records, rows, problems and line numbers. The usual
 * records are read by a row parser generated for the columns (`rowParser`: no call and no dispatch per
 * cell); a record it stops at (an unusual cell, the wrong number of fields) is read cell by cell by column
 * lane (`laneRecord`): integer codes and plain numbers are stored, skipped columns stepped over, and any other
 * cell (a pad, a fraction, text, a code the codebook does not list, an ignored column's content) goes to
 * `builder.fieldBytes`, which parses it from a string and may turn the column numeric or drop it; the parser
 * for the new column layout then takes over. The header, and a last line without a line break, are scanned
 * by `scanPlainBytes`. Returns the number of the line after the bytes.
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

/** The builder's columns as the row scanner reads them, taken again after any call that may change them. */
class Columns {
  lanes = new Uint8Array(0)
  codes: Array<Int32Array> = []
  numbers: Array<Float64Array> = []
  accepted: Array<Uint8Array> = []
  parse: RowParser | undefined
  private layout = -1

  constructor(private readonly builder: DatasetBuilder, private readonly delimiter: number) {
    this.refresh()
  }

  refresh(): void {
    const b = this.builder
    if (b.layout === this.layout) return
    this.layout = b.layout
    const lanes = Uint8Array.from(b.kinds, (kind) => ROW_LANES[kind])
    if (this.parse === undefined || lanes.join() !== this.lanes.join()) this.parse = rowParser(lanes, this.delimiter)
    this.lanes = lanes
    this.codes = b.codes
    this.numbers = b.numbers
    this.accepted = b.accepted
  }
}

/**
 * The records of `bytes[from, limit)`, which ends with a line break (so a field's end is found without a
 * bounds check). The builder's plan is known. Each record goes to the generated row parser first, and cell
 * by cell (`laneRecord`) when it has an unusual cell or the wrong number of fields.
 */
const scanRows = (
  bytes: Uint8Array,
  from: number,
  limit: number,
  delimiter: number,
  builder: DatasetBuilder,
  firstLine: number
): number => {
  const stop = new Uint8Array(256)
  stop[LF] = stop[CR] = stop[delimiter] = 1
  const columns = new Columns(builder, delimiter)
  const state = new Int32Array(2)
  let line = firstLine
  let i = from
  while (i < limit) {
    const c = bytes[i]
    if (c === LF || c === CR) {
      line++
      i += c === CR && i + 1 < bytes.length && bytes[i + 1] === LF ? 2 : 1
      continue
    }
    // a record starts: room for its row
    if (builder.rowCount === builder.buffers!.capacity) {
      builder.reserveRow()
      columns.refresh()
    }
    const { parse } = columns
    if (parse !== undefined) {
      const row = builder.rowCount
      const capacity = builder.buffers!.capacity
      i = parse(bytes, i, limit, row, capacity, columns.codes, columns.numbers, columns.accepted, state)
      builder.rowCount = state[0]
      builder.dataRecords += state[0] - row
      line += state[1]
      // at the end, or out of room: the loop's start; else the record at i is unusual
      if (i >= limit || state[0] === capacity) continue
    }
    i = laneRecord(bytes, i, line, stop, delimiter, builder, columns)
    line++
  }
  return line
}

/**
 * One record (not an empty line) from `i`, cell by cell by column lane: integer codes and plain numbers are
 * stored, skipped columns stepped over, any other cell goes to `builder.fieldBytes`. Returns the index after
 * the record's line break.
 */
const laneRecord = (
  bytes: Uint8Array,
  i: number,
  line: number,
  stop: Uint8Array,
  delimiter: number,
  builder: DatasetBuilder,
  columns: Columns
): number => {
  const row = builder.rowCount
  const recordStart = i
  let k = 0
  for (;;) {
    let j = i
    const { lanes } = columns
    const lane = k < lanes.length ? lanes[k] : SKIP
    let done = false
    if (lane === CODE || lane === CHECKED) {
      let c = bytes[j]
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
        stop[c] === 1 && j - i <= 9 &&
        (lane === CODE || code === SYSTEM_MISSING || (code < 256 && columns.accepted[k][code] === 1))
      ) {
        columns.codes[k][row] = code
        done = true
      }
    } else if (lane === NUMBER) {
      while (stop[bytes[j]] === 0) j++
      const value = parseNumberBytes(bytes, i, j)
      if (value !== undefined) {
        columns.numbers[k][row] = value
        done = true
      }
    } else if (lane === SKIP) {
      while (stop[bytes[j]] === 0) j++
      done = true
    }
    if (!done) {
      while (stop[bytes[j]] === 0) j++
      builder.fieldBytes(bytes, i, j, line, k)
      columns.refresh()
    }
    k++
    const c = bytes[j]
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
    builder.endRecord(line, k)
    return j + (c === CR && j + 1 < bytes.length && bytes[j + 1] === LF ? 2 : 1)
  }
}
