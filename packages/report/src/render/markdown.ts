import type { ReportDocument, ReportTable } from "../document.js"
import { t } from "../i18n.js"
import { cellText, expandHeader } from "./cells.js"

const esc = (s: string): string => s.replace(/([\\|*_`<>[\]])/g, "\\$1").replace(/\r?\n/g, " ")

const tableMd = (table: ReportTable, doc: ReportDocument): string => {
  // Markdown has one header row: the grouped header's labels are joined to the column labels below them.
  const rows = table.header.map(expandHeader)
  let group = ""
  const header = rows[0].map((_, j) => {
    const parts = rows.map((r, i) => {
      if (i === 0 && rows.length > 1) {
        if (r[j] !== "") group = r[j]
        return group
      }
      return r[j]
    })
    return parts.filter((p) => p !== "").join(" · ")
  })
  const align = table.rows[0]?.cells.map((c) => (c.format === "text" ? "---" : "---:")) ?? header.map(() => "---")
  const line = (cells: ReadonlyArray<string>) => `| ${cells.map(esc).join(" | ")} |`
  const body = table.rows.map((row) =>
    `| ${
      row.cells.map((c) => {
        const s = esc(cellText(c, doc.decimal))
        return row.kind === "total" && s !== "" ? `**${s}**` : s
      }).join(" | ")
    } |`
  )
  const notes = table.notes.map((n) => `\n_${esc(n)}_`).join("\n")
  return [`**${esc(table.title)}**`, "", line(header), `| ${align.join(" | ")} |`, ...body, notes].join("\n")
}

/**
 * The report as GitHub-flavoured Markdown: headings, tables (formatted numbers, `[c]` for hidden cells), APA
 * sentences and notes. Charts are in the HTML report only.
 *
 * @example
 * renderMarkdown(doc)
 */
export const renderMarkdown = (doc: ReportDocument): string => {
  const out: Array<string> = [`# ${esc(doc.title)}`, "", esc(doc.subtitle), ""]
  for (const s of doc.sections) {
    out.push(`## ${esc(s.heading)}`, "")
    for (const b of s.blocks) {
      if (b.kind === "table") out.push(tableMd(b.table, doc), "")
      else if (b.kind === "text") out.push(esc(b.text), "")
      else if (b.kind === "apa") out.push(...b.sentences.map((x) => `- ${esc(x)}`), "")
      else if (b.kind === "excerpts") {
        out.push(...b.excerpts.flatMap((x) => [`> _“${esc(x.text)}”_ (${esc(x.attribution)})`, ""]))
      }
    }
  }
  out.push(`## ${t("notes", doc.lang)}`, "", ...doc.notes.map((n) => `- ${esc(n)}`), "")
  return out.join("\n").normalize("NFC")
}
