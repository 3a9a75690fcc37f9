import { describe, expect, it } from "vitest"
import { estimateTextWidth, legendColumns } from "../../src/chart/layout.js"

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
