import { makeDataset } from "@danvan/domain"
import * as Effect from "effect/Effect"
import { planColumns } from "../columnPlan.js"
import { DatasetBuilder } from "../datasetBuilder.js"
import { DataFileError, type DataProblem, type IoWarning } from "../errors.js"
import { ProblemCollector } from "../problems.js"
import type { CsvReadOptions } from "../types.js"
import { cellText, columnLetters } from "./cellText.js"
import { loadWorkbook } from "./loadWorkbook.js"

/**
 * Options of `readXlsx`: those of the CSV reader, and the sheet to read (default: the first).
 *
 * @example
 * const options: XlsxReadOptions = { fileName: "survey.xlsx", sheet: "Data", codebook }
 */
export interface XlsxReadOptions extends CsvReadOptions {
  readonly sheet?: string
}

/**
 * What `readXlsx` returns: the dataset, the sheet read and the reader's warnings.
 *
 * @example
 * const { dataset, sheet, warnings }: XlsxReadResult = yield* readXlsx(bytes, { fileName: "s.xlsx" })
 */
export interface XlsxReadResult {
  readonly dataset: import("@danvan/domain").Dataset
  readonly sheet: string
  readonly warnings: ReadonlyArray<IoWarning>
}

/**
 * Reads one sheet of an Excel workbook (.xlsx) into a Dataset, all or nothing, with the CSV reader's cell
 * rules and codebook checks: the first row is the header, each further row a respondent; numbers and text
 * cells are decoded exactly as CSV fields would be. Problems name the row, the cell address and the column:
 * formulas without a cached value, error values, dates and TRUE/FALSE in data cells, merged header cells,
 * columns without a header. Wholly empty rows are skipped. exceljs is loaded only when a workbook is read.
 *
 * @example
 * const { dataset } = yield* readXlsx(bytes, { fileName: "survey.xlsx", sheet: "Data", codebook })
 */
export const readXlsx = (bytes: Uint8Array, options: XlsxReadOptions): Effect.Effect<XlsxReadResult, DataFileError> =>
  Effect.gen(function*() {
    const sheetLabel = (name: string) => `${options.fileName} (sheet "${name}")`
    const fail = (file: string, problems: ReadonlyArray<DataProblem>, total = problems.length) =>
      Effect.fail(new DataFileError({ file, problems, totalProblems: total }))
    const loaded = yield* Effect.either(Effect.tryPromise(() => loadWorkbook(bytes)))
    if (loaded._tag === "Left") {
      const cause = loaded.left.cause instanceof Error ? loaded.left.cause.message : String(loaded.left.cause)
      return yield* fail(options.fileName, [{
        row: 0,
        column: "",
        value: `not a readable .xlsx workbook (${cause})`,
        expected: "an Excel workbook saved as .xlsx"
      }])
    }
    const workbook = loaded.right
    const sheets = workbook.worksheets
    const sheet = options.sheet === undefined ? sheets[0] : workbook.getWorksheet(options.sheet)
    if (sheet === undefined) {
      const names = sheets.map((s) => JSON.stringify(s.name)).join(", ")
      return yield* fail(options.fileName, [{
        row: 0,
        column: "",
        value: options.sheet === undefined
          ? "the workbook has no sheets"
          : `no sheet named ${JSON.stringify(options.sheet)}`,
        expected: `one of the sheets ${names || "(none)"}`
      }])
    }
    const file = sheetLabel(sheet.name)
    const problems = new ProblemCollector(options.maxProblems)
    const warnings: Array<IoWarning> = []
    const columnCount = sheet.columnCount
    if (sheet.rowCount === 0 || columnCount === 0) {
      return yield* fail(file, [{
        row: 1,
        column: "",
        value: "the sheet is empty",
        expected: "a header row and at least one data row"
      }])
    }

    // Header: merged cells would give one name to several columns, or none to some.
    const headerRow = sheet.getRow(1)
    for (let c = 1; c <= columnCount; c++) {
      const cell = headerRow.getCell(c)
      if (cell.isMerged && cell.master.address === cell.address) {
        let last = c
        while (
          last < columnCount && headerRow.getCell(last + 1).isMerged &&
          headerRow.getCell(last + 1).master.address === cell.address
        ) last++
        problems.add({
          row: 1,
          column: "",
          cell: `${cell.address}:${columnLetters(last)}1`,
          value: `merged header cells ${cell.address}:${columnLetters(last)}1`,
          expected: "one header cell per column (unmerge the header and name each column)"
        })
      }
    }
    const names: Array<string> = []
    for (let c = 1; c <= columnCount; c++) {
      const cell = headerRow.getCell(c)
      const decoded = cell.isMerged && cell.master.address !== cell.address ? { text: "" } : cellText(cell.value)
      if ("problem" in decoded) {
        problems.add({ row: 1, column: "", cell: cell.address, value: decoded.problem, expected: "a column name" })
      }
      names.push("text" in decoded ? decoded.text.trim() : "")
    }

    const builder = new DatasetBuilder(problems, false, (header) => {
      const plan = planColumns(header, options)
      plan.problems.forEach((p) => problems.add(p))
      warnings.push(...plan.warnings.map((w) => ({ ...w, message: w.message.replace(options.fileName, file) })))
      return plan.columns
    })
    names.forEach((name) => builder.field(name, 0, name.length, false, 1))
    builder.endRecord(1, names.length)

    for (let r = 2; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r)
      const texts: Array<string> = []
      let blank = true
      for (let c = 1; c <= columnCount; c++) {
        const cell = row.getCell(c)
        const planned = builder.plan?.[c - 1]?.type
        // A column typed from its contents takes a date cell as an ISO date (it becomes a date column); a
        // column the command does not need is not looked at.
        const decoded = planned === "skipped"
          ? { text: "" }
          : planned === "auto" && cell.value instanceof Date
          ? { text: cell.value.toISOString().slice(0, 10) }
          : cellText(cell.value)
        if ("problem" in decoded) {
          problems.add({
            row: r,
            column: names[c - 1] ?? "",
            cell: cell.address,
            value: decoded.problem,
            expected: decoded.expected
          })
          texts.push("")
          blank = false
        } else {
          texts.push(decoded.text)
          if (decoded.text.trim() !== "") blank = false
        }
      }
      if (blank) continue
      texts.forEach((t) => builder.field(t, 0, t.length, false, r))
      builder.endRecord(r, texts.length)
    }
    if (builder.dataRecords === 0 && problems.total === 0) {
      problems.add({
        row: 1,
        column: "",
        value: "the sheet has a header row but no data rows",
        expected: "a header row and at least one data row"
      })
    }
    if (problems.total > 0 || builder.buffers === undefined) {
      // The shared cell decoder names row and column; add the cell address, which is what Excel users look for.
      const withCells = problems.kept.map((p) => {
        const k = names.indexOf(p.column)
        return p.cell !== undefined || p.column === "" || k < 0 ? p : { ...p, cell: `${columnLetters(k + 1)}${p.row}` }
      })
      return yield* fail(file, withCells, problems.total)
    }
    return {
      dataset: makeDataset(
        builder.buffers.columns(builder.rowCount),
        options.codebook?.id,
        builder.typing.map((t) => ({ ...t, file }))
      ),
      sheet: sheet.name,
      warnings
    }
  })
