import { means, runPlan } from "@danvan/analysis"
import { codebookFromDataset, decodeAnalysisPlan, makeDataset, plainLabel } from "@danvan/domain"
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { buildPlanReport, renderDocx, renderHtml, renderMarkdown, renderXlsx, tablesOf } from "../src/index.js"
import { openDocx, textOf, wAll } from "./docx.js"

// A `means` plan section (a numeric variable by a group): its tables hold the numbers of `means()` itself
// (tested against R elsewhere), and every renderer writes them in the report's language.

const ages = [23, 25, 31, 31, 34, 38, 40, 41, 45, 47, 52, 58, 61, 29, 36, Number.NaN]
const ds = makeDataset([
  { name: "level", type: "codes", values: Int32Array.from(ages, (_, k) => (k % 3) + 1) },
  { name: "age", type: "numeric", values: Float64Array.from(ages) }
])
const plan = Either.getOrThrow(
  decodeAnalysisPlan({
    id: "m",
    title: { vi: "Tuổi", en: "Age" },
    sections: [{ kind: "means", id: "age-by-level", variable: "age", by: "level" }]
  })
)
const codebook = codebookFromDataset(ds, { id: "ages", title: plainLabel("ages.csv") })
const result = Either.getOrThrow(runPlan(ds, codebook, plan))
const direct = Either.getOrThrow(means(ds, codebook, "age", "level"))

describe("means sections in reports", () => {
  it("runs as `means()` does", () => {
    const s = result.sections[0]!
    expect(s.kind).toBe("means")
    if (s.kind !== "means") return
    expect(s.result).toEqual(direct)
    expect(s.title).toEqual({ vi: "age theo level", en: "age by level" })
  })

  it("a statistics table per group and total, a tests table, the Kruskal-Wallis sentence", async () => {
    const doc = buildPlanReport(result, { lang: "en" })
    const [stats, tests] = tablesOf(doc)
    expect(stats!.rows).toHaveLength(direct.groups.length + 1)
    expect(stats!.rows.map((r) => r.cells[2]!.value)).toEqual([...direct.groups.map((g) => g.mean), direct.total.mean])
    expect(stats!.rows.at(-1)!.cells[1]!.value).toBe(direct.total.n)
    expect(tests!.rows.map((r) => r.cells[0]!.value)).toContain("One-way ANOVA (F)")
    const anova = tests!.rows.find((r) => r.cells[0]!.value === "One-way ANOVA (F)")!
    expect(anova.cells.map((c) => c.value)).toEqual([
      "One-way ANOVA (F)",
      direct.tests.anova!.statistic,
      direct.tests.anova!.df1,
      direct.tests.anova!.df2,
      direct.tests.anova!.p
    ])
    const html = await renderHtml(doc)
    expect(html).toContain("Kruskal-Wallis H(")
    expect((await renderXlsx(doc)).length).toBeGreaterThan(0)
  })

  it("in Vietnamese with a decimal comma in Markdown and Word", async () => {
    const doc = buildPlanReport(result, { lang: "vi", decimal: "comma" })
    const md = renderMarkdown(doc)
    expect(md).toContain("Trung bình")
    expect(md).toContain(direct.total.mean.toFixed(2).replace(".", ","))
    const word = await openDocx(await renderDocx(doc))
    const text = wAll(word.document, "p").map(textOf).join("\n")
    expect(text).toContain("Kiểm định sự bằng nhau của trung bình và phương sai")
    expect(text).toContain(direct.total.mean.toFixed(2).replace(".", ","))
  })

  it("hides the statistics of a group below the disclosure threshold and says so", () => {
    const doc = buildPlanReport(result, { lang: "en", suppressBelow: 6 })
    const [stats] = tablesOf(doc)
    expect(stats!.rows[0]!.cells[2]!.suppressed).toBe(true)
    expect(stats!.rows.at(-1)!.cells[2]!.value).toBe(direct.total.mean)
    expect(stats!.notes.join(" ")).toContain("fewer than 6 cases")
  })
})
