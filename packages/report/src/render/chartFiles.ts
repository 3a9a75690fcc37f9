import { crc32 } from "node:zlib"
import { chartsOf, type ReportDocument } from "../document.js"
import { chartSvgOf } from "./chartSvg.js"
import { type ChromiumOptions, offlinePage, withChromium } from "./chromium.js"

/** One chart of a report as image files: `name` is the chart's id, for `<id>.svg` and `<id>.png`. */
export interface ChartFile {
  readonly name: string
  readonly title: string
  readonly svg: string
  readonly png: Uint8Array
}

/** Print resolution of the PNG files. */
export const CHART_DPI = 300

const chunk = (type: string, data: Uint8Array): Uint8Array => {
  const out = new Uint8Array(12 + data.length)
  const view = new DataView(out.buffer)
  view.setUint32(0, data.length)
  out.set(new TextEncoder().encode(type), 4)
  out.set(data, 8)
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)))
  return out
}

/**
 * Marks a PNG as `dpi` dots per inch (a pHYs chunk after IHDR, replacing any), so that Word, LibreOffice and
 * image editors place it at its print size.
 *
 * @example
 * const png300 = withDpi(png, 300)
 */
export const withDpi = (png: Uint8Array, dpi: number): Uint8Array => {
  const perMetre = Math.round(dpi / 0.0254)
  const data = new Uint8Array(9)
  const view = new DataView(data.buffer)
  view.setUint32(0, perMetre)
  view.setUint32(4, perMetre)
  data[8] = 1
  const parts: Array<Uint8Array> = [png.subarray(0, 8)]
  const bytes = new DataView(png.buffer, png.byteOffset, png.byteLength)
  for (let at = 8; at < png.length;) {
    const length = bytes.getUint32(at)
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8))
    if (type !== "pHYs") parts.push(png.subarray(at, at + 12 + length))
    if (type === "IHDR") parts.push(chunk("pHYs", data))
    at += 12 + length
  }
  const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0))
  let k = 0
  for (const p of parts) {
    out.set(p, k)
    k += p.length
  }
  return out
}

/**
 * Every chart of a report as SVG and as PNG at 300 dpi (the SVG rasterised by the system Chromium at 300/96 device
 * pixels per CSS pixel, marked 300 dpi). Nothing is drawn when the report has no chart.
 *
 * @example
 * for (const f of await renderChartFiles(doc)) {
 *   await writeFile(`${f.name}.svg`, f.svg)
 *   await writeFile(`${f.name}.png`, f.png)
 * }
 */
export const renderChartFiles = async (
  doc: ReportDocument,
  options: ChromiumOptions = {}
): Promise<Array<ChartFile>> => {
  const charts = chartsOf(doc)
  if (charts.length === 0) return []
  const svgs = await Promise.all(charts.map((c) => chartSvgOf(c.chart, doc)))
  return withChromium(options, async (browser) => {
    const page = await offlinePage(browser, CHART_DPI / 96)
    const files: Array<ChartFile> = []
    for (const [i, c] of charts.entries()) {
      await page.setContent(
        `<!DOCTYPE html><html><head><meta charset="utf-8"><style>html,body{margin:0;background:#fff}svg{display:block}</style></head><body>${
          svgs[i]
        }</body></html>`
      )
      const png = await page.locator("svg").first().screenshot({ type: "png", omitBackground: false })
      const title = c.chart.data.title[doc.lang]
      files.push({ name: c.id, title, svg: svgs[i], png: withDpi(new Uint8Array(png), CHART_DPI) })
    }
    return files
  })
}
