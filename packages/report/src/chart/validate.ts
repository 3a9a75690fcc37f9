import { ChartDataError } from "./errors.js"
import { GROUP_COLOURS, MAX_CATEGORIES_PER_SIDE } from "./palette.js"
import type { BilingualLabel, ChartOptions, DivergingBarChartData, GroupedBarChartData } from "./types.js"

/** Percents may overshoot 0-100 by rounding noise, not more. */
const TOLERANCE = 1e-9

const nfc = (label: BilingualLabel): BilingualLabel => ({
  vi: label.vi.normalize("NFC"),
  en: label.en.normalize("NFC")
})

const checkLabel = (chart: string, what: string, label: BilingualLabel | undefined): BilingualLabel => {
  if (label === undefined || typeof label.vi !== "string" || typeof label.en !== "string") {
    throw new ChartDataError({ code: "EMPTY", message: `${chart}: ${what} needs a label with "vi" and "en" strings` })
  }
  return nfc(label)
}

const checkPercents = (
  chart: string,
  what: string,
  percents: ReadonlyArray<number> | undefined,
  expected: number,
  per: string
): Array<number> => {
  if (!Array.isArray(percents) || percents.length !== expected) {
    const got = Array.isArray(percents) ? percents.length : 0
    throw new ChartDataError({
      code: "LENGTH_MISMATCH",
      message: `${chart}: ${what} has ${got} percents, expected ${expected} (one per ${per})`
    })
  }
  return percents.map((value, index) => {
    if (typeof value !== "number" || !Number.isFinite(value) || value < -TOLERANCE || value > 100 + TOLERANCE) {
      throw new ChartDataError({
        code: "BAD_PERCENT",
        message: `${chart}: ${what}, ${per} ${index + 1}: percent ${String(value)} is not a number from 0 to 100`
      })
    }
    return Math.min(100, Math.max(0, value))
  })
}

/**
 * Checks chart options: a known language and a sensible width.
 *
 * @example
 * checkOptions({ lang: "vi", width: 640 }) // { lang: "vi", decimalComma: false, width: 640 }
 */
export const checkOptions = (options: ChartOptions): Required<ChartOptions> => {
  if (options === undefined || (options.lang !== "vi" && options.lang !== "en")) {
    throw new ChartDataError({
      code: "BAD_OPTION",
      message: `chart: language ${String(options?.lang)} is not "vi" or "en"`
    })
  }
  const width = options.width ?? 640
  if (!Number.isFinite(width) || width < 200 || width > 4000) {
    throw new ChartDataError({
      code: "BAD_OPTION",
      message: `chart: width ${String(width)} is not a number of pixels from 200 to 4000`
    })
  }
  return { lang: options.lang, decimalComma: options.decimalComma === true, width: Math.round(width) }
}

/**
 * Validates clustered-bar data and returns a copy with NFC labels and percents clamped off rounding noise.
 * Throws {@link ChartDataError} naming the item at fault.
 *
 * @example
 * checkGroupedBarData({ title, groups: [a, b], items: [{ label, percents: [10, 20] }] })
 */
export const checkGroupedBarData = (data: GroupedBarChartData): GroupedBarChartData => {
  const chart = "grouped bar chart"
  const title = checkLabel(chart, "the title", data?.title)
  const groups = (data.groups ?? []).map((group, index) => checkLabel(chart, `group ${index + 1}`, group))
  if (groups.length === 0) throw new ChartDataError({ code: "EMPTY", message: `${chart} "${title.en}": no groups` })
  if (groups.length > GROUP_COLOURS.length) {
    throw new ChartDataError({
      code: "BAD_OPTION",
      message: `${chart} "${title.en}": ${groups.length} groups, at most ${GROUP_COLOURS.length} can be told apart`
    })
  }
  if ((data.items ?? []).length === 0) {
    throw new ChartDataError({ code: "EMPTY", message: `${chart} "${title.en}": no items` })
  }
  const items = data.items.map((item, index) => {
    const label = checkLabel(chart, `item ${index + 1}`, item?.label)
    const what = `"${title.en}", item ${index + 1} "${label.en}"`
    return { label, percents: checkPercents(chart, what, item.percents, groups.length, "group") }
  })
  return { title, groups, items }
}

/**
 * Validates diverging-bar data: categories in scale order (negatives, at most one neutral, positives), at
 * most four per side, one percent per category in every row. Returns NFC copies.
 *
 * @example
 * checkDivergingBarData({ title, categories: [{ label, side: "negative" }, { label, side: "positive" }], rows })
 */
export const checkDivergingBarData = (data: DivergingBarChartData): DivergingBarChartData => {
  const chart = "diverging bar chart"
  const title = checkLabel(chart, "the title", data?.title)
  const order = { negative: 0, neutral: 1, positive: 2 } as const
  const categories = (data.categories ?? []).map((category, index) => {
    const label = checkLabel(chart, `category ${index + 1}`, category?.label)
    if (!(category.side in order)) {
      throw new ChartDataError({
        code: "BAD_SCALE",
        message: `${chart} "${title.en}": category ${index + 1} "${label.en}" has side ${
          String(category.side)
        }, expected negative, neutral or positive`
      })
    }
    return { label, side: category.side }
  })
  if (categories.length === 0) {
    throw new ChartDataError({ code: "EMPTY", message: `${chart} "${title.en}": no categories` })
  }
  categories.forEach((category, index) => {
    const previous = categories[index - 1]
    if (previous !== undefined && order[category.side] < order[previous.side]) {
      throw new ChartDataError({
        code: "BAD_SCALE",
        message: `${chart} "${title.en}": category ${
          index + 1
        } "${category.label.en}" (${category.side}) comes after a ${previous.side} one; list categories in scale order, negatives first`
      })
    }
  })
  const count = (side: string) => categories.filter((category) => category.side === side).length
  if (count("neutral") > 1) {
    throw new ChartDataError({
      code: "BAD_SCALE",
      message: `${chart} "${title.en}": ${count("neutral")} neutral categories, at most one`
    })
  }
  for (const side of ["negative", "positive"]) {
    if (count(side) > MAX_CATEGORIES_PER_SIDE) {
      throw new ChartDataError({
        code: "BAD_SCALE",
        message: `${chart} "${title.en}": ${count(side)} ${side} categories, at most ${MAX_CATEGORIES_PER_SIDE}`
      })
    }
  }
  if ((data.rows ?? []).length === 0) {
    throw new ChartDataError({ code: "EMPTY", message: `${chart} "${title.en}": no rows` })
  }
  const rows = data.rows.map((row, index) => {
    const label = checkLabel(chart, `row ${index + 1}`, row?.label)
    const what = `"${title.en}", row ${index + 1} "${label.en}"`
    return { label, percents: checkPercents(chart, what, row.percents, categories.length, "category") }
  })
  return { title, categories, rows }
}
