import { describe, expect, it } from "vitest"
import {
  buildPublishedReport,
  render,
  renderCsv,
  renderHtml,
  renderJson,
  renderMarkdown,
  renderXlsx,
  reportFormats
} from "../src/index.js"
import { publishedResult } from "./helpers.js"

describe("render(document, format): the one entry the CLI and the API use", () => {
  const results = publishedResult()
  const doc = buildPublishedReport(results, { lang: "vi" })

  it("gives what each format's renderer gives, for every format", async () => {
    expect(reportFormats).toEqual(["html", "xlsx", "md", "csv", "json", "docx", "pdf"])
    expect(await render(doc, "html")).toBe(await renderHtml(doc))
    expect(await render(doc, "md")).toBe(renderMarkdown(doc))
    expect(await render(doc, "csv")).toBe(renderCsv(doc))
    expect(await render(doc, "json", results)).toBe(renderJson(doc, results))
    const xlsx = await render(doc, "xlsx")
    expect(xlsx).toBeInstanceOf(Uint8Array)
    // a zip (the workbook) of the same size as renderXlsx's: its timestamps may differ
    expect(Array.from((xlsx as Uint8Array).subarray(0, 2))).toEqual([0x50, 0x4b])
    expect(Math.abs((xlsx as Uint8Array).length - (await renderXlsx(doc)).length)).toBeLessThan(64)
  })
})
