import * as Effect from "effect/Effect"
import { decodeText, legacyWarning, type TextEncodingName } from "../decodeText.js"
import { detectLegacyEncoding, fromLegacy } from "../encoding/legacy.js"
import { DataFileError, type IoWarning } from "../errors.js"
import { parseCsvRecords } from "../loadExcerpts.js"
import { loadWorkbook } from "../xlsx/loadWorkbook.js"

/** A sheet of text cells: the header and each data record with the line (CSV) or row (.xlsx) it starts on. */
export interface TextTable {
  readonly header: ReadonlyArray<string>
  readonly rows: ReadonlyArray<{ readonly row: number; readonly cells: ReadonlyArray<string> }>
  readonly warnings: ReadonlyArray<IoWarning>
}

/**
 * A CSV file's records as text (UTF-8, else windows-1258 with a warning; NFC; "," or ";" between fields).
 *
 * @example
 * csvTable(new TextEncoder().encode("Timestamp,Q\n2024/03/05,Có\n")).rows[0] // { row: 2, cells: ["2024/03/05", "Có"] }
 */
export const csvTable = (bytes: Uint8Array, encoding: TextEncodingName = "auto"): TextTable => {
  const { text, warnings } = decodeText(bytes, encoding)
  const records = parseCsvRecords(text)
  const [head, ...rest] = records
  return {
    header: (head?.fields ?? []).map((f) => f.trim()),
    rows: rest.map((r) => ({ row: r.line, cells: r.fields })),
    warnings
  }
}

const cellString = (value: unknown): string => {
  if (value === null || value === undefined) return ""
  if (value instanceof Date) return value.toISOString().replace(/\.000Z$/, "Z")
  if (typeof value === "number" || typeof value === "boolean") return String(value)
  if (typeof value === "string") return value.normalize("NFC")
  if (typeof value === "object") {
    const v = value as {
      result?: unknown
      richText?: Array<{ text: string }>
      text?: unknown
      hyperlink?: unknown
      error?: unknown
    }
    if (v.richText !== undefined) return v.richText.map((r) => r.text).join("").normalize("NFC")
    if ("result" in v) return cellString(v.result)
    if (v.text !== undefined) return String(v.text).normalize("NFC")
    if (v.error !== undefined) return String(v.error)
  }
  return String(value)
}

/**
 * The named (or first) sheet of an .xlsx workbook as text cells; dates become ISO 8601 text. exceljs is loaded
 * only here.
 *
 * @example
 * const table = yield* xlsxTable(bytes, "form.xlsx", "Sheet1")
 */
export const xlsxTable = (
  bytes: Uint8Array,
  fileName: string,
  sheetName?: string
): Effect.Effect<TextTable, DataFileError> =>
  Effect.gen(function*() {
    const fail = (value: string, expected: string) =>
      Effect.fail(
        new DataFileError({ file: fileName, problems: [{ row: 0, column: "", value, expected }], totalProblems: 1 })
      )
    const loaded = yield* Effect.either(Effect.tryPromise(() => loadWorkbook(bytes)))
    if (loaded._tag === "Left") return yield* fail("not a readable .xlsx workbook", "an Excel workbook saved as .xlsx")
    const workbook = loaded.right
    const sheet = sheetName === undefined ? workbook.worksheets[0] : workbook.getWorksheet(sheetName)
    if (sheet === undefined) {
      return yield* fail(
        `no sheet ${JSON.stringify(sheetName ?? "")}`,
        `one of the sheets ${workbook.worksheets.map((s) => JSON.stringify(s.name)).join(", ")}`
      )
    }
    return sheetTable(sheet)
  })

/**
 * An exceljs worksheet as text cells (row 1 the header, wholly empty rows skipped).
 *
 * @example
 * sheetTable(workbook.getWorksheet("survey")).header // ["type", "name", "label::Vietnamese (vi)"]
 */
export const sheetTable = (sheet: import("exceljs").Worksheet): TextTable => {
  const width = sheet.columnCount
  const rowCells = (r: number) => {
    const row = sheet.getRow(r)
    const cells: Array<string> = []
    for (let c = 1; c <= width; c++) cells.push(cellString(row.getCell(c).value))
    return cells
  }
  const rows: Array<{ row: number; cells: Array<string> }> = []
  for (let r = 2; r <= sheet.rowCount; r++) {
    const cells = rowCells(r)
    if (cells.some((c) => c.trim() !== "")) rows.push({ row: r, cells })
  }
  const header = sheet.rowCount === 0 ? [] : rowCells(1).map((h) => h.trim())
  // Cells typed in .VnTime or VNI-Times fonts hold TCVN3/VNI text: converted, with a warning.
  const legacy = detectLegacyEncoding([header, ...rows.map((r) => r.cells)].flat().join("\n"))
  if (legacy === undefined) return { header, rows, warnings: [] }
  const convert = (cells: ReadonlyArray<string>) => cells.map((c) => fromLegacy(c, legacy))
  return {
    header: convert(header),
    rows: rows.map((r) => ({ row: r.row, cells: convert(r.cells) })),
    warnings: [legacyWarning(legacy, false)]
  }
}
