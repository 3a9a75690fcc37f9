import type { Block, ReportDocument, ReportTable } from "../document.js"
import { t } from "../i18n.js"
import { cellText } from "./cells.js"
import { chartSvgOf } from "./chartSvg.js"

/**
 * Escapes text for HTML element content and attribute values.
 *
 * @example
 * escapeHtml("a < b") // "a &lt; b"
 */
export const escapeHtml = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")

const CSS = `
:root { --rule: #444; --light: #ccc; --muted: #555; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Noto Sans", "Segoe UI", Arial, sans-serif; font-size: 14px; line-height: 1.45; color: #111; margin: 0 auto; max-width: 1200px; padding: 24px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 32px 0 8px; border-bottom: 1px solid var(--light); padding-bottom: 4px; }
.subtitle, .notes, figcaption { color: var(--muted); }
nav ol { columns: 2; font-size: 13px; }
figure { margin: 16px 0; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; margin: 8px 0; }
caption { text-align: left; font-weight: bold; padding: 4px 0; caption-side: top; }
th, td { padding: 3px 8px; vertical-align: top; }
thead th { border-bottom: 1px solid var(--rule); text-align: center; font-weight: 600; }
thead tr:first-child th { border-top: 2px solid var(--rule); }
tbody tr:last-child td { border-bottom: 2px solid var(--rule); }
td.num { text-align: right; white-space: nowrap; }
td.text { text-align: left; max-width: 28em; }
tr.total td { border-top: 1px solid var(--rule); font-weight: 600; }
td.suppressed { color: var(--muted); font-style: italic; }
ul.notes { font-size: 12px; margin: 4px 0 0; padding-left: 18px; }
ul.apa { padding-left: 18px; }
.chart svg { max-width: 100%; height: auto; }
blockquote.excerpt { margin: 8px 24px; font-style: italic; }
blockquote.excerpt p { margin: 0; }
blockquote.excerpt footer { font-style: normal; color: var(--muted); }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  nav { display: none; }
  h2 { break-after: avoid; }
  figure, table { break-inside: avoid; }
  /* a table longer than a page (a banner table) breaks between rows instead of leaving a blank page */
  figure.long, figure.long table { break-inside: auto; }
  figure.long tr { break-inside: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
}
@page { size: A4 landscape; margin: 12mm; }
`

/** Rows beyond which a printed table may break across pages (rather than leave a page blank before it). */
const LONG_TABLE_ROWS = 15

const tableHtml = (table: ReportTable, doc: ReportDocument): string => {
  const head = table.header
    .map((row) =>
      `<tr>${
        row.map((c) => `<th${(c.span ?? 1) > 1 ? ` colspan="${c.span}"` : ""} scope="col">${escapeHtml(c.text)}</th>`)
          .join("")
      }</tr>`
    )
    .join("\n")
  const body = table.rows
    .map((row) => {
      const cells = row.cells.map((c) => {
        const cls = [c.format === "text" ? "text" : "num", c.suppressed === true ? "suppressed" : ""].filter(Boolean)
          .join(" ")
        return `<td class="${cls}">${escapeHtml(cellText(c, doc.decimal))}</td>`
      })
      return `<tr${row.kind === "total" ? " class=\"total\"" : ""}>${cells.join("")}</tr>`
    })
    .join("\n")
  const notes = table.notes.length > 0
    ? `\n<ul class="notes">${table.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join("")}</ul>`
    : ""
  const long = table.rows.length > LONG_TABLE_ROWS ? " long" : ""
  return `<figure class="table${long}" id="${escapeHtml(table.id)}">\n<table data-table-id="${
    escapeHtml(table.id)
  }">\n<caption>${
    escapeHtml(table.title)
  }</caption>\n<thead>\n${head}\n</thead>\n<tbody>\n${body}\n</tbody>\n</table>${notes}\n</figure>`
}

const blockHtml = async (b: Block, doc: ReportDocument): Promise<string> => {
  switch (b.kind) {
    case "table":
      return tableHtml(b.table, doc)
    case "text":
      return `<p>${escapeHtml(b.text)}</p>`
    case "apa":
      return `<ul class="apa">${b.sentences.map((s) => `<li>${escapeHtml(s)}</li>`).join("")}</ul>`
    case "chart":
      return `<figure class="chart" id="${escapeHtml(b.id)}" data-chart-id="${escapeHtml(b.id)}">\n${await chartSvgOf(
        b.chart,
        doc
      )}\n</figure>`
    case "excerpts":
      return b.excerpts
        .map((x) =>
          `<blockquote class="excerpt"><p>“${escapeHtml(x.text)}”</p><footer>(${
            escapeHtml(x.attribution)
          })</footer></blockquote>`
        )
        .join("\n")
  }
}

/**
 * The report as one self-contained HTML file: inline CSS (with print rules), inline SVG charts, no scripts and
 * no external URLs, so it opens offline and prints on A4.
 *
 * @example
 * await writeFile("report.html", await renderHtml(buildPlanReport(result, { lang: "vi" })))
 */
export const renderHtml = async (doc: ReportDocument): Promise<string> => {
  const sections: Array<string> = []
  for (const s of doc.sections) {
    const blocks: Array<string> = []
    for (const b of s.blocks) blocks.push(await blockHtml(b, doc))
    sections.push(
      `<section id="section-${escapeHtml(s.id)}">\n<h2>${escapeHtml(s.heading)}</h2>\n${blocks.join("\n")}\n</section>`
    )
  }
  const toc = doc.sections.map((s) => `<li><a href="#section-${escapeHtml(s.id)}">${escapeHtml(s.heading)}</a></li>`)
    .join("")
  const html = `<!DOCTYPE html>
<html lang="${doc.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.title)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${escapeHtml(doc.title)}</h1>
<p class="subtitle">${escapeHtml(doc.subtitle)}</p>
</header>
<nav aria-label="${escapeHtml(t("contents", doc.lang))}"><h2>${
    escapeHtml(t("contents", doc.lang))
  }</h2><ol>${toc}</ol></nav>
<main>
${sections.join("\n")}
</main>
<footer>
<h2>${escapeHtml(t("notes", doc.lang))}</h2>
<ul class="notes">${doc.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join("")}</ul>
</footer>
</body>
</html>
`
  return html.normalize("NFC")
}
