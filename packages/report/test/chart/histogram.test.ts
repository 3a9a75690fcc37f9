import { describe, expect, it } from "vitest"
import { ChartDataError, type HistogramChartData, histogramChartSvg } from "../../src/index.js"
import { barGeometry, parseSvg } from "../svg.js"

const age: HistogramChartData = {
  title: { vi: "Biểu đồ tần số: Tuổi", en: "Histogram: Age" },
  variable: { vi: "Tuổi", en: "Age" },
  bins: [
    { from: 20, to: 30, count: 12 },
    { from: 30, to: 40, count: 30 },
    { from: 40, to: 50, count: 6 },
    { from: 50, to: 60, count: 0 }
  ]
}

describe("histogramChartSvg", () => {
  it("draws one adjacent bar per bin, heights proportional to the counts", async () => {
    const svg = parseSvg(await histogramChartSvg(age, { lang: "vi", decimalComma: true }))
    const bars = svg.bars().map(barGeometry)
    expect(bars).toHaveLength(4)
    const heights = bars.map((b) => b.height)
    expect(heights[1] / heights[0]).toBeCloseTo(30 / 12, 2)
    expect(heights[2] / heights[0]).toBeCloseTo(6 / 12, 2)
    // adjacent: each bar starts where the previous one ends
    for (let i = 1; i < 3; i++) expect(bars[i].x).toBeCloseTo(bars[i - 1].x + bars[i - 1].width, 1)
  })

  it("labels in the chart's language", async () => {
    const svg = await histogramChartSvg(age, { lang: "en" })
    expect(svg).toContain("Histogram: Age")
    expect(svg).toContain("Respondents")
  })

  it("refuses bins that are not bins", async () => {
    await expect(histogramChartSvg({ ...age, bins: [{ from: 2, to: 1, count: 3 }] }, { lang: "en" })).rejects
      .toBeInstanceOf(ChartDataError)
    await expect(histogramChartSvg({ ...age, bins: [] }, { lang: "en" })).rejects.toBeInstanceOf(ChartDataError)
  })
})
