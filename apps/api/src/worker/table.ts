import { type AnalysisError, type BannerResult, bannerTable } from "@danvan/analysis"
import * as Either from "effect/Either"
import type { AnalysisTask, ReportFormat, TaskReply } from "./protocol.js"

/** The content type of each rendered format. */
export const CONTENT_TYPES: Readonly<Record<ReportFormat | "text", string>> = {
  html: "text/html; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  json: "application/json; charset=utf-8",
  md: "text/markdown; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
  text: "text/plain; charset=utf-8"
}

/**
 * Renders a report document; a PDF without a usable Chromium (CHROMIUM_PATH or /usr/bin/chromium) is a 422
 * `PDF_UNAVAILABLE` naming the executable, not a 500.
 *
 * @example
 * return renderedOrUnavailable(() => Report.render(doc, "pdf", result), "pdf")
 */
export const renderedOrUnavailable = async (
  render: () => Promise<string | Uint8Array>,
  format: ReportFormat
): Promise<TaskReply> => {
  try {
    return { ok: true, body: await render(), contentType: CONTENT_TYPES[format] }
  } catch (e) {
    if ((e as { _tag?: unknown })?._tag !== "ChromiumError") throw e
    return {
      ok: false,
      error: "analysis",
      code: "PDF_UNAVAILABLE",
      message: `${(e as Error).message}; the other formats (html, docx, xlsx) need no browser`
    }
  }
}

const refused = (e: AnalysisError): TaskReply => ({ ok: false, error: "analysis", code: e.code, message: e.message })

/**
 * A banner table as `danvan table --format F` gives it: the result object (json), the terminal table (text), or
 * a report document rendered by @danvan/report, with the server's minimum cell size as a floor under the
 * request's suppressBelow (json and text: `suppressBanner`, hiding the cells the rendered table hides).
 *
 * @example
 * await runTable({ kind: "table", dataset, codebook, rows: ["q1"], cols: ["level"], options: {}, render })
 */
export const runTable = async (task: Extract<AnalysisTask, { kind: "table" }>): Promise<TaskReply> => {
  const result = bannerTable(task.dataset, task.codebook, task.rows, task.cols, task.options)
  if (Either.isLeft(result)) return refused(result.left)
  const { format, lang, dataFile, decimal, suppressBelow } = task.render
  if (format === "json" || format === "text") {
    const { renderBannerText, suppressBanner } = await import("@danvan/report/text")
    // the cells the rendered table would hide are nulled, with `suppression: {k, hidden}` (as `danvan table`)
    const floor = Math.max(suppressBelow ?? 0, task.minCell ?? 0)
    const plain = floor > 1 || suppressBelow !== undefined ? suppressBanner(result.right, floor) : result.right
    return format === "json"
      ? { ok: true, body: JSON.stringify(plain), contentType: "application/json" }
      : { ok: true, body: renderBannerText(plain, { lang, color: false }), contentType: CONTENT_TYPES.text }
  }
  return renderReport(result.right, format, { lang, dataFile, decimal, suppressBelow }, task.minCell ?? 0)
}

const renderReport = async (
  result: BannerResult,
  format: Exclude<ReportFormat, "json">,
  options: Omit<Extract<AnalysisTask, { kind: "table" }>["render"], "format">,
  minCell: number
) => {
  // The report package is loaded only when a rendered table is asked for: it brings vega and exceljs.
  const Report = await import("@danvan/report")
  const floor = Math.max(options.suppressBelow ?? 0, minCell)
  const doc = Report.buildBannerReport(result, {
    lang: options.lang,
    dataFile: options.dataFile,
    ...(options.decimal !== undefined ? { decimal: options.decimal } : {}),
    ...(floor > 1 || options.suppressBelow !== undefined ? { suppressBelow: floor } : {})
  })
  return renderedOrUnavailable(() => Report.render(doc, format, result), format)
}
