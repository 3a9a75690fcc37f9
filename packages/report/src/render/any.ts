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
 * A report in any of its formats: text (HTML, Markdown, CSV, JSON) or bytes (XLSX, DOCX, PDF). `results` are the
 * raw result objects for JSON (left out under disclosure control); PDF needs the system Chromium.
 *
 * @example
 * await writeFile("report.docx", await renderReport(doc, "docx"))
 */
export const renderReport = async (
  doc: ReportDocument,
  format: ReportFormat,
  options: ChromiumOptions & { readonly results?: unknown } = {}
): Promise<string | Uint8Array> => {
  switch (format) {
    case "html":
      return renderHtml(doc)
    case "xlsx":
      return renderXlsx(doc)
    case "docx":
      return renderDocx(doc)
    case "pdf":
      return renderPdf(doc, options)
    case "md":
      return renderMarkdown(doc)
    case "csv":
      return renderCsv(doc)
    case "json":
      return renderJson(doc, options.results)
  }
}
