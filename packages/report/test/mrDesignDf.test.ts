import { multipleResponse } from "@danvan/analysis"
import { makeDataset } from "@danvan/domain"
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { multipleResponseBlocks } from "../src/build/multipleResponse.js"
import { renderDocx, renderHtml, renderMarkdown, type ReportDocument } from "../src/index.js"
import { renderMrMarkdown, renderMrText } from "../src/text/mr.js"
import { openDocx, textOf, wAll } from "./docx.js"

// A multiple-response set under a sampling design: each item's design-based F test is shown with both its
// numerator df (df1) and its denominator df (df2 = df1 x the design df) in the text, Markdown, HTML and Word
// tables; unweighted, the Pearson χ² keeps its one df column.
const n = 90
const ds = makeDataset([
  { name: "level", type: "codes", values: Int32Array.from({ length: n }, (_, k) => (k % 3) + 1) },
  { name: "tinh", type: "codes", values: Int32Array.from({ length: n }, (_, k) => (k < 45 ? 1 : 2)) },
  { name: "xa", type: "codes", values: Int32Array.from({ length: n }, (_, k) => Math.floor(k / 6) + 1) },
  { name: "w", type: "numeric", values: Float64Array.from({ length: n }, (_, k) => 1 + ((k * 7) % 5) / 2) },
  ...["a", "b", "c"].map((name, j) => ({
    name,
    type: "codes" as const,
    values: Int32Array.from({ length: n }, (_, k) => ((k * 37 + j * 11 + (k % 3) * (j + 1) * 7) % 23 < 9 ? 1 : 0))
  }))
])
const design = Either.getOrThrow(
  multipleResponse(ds, undefined, "level", ["a", "b", "c"], { weight: "w", strata: "tinh", cluster: "xa" })
)
const plain = Either.getOrThrow(multipleResponse(ds, undefined, "level", ["a", "b", "c"]))
const title = { vi: "Bảng 1", en: "Table 1" }
const documentOf = (table: ReturnType<typeof multipleResponseBlocks>["table"], lang: "vi" | "en"): ReportDocument => ({
  kind: "report",
  lang,
  decimal: "point",
  title: "MR",
  subtitle: "",
  sections: [{ id: "s", heading: "MR", blocks: [{ kind: "table", table }] }],
  notes: []
})

describe("multiple response under a sampling design: df1 and df2 of the item tests", () => {
  it("the result's item tests have df1 and df2 (df2 = df1 x the design df)", () => {
    expect(design.design.mode).toBe("sampling")
    expect(design.items).toHaveLength(3)
    for (const item of design.items) {
      expect(item.df).toBeGreaterThan(0)
      expect(item.df2).toBeCloseTo(item.df * design.design.degreesOfFreedom!, 8)
    }
  })
  it("HTML and Word table: F, df1, df2 heads and the result's numbers in each item row", async () => {
    const ctx = { lang: "en" as const, decimal: "point" as const, hiddenCells: 0 }
    const { table } = multipleResponseBlocks(design, "mr", title, ctx)
    const heads = table.header[0]!.map((c) => c.text)
    expect(heads.slice(-6)).toEqual(["F", "df1", "df2", "p", "p (Bonferroni)", "p (Holm)"])
    const width = (row: ReadonlyArray<{ span?: number }>) => row.reduce((sum, c) => sum + (c.span ?? 1), 0)
    expect(width(table.header[1]!)).toBe(width(table.header[0]!))
    expect(width(table.header[0]!)).toBe(table.rows[0]!.cells.length)
    const first = design.items[0]!
    const cells = table.rows[0]!.cells.map((c) => c.value)
    expect(cells.slice(-6)).toEqual([first.statistic, first.df, first.df2, first.p, first.pBonferroni, first.pHolm])
    expect(table.rows.at(-1)!.cells).toHaveLength(table.rows[0]!.cells.length)
    const html = await renderHtml(documentOf(table, "en"))
    expect(html).toContain(">df2<")
    expect(html).toContain(first.df2!.toFixed(2))
    const word = await openDocx(await renderDocx(documentOf(table, "en")))
    const text = wAll(word.document, "p").map(textOf).join("\n")
    expect(text).toContain("df2")
    expect(text).toContain(first.df2!.toFixed(2))
    expect(renderMarkdown(documentOf(table, "en"))).toContain("| df1 | df2 |")
  })
  it("unweighted: one df column after χ²", () => {
    const ctx = { lang: "vi" as const, decimal: "point" as const, hiddenCells: 0 }
    const { table } = multipleResponseBlocks(plain, "mr", title, ctx)
    const heads = table.header[0]!.map((c) => c.text)
    expect(heads).not.toContain("df2")
    expect(heads).toContain("df")
    expect(table.rows[0]!.cells).toHaveLength(table.rows.at(-1)!.cells.length)
  })
  it("text and Markdown: the tests table has df1 and df2 with the item's numbers", () => {
    const first = design.items[0]!
    const text = renderMrText(design, { lang: "en" })
    expect(text).toMatch(/F\s+df1\s+df2\s+p/)
    expect(text).toContain(first.df2!.toFixed(1))
    const md = renderMrMarkdown(design, { lang: "vi" })
    expect(md).toContain("| F | df1 | df2 | p |")
    expect(md).toContain(`| ${first.df.toFixed(2)} | ${first.df2!.toFixed(1)} |`)
  })
})
