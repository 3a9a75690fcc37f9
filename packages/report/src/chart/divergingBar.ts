import type { TopLevelSpec } from "vega-lite"
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- named by {@link} in the doc comments
import type { ChartDataError } from "./errors.js"
import { formatPercent, wrapLabel } from "./format.js"
import { CHART_TEXT, labelLookup, pick } from "./labels.js"
import { legendColumns } from "./layout.js"
import { divergingColours } from "./palette.js"
import { renderSvg, specFrame } from "./render.js"
import type { ChartOptions, DivergingBarChartData } from "./types.js"
import { checkDivergingBarData, checkOptions } from "./validate.js"

const LABEL_LINE = 32
const LABEL_LINES = 3
const BAR_THICKNESS = 18
const LINE_HEIGHT = 13

/** One stacked segment: category `category` of row `row` spans [start, end] in percent, zero in the middle. */
export interface DivergingSegment {
  readonly row: number
  readonly category: number
  readonly percent: number
  readonly start: number
  readonly end: number
}

/**
 * Lays out diverging stacks: each row starts left of zero by the sum of its negative percents plus half its
 * neutral percent, so negatives end at the neutral's left edge and the neutral bar is centred on zero.
 *
 * @example
 * divergingSegments({ ...data, categories: [neg, neutral, pos], rows: [{ label, percents: [20, 30, 50] }] })
 * // starts/ends: [-35, -15], [-15, 15], [15, 65]
 */
export const divergingSegments = (data: DivergingBarChartData): Array<DivergingSegment> =>
  data.rows.flatMap((row, r) => {
    let start = -data.categories.reduce((sum, category, c) => {
      const percent = row.percents[c]
      return sum + (category.side === "negative" ? percent : category.side === "neutral" ? percent / 2 : 0)
    }, 0)
    return row.percents.map((percent, c) => {
      const segment = { row: r, category: c, percent, start, end: start + percent }
      start += percent
      return segment
    })
  })

/**
 * The vega-lite spec of a diverging stacked bar chart (data validated here too; throws
 * {@link ChartDataError}). For callers who want to adjust the spec.
 *
 * @example
 * const spec = divergingBarChartSpec(data, { lang: "vi" })
 */
export const divergingBarChartSpec = (input: DivergingBarChartData, options: ChartOptions): TopLevelSpec => {
  const opts = checkOptions(options)
  const data = checkDivergingBarData(input)
  const categoryNames = data.categories.map((category) => pick(category.label, opts))
  const rowLines = data.rows.map((row) => wrapLabel(pick(row.label, opts), LABEL_LINE, LABEL_LINES))
  const values = divergingSegments(data).map((segment) => ({
    ...segment,
    tip: `${pick(data.rows[segment.row].label, opts)} — ${categoryNames[segment.category]}: ${
      formatPercent(segment.percent, opts)
    }`
  }))
  const reach = Math.max(...values.flatMap((segment) => [-segment.start, segment.end]))
  const extent = reach > 0 ? reach : 100
  const count = (side: string) => data.categories.filter((category) => category.side === side).length
  const colours = divergingColours(count("negative"), count("neutral") > 0, count("positive"))
  const band = Math.max(BAR_THICKNESS, Math.max(...rowLines.map((lines) => lines.length)) * LINE_HEIGHT)
  const xTitle = pick(CHART_TEXT.percentOfRespondents, opts)
  return {
    ...specFrame(pick(data.title, opts), opts, Math.round(data.rows.length * band * 1.5), values),
    layer: [
      {
        mark: { type: "bar" },
        encoding: {
          y: {
            field: "row",
            type: "nominal",
            scale: { domain: data.rows.map((_, r) => r), paddingInner: 0.3, paddingOuter: 0.15 },
            axis: {
              title: null,
              labelExpr: labelLookup(rowLines),
              labelLimit: 0,
              labelLineHeight: LINE_HEIGHT,
              domain: false,
              ticks: false,
              description: `${pick(CHART_TEXT.items, opts)}: ${
                data.rows.map((row) => pick(row.label, opts)).join("; ")
              }`
            }
          },
          x: {
            field: "start",
            type: "quantitative",
            scale: { domain: [-extent, extent], nice: true },
            axis: {
              title: xTitle,
              grid: true,
              // Lengths, not signed values: the left side is also "% of respondents".
              labelExpr: "format(abs(datum.value), '~g')",
              tickCount: 8,
              description: xTitle
            }
          },
          x2: { field: "end" },
          color: {
            field: "category",
            type: "nominal",
            scale: { domain: data.categories.map((_, c) => c), range: colours },
            legend: {
              title: null,
              orient: "bottom",
              direction: "horizontal",
              columns: legendColumns(categoryNames, rowLines, opts.width),
              labelExpr: labelLookup(categoryNames),
              description: `${pick(CHART_TEXT.legend, opts)}: ${categoryNames.join(", ")}`
            }
          },
          description: { field: "tip" }
        }
      },
      {
        // One full-height line at zero, from its own one-row data so that it spans every row.
        data: { values: [{}] },
        mark: { type: "rule", color: "#333", strokeWidth: 1, aria: false },
        encoding: { x: { datum: 0 } }
      }
    ]
  }
}

/**
 * Diverging stacked bars for Likert items as a standalone SVG string: negative categories left of zero,
 * the neutral category centred on zero, positive categories right; labels, legend and tooltips in
 * `options.lang`. Rejects with {@link ChartDataError} on mismatched lengths, bad percents or a scale out
 * of order.
 *
 * @example
 * const svg = await divergingBarChartSvg({
 *   title: { vi: "Mức độ khó khăn", en: "Difficulty" },
 *   categories: [
 *     { label: { vi: "Khó khăn", en: "Difficult" }, side: "negative" },
 *     { label: { vi: "Bình thường", en: "Neutral" }, side: "neutral" },
 *     { label: { vi: "Không khó khăn", en: "Not difficult" }, side: "positive" }
 *   ],
 *   rows: [{ label: { vi: "Nguồn lực", en: "Resources" }, percents: [40, 35, 25] }]
 * }, { lang: "en" })
 */
export const divergingBarChartSvg = async (data: DivergingBarChartData, options: ChartOptions): Promise<string> => {
  const opts = checkOptions(options)
  const valid = checkDivergingBarData(data)
  const summary = CHART_TEXT.divergingSummary[opts.lang](valid.rows.length)
  return renderSvg(divergingBarChartSpec(valid, opts), pick(valid.title, opts), summary)
}
