import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import {
  buildPlanReport,
  buildPublishedReport,
  CHART_DPI,
  chartsOf,
  renderChartFiles,
  renderDocx,
  renderPdf,
  tablesOf
} from "../src/index.js"
import { ARTIFACTS_DIR, CHROMIUM_PATH } from "./browser.js"
import { examplePlanResult, publishedResult } from "./helpers.js"
import { docxToPdf, isA4, pdfImages, pdfPages, pdfText } from "./print.js"

const TIMEOUT_MS = 240_000
const dir = mkdtempSync(join(tmpdir(), "danvan-print-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const squash = (s: string) => s.replace(/\s+/g, " ")

describe("the .docx as LibreOffice reads it", () => {
  it(
    "converts to a PDF of A4 pages with page numbers, every table caption and the Vietnamese text; page images in .artifacts/docx-vi",
    async () => {
      const doc = buildPlanReport(examplePlanResult(), { lang: "vi", suppressBelow: 20 })
      const file = join(dir, "report-vi.docx")
      writeFileSync(file, await renderDocx(doc))
      const pdf = docxToPdf(file, dir)
      const pages = pdfPages(pdf)
      expect(pages.length).toBeGreaterThan(4)
      for (const p of pages) expect(isA4(p)).toBe(true)
      // the wide tables' sections are landscape
      expect(pages.some((p) => p.width > p.height)).toBe(true)
      const text = pdfText(pdf)
      expect(text.length).toBe(pages.length)
      text.forEach((page, i) => expect(squash(page)).toContain(`Trang ${i + 1} / ${pages.length}`))
      const all = squash(text.join(" ")).normalize("NFC")
      tablesOf(doc).forEach((t, i) =>
        expect(all).toContain(squash(`Bảng ${i + 1}. ${t.title.replace(/^Bảng \d+\.\s*/u, "")}`).slice(0, 40))
      )
      chartsOf(doc).forEach((_, i) => expect(all).toContain(`Hình ${i + 1}.`))
      expect(all).toContain("Phường/Xã")
      expect(all).toContain("[c]")
      const images = pdfImages(pdf, join(ARTIFACTS_DIR, "docx-vi"))
      expect(images.length).toBe(pages.length)
      for (const img of images) expect(statSync(img).size).toBeGreaterThan(5_000)
    },
    TIMEOUT_MS
  )
})

describe("renderPdf (the HTML report printed by Chromium)", () => {
  it(
    "A4 landscape pages, 'Page n / N' on every page, every table title",
    async () => {
      const doc = buildPublishedReport(publishedResult(), { lang: "en" })
      const file = join(dir, "published-en.pdf")
      writeFileSync(file, await renderPdf(doc, { chromiumPath: CHROMIUM_PATH }))
      const pages = pdfPages(file)
      expect(pages.length).toBeGreaterThan(2)
      for (const p of pages) {
        expect(isA4(p)).toBe(true)
        expect(p.width).toBeGreaterThan(p.height)
      }
      const text = pdfText(file)
      expect(text.length).toBe(pages.length)
      text.forEach((page, i) => expect(squash(page)).toContain(`Page ${i + 1} / ${pages.length}`))
      const all = squash(text.join(" "))
      for (const t of tablesOf(doc)) expect(all).toContain(squash(t.title).slice(0, 40))
      pdfImages(file, join(ARTIFACTS_DIR, "pdf-en"))
    },
    TIMEOUT_MS
  )

  it("names the executable when Chromium cannot start", async () => {
    const doc = buildPublishedReport(publishedResult(), { lang: "en" })
    await expect(renderPdf(doc, { chromiumPath: "/nonexistent/chromium" })).rejects.toMatchObject({
      _tag: "ChromiumError",
      message: expect.stringContaining("/nonexistent/chromium")
    })
  })
})

describe("renderChartFiles", () => {
  it(
    "every chart as SVG and as a 300 dpi PNG (2000 px wide for the 640 px chart)",
    async () => {
      const doc = buildPlanReport(examplePlanResult(), { lang: "vi" })
      const files = await renderChartFiles(doc, { chromiumPath: CHROMIUM_PATH })
      expect(files.map((f) => f.name)).toEqual(chartsOf(doc).map((c) => c.id))
      expect(files.length).toBe(4)
      for (const f of files) {
        expect(f.svg.startsWith("<svg")).toBe(true)
        expect(f.svg).toContain(f.title.replace(/&/g, "&amp;").slice(0, 20))
        const png = Buffer.from(f.png)
        expect(png.subarray(1, 4).toString("latin1")).toBe("PNG")
        const width = png.readUInt32BE(16)
        const svgWidth = Number(/^<svg[^>]* width="([\d.]+)"/.exec(f.svg)?.[1])
        expect(width).toBe(Math.round((svgWidth * CHART_DPI) / 96))
        // pHYs right after IHDR: 11811 pixels per metre = 300 dpi
        expect(png.subarray(37, 41).toString("latin1")).toBe("pHYs")
        expect([png.readUInt32BE(41), png.readUInt32BE(45), png[49]]).toEqual([11811, 11811, 1])
        writeFileSync(join(dir, `${f.name}.png`), f.png)
      }
    },
    TIMEOUT_MS
  )
})
