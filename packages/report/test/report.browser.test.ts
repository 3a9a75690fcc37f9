import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { buildPlanReport, buildPublishedReport, chartsOf, renderHtml, tablesOf } from "../src/index.js"
import { openHtmlFile, renderedFonts, screenshot } from "./browser.js"
import { examplePlanResult, publishedResult } from "./helpers.js"

const TEST_TIMEOUT_MS = 60_000
const dir = mkdtempSync(join(tmpdir(), "danvan-report-full-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe("the full HTML report in headless Chromium", () => {
  it(
    "opens offline with no console errors; every table and chart is there; Vietnamese is drawn in DejaVu Sans; screenshot saved",
    async () => {
      const doc = buildPlanReport(examplePlanResult(), { lang: "vi", suppressBelow: 20 })
      const file = join(dir, "report-vi.html")
      writeFileSync(file, await renderHtml(doc), "utf8")
      const { page, consoleErrors, blockedRequests, close } = await openHtmlFile(file, { width: 1280, height: 900 })
      try {
        const tableIds = await page.$$eval(
          "table[data-table-id]",
          (ts) => ts.map((t) => t.getAttribute("data-table-id"))
        )
        expect(tableIds).toEqual(tablesOf(doc).map((t) => t.id))
        // every table is laid out with its rows, and shows [c] where a count is hidden
        const rowCounts = await page.$$eval(
          "table[data-table-id]",
          (ts) => ts.map((t) => t.querySelectorAll("tbody > tr").length)
        )
        expect(rowCounts).toEqual(tablesOf(doc).map((t) => t.rows.length))
        const hidden = await page.$$eval("td.suppressed", (cells) => cells.map((c) => c.textContent))
        expect(hidden.length).toBeGreaterThan(0)
        expect(new Set(hidden)).toEqual(new Set(["[c]"]))

        const charts = await page.$$eval("figure.chart", (fs) =>
          fs.map((f) => {
            const svg = f.querySelector("svg")
            const box = svg?.getBoundingClientRect()
            return {
              id: f.id,
              width: box?.width ?? 0,
              bars: svg?.querySelectorAll("[aria-roledescription=\"bar\"]").length ?? 0
            }
          }))
        expect(charts.map((c) => c.id)).toEqual(chartsOf(doc).map((c) => c.id))
        for (const c of charts) {
          expect(c.width).toBeGreaterThan(100)
          expect(c.bars).toBeGreaterThan(0)
        }

        // Vietnamese diacritics: the title reads back as written (NFC) and every glyph comes from DejaVu Sans
        const title = await page.textContent("h1")
        expect(title).toBe(doc.title)
        expect(title).toBe(title!.normalize("NFC"))
        const fonts = await renderedFonts(page, "h1")
        expect(fonts.map((f) => f.familyName)).toEqual(["DejaVu Sans"])
        // every letter drawn (spaces at a line break are not glyphs)
        expect(fonts[0].glyphCount).toBeGreaterThanOrEqual([...doc.title.replace(/\s/g, "")].length)
        const caption = await renderedFonts(page, "table[data-table-id='table4-difficulty'] caption")
        expect(caption.map((f) => f.familyName)).toEqual(["DejaVu Sans"])

        const shot = await screenshot(page, "report-vi")
        expect(statSync(shot).size).toBeGreaterThan(10_000)
        expect(consoleErrors).toEqual([])
        expect(blockedRequests).toEqual([])
      } finally {
        await close()
      }
    },
    TEST_TIMEOUT_MS
  )

  it(
    "the published-tables report in English prints: the contents list is hidden, every table and chart still shows",
    async () => {
      const doc = buildPublishedReport(publishedResult(), { lang: "en" })
      const file = join(dir, "published-en.html")
      writeFileSync(file, await renderHtml(doc), "utf8")
      const { page, consoleErrors, blockedRequests, close } = await openHtmlFile(file)
      try {
        expect(await page.isVisible("nav")).toBe(true)
        await page.emulateMedia({ media: "print" })
        expect(await page.isVisible("nav")).toBe(false)
        const visible = await page.$$eval(
          "table[data-table-id], figure.chart svg",
          (els) => els.filter((e) => e.getBoundingClientRect().height > 0).length
        )
        expect(visible).toBe(tablesOf(doc).length + chartsOf(doc).length)
        const shot = await screenshot(page, "report-published-en-print")
        expect(statSync(shot).size).toBeGreaterThan(10_000)
        expect(consoleErrors).toEqual([])
        expect(blockedRequests).toEqual([])
      } finally {
        await close()
      }
    },
    TEST_TIMEOUT_MS
  )
})
