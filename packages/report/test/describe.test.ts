import { runPlan } from "@danvan/analysis"
import { codebookFromDataset, decodeAnalysisPlan, makeDataset, plainLabel } from "@danvan/domain"
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { buildPlanReport, chartsOf, renderHtml, renderXlsx, tablesOf } from "../src/index.js"

const ages = [23, 25, 31, 31, 34, 38, 40, 41, 45, 47, 52, 58, 61, Number.NaN]
const ds = makeDataset([
  { name: "level", type: "codes", values: Int32Array.from(ages, (_, k) => (k % 3) + 1) },
  { name: "age", type: "numeric", values: Float64Array.from(ages) }
])
const plan = Either.getOrThrow(
  decodeAnalysisPlan({
    id: "d",
    title: { vi: "D", en: "D" },
    sections: [{ kind: "describe", id: "numeric", variables: ["age"] }]
  })
)
const codebook = codebookFromDataset(ds, { id: "ages", title: plainLabel("ages.csv") })
const result = Either.getOrThrow(runPlan(ds, codebook, plan))

describe("describe sections in reports", () => {
  it("one statistics table with the result's numbers and a histogram of the variable", async () => {
    const s = result.sections[0]
    if (s.kind !== "describe") throw new Error("describe")
    const r = s.results[0]
    const doc = buildPlanReport(result, { lang: "en" })
    const [table] = tablesOf(doc)
    const value = (name: string) => table.rows.find((row) => row.cells[0].value === name)!.cells[1].value
    expect(value("N valid")).toBe(13)
    expect(value("N missing")).toBe(1)
    expect(value("Mean")).toBe(r.mean)
    expect(value("Median")).toBe(r.median)
    expect(value("25th percentile")).toBe(r.quartiles.q1)
    expect(value("Skewness")).toBe(r.skewness.value)
    expect(value("Std. error of kurtosis")).toBe(r.kurtosis.se)
    expect(value("Minimum")).toBe(23)
    expect(table.notes.join(" ")).toMatch(/HAVERAGE/)
    const charts = chartsOf(doc)
    expect(charts.map((c) => [c.id, c.chart.type])).toEqual([["numeric-age-histogram", "histogram"]])
    const html = await renderHtml(doc)
    expect(html).toContain("id=\"numeric-age-histogram\"")
    expect((await renderXlsx(doc)).length).toBeGreaterThan(0)
  })

  it("disclosure control leaves out minimum and maximum (one respondent's value) and says so", () => {
    const doc = buildPlanReport(result, { lang: "vi", suppressBelow: 3 })
    const [table] = tablesOf(doc)
    expect(table.rows.map((r) => r.cells[0].value)).not.toContain("Nhỏ nhất")
    expect(table.notes.join(" ")).toMatch(/Không trình bày giá trị nhỏ nhất, lớn nhất/)
  })
})
