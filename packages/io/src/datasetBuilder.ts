import { SYSTEM_MISSING } from "@danvan/domain"
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
 * const builder = new DatasetBuilder(new ProblemCollector(20), false, (names) => planColumns(names, { fileName: "s.csv" }).columns)
 * scanCsv("level\n1\n2\n", ",", builder)
 * builder.buffers!.columns(builder.rowCount) // [{ name: "level", type: "codes", values: Int32Array [1, 2] }]
 */
export class DatasetBuilder implements CsvSink {
  /** The trimmed header names, once the first record has been read. */
  readonly header: Array<string> = []
  /** How each column is read; undefined until the header has been read. */
  plan: ReadonlyArray<ColumnPlan> | undefined
  buffers: ColumnBuffers | undefined
  /** Rows kept so far. */
  rowCount = 0
  /** Data records seen (kept or not). */
  dataRecords = 0
  private fieldIndex = 0
  private firstFieldBlank = false
  private skipNextCheck = false
  private recordMalformed = false

  constructor(
    private readonly problems: ProblemCollector,
    private readonly decimalComma: boolean,
    private readonly planHeader: (names: ReadonlyArray<string>) => ReadonlyArray<ColumnPlan>
  ) {}

  field(text: string, start: number, end: number, quoted: boolean, line: number): void {
    const k = this.fieldIndex++
    const plan = this.plan
    if (plan === undefined) {
      this.header.push(text.slice(start, end).trim())
      return
    }
    if (k === 0) this.firstFieldBlank = !quoted && trimStart(text, start, end) === end
    if (k >= plan.length) return
    if (this.skipNextCheck) {
      this.skipNextCheck = false
      return
    }
    const column = plan[k]
    const row = this.rowCount
    if (column.type === "codes") {
      const code = parseCode(text, start, end, this.decimalComma)
      if (code !== code || (code !== SYSTEM_MISSING && column.accepts !== undefined && !column.accepts(code))) {
        this.problems.add({ row: line, column: column.name, value: shown(text, start, end), expected: column.expected })
      } else this.buffers!.codes[k]![row] = code
    } else if (column.type === "numeric") {
      const value = parseNumber(text, start, end, this.decimalComma)
      if (value === undefined) this.problems.add({ row: line, column: column.name, value: shown(text, start, end), expected: column.expected })
      else this.buffers!.numbers[k]![row] = value
    } else if (trimStart(text, start, end) !== end) {
      this.problems.add({ row: line, column: column.name, value: shown(text, start, end), expected: column.expected })
    }
  }

  endRecord(line: number, fields: number): void {
    const malformed = this.recordMalformed
    this.fieldIndex = 0
    this.skipNextCheck = false
    this.recordMalformed = false
    const plan = this.plan
    if (plan === undefined) {
      this.plan = this.planHeader(this.header)
      this.buffers = new ColumnBuffers(this.plan)
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
    this.buffers!.ensure(this.rowCount + 1)
  }

  malformed(line: number, fieldIndex: number, raw: string, expected: string): void {
    this.recordMalformed = true
    const plan = this.plan
    if (plan === undefined) {
      this.problems.add({ row: line, column: "", value: `header field ${fieldIndex + 1} ${JSON.stringify(raw)}`, expected })
      return
    }
    this.skipNextCheck = true
    this.problems.add({ row: line, column: fieldIndex < plan.length ? plan[fieldIndex].name : "", value: raw, expected })
  }
}
