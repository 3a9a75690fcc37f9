import * as Data from "effect/Data"

/**
 * Chart input that cannot be drawn honestly: lengths that do not match, a percent that is not a number in
 * 0-100, an empty chart, a scale out of order, a bad option. `code` is stable for programs; `message` names
 * the chart, the item and the value, for people. The chart functions reject with it.
 *
 * @example
 * groupedBarChartSvg(data, { lang: "vi" }).catch((error) => {
 *   if (error instanceof ChartDataError) console.error(error.code, error.message)
 * })
 */
export class ChartDataError extends Data.TaggedError("ChartDataError")<{
  readonly code: "EMPTY" | "LENGTH_MISMATCH" | "BAD_PERCENT" | "BAD_SCALE" | "BAD_OPTION"
  readonly message: string
}> {}
