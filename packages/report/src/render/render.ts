import type { ReportDocument } from "../document.js"
import type { ReportFormat } from "../formats.js"
import { renderCsv } from "./csv.js"
import { renderHtml } from "./html.js"
import { renderJson } from "./json.js"
import { renderMarkdown } from "./markdown.js"
import { renderXlsx } from "./xlsx.js"

/**
 * A report document in one of the report formats: HTML (SVG charts), XLSX bytes, Markdown, CSV or JSON (with
 * `results`, the analysis results the document was built from, unless cells were suppressed). The CLI's
 * `danvan report` and the API's report endpoint both render through here.
 *
 * @example
 * const body = await render(buildPublishedReport(publishedTables, { lang: "en" }), "md") // "# …"
 */
export const render = async (
  doc: ReportDocument,
  format: ReportFormat,
  results?: unknown
): Promise<string | Uint8Array> => {
  switch (format) {
    case "html":
      return renderHtml(doc)
    case "xlsx":
      return renderXlsx(doc)
    case "md":
      return renderMarkdown(doc)
    case "csv":
      return renderCsv(doc)
    case "json":
      return renderJson(doc, results)
  }
}
