import type { TopLevelSpec } from "vega-lite"
import { ChartDataError } from "./errors.js"
import { pick } from "./labels.js"
import { GROUP_COLOURS } from "./palette.js"
import { renderSvg, specFrame } from "./render.js"
import type { ChartOptions, HistogramChartData } from "./types.js"
import { checkOptions } from "./validate.js"

const TEXT = {
  count: { vi: "Số người trả lời", en: "Respondents" },
  summary: {
    vi: (bins: number, variable: string) => `Biểu đồ tần số (histogram) của ${variable}: ${bins} khoảng`,
    en: (bins: number, variable: string) => `Histogram of ${variable}: ${bins} bins`
  }
} as const

const checkHistogram = (data: HistogramChartData): HistogramChartData => {
  if (!Array.isArray(data.bins) || data.bins.length === 0) {
    throw new ChartDataError({ code: "EMPTY", message: `histogram "${data.title.en}": no bins (no valid values)` })
  }
  data.bins.forEach((b, i) => {
    if (
      !Number.isFinite(b.from) || !Number.isFinite(b.to) || !(b.from < b.to) || !Number.isFinite(b.count) || b.count < 0
    ) {
      throw new ChartDataError({
        code: "BAD_SCALE",
        message: `histogram "${data.title.en}", bin ${i + 1}: [${b.from}, ${b.to}) with count ${b.count} is not a bin`
      })
    }
  })
  return data
}

const number = (x: number, opts: ChartOptions) => (opts.decimalComma === true ? String(x).replace(".", ",") : String(x))

/**
 * The vega-lite spec of a histogram: adjacent bars from each bin's lower to its upper bound, height the
 * (weighted) count. Throws {@link ChartDataError} for bins that are not bins.
 *
 * @example
 * const spec = histogramChartSpec({ title, variable, bins: [{ from: 20, to: 30, count: 12 }] }, { lang: "en" })
 */
export const histogramChartSpec = (input: HistogramChartData, options: ChartOptions): TopLevelSpec => {
  const opts = checkOptions(options)
  const data = checkHistogram(input)
  const xTitle = pick(data.variable, opts)
  const yTitle = pick(TEXT.count, opts)
  const values = data.bins.map((b) => ({
    from: b.from,
    to: b.to,
    count: b.count,
    tip: `[${number(b.from, opts)}; ${number(b.to, opts)}): ${number(Math.round(b.count * 10) / 10, opts)}`
  }))
  return {
    ...specFrame(pick(data.title, opts), opts, 220, values),
    mark: { type: "bar", color: GROUP_COLOURS[0], stroke: "white", strokeWidth: 0.5 },
    encoding: {
      x: {
        field: "from",
        type: "quantitative",
        scale: { zero: false, nice: false },
        axis: { title: xTitle, description: xTitle }
      },
      x2: { field: "to" },
      y: { field: "count", type: "quantitative", axis: { title: yTitle, grid: true, description: yTitle } },
      // from zero up: without it a bar ranged on x is drawn as a thin horizontal band
      y2: { datum: 0 },
      description: { field: "tip" }
    }
  }
}

/**
 * A histogram of a numeric variable as a standalone SVG string, labels in `options.lang`.
 *
 * @example
 * const svg = await histogramChartSvg(
 *   { title: { vi: "Tuổi", en: "Age" }, variable: { vi: "Tuổi", en: "Age" }, bins },
 *   { lang: "vi", decimalComma: true }
 * )
 */
export const histogramChartSvg = async (data: HistogramChartData, options: ChartOptions): Promise<string> => {
  const opts = checkOptions(options)
  const valid = checkHistogram(data)
  return renderSvg(
    histogramChartSpec(valid, opts),
    pick(valid.title, opts),
    TEXT.summary[opts.lang](valid.bins.length, pick(valid.variable, opts))
  )
}
