/**
 * Chart API of the report. The SVG charts (vega-lite + vega) come from `./chart/index.js` (issue 4b); until
 * that lands, this file holds stand-ins with the same signatures that draw a titled, empty frame.
 */
export interface ChartOptions { lang: "vi" | "en"; decimalComma?: boolean; width?: number }
export interface GroupedBarChartData {
  title: { vi: string; en: string }
  groups: ReadonlyArray<{ vi: string; en: string }>
  items: ReadonlyArray<{ label: { vi: string; en: string }; percents: ReadonlyArray<number> }>
}
export interface DivergingBarChartData {
  title: { vi: string; en: string }
  categories: ReadonlyArray<{ label: { vi: string; en: string }; side: "negative" | "neutral" | "positive" }>
  rows: ReadonlyArray<{ label: { vi: string; en: string }; percents: ReadonlyArray<number> }>
}

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")

const frame = (title: string, width: number) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="40" role="img" aria-label="${escape(title)}"><title>${escape(title)}</title><text x="4" y="24" font-family="DejaVu Sans, sans-serif" font-size="13">${escape(title)}</text></svg>`

/**
 * Clustered bars of % of cases by group for a multiple-response set (stand-in until issue 4b's chart lands).
 *
 * @example
 * const svg = await groupedBarChartSvg(data, { lang: "vi" })
 */
export const groupedBarChartSvg = async (data: GroupedBarChartData, options: ChartOptions): Promise<string> => frame(data.title[options.lang], options.width ?? 640)

/**
 * Diverging stacked bars for Likert items (stand-in until issue 4b's chart lands).
 *
 * @example
 * const svg = await divergingBarChartSvg(data, { lang: "en" })
 */
export const divergingBarChartSvg = async (data: DivergingBarChartData, options: ChartOptions): Promise<string> => frame(data.title[options.lang], options.width ?? 640)
