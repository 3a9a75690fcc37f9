import * as Stats from "@danvan/stats"
import { describe, expect, it } from "vitest"
import { lowExpectedText } from "../src/sentences.js"
import { lowExpectedText as fromText } from "../src/text/crosstab.js"

// The footnote's wording lives in stats (English) and report/text/lowExpected.ts (Vietnamese) only.
describe("lowExpectedText: one wording of the low-expected-count footnote", () => {
  const table = Stats.fromMatrix([[3, 0], [0, 2]])
  const info = Stats.lowExpectedCounts(table)

  it("English is stats' lowExpectedMessage, with or without the result's message", () => {
    const message = Stats.lowExpectedMessage(info)
    expect(message).toBe("4 cells (100.0%) have expected count less than 5. The minimum expected count is 0.80.")
    expect(lowExpectedText({ ...info, message }, "en")).toBe(message)
    expect(lowExpectedText({ cells: info.cells, percent: info.percent, minExpected: info.minExpected }, "en"))
      .toBe(message)
    expect(fromText).toBe(lowExpectedText)
  })

  it("Vietnamese shows the same numbers, rounded as SPSS rounds them (halves away from zero)", () => {
    const w = { cells: 1, percent: 100 / 16, minExpected: 2.675 }
    expect(lowExpectedText(w, "en")).toBe(
      "1 cells (6.3%) have expected count less than 5. The minimum expected count is 2.68."
    )
    expect(lowExpectedText(w, "vi")).toBe("1 ô (6.3%) có tần số kỳ vọng nhỏ hơn 5. Tần số kỳ vọng nhỏ nhất là 2.68.")
    expect(lowExpectedText(w, "vi", "comma")).toBe(
      "1 ô (6,3%) có tần số kỳ vọng nhỏ hơn 5. Tần số kỳ vọng nhỏ nhất là 2,68."
    )
    expect(lowExpectedText({ ...w, threshold: 10 }, "vi")).toContain("nhỏ hơn 10.")
  })
})
