import type { Cell, CellFormat, ReportDocument, ReportTable } from "../document.js"
import type { Decimal } from "../format.js"
import { t } from "../i18n.js"
import { SUPPRESSED } from "./cells.js"

/** Excel number formats: numbers stay numbers; p shows APA style ("< .001", ".023"), never ".000". */
const NUMBER_FORMAT: Readonly<Record<Exclude<CellFormat, "text">, string>> = {
  count: "0",
  percent: "0.0",
  stat: "0.000",
  p: "[<0.001]\"< .001\";.000",
  df: "0",
  coef: ".000",
  mean: "0.00"
}

/**
 * With a decimal comma, p and coefficients keep their leading zero (0,023, as the report's text does) and the
 * literal below .001 is "< 0,001": Excel shows the number's separator by the reader's locale, but the text in
 * quotes as written, so it must use the report's own mark.
 */
const COMMA_FORMAT: Partial<Record<Exclude<CellFormat, "text">, string>> = {
  p: "[<0.001]\"< 0,001\";0.000",
  coef: "0.000"
}

const formatOf = (c: Cell, decimal: Decimal): string | undefined => {
  if (c.format === "text" || typeof c.value !== "number") return undefined
  if ((c.format === "count" || c.format === "df") && !Number.isInteger(c.value)) {
    return c.format === "df"
      ? "0.00"
      : "0.0"
  }
  return (decimal === "comma" ? COMMA_FORMAT[c.format] : undefined) ?? NUMBER_FORMAT[c.format]
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ], unique. */
const sheetName = (wanted: string, used: Set<string>): string => {
  const clean = wanted.replace(/[:\\/?*[\]]/g, "-").slice(0, 31) || "Sheet"
  let name = clean
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${clean.slice(0, 31 - String(n).length - 1)}~${n}`
  used.add(name.toLowerCase())
  return name
}

type Worksheet = import("exceljs").Worksheet

const writeTable = (ws: Worksheet, table: ReportTable, decimal: Decimal) => {
  ws.addRow([table.title]).font = { bold: true, size: 12 }
  ws.addRow([])
  for (const header of table.header) {
    const values = header.flatMap((c) => [c.text, ...Array.from({ length: (c.span ?? 1) - 1 }, () => null)])
    const row = ws.addRow(values)
    row.font = { bold: true }
    row.alignment = { horizontal: "center", vertical: "middle", wrapText: true }
    let col = 1
    for (const c of header) {
      if ((c.span ?? 1) > 1) ws.mergeCells(row.number, col, row.number, col + (c.span ?? 1) - 1)
      col += c.span ?? 1
    }
  }
  for (const r of table.rows) {
    const row = ws.addRow(r.cells.map((c) => (c.suppressed === true ? SUPPRESSED : c.value)))
    r.cells.forEach((c, j) => {
      const cell = row.getCell(j + 1)
      const fmt = formatOf(c, decimal)
      if (fmt !== undefined) cell.numFmt = fmt
      if (c.format !== "text") cell.alignment = { horizontal: "right" }
    })
    if (r.kind === "total") row.font = { bold: true }
  }
  if (table.notes.length > 0) ws.addRow([])
  for (const n of table.notes) ws.addRow([n]).font = { italic: true }
  ws.getColumn(1).width = 48
  for (let j = 2; j <= ws.columnCount; j++) ws.getColumn(j).width = 12
}

/**
 * The report as an Excel workbook: one sheet per table in SPSS's layout (title, header rows with merged group
 * headers, data; numbers stored as numbers with number formats, `[c]` for hidden cells), then a notes sheet with
 * the report's title, source, APA sentences, table notes and the rules it follows. exceljs loads only here.
 *
 * @example
 * await writeFile("report.xlsx", await renderXlsx(doc))
 */
export const renderXlsx = async (doc: ReportDocument): Promise<Uint8Array> => {
  const ExcelJS = (await import("exceljs")).default
  const wb = new ExcelJS.Workbook()
  wb.creator = "danvan"
  wb.title = doc.title
  const used = new Set<string>()
  const notesName = sheetName(t("notes", doc.lang), used)
  for (const s of doc.sections) {
    for (const b of s.blocks) {
      if (b.kind === "table") writeTable(wb.addWorksheet(sheetName(b.table.id, used)), b.table, doc.decimal)
    }
  }
  const notes = wb.addWorksheet(notesName)
  notes.addRow([doc.title]).font = { bold: true, size: 13 }
  notes.addRow([doc.subtitle])
  for (const s of doc.sections) {
    notes.addRow([])
    notes.addRow([s.heading]).font = { bold: true }
    for (const b of s.blocks) {
      if (b.kind === "apa") { for (const x of b.sentences) notes.addRow([x]) }
      else if (b.kind === "text") notes.addRow([b.text])
      else if (b.kind === "excerpts") { for (const x of b.excerpts) notes.addRow([`“${x.text}” (${x.attribution})`]) }
      else if (b.kind === "table") { for (const n of b.table.notes) notes.addRow([`${b.table.title}: ${n}`]) }
    }
  }
  notes.addRow([])
  for (const n of doc.notes) notes.addRow([n])
  notes.getColumn(1).width = 120
  return new Uint8Array(await wb.xlsx.writeBuffer())
}
