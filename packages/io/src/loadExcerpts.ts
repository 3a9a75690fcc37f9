import type { Excerpt } from "@danvan/domain"
import * as Effect from "effect/Effect"
import { decodeText, type TextEncodingName } from "./decodeText.js"
import { DataFileError, type DataProblem, type FileReadError } from "./errors.js"
import { readBytes } from "./readBytes.js"
import { cellText } from "./xlsx/cellText.js"

/**
 * RFC 4180 records: comma- or semicolon-separated (whichever the header line has more of outside quotes), fields in
 * double quotes may hold the separator, line breaks and doubled quotes. Returns the records and the line each
 * starts on.
 *
 * @example
 * parseCsvRecords('text,age\n"a, b",37\n')
 * // [{ line: 1, fields: ["text", "age"] }, { line: 2, fields: ["a, b", "37"] }]
 */
export const parseCsvRecords = (text: string): Array<{ line: number; fields: Array<string> }> => {
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text
  const firstLine = body.split(/\r?\n/, 1)[0] ?? ""
  const outside = firstLine.replace(/"[^"]*"/g, "")
  const sep = (outside.match(/;/g)?.length ?? 0) > (outside.match(/,/g)?.length ?? 0) ? ";" : ","
  const records: Array<{ line: number; fields: Array<string> }> = []
  let fields: Array<string> = []
  let field = ""
  let quoted = false
  let line = 1
  let start = 1
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]
    if (quoted) {
      if (ch === "\"" && body[i + 1] === "\"") {
        field += "\""
        i++
      } else if (ch === "\"") quoted = false
      else {
        if (ch === "\n") line++
        field += ch
      }
    } else if (ch === "\"" && field === "") quoted = true
    else if (ch === sep) {
      fields.push(field)
      field = ""
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && body[i + 1] === "\n") i++
      fields.push(field)
      records.push({ line: start, fields })
      fields = []
      field = ""
      line++
      start = line
    } else field += ch
  }
  if (field !== "" || fields.length > 0) records.push({ line: start, fields: [...fields, field] })
  return records.filter((r) => r.fields.some((f) => f.trim() !== ""))
}

const xlsxRecords = (bytes: Uint8Array, file: string) =>
  Effect.gen(function*() {
    const ExcelJS = (yield* Effect.promise(() => import("exceljs"))).default
    const workbook = new ExcelJS.Workbook()
    const loaded = yield* Effect.either(
      Effect.tryPromise(() =>
        workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never)
      )
    )
    const sheet = loaded._tag === "Right" ? workbook.worksheets[0] : undefined
    if (sheet === undefined) {
      return yield* Effect.fail(
        new DataFileError({
          file,
          problems: [{
            row: 0,
            column: "",
            value: "not a readable .xlsx workbook with a sheet",
            expected: "an Excel workbook saved as .xlsx"
          }],
          totalProblems: 1
        })
      )
    }
    const records: Array<{ line: number; fields: Array<string> }> = []
    sheet.eachRow({ includeEmpty: false }, (row, n) => {
      const fields: Array<string> = []
      for (let c = 1; c <= sheet.columnCount; c++) {
        const decoded = cellText(row.getCell(c).value)
        fields.push("text" in decoded ? decoded.text : "")
      }
      records.push({ line: n, fields })
    })
    return records
  })

/**
 * Interview excerpts from a CSV (UTF-8 or windows-1258, comma or semicolon) or XLSX file (first sheet): one row per
 * quote, a header row with a `text` column (or `text_vi`/`text_en`), optionally `theme`, and any attributes (`sex`,
 * `role`, `role_vi`, `role_en`, `age`, `level`, …). Header names are matched case-insensitively; text is NFC. All
 * or nothing: a missing text column or a row without a quote is a `DataFileError` naming the row and column.
 * `options.encoding` is a CSV's text encoding, as readDataFile's (default `auto`); an .xlsx file is Unicode.
 *
 * @example
 * const excerpts = yield* loadExcerpts("interviews.csv", { encoding: "tcvn3" })
 */
export const loadExcerpts = (
  path: string,
  options: { readonly encoding?: TextEncodingName } = {}
): Effect.Effect<Array<Excerpt>, DataFileError | FileReadError> =>
  Effect.gen(function*() {
    const bytes = yield* readBytes(path)
    const records = /\.xlsx$/i.test(path)
      ? yield* xlsxRecords(bytes, path)
      : parseCsvRecords(decodeText(bytes, options.encoding ?? "auto").text)
    const fail = (problems: Array<DataProblem>) =>
      Effect.fail(new DataFileError({ file: path, problems: problems.slice(0, 20), totalProblems: problems.length }))
    const header = (records[0]?.fields ?? []).map((h) => h.normalize("NFC").trim().toLowerCase())
    const textColumn = ["text", "text_vi", "text_en"].find((c) => header.includes(c))
    if (textColumn === undefined) {
      return yield* fail([{
        row: 1,
        column: "",
        value: `header ${JSON.stringify(header.join(","))}`,
        expected: "a column named text (the quote), or text_vi / text_en, and optionally theme, sex, role, age, level"
      }])
    }
    const problems: Array<DataProblem> = []
    const excerpts: Array<Excerpt> = []
    for (const r of records.slice(1)) {
      const attributes: Record<string, string> = {}
      header.forEach((h, j) => {
        const v = (r.fields[j] ?? "").normalize("NFC").trim()
        if (h !== "" && v !== "") attributes[h] = v
      })
      const text = attributes[textColumn]
      if (text === undefined) {
        problems.push({
          row: r.line,
          column: textColumn,
          value: "",
          expected: "the quote (a row without one is not an excerpt: fill it in or delete the row)"
        })
        continue
      }
      if (r.fields.length > header.length && r.fields.slice(header.length).some((f) => f.trim() !== "")) {
        problems.push({
          row: r.line,
          column: "",
          value: `${r.fields.length} fields`,
          expected: `${header.length} fields, as in the header (quote a text that holds the separator)`
        })
        continue
      }
      excerpts.push({
        row: r.line,
        text,
        ...(attributes.theme !== undefined ? { theme: attributes.theme } : {}),
        attributes
      })
    }
    if (problems.length > 0) return yield* fail(problems)
    return excerpts
  })
