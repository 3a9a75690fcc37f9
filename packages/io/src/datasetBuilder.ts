import { type ColumnTyping, SYSTEM_MISSING } from "@danvan/domain"
import { parseCodeBytes, parseNumberBytes } from "./byteCells.js"
import type { ByteSink } from "./byteScanner.js"
import { parseCode, parseNumber, trimEnd, trimStart } from "./cells.js"
import { ColumnBuffers } from "./columnBuffers.js"
import type { ColumnPlan } from "./columnPlan.js"
import type { ProblemCollector } from "./problems.js"
import type { CsvSink } from "./scanner.js"

const MAX_VALUE_CHARS = 40

const shown = (text: string, start: number, end: number): string => {
  const i = trimStart(text, start, end)
  const j = trimEnd(text, i, end)
  return j - i > MAX_VALUE_CHARS ? text.slice(i, i + MAX_VALUE_CHARS) + "…" : text.slice(i, j)
}

/**
 * Receives the scanner's fields and decodes them straight into column buffers. The first record is the
 * header: its trimmed names are handed to `planHeader`, which decides how each column is read. Every other
 * record is a row: each cell is parsed and checked in place; a record with the wrong number of fields is a
 * problem and is not kept. A record that is a single blank, unquoted field (a line of spaces) is skipped
 * when the header has more than one column.
 *
 * @example
 * const builder = new DatasetBuilder(
 *   new ProblemCollector(20),
 *   false,
 *   (names) => planColumns(names, { fileName: "s.csv" }).columns
 * )
 * scanCsv("level\n1\n2\n", ",", builder)
 * builder.buffers!.columns(builder.rowCount) // [{ name: "level", type: "codes", values: Int32Array [1, 2] }]
 */
const CODES = 0
const CHECKED_CODES = 1
const NUMERIC = 2
const IGNORED = 3
/** A column typed from its contents: integer codes so far. */
const AUTO = 4
/** A column typed from its contents: numbers (a decimal cell was seen). */
const AUTO_NUMERIC = 5
/** A column not parsed: not needed by the command, or found to hold text or dates. */
const SKIP = 6
const DATE = /^(?:\d{4}-\d{1,2}-\d{1,2}(?:[T ][\d:.]+Z?)?|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})$/
/**
 * Per kind (above), its lane in `scanPlainRows` (rowParser.ts): 0 an integer code, 1 a checked code, 2 a number,
 * 3 not parsed, 4 blank (an ignored column). A cell of another form goes to `fieldBytes`.
 */
export const ROW_LANES = Uint8Array.of(0, 1, 2, 4, 0, 2, 3)
const TABLE_SIZE = 256
const NO_CODES = new Int32Array(0)
const NO_NUMBERS = new Float64Array(0)

const asciiDecoder = new TextDecoder("utf-8")
/** ASCII bytes as a string (the fast path's fallback to the string parsers). */
const asciiText = (bytes: Uint8Array, start: number, end: number): string =>
  asciiDecoder.decode(bytes.subarray(start, end))

export class DatasetBuilder implements CsvSink, ByteSink {
  /** The trimmed header names, once the first record has been read. */
  readonly header: Array<string> = []
  /** How each column is read; undefined until the header has been read. */
  plan: ReadonlyArray<ColumnPlan> | undefined
  buffers: ColumnBuffers | undefined
  /** Rows kept so far. */
  rowCount = 0
  /** Data records seen (kept or not). */
  dataRecords = 0
  /** The columns typed from their contents as numbers, text or dates, with the cell that decided it. */
  readonly typing: Array<ColumnTyping> = []
  private fieldIndex = 0
  /** Whether the current record's first field is blank (a line of spaces); set by `scanPlainRows` too. */
  firstFieldBlank = false
  private skipNextCheck = false
  private recordMalformed = false
  // Hot-path views of the plan and buffers: monomorphic arrays indexed by column (read by `scanPlainRows`,
  // which takes them again after every call that may change them: `fieldBytes`, `reserveRow`).
  /** Per column: how its cells are read (the constants above; `laneOf` maps them for the row scanner). */
  kinds = new Uint8Array(0)
  /** Per column: 1 for a column not parsed (the byte scanner steps over its cells); the first is never skipped. */
  skipped = new Uint8Array(0)
  codes: Array<Int32Array> = []
  numbers: Array<Float64Array> = []
  /** Counts the changes of `kinds`, `codes` and `numbers` (a column grown, turned numeric or dropped). */
  layout = 0
  /** Per checked column: 1 where a code in [0, 256) is accepted, so common codes skip the `accepts` call. */
  accepted: Array<Uint8Array> = []

