import { describe, expect, it } from "vitest"
import { formatPercent, wrapLabel } from "../../src/chart/format.js"

describe("wrapLabel", () => {
  it("keeps a short label on one line", () => {
    expect(wrapLabel("Phường/Xã", 32, 3)).toEqual(["Phường/Xã"])
  })
  it("breaks at spaces, never past the line length, and ends a cut label with an ellipsis", () => {
    const label = "Tuyên truyền, vận động nhân dân thực hiện chủ trương"
    const lines = wrapLabel(label, 20, 2)
    expect(lines).toHaveLength(2)
    expect(lines.every((line) => [...line].length <= 20)).toBe(true)
    expect(lines[1].endsWith("…")).toBe(true)
    expect(label.startsWith(lines[0])).toBe(true)
    expect(wrapLabel(label, 20, 5).join(" ")).toBe(label)
  })
  it("cuts a word longer than a line", () => {
    expect(wrapLabel("abcdefghij", 4, 5)).toEqual(["abcd", "efgh", "ij"])
  })
})

describe("formatPercent", () => {
  it("rounds to one decimal with the chosen decimal mark", () => {
    expect(formatPercent(38.25, { lang: "vi", decimalComma: true })).toBe("38,3%")
    expect(formatPercent(38.25, { lang: "vi" })).toBe("38.3%")
    expect(formatPercent(100, { lang: "en" })).toBe("100.0%")
  })
})
