import type { BilingualLabel, ChartOptions } from "./types.js"

/** Fixed chart wording in both languages. */
export const CHART_TEXT = {
  percentOfCases: { vi: "% số người trả lời", en: "% of cases" },
  percentOfRespondents: { vi: "% số người trả lời", en: "% of respondents" },
  groupedSummary: {
    vi: (items: number, groups: number) =>
      `Biểu đồ cột nhóm: tỷ lệ % số người trả lời của ${items} mục theo ${groups} nhóm`,
    en: (items: number, groups: number) => `Clustered bar chart: % of cases for ${items} items by ${groups} groups`
  },
  divergingSummary: {
    vi: (rows: number) =>
      `Biểu đồ cột chồng phân kỳ: phân bố câu trả lời của ${rows} mục, các mức tiêu cực bên trái, mức trung tính ở giữa`,
    en: (rows: number) =>
      `Diverging stacked bar chart: answers to ${rows} items, negative categories left of zero, neutral centred`
  },
  legend: { vi: "Chú giải", en: "Legend" },
  items: { vi: "Các mục", en: "Items" }
} as const

/**
 * The label in the chart's language.
 *
 * @example
 * pick({ vi: "Phường/Xã", en: "Ward/Commune" }, { lang: "vi" }) // "Phường/Xã"
 */
export const pick = (label: BilingualLabel, options: Pick<ChartOptions, "lang">): string => label[options.lang]

/**
 * A vega expression that looks a label up by its numeric index in a literal array, so that scale
 * domains can be indices (unique, ordered) while axes and legends show the labels. Elements may be arrays
 * of lines (multi-line axis labels).
 *
 * @example
 * labelLookup([["dòng một", "dòng hai"], ["x"]]) // '[["dòng một","dòng hai"],["x"]][datum.value]'
 */
export const labelLookup = (labels: ReadonlyArray<string | ReadonlyArray<string>>): string =>
  `${JSON.stringify(labels)}[datum.value]`