  /**
   * @param rowsHint - the expected number of data rows (e.g. line breaks counted up front): the column
   *   buffers start at that size, so a correct hint means no growing and no final copy
   */
  constructor(
    private readonly problems: ProblemCollector,
    private readonly decimalComma: boolean,
    private readonly planHeader: (names: ReadonlyArray<string>) => ReadonlyArray<ColumnPlan>,
    private rowsHint = 1024
  ) {}

  /** Updates the expected number of data rows (a streaming reader refines its estimate as it goes). */
  expectRows(rows: number): void {
    this.rowsHint = rows
    if (this.buffers !== undefined && rows > this.buffers.capacity) this.grow(rows, true)
  }

  field(text: string, start: number, end: number, quoted: boolean, line: number): void {
    const k = this.fieldIndex++
    const plan = this.plan
    if (plan === undefined) {
      this.header.push(text.slice(start, end).trim())
      return
    }
    if (k === 0) {
      this.firstFieldBlank = !quoted && trimStart(text, start, end) === end
      // room for this row, grown when a record starts (not when the previous one ended), so buffers reserved
      // for exactly the hinted row count are never grown
      if (this.rowCount === this.buffers!.capacity) this.grow(this.rowCount + 1, false)
    }
    if (k >= plan.length) return
    if (this.skipNextCheck) {
      this.skipNextCheck = false
      return
    }
    const kind = this.kinds[k]
    if (kind <= CHECKED_CODES) {
      const code = parseCode(text, start, end, this.decimalComma)
      if (code !== code) this.problem(line, k, text, start, end)
      else if (kind === CHECKED_CODES && code !== SYSTEM_MISSING && !this.accepts(k, code)) {
        this.problem(line, k, text, start, end)
      } else this.codes[k][this.rowCount] = code
    } else if (kind === NUMERIC) {
      const value = parseNumber(text, start, end, this.decimalComma)
      if (value === undefined) this.problem(line, k, text, start, end)
      else this.numbers[k][this.rowCount] = value
    } else if (kind === AUTO || kind === AUTO_NUMERIC) this.autoCell(k, kind, text, start, end, line)
    else if (kind === IGNORED && trimStart(text, start, end) !== end) this.problem(line, k, text, start, end)
  }

  /**
   * `field` for an unquoted field of ASCII bytes (`scanPlainBytes`): skipped columns cost nothing, codes and
   * plain numbers are parsed from the bytes; any other cell (a bad value, text, a decimal comma, an exponent)
   * goes to `field` as a string, so results and problem messages are those of the string path.
   */
  fieldBytes(bytes: Uint8Array, start: number, end: number, line: number, k: number): void {
    this.fieldIndex = k
    if (this.plan === undefined || this.skipNextCheck) {
      return this.field(asciiText(bytes, start, end), 0, end - start, false, line)
    }
    this.fieldIndex = k + 1
    if (k === 0) {
      let i = start
      while (i < end && (bytes[i] === 32 || bytes[i] === 9)) i++
      this.firstFieldBlank = i === end
      if (this.rowCount === this.buffers!.capacity) this.grow(this.rowCount + 1, false)
    }
    if (k >= this.kinds.length) return
    const kind = this.kinds[k]
    if (kind === SKIP) return
    if (kind <= CHECKED_CODES || kind === AUTO) {
      // the usual survey cell: one digit, or blank
      const b = bytes[start]
      const code = end - start === 1 && b >= 48 && b <= 57
        ? b - 48
        : start === end
        ? SYSTEM_MISSING
        : parseCodeBytes(bytes, start, end)
      if (code === code && (kind !== CHECKED_CODES || code === SYSTEM_MISSING || this.accepts(k, code))) {
        this.codes[k][this.rowCount] = code
        return
      }
    } else if (kind === NUMERIC || kind === AUTO_NUMERIC) {
      const value = parseNumberBytes(bytes, start, end)
      if (value !== undefined) {
        this.numbers[k][this.rowCount] = value
        return
      }
    }
    this.fieldIndex = k
    this.field(asciiText(bytes, start, end), 0, end - start, false, line)
  }

