import { decodeAnalysisPlan } from "@danvan/domain"
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { moveItem, planOf, reportDesign, type ReportItem, sectionOf } from "../src/reportPlan.js"
import { NO_WEIGHT } from "../src/runKind.js"

// The report builder's plan, without a browser: one section per picked result in the list's order, titled with
// the variables' labels, the weight stated; the plan decodes as the plan file format the CLI reads.

const labels: Record<string, { vi: string; en: string }> = {
  level: { vi: "Cấp cán bộ", en: "Cadre level" },
  sex: { vi: "Giới tính", en: "Sex" }
}
const label = (n: string) => labels[n] ?? { vi: n, en: n }
const sets = { mr: [{ name: "purpose", label: { vi: "Mục đích", en: "Purpose" } }], likert: [] }
const none = { row: "", col: "", layer: "", weight: "", set: "" }
const item = (key: string, section: ReportItem["section"] | undefined, weight: string | undefined): ReportItem => ({
  key,
  section: section!,
  weight
})

describe("the report builder's plan", () => {
  it("one section per result, in order, with ids, titles from labels and the results' weight", () => {
    const crosstab = sectionOf("crosstab", { ...none, row: "level", col: "sex", layer: "area" }, label, sets)
    const mr = sectionOf("mr", { ...none, set: "purpose", col: "level" }, label, sets)
    expect(crosstab).toEqual({
      kind: "crosstab",
      title: { vi: "Cấp cán bộ × Giới tính theo area", en: "Cadre level × Sex by area" },
      row: "level",
      col: "sex",
      layer: "area"
    })
    const means = sectionOf("means", { ...none, row: "age", col: "level" }, label, sets)
    expect(means).toEqual({
      kind: "means",
      title: { vi: "age theo Cấp cán bộ", en: "age by Cadre level" },
      variable: "age",
      by: "level"
    })
    const items = [item("a", mr, NO_WEIGHT), item("b", crosstab, NO_WEIGHT), item("c", means, NO_WEIGHT)]
    const plan = planOf({ vi: "Báo cáo", en: "Report" }, "hcmc-2024", items)
    expect(plan.weight).toBeNull()
    expect(plan.sections.map((s) => s.id)).toEqual(["s1-multiple-response", "s2-crosstab", "s3-means"])
    expect(plan.sections[0]).toMatchObject({ set: "purpose", by: "level", title: { vi: "Mục đích theo Cấp cán bộ" } })
    const decoded = decodeAnalysisPlan(plan, "plan.json")
    expect(Either.isRight(decoded)).toBe(true)
    // The codebook's weight ("") leaves the plan without one; a frequencies result takes any weight.
    const freq = sectionOf("frequencies", { ...none, row: "sex" }, label, sets)
    expect("weight" in planOf({ vi: "t", en: "t" }, null, [item("c", freq, undefined), item("d", crosstab, "")])).toBe(
      false
    )
  })

  it("carries the results' sampling design as the plan's design field, and the title in both languages", () => {
    const crosstab = sectionOf("crosstab", { ...none, row: "level", col: "sex" }, label, sets)
    const design = { strata: "huyen", cluster: "xa", fpc: "nxa", lonelyPsu: "adjust" as const }
    const items = [{ ...item("a", crosstab, "trongso"), design }, { ...item("b", crosstab, "trongso"), design }]
    const plan = planOf({ vi: "Báo cáo thiết kế", en: "Design report" }, null, items)
    expect(plan).toMatchObject({ weight: "trongso", design, title: { vi: "Báo cáo thiết kế", en: "Design report" } })
    const decoded = decodeAnalysisPlan(plan, "plan.json")
    expect(Either.isRight(decoded) && decoded.right.design).toEqual(design)
    // No design: no field; two designs cannot share one plan.
    expect("design" in planOf({ vi: "t", en: "t" }, null, [{ ...item("c", crosstab, ""), design: {} }])).toBe(false)
    expect(reportDesign([...items, { ...item("d", crosstab, "trongso"), design: { weightMode: "frequency" } }]))
      .toBe("mixed")
  })

  it("moves an item up and down, never past either end", () => {
    expect(moveItem(["a", "b", "c"], 2, 1)).toEqual(["a", "c", "b"])
    expect(moveItem(["a", "b", "c"], 0, 1)).toEqual(["b", "a", "c"])
    expect(moveItem(["a", "b"], 0, -1)).toEqual(["a", "b"])
    expect(moveItem(["a", "b"], 1, 2)).toEqual(["a", "b"])
  })
})
