import type { ReportDocument } from "../document.js"
import type { ReportFormat } from "../formats.js"
import type { ChromiumOptions } from "./chromium.js"
import { renderCsv } from "./csv.js"
import { renderDocx } from "./docx.js"
import { renderHtml } from "./html.js"
import { renderJson } from "./json.js"
import { renderMarkdown } from "./markdown.js"
import { renderPdf } from "./pdf.js"
import { renderXlsx } from "./xlsx.js"

/**
 * A report document in one of the report formats: text (HTML with SVG charts, Markdown, CSV, JSON with `results`,
 * the analysis results the document was built from, unless cells were suppressed) or bytes (XLSX, DOCX, PDF; PDF
 * needs the system Chromium, found as `chromium` says). The CLI's `danvan report` and the API's report endpoint
 * both render through here.
 *
 * @example
 * const body = await render(buildPublishedReport(publishedTables, { lang: "en" }), "md") // "# …"
 * await writeFile("report.docx", await render(doc, "docx"))
 */
export const render = async (
  doc: ReportDocument,
  format: ReportFormat,
  results?: unknown,
  chromium: ChromiumOptions = {}
): Promise<string | Uint8Array> => {
  switch (format) {
    case "html":
      return renderHtml(doc)
    case "xlsx":
      return renderXlsx(doc)
    case "docx":
      return renderDocx(doc)
    case "pdf":
      return renderPdf(doc, chromium)
    case "md":
      return renderMarkdown(doc)
    case "csv":
      return renderCsv(doc)
    case "json":
      return renderJson(doc, results)
  }
}
