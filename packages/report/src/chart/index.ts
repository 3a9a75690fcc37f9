export type {
  BilingualLabel,
  ChartOptions,
  DivergingBarChartData,
  GroupedBarChartData,
  HistogramChartData
} from "./types.js"
export { ChartDataError } from "./errors.js"
export { groupedBarChartSpec, groupedBarChartSvg } from "./groupedBar.js"
export {
  divergingBarChartSpec,
  divergingBarChartSvg,
  divergingSegments,
  type DivergingSegment
} from "./divergingBar.js"
export { CHART_FONT } from "./render.js"
export { histogramChartSpec, histogramChartSvg } from "./histogram.js"
