import { describe, expect, it } from "vitest"
import { estimateTextWidth, legendColumns, TITLE_FONT_SIZE, titleLines } from "../../src/chart/layout.js"

describe("legendColumns", () => {
  const levels = ["Thành phố", "Quận/Huyện", "Phường/Xã"]
  it("keeps every entry on one row when they fit under the plot", () => {
    expect(legendColumns(levels, [["Khác"]], 640)).toBe(3)
  })
  it("uses fewer columns when long item labels leave a narrow plot", () => {
    const labels = ["Rất khó khăn", "Khó khăn", "Bình thường", "Không khó khăn"]
    const longItem = [["x".repeat(32)]]
    const plot = 640 - estimateTextWidth("x".repeat(32)) - 24
    const widest = estimateTextWidth("Không khó khăn") + 28
    expect(legendColumns(labels, longItem, 640)).toBe(Math.floor(plot / widest))
    expect(legendColumns(labels, longItem, 640)).toBeLessThan(4)
  })
  it("always keeps at least one column", () => {
    expect(legendColumns(["x".repeat(80)], [["y".repeat(60)]], 200)).toBe(1)
  })
})

describe("titleLines", () => {
  const caption = "Bảng 1. Nhận thức về mục đích của công tác dân vận, theo cấp cán bộ: % số người trả lời"
  it("breaks a long caption into lines no wider than the chart, keeping every word", () => {
    for (const width of [300, 400, 640]) {
      const lines = titleLines(caption, width)
      for (const line of lines) expect(estimateTextWidth(line, TITLE_FONT_SIZE)).toBeLessThanOrEqual(width - 10)
      expect(lines.join(" ")).toBe(caption)
    }
    expect(titleLines(caption, 400).length).toBeGreaterThan(1)
  })
  it("leaves a short title on one line", () => {
    expect(titleLines("Mục đích", 640)).toEqual(["Mục đích"])
  })
})
