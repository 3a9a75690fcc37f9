import { runPlan } from "@danvan/analysis"
import { decodeAnalysisPlan } from "@danvan/domain"
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { buildBannerReport, buildPlanReport, renderDocx, renderHtml, renderXlsx, tablesOf } from "../src/index.js"
import { codebook, exampleDataset } from "./helpers.js"

const planOf = (sections: ReadonlyArray<unknown>) =>
  Either.getOrThrow(decodeAnalysisPlan({ id: "mini", title: { vi: "Báo cáo nhỏ", en: "Small report" }, sections }))

const section = {
  kind: "table",
  id: "banner",
  rows: ["people_trust_limited"],
  cols: ["level"],
  nets: [{ variable: "people_trust_limited", name: "Top 2", codes: [1, 2] }]
}

const bannerOf = (sections: ReadonlyArray<unknown> = [section]) => {
  const result = Either.getOrThrow(runPlan(exampleDataset(), codebook, planOf(sections)))
  const s = result.sections[0]
  if (s.kind !== "table") throw new Error("table")
  return { result, banner: s.result }
}

describe("banner tables in reports (issue 15)", () => {
  it("a table section: heading, base, count and column-% rows with the letters, the net and the mean", () => {
    const { banner, result } = bannerOf()
    const table = tablesOf(buildPlanReport(result, { lang: "en" })).find((t) => t.id === "banner")!
    const st = banner.stub[0]
    // columns: label, statistic, Total, then per level category a value and its letters
    expect(table.header[1].map((c) => c.text)).toEqual([
      "",
      "",
      "Total",
      "City (A)",
      "District (B)",
      "Ward/Commune (C)"
    ])
    expect(table.header[1].slice(3).map((c) => c.span)).toEqual([2, 2, 2])
    // heading, base, 3 categories x 2 rows, the net x 2 rows, the mean
    expect(table.rows).toHaveLength(2 + 3 * 2 + 2 + 1)
    expect(table.rows[1].cells.map((c) => c.value)).toEqual([null, "Base (N)", 1096, 310, null, 376, null, 410, null])
    st.rows.slice(0, 3).forEach((row, i) => {
      const count = table.rows[2 + 2 * i]
      const pct = table.rows[3 + 2 * i]
      expect([count.cells[2], ...count.cells.slice(3).filter((_, j) => j % 2 === 0)].map((c) => c.value)).toEqual(
        row.cells.map((c) => c.count)
      )
      expect(pct.cells.slice(3).filter((_, j) => j % 2 === 1).map((c) => c.value)).toEqual(
        row.cells.slice(1).map((c) => c.letters)
      )
    })
    expect(table.rows[2].cells.map((c) => c.value)).toEqual(["Difficult", "Count", 387, 66, null, 158, null, 163, null])
    expect(table.rows[3].cells[6].value).toBe("A")
    expect(table.rows[8].cells[0].value).toBe("Top 2 (net)")
    expect(table.rows[8].cells[2].value).toBe(387 + 602)
    const mean = table.rows[10]
    expect(mean.cells[0].value).toBe("Mean")
    expect(mean.cells[2].value).toBeCloseTo((3 * 387 + 2 * 602 + 107) / 1096, 12)
    expect(table.notes.some((n) => n.includes("1 → 3, 2 → 2, 3 → 1; higher = Difficult"))).toBe(true)
    expect(table.notes.some((n) => n === "No missing cases.")).toBe(true)
  })

  it("disclosure control hides small counts, their nets and their rows' letters, and counts them", () => {
    const { banner } = bannerOf()
    const doc = buildBannerReport(banner, { lang: "en", suppressBelow: 40 })
    const table = tablesOf(doc)[0]
    // Not difficult in City is 35 < 40: hidden, with a second cell of its column and row
    const notDifficult = table.rows[6]
    expect(notDifficult.cells[3].suppressed).toBe(true)
    expect(table.rows[7].cells[3].suppressed).toBe(true)
    expect(table.rows[7].cells.slice(3).filter((_, j) => j % 2 === 1).every((c) => c.value === null)).toBe(true)
    expect(doc.suppression!.cells).toBeGreaterThanOrEqual(2)
    expect(doc.notes.join(" ")).toContain("40")
  })

  it("renders as HTML, XLSX and a native Word table", async () => {
    const { banner } = bannerOf()
    const doc = buildBannerReport(banner, { lang: "vi", dataFile: "x.csv" })
    const html = await renderHtml(doc)
    expect(html).toContain("Thành phố (A)")
    expect(html).toContain("Cơ số (N)")
    const xlsx = await renderXlsx(doc)
    expect(xlsx.byteLength).toBeGreaterThan(1000)
    const docx = await renderDocx(doc)
    const JSZip = (await import("jszip")).default
    const xml = await (await JSZip.loadAsync(docx)).file("word/document.xml")!.async("string")
    expect(xml).toContain("<w:tbl>")
    expect(xml).toContain("Thành phố (A)")
  })
  it("a multiple-response set in the stub and letters on the mean row reach the report table", () => {
    const { banner, result } = bannerOf([{
      kind: "table",
      id: "mr",
      rows: ["purpose", "people_trust_limited"],
      cols: ["level"]
    }])
    expect(result.sections[0].title.en).toBe(
      "Purpose of mass mobilization work, People's trust, participation and cooperation are limited by Cadre level"
    )
    const table = tablesOf(buildPlanReport(result, { lang: "en" }))[0]
    const set = banner.stub[0]
    expect(set.kind).toBe("multiple-response")
    // heading, base, 5 items x 2 rows; then the Likert item's block
    expect(table.rows[2].cells[0].value).toBe(set.rows[0].label.en)
    expect(table.rows[3].cells.slice(3).filter((_, j) => j % 2 === 1).map((c) => c.value)).toEqual(
      set.rows[0].cells.slice(1).map((c) => c.letters)
    )
    const mean = banner.stub[1].rows.find((r) => r.kind === "mean")!
    const meanRow = table.rows[table.rows.length - 1]
    expect(meanRow.cells.slice(3).filter((_, j) => j % 2 === 1).map((c) => c.value)).toEqual(
      mean.cells.slice(1).map((c) => c.letters)
    )
    expect(mean.cells.slice(1).map((c) => c.letters)).toEqual(["", "A", "A"])
    expect(table.notes.some((n) => n.startsWith("Purpose of mass mobilization work: a multiple-response set"))).toBe(
      true
    )
  })
})