  /** A cell of a column typed from its contents: a code, else a number (the column turns numeric), else text. */
  private autoCell(k: number, kind: number, text: string, start: number, end: number, line: number): void {
    if (kind === AUTO) {
      const code = parseCode(text, start, end, this.decimalComma)
      if (code === code) {
        this.codes[k][this.rowCount] = code
        return
      }
    }
    const value = parseNumber(text, start, end, this.decimalComma)
    if (value !== undefined) {
      if (kind === AUTO) {
        this.buffers!.promote(k)
        this.layout++
        this.kinds[k] = AUTO_NUMERIC
        this.codes[k] = NO_CODES
        this.numbers[k] = this.buffers!.numbers[k]!
        this.typing.push({ name: this.plan![k].name, type: "numeric", row: line, value: shown(text, start, end) })
      }
      this.numbers[k][this.rowCount] = value
      return
    }
    const cell = shown(text, start, end)
    this.buffers!.drop(k)
    this.layout++
    this.kinds[k] = SKIP
    if (k > 0) this.skipped[k] = 1
    this.codes[k] = NO_CODES
    this.numbers[k] = NO_NUMBERS
    const known = this.typing.findIndex((t) => t.name === this.plan![k].name)
    if (known >= 0) this.typing.splice(known, 1)
    this.typing.push({ name: this.plan![k].name, type: DATE.test(cell) ? "date" : "text", row: line, value: cell })
  }

  endRecord(line: number, fields: number): void {
    const malformed = this.recordMalformed
    this.fieldIndex = 0
    this.skipNextCheck = false
    this.recordMalformed = false
    const plan = this.plan
    if (plan === undefined) {
      this.start(this.planHeader(this.header))
      return
    }
    if (fields === 1 && this.firstFieldBlank && plan.length > 1) return
    this.dataRecords++
    if (fields !== plan.length) {
      if (!malformed) {
        this.problems.add({
          row: line,
          column: "",
          value: `${fields} field${fields === 1 ? "" : "s"}`,
          expected: `${plan.length} field${plan.length === 1 ? "" : "s"} as in the header`
        })
      }
      return
    }
    this.rowCount++
  }

  /** Room for the row that a record starting now would fill (the byte row scanner's `k === 0` of `fieldBytes`). */
  reserveRow(): void {
    if (this.rowCount === this.buffers!.capacity) this.grow(this.rowCount + 1, false)
  }

  private grow(rows: number, exact: boolean): void {
    const buffers = this.buffers!
    buffers.ensure(rows, exact)
    this.layout++
    this.codes = buffers.codes.map((c) => c ?? NO_CODES)
    this.numbers = buffers.numbers.map((c) => c ?? NO_NUMBERS)
  }

  malformed(line: number, fieldIndex: number, raw: string, expected: string): void {
    this.recordMalformed = true
    const plan = this.plan
    if (plan === undefined) {
      this.problems.add({
        row: line,
        column: "",
        value: `header field ${fieldIndex + 1} ${JSON.stringify(raw)}`,
        expected
      })
      return
    }
    this.skipNextCheck = true
    this.problems.add({
      row: line,
      column: fieldIndex < plan.length ? plan[fieldIndex].name : "",
      value: raw,
      expected
    })
  }

  private start(plan: ReadonlyArray<ColumnPlan>): void {
    this.plan = plan
    this.layout++
    const buffers = new ColumnBuffers(plan, this.rowsHint)
    this.buffers = buffers
    this.kinds = Uint8Array.from(plan, (c) =>
      c.type === "numeric"
        ? NUMERIC
        : c.type === "ignored"
        ? IGNORED
        : c.type === "auto"
        ? AUTO
        : c.type === "skipped"
        ? SKIP
        : c.accepts === undefined
        ? CODES
        : CHECKED_CODES)
    this.codes = buffers.codes.map((c) => c ?? NO_CODES)
    this.numbers = buffers.numbers.map((c) => c ?? NO_NUMBERS)
    this.skipped = this.kinds.map((kind, k) => (kind === SKIP && k > 0 ? 1 : 0))
    this.accepted = plan.map((c) => {
      const table = new Uint8Array(c.accepts === undefined ? 0 : TABLE_SIZE)
      for (let code = 0; code < table.length; code++) table[code] = c.accepts!(code) ? 1 : 0
      return table
    })
  }

  private accepts(k: number, code: number): boolean {
    return code >= 0 && code < TABLE_SIZE ? this.accepted[k][code] === 1 : this.plan![k].accepts!(code)
  }

  private problem(line: number, k: number, text: string, start: number, end: number): void {
    if (this.problems.full) return this.problems.countOnly()
    const column = this.plan![k]
    this.problems.add({ row: line, column: column.name, value: shown(text, start, end), expected: column.expected })
  }
}
