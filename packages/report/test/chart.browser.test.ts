import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { divergingBarChartSvg, groupedBarChartSvg } from "../src/index.js"
import { openHtmlFile, renderedFonts, screenshot } from "./browser.js"
import { difficulty, purpose } from "./chart/fixtures.js"

const TEST_TIMEOUT_MS = 30_000
const dir = mkdtempSync(join(tmpdir(), "danvan-report-browser-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const page = (title: string, body: string) =>
  `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>${title}</title>
<style>body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 24px } figure { margin: 0 0 24px }</style>
</head><body>${body}</body></html>`

const writePage = (name: string, html: string) => {
  const file = join(dir, name)
  writeFileSync(file, html, "utf8")
  return file
}

describe("charts in headless Chromium", () => {
  it(
    "render both charts offline, without console errors, with Vietnamese text drawn in DejaVu Sans",
    async () => {
      const options = { lang: "vi", decimalComma: true } as const
      const [grouped, diverging] = await Promise.all([
        groupedBarChartSvg(purpose, options),
        divergingBarChartSvg(difficulty, options)
      ])
      const file = writePage(
        "charts.html",
        page(
          "Biểu đồ",
          `<h1>Biểu đồ báo cáo</h1><figure id="grouped">${grouped}</figure><figure id="diverging">${diverging}</figure>`
        )
      )
      const { page: tab, consoleErrors, blockedRequests, close } = await openHtmlFile(file)
      try {
        const sizes = await tab.$$eval("figure > svg", (svgs) =>
          svgs.map((svg) => {
            const box = svg.getBoundingClientRect()
            return {
              width: box.width,
              height: box.height,
              bars: svg.querySelectorAll("[aria-roledescription=\"bar\"]").length
            }
          }))
        expect(sizes).toHaveLength(2)
        for (const size of sizes) {
          expect(size.width).toBeGreaterThan(100)
          expect(size.height).toBeGreaterThan(50)
        }
        expect(sizes.map((size) => size.bars)).toEqual([
          purpose.items.length * purpose.groups.length,
          difficulty.rows.length * difficulty.categories.length
        ])

        // Nothing is cut off: every label lies inside its SVG (a legend wider than the chart would not).
        const outside = await tab.$$eval("figure > svg", (svgs) =>
          svgs.flatMap((svg) => {
            const box = svg.getBoundingClientRect()
            return [...svg.querySelectorAll("text")]
              .filter((text) => {
                const r = text.getBoundingClientRect()
                return r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 ||
                  r.bottom > box.bottom + 0.5
              })
              .map((text) => text.textContent)
          }))
        expect(outside).toEqual([])

        const texts = await tab.$$eval("svg text", (nodes) => nodes.map((node) => node.textContent ?? ""))
        for (const expected of ["Phường/Xã", "Quận/Huyện", "Khó khăn", "Không khó khăn", "% số người trả lời"]) {
          expect(texts).toContain(expected)
        }

        // Mark the legend labels with diacritics and ask Chromium which font drew them: one font, DejaVu
        // Sans, drawing every glyph (a missing glyph would fall back to another font or draw tofu).
        for (const label of ["Phường/Xã", "Không khó khăn"]) {
          const width = await tab.$$eval(
            "svg text",
            (nodes, text) => {
              const node = nodes.find((n) => n.textContent === text)
              if (node === undefined) return 0
              node.setAttribute("data-probe", text)
              return (node as unknown as { getComputedTextLength(): number }).getComputedTextLength()
            },
            label
          )
          expect(width).toBeGreaterThan(0)
          const fonts = await renderedFonts(tab, `[data-probe="${label}"]`)
          expect(fonts.map((font) => font.familyName)).toEqual(["DejaVu Sans"])
          expect(fonts[0].glyphCount).toBe([...label].length)
        }

        const shot = await screenshot(tab, "charts-vi")
        expect(statSync(shot).size).toBeGreaterThan(1000)
        expect(consoleErrors).toEqual([])
        expect(blockedRequests).toEqual([])
      } finally {
        await close()
      }
    },
    TEST_TIMEOUT_MS
  )

  it(
    "the harness reports console errors and blocks network requests",
    async () => {
      const file = writePage(
        "leaky.html",
        page("Rò rỉ", `<img src="http://127.0.0.1:9/logo.png" alt=""><script>console.error("lỗi thử")</script>`)
      )
      const { consoleErrors, blockedRequests, close } = await openHtmlFile(file)
      try {
        expect(blockedRequests).toEqual(["http://127.0.0.1:9/logo.png"])
        expect(consoleErrors).toContain("lỗi thử")
      } finally {
        await close()
      }
    },
    TEST_TIMEOUT_MS
  )
})
