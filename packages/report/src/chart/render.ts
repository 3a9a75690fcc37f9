import type { Config, TopLevelSpec } from "vega-lite"
import { numberLocale } from "./format.js"
import { TITLE_FONT_SIZE, titleLines } from "./layout.js"
import type { ChartOptions } from "./types.js"

/** Fonts with Vietnamese glyphs first (DejaVu ships in Debian's fonts-dejavu-core), then common fallbacks. */
export const CHART_FONT = "DejaVu Sans, Arial, Helvetica, sans-serif"

/**
 * Shared look: the font stack, readable sizes, no chart border, plain white background for print, and the
 * number locale (decimal comma or point) that vega uses for axis ticks.
 *
 * @example
 * chartConfig({ lang: "vi", decimalComma: true }).locale // { number: { decimal: ",", ... } }
 */
export const chartConfig = (options: ChartOptions): Config => ({
  locale: { number: numberLocale(options) },
  font: CHART_FONT,
  background: "white",
  view: { stroke: null },
  axis: { labelFontSize: 11, titleFontSize: 11, titleFontWeight: "normal", labelColor: "#222", titleColor: "#222" },
  legend: { labelFontSize: 11, titleFontSize: 11, labelLimit: 0, symbolType: "square" },
  title: { fontSize: TITLE_FONT_SIZE, anchor: "start", frame: "bounds", color: "#111", aria: false }
})

/**
 * The part every chart spec shares: schema, the title wrapped to the chart's width, width and height with
 * fit-x autosizing, the shared look, and the data.
 *
 * @example
 * const spec = { ...specFrame("Mục đích", { lang: "vi", width: 640 }, 300, values), mark: "bar", encoding }
 */
export const specFrame = (
  title: string,
  options: ChartOptions & { readonly width: number },
  height: number,
  values: ReadonlyArray<object>
) => ({
  $schema: "https://vega.github.io/schema/vega-lite/v6.json",
  title: { text: titleLines(title, options.width) },
  width: options.width,
  height,
  autosize: { type: "fit-x" as const, contains: "padding" as const },
  config: chartConfig(options),
  data: { values: [...values] }
})

const escapeXml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")

/**
 * Accessibility that vega's SVG string lacks: the root gets role="img", an aria-label and a `<title>`
 * (read by screen readers, shown on hover), and every bar gets a `<title>` child with its tooltip text
 * (vega puts that text only in aria-label, which browsers do not show on hover).
 */
const addAccessibility = (svg: string, title: string, summary: string): string => {
  const withBarTitles = svg.replace(
    /<path aria-label="([^"]*)" role="graphics-symbol" aria-roledescription="bar"([^>]*?)\/>/g,
    (_match, label: string, rest: string) =>
      `<path aria-label="${label}" role="graphics-symbol" aria-roledescription="bar"${rest}><title>${label}</title></path>`
  )
  return withBarTitles.replace(
    /^<svg ([^>]*)>/,
    (_match, attributes: string) =>
      `<svg ${attributes} role="img" aria-label="${escapeXml(title)}"><title>${escapeXml(title)}</title><desc>${
        escapeXml(summary)
      }</desc>`
  )
}

/**
 * Compiles a vega-lite spec and renders it to an SVG string in Node, without a browser or canvas (vega's
 * headless View with renderer "none"). vega and vega-lite are imported here, lazily, so that loading the
 * report package costs nothing until a chart is drawn. Output is deterministic: same spec, same string.
 *
 * @example
 * const svg = await renderSvg(spec, "Tiêu đề", "Biểu đồ cột")
 */
export const renderSvg = async (
  spec: TopLevelSpec,
  title: string,
  summary: string
): Promise<string> => {
  const [vega, vegaLite] = await Promise.all([import("vega"), import("vega-lite")])
  const compiled = vegaLite.compile(spec).spec
  const view = new vega.View(vega.parse(compiled), {
    renderer: "none",
    logLevel: vega.Error
  })
  try {
    const svg = await view.toSVG()
    return addAccessibility(svg, title, summary)
  } finally {
    view.finalize()
  }
}
