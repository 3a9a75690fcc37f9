import { divergingBarChartSvg, groupedBarChartSvg, histogramChartSvg } from "../charts.js"
import type { ReportChart, ReportDocument } from "../document.js"

/**
 * A chart slot drawn as SVG in the document's language and decimal mark (the HTML report's picture).
 *
 * @example
 * const svg = await chartSvgOf(chart, doc)
 */
export const chartSvgOf = (chart: ReportChart, doc: Pick<ReportDocument, "lang" | "decimal">): Promise<string> => {
  const options = { lang: doc.lang, decimalComma: doc.decimal === "comma" }
  switch (chart.type) {
    case "grouped-bar":
      return groupedBarChartSvg(chart.data, options)
    case "histogram":
      return histogramChartSvg(chart.data, options)
    default:
      return divergingBarChartSvg(chart.data, options)
  }
}
