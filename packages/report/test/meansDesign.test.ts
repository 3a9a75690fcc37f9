import { means, runPlan } from "@danvan/analysis"
import { codebookFromDataset, decodeAnalysisPlan, makeDataset, plainLabel } from "@danvan/domain"
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { buildPlanReport, renderDocx, renderHtml, renderMarkdown, tablesOf } from "../src/index.js"
import { classicalTestsNote, designMeanText, designWaldLine } from "../src/text/design.js"
import { renderMeansMarkdown, renderMeansText } from "../src/text/means.js"
import { openDocx, textOf, wAll } from "./docx.js"

// `means` under a sampling design: the design-based Wald test of equal means (analysis tests it against R) is
// a row of the tests table and a line with its chi-square form, and the one design statement says how it was
// weighted, in every output and both languages.
const n = 60
const ds = makeDataset([
  { name: "level", type: "codes", values: Int32Array.from({ length: n }, (_, k) => (k % 3) + 1) },
  { name: "tinh", type: "codes", values: Int32Array.from({ length: n }, (_, k) => (k < 30 ? 1 : 2)) },
  { name: "xa", type: "codes", values: Int32Array.from({ length: n }, (_, k) => Math.floor(k / 5) + 1) },
  { name: "w", type: "numeric", values: Float64Array.from({ length: n }, (_, k) => 1 + ((k * 7) % 5) / 2) },
  {
    name: "age",
    type: "numeric",
    values: Float64Array.from({ length: n }, (_, k) => 30 + (k % 3) * 4 + ((k * 13) % 11))
  }
])
const choice = { weight: "w", strata: "tinh", cluster: "xa" } as const
const direct = Either.getOrThrow(means(ds, undefined, "age", "level", choice))
const plan = Either.getOrThrow(
  decodeAnalysisPlan({
    id: "m",
    title: { vi: "Tuổi", en: "Age" },
    weight: "w",
    design: { strata: "tinh", cluster: "xa" },
    sections: [{ kind: "means", id: "age-by-level", variable: "age", by: "level" }]
  })
)
const result = Either.getOrThrow(runPlan(ds, codebookFromDataset(ds, { id: "a", title: plainLabel("a.csv") }), plan))
const wald = direct.tests.designWald!

describe("means under a sampling design in reports", () => {
  it("the result has the design-based Wald test", () => {
    expect(wald.df1).toBe(2)
    expect(wald.df2).toBe(direct.design!.df! - 2)
    expect(wald.p).toBeGreaterThan(0)
  })
  it("the Wald line: F and chi-square forms, p as APA, both decimal marks", () => {
    expect(designWaldLine({ ...wald, p: 2e-9, chisq: { ...wald.chisq, p: 0.0234 } }, "en")).toMatch(
      /^Design-based Wald test of equal means \(R survey's svyglm and regTermTest, Taylor linearization\): F\(2, \d+\) = \d+\.\d{3}, p < \.001; chi-square form: χ²\(2\) = \d+\.\d{3}, p = \.023\.$/
    )
    expect(designWaldLine({ ...wald, p: 0.5 }, "vi", "comma")).toMatch(
      /^Kiểm định Wald theo thiết kế mẫu .*: F\(2; \d+\) = \d+,\d{3}, p = 0,500; dạng khi bình phương: χ²\(2\) = \d+,\d{3}, p [<=] /
    )
    expect(designWaldLine(undefined, "en")).toBeUndefined()
  })
  it("text and Markdown: the test row, its line and the design statement", () => {
    const en = renderMeansText(direct, { lang: "en" })
    expect(en).toContain("Design-based Wald (F)")
    expect(en.replace(/\n/g, " ")).toContain("Design-based (Taylor linearization): weights w, strata tinh, clusters xa")
    expect(en.replace(/\s+/g, " ")).toContain(designWaldLine(wald, "en")!.replace(/\s+/g, " "))
    const vi = renderMeansMarkdown(direct, { lang: "vi" })
    expect(vi).toContain("Wald theo thiết kế mẫu (F)")
    expect(vi).toContain("Ước lượng theo thiết kế mẫu (tuyến tính hóa Taylor)")
  })
  it("HTML and Word: the tests table has the Wald row first, with the result's numbers", async () => {
    const doc = buildPlanReport(result, { lang: "en" })
    const tests = tablesOf(doc).find((t) => t.id === "age-by-level-tests")!
    expect(tests.rows[0]!.cells.map((c) => c.value)).toEqual([
      "Design-based Wald (F)",
      wald.statistic,
      wald.df1,
      wald.df2,
      wald.p
    ])
    expect(tests.notes.join(" ")).toContain("chi-square form")
    const html = await renderHtml(doc)
    expect(html).toContain("Design-based Wald test of equal means")
    expect(html).toContain("Design-based (Taylor linearization): weights w, strata tinh, clusters xa")
    const vi = buildPlanReport(result, { lang: "vi", decimal: "comma" })
    expect(renderMarkdown(vi)).toContain("Kiểm định Wald theo thiết kế mẫu")
    const word = await openDocx(await renderDocx(vi))
    const text = wAll(word.document, "p").map(textOf).join("\n")
    expect(text).toContain(designWaldLine(wald, "vi", "comma")!)
    expect(text).toContain("Ước lượng theo thiết kế mẫu (tuyến tính hóa Taylor): trọng số w, tầng tinh, cụm xa")
  })
  it("HTML and Word: each group's design-based mean and SE under the statistics table, and why the classical ones differ", async () => {
    const stats = tablesOf(buildPlanReport(result, { lang: "en" })).find((t) => t.id === "age-by-level")!
    const g = direct.groups[0]!
    expect(g.design).toBeDefined()
    expect(stats.notes).toContain(`${g.label.en || String(g.code)}: ${designMeanText(g.design!, "en")}`)
    expect(stats.notes).toContain(`Total: ${designMeanText(direct.designTotal!, "en")}`)
    expect(stats.notes.at(-1)).toBe(classicalTestsNote("en"))
    const word = await openDocx(await renderDocx(buildPlanReport(result, { lang: "vi", decimal: "comma" })))
    const text = wAll(word.document, "p").map(textOf).join("\n")
    expect(text).toContain(`Tổng: ${designMeanText(direct.designTotal!, "vi", 2, "comma")}`)
    expect(text).toContain(classicalTestsNote("vi"))
    // without a sampling design there are no such notes
    const plain = Either.getOrThrow(means(ds, undefined, "age", "level", { weight: "w", weightMode: "frequency" }))
    const doc = buildPlanReport(
      Either.getOrThrow(runPlan(ds, codebookFromDataset(ds, { id: "a", title: plainLabel("a.csv") }), {
        ...plan,
        design: { weightMode: "frequency" }
      })),
      { lang: "en" }
    )
    expect(plain.design?.mode).toBe("frequency")
    expect(tablesOf(doc).find((t) => t.id === "age-by-level")!.notes).not.toContain(classicalTestsNote("en"))
  })
})
