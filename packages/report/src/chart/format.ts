import type { ChartOptions } from "./types.js"

/** d3-format locale for Vietnamese numbers: comma decimal mark, dot thousands separator. */
const VIETNAMESE_NUMBER_LOCALE = {
  decimal: ",",
  thousands: ".",
  grouping: [3],
  currency: ["", "\u00a0₫"]
} as const

/** d3-format locale with a decimal point (vega's default, written out so a global change cannot leak in). */
const POINT_NUMBER_LOCALE = {
  decimal: ".",
  thousands: ",",
  grouping: [3],
  currency: ["$", ""]
} as const

/** A d3-format number locale definition. */
export interface NumberLocale {
  decimal: string
  thousands: string
  grouping: Array<number>
  currency: [string, string]
}

/**
 * The number locale a chart's axes use (a fresh copy: vega may keep a reference).
 *
 * @example
 * numberLocale({ lang: "vi", decimalComma: true }).decimal // ","
 */
export const numberLocale = (options: ChartOptions): NumberLocale => {
  const locale = options.decimalComma === true ? VIETNAMESE_NUMBER_LOCALE : POINT_NUMBER_LOCALE
  return {
    decimal: locale.decimal,
    thousands: locale.thousands,
    grouping: [...locale.grouping],
    currency: [...locale.currency]
  }
}

/**
 * A percent with one decimal and the chosen decimal mark, for tooltips.
 *
 * @example
 * formatPercent(12.345, { lang: "vi", decimalComma: true }) // "12,3%"
 */
export const formatPercent = (value: number, options: ChartOptions): string => {
  const text = (Math.round(value * 10) / 10).toFixed(1)
  return `${options.decimalComma === true ? text.replace(".", ",") : text}%`
}

/**
 * Splits a long label into at most `maxLines` lines of about `lineLength` characters at spaces, ending
 * with "…" when it does not fit; a word longer than a line is cut. Chart labels stay readable without
 * squeezing the plot.
 *
 * @example
 * wrapLabel("Tuyên truyền, vận động nhân dân thực hiện chủ trương", 20, 2)
 * // ["Tuyên truyền, vận", "động nhân dân thực…"]
 */
export const wrapLabel = (label: string, lineLength: number, maxLines: number): Array<string> => {
  const words = label.split(/\s+/).filter((word) => word.length > 0)
  const lines: Array<string> = []
  let current = ""
  for (const word of words) {
    const candidate = current === "" ? word : `${current} ${word}`
    if ([...candidate].length <= lineLength) {
      current = candidate
      continue
    }
    if (current !== "") lines.push(current)
    current = word
    while ([...current].length > lineLength) {
      const chars = [...current]
      lines.push(chars.slice(0, lineLength).join(""))
      current = chars.slice(lineLength).join("")
    }
  }
  if (current !== "") lines.push(current)
  if (lines.length <= maxLines) return lines
  const kept = lines.slice(0, maxLines)
  const last = [...kept[maxLines - 1]]
  kept[maxLines - 1] = `${last.slice(0, Math.max(lineLength - 1, 1)).join("")}…`
  return kept
}
