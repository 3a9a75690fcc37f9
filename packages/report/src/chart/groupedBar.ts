import type { TopLevelSpec } from "vega-lite"
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- named by {@link} in the doc comments
import type { ChartDataError } from "./errors.js"
import { formatPercent, wrapLabel } from "./format.js"
import { CHART_TEXT, labelLookup, pick } from "./labels.js"
import { legendColumns } from "./layout.js"
import { GROUP_COLOURS } from "./palette.js"
import { renderSvg, specFrame } from "./render.js"
import type { ChartOptions, GroupedBarChartData } from "./types.js"
import { checkGroupedBarData, checkOptions } from "./validate.js"

/** Characters per line and lines per item label on the category axis. */
const LABEL_LINE = 32
const LABEL_LINES = 3
const BAR_THICKNESS = 12
const LINE_HEIGHT = 13

/**
 * The vega-lite spec of a clustered horizontal bar chart (items down the side, one bar per group), built
 * from the data (validated here too; throws {@link ChartDataError}). For callers who want to adjust the spec.
 *
 * @example
 * const spec = groupedBarChartSpec(data, { lang: "en" })
 */
export const groupedBarChartSpec = (input: GroupedBarChartData, options: ChartOptions): TopLevelSpec => {
  const opts = checkOptions(options)
  const data = checkGroupedBarData(input)
  const groupNames = data.groups.map((group) => pick(group, opts))
  const itemLines = data.items.map((item) => wrapLabel(pick(item.label, opts), LABEL_LINE, LABEL_LINES))
  const values = data.items.flatMap((item, i) =>
    item.percents.map((percent, g) => ({
      item: i,
      group: g,
      percent,
      tip: `${pick(item.label, opts)} — ${groupNames[g]}: ${formatPercent(percent, opts)}`
    }))
  )
  const maxPercent = Math.max(...values.map((value) => value.percent))
  const band = Math.max(data.groups.length * BAR_THICKNESS, Math.max(...itemLines.map((l) => l.length)) * LINE_HEIGHT)
  const xTitle = pick(CHART_TEXT.percentOfCases, opts)
  return {
    ...specFrame(pick(data.title, opts), opts, Math.round(data.items.length * band * 1.35), values),
    mark: { type: "bar" },
    encoding: {
      y: {
        field: "item",
        type: "nominal",
        scale: { domain: data.items.map((_, i) => i), paddingInner: 0.3, paddingOuter: 0.15 },
        axis: {
          title: null,
          labelExpr: labelLookup(itemLines),
          labelLimit: 0,
          labelLineHeight: LINE_HEIGHT,
          description: `${pick(CHART_TEXT.items, opts)}: ${data.items.map((item) => pick(item.label, opts)).join("; ")}`
        }
      },
      yOffset: {
        field: "group",
        type: "nominal",
        scale: { domain: data.groups.map((_, g) => g), paddingInner: 0.05 }
      },
      x: {
        field: "percent",
        type: "quantitative",
        scale: maxPercent > 0 ? { domainMin: 0, nice: true } : { domain: [0, 100] },
        axis: { title: xTitle, grid: true, description: xTitle }
      },
      color: {
        field: "group",
        type: "nominal",
        scale: { domain: data.groups.map((_, g) => g), range: GROUP_COLOURS.slice(0, data.groups.length) },
        legend: {
          title: null,
          orient: "bottom",
          direction: "horizontal",
          columns: legendColumns(groupNames, itemLines, opts.width),
          labelExpr: labelLookup(groupNames),
          description: `${pick(CHART_TEXT.legend, opts)}: ${groupNames.join(", ")}`
        }
      },
      description: { field: "tip" }
    }
  }
}

/**
 * Clustered bars of % of cases by group for a multiple-response set, as a standalone SVG string with
 * labels, legend and tooltips in `options.lang`. Rejects with {@link ChartDataError} when lengths do not
 * match or a percent is not in 0-100.
 *
 * @example
 * const svg = await groupedBarChartSvg({
 *   title: { vi: "Mục đích", en: "Purpose" },
 *   groups: [{ vi: "Thành phố", en: "City" }, { vi: "Phường/Xã", en: "Ward/Commune" }],
 *   items: [{ label: { vi: "Tuyên truyền", en: "Propaganda" }, percents: [61.5, 48.2] }]
 * }, { lang: "vi", decimalComma: true })
 */
export const groupedBarChartSvg = async (data: GroupedBarChartData, options: ChartOptions): Promise<string> => {
  const opts = checkOptions(options)
  const valid = checkGroupedBarData(data)
  const summary = CHART_TEXT.groupedSummary[opts.lang](valid.items.length, valid.groups.length)
  return renderSvg(groupedBarChartSpec(valid, opts), pick(valid.title, opts), summary)
}
