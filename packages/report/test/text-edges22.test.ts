import { crosstabFromCounts, rate } from "@danvan/analysis"
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { renderCrosstabText, renderRateJson, renderRateText, warningText } from "../src/text/index.js"

describe("rate text (moved from the CLI, issue 21 item 3)", () => {
  const r = Either.getOrThrow(rate(19183, 21727))
  it("renders both intervals in percent, in English and Vietnamese", () => {
    const en = renderRateText(r, { lang: "en" })
    expect(en).toMatch(/Wilson score\s+88\.29\s+87\.86\s+88\.71/)
    expect(en).toContain("95% confidence interval")
    const vi = renderRateText(r, { lang: "vi" })
    expect(vi).toContain("Khoảng tin cậy 95%")
    expect(vi).toMatch(/Clopper-Pearson \(chính xác\)\s+88\.29\s+87\.86\s+88\.72/)
    expect(JSON.parse(renderRateJson(r))).toEqual(r)
  })
})

describe("crosstab text at the edges (issue 22)", () => {
  it("prints Goodman and Kruskal tau under Directional Measures with footnote c", () => {
    const r = Either.getOrThrow(crosstabFromCounts([[66, 209, 35], [158, 177, 41], [163, 216, 31]]))
    const vi = renderCrosstabText(r, { lang: "vi" })
    expect(vi).toMatch(/Tau của Goodman và Kruskal\s+Hàng phụ thuộc\s+0\.017\s+0\.005\s+< \.001 ᶜ/)
    expect(vi).toContain("c. Dựa trên xấp xỉ Chi bình phương.")
  })
  it("names a dropped empty row of a typed table in Vietnamese too", () => {
    const r = Either.getOrThrow(crosstabFromCounts([[10, 5], [0, 0], [3, 12]]))
    const w = r.warnings.find((x) => x.code === "EMPTY_CATEGORY")
    expect(w).toBeDefined()
    expect(warningText(w!, "en")).toBe(
      "row 2 of the typed table has a total of zero and is left out (as SPSS and PSPP do)"
    )
    expect(warningText(w!, "vi")).toContain("2")
  })
})
