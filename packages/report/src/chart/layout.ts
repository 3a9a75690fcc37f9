/**
 * Layout arithmetic done before vega runs. Headless vega (no canvas package) sizes text by an estimate,
 * 0.8 x font size per character; these helpers use the same estimate, so the pieces they size fit in the
 * SVG that vega lays out (a browser's real glyphs are narrower, never wider).
 */

import { wrapLabel } from "./format.js"

/** Font size of axis and legend labels (see `chartConfig`). */
export const LABEL_FONT_SIZE = 11

/**
 * Estimated width in pixels of a line of text, as headless vega estimates it.
 *
 * @example
 * estimateTextWidth("Phường/Xã") // 79.2 (9 characters at 11 px)
 */
export const estimateTextWidth = (text: string, fontSize = LABEL_FONT_SIZE): number => 0.8 * [...text].length * fontSize

/** Font size of the chart title (see `chartConfig`). */
export const TITLE_FONT_SIZE = 13

/**
 * The chart title broken into lines that fit the chart's total width (vega neither wraps nor shrinks a
 * title, and a long bilingual table caption would otherwise be cut off at the SVG's edge).
 *
 * @example
 * titleLines("Bảng 1. Nhận thức về mục đích của công tác dân vận, theo cấp cán bộ: % số người trả lời", 400)
 * // ["Bảng 1. Nhận thức về mục đích của công tác dân", "vận, theo cấp cán bộ: % số người trả lời"]
 */
export const titleLines = (title: string, totalWidth: number): Array<string> =>
  wrapLabel(title, Math.max(10, Math.floor((totalWidth - 10) / (0.8 * TITLE_FONT_SIZE))), 4)

/** Legend entry: 10 px symbol, 4 px gap to the label, 10 px between columns, and a little slack. */
const LEGEND_ENTRY_EXTRA = 28
/** Axis tick (5) and label padding (2), chart padding (5 each side), and slack. */
const AXIS_EXTRA = 24

/**
 * How many legend columns fit under the plot: a bottom legend starts at the plot's left edge (right of
 * the item labels), and vega does not widen the chart for it, so too many columns would be cut off.
 *
 * @example
 * legendColumns(["Rất khó khăn", "Khó khăn", "Bình thường", "Không khó khăn"], [["Nguồn lực"]], 640) // 4
 */
export const legendColumns = (
  legendLabels: ReadonlyArray<string>,
  itemLines: ReadonlyArray<ReadonlyArray<string>>,
  totalWidth: number
): number => {
  const labelArea = Math.max(0, ...itemLines.flat().map((line) => estimateTextWidth(line))) + AXIS_EXTRA
  const plotWidth = totalWidth - labelArea
  const entries = legendLabels.map((label) => estimateTextWidth(label) + LEGEND_ENTRY_EXTRA)
  if (entries.reduce((sum, width) => sum + width, 0) <= plotWidth) return legendLabels.length
  return Math.min(legendLabels.length, Math.max(1, Math.floor(plotWidth / Math.max(...entries))))
}
