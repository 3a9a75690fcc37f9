import type { Cell, ReportDocument } from "../document.js"
import { expandHeader, SUPPRESSED } from "./cells.js"

/** UTF-8 byte-order mark: Excel on Windows then reads Vietnamese correctly instead of guessing a code page. */
export const BOM = "\uFEFF"

const field = (value: string | number | null): string => {
  const s = value === null ? "" : typeof value === "number" ? (Number.isFinite(value) ? String(value) : "") : value
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, "\"\"")}"` : s
}

const raw = (c: Cell): string | number | null => (c.suppressed === true ? SUPPRESSED : c.value)

/**
 * The report's tables as one CSV file for spreadsheets: UTF-8 with BOM, CRLF, comma-separated, "." decimals and
 * full-precision numbers (p as a number); each table is its title, header rows, data rows and notes, then a
 * blank line; the report's notes come last. Hidden cells are `[c]`.
 *
 * @example
 * await writeFile("report.csv", renderCsv(doc))
 */
export const renderCsv = (doc: ReportDocument): string => {
  const lines: Array<string> = [field(doc.title), field(doc.subtitle), ""]
  for (const s of doc.sections) {
    for (const b of s.blocks) {
      if (b.kind === "table") {
        lines.push(field(b.table.title))
        for (const row of b.table.header) lines.push(expandHeader(row).map(field).join(","))
        for (const row of b.table.rows) lines.push(row.cells.map((c) => field(raw(c))).join(","))
        for (const n of b.table.notes) lines.push(field(n))
        lines.push("")
      } else if (b.kind === "apa") {
        for (const x of b.sentences) lines.push(field(x))
        lines.push("")
      } else if (b.kind === "excerpts") {
        for (const x of b.excerpts) lines.push([field(x.text), field(x.attribution)].join(","))
        lines.push("")
      }
    }
  }
  for (const n of doc.notes) lines.push(field(n))
  return (BOM + lines.join("\r\n") + "\r\n").normalize("NFC")
}
