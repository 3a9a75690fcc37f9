/**
 * The report's chart API: SVG charts drawn with vega-lite + vega without a browser (`./chart/`), used by the
 * HTML renderer for the chart slots of a document. The vega-lite spec builders stay internal: their types come
 * from vega-typings, which need the DOM library, and a consumer type-checking with `lib: ["ES2022"]` (and
 * `skipLibCheck: false`) would fail on them.
 */
export type {
  BilingualLabel,
  ChartOptions,
  DivergingBarChartData,
  GroupedBarChartData,
  HistogramChartData
} from "./chart/index.js"
export {
  CHART_FONT,
  ChartDataError,
  divergingBarChartSvg,
  divergingSegments,
  groupedBarChartSvg,
  histogramChartSvg,
  type DivergingSegment
} from "./chart/index.js"
