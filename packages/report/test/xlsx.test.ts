import ExcelJS from "exceljs"
import { describe, expect, it } from "vitest"
import { buildPlanReport, renderXlsx, tablesOf } from "../src/index.js"
import { examplePlanResult } from "./helpers.js"

const load = async (bytes: Uint8Array) => {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer)
  return wb
}

/** The data rows of a table sheet: after the title, a blank row and the header rows. */
const dataRows = (ws: ExcelJS.Worksheet, headerRows: number, count: number) =>
  Array.from({ length: count }, (_, i) => ws.getRow(3 + headerRows + i))

describe("XLSX report", () => {
  it("one sheet per table plus a notes sheet; cells read back equal the result objects, numbers as numbers", async () => {
    const result = examplePlanResult()
    const doc = buildPlanReport(result, { lang: "vi" })
    const wb = await load(await renderXlsx(doc))
    const names = wb.worksheets.map((w) => w.name)
    expect(names).toEqual([...tablesOf(doc).map((t) => t.id), "Ghi chú"])

    // Table 1 (purpose by level): counts, % of cases and the tests of each item
    const t1 = result.sections[1]
    if (t1.kind !== "multiple-response") throw new Error("t1")
    const ws1 = wb.getWorksheet("table1-purpose")!
    expect(ws1.getCell("A1").value).toBe("Bảng 1. Nhận thức về mục đích của công tác dân vận, theo cấp cán bộ")
    expect(ws1.getCell("B3").value).toBe("Thành phố (A)")
    expect(ws1.getCell("B3").isMerged).toBe(true)
    dataRows(ws1, 2, t1.result.items.length).forEach((row, i) => {
      const item = t1.result.items[i]
      expect(row.getCell(1).value).toBe(item.label.vi)
      item.counts.forEach((c, j) => {
        expect(row.getCell(2 + 3 * j).value).toBe(c)
        expect(row.getCell(3 + 3 * j).value).toBe(item.percentOfCases[j])
        expect(row.getCell(3 + 3 * j).numFmt).toBe("0.0")
        // the column-proportion letters, as the CLI prints them beside the percent
        expect(row.getCell(4 + 3 * j).value ?? "").toBe(item.largerThan[j])
      })
      const n = 2 + 3 * item.counts.length
      expect(row.getCell(n).value).toBe(item.total.count)
      expect(row.getCell(n + 2).value).toBe(item.statistic)
      expect(row.getCell(n + 4).value).toBe(item.p)
      expect(typeof row.getCell(n + 4).value).toBe("number")
      // a decimal-comma report: the literal below .001 uses the comma too
      expect(row.getCell(n + 4).numFmt).toBe("[<0.001]\"< 0,001\";0.000")
      expect(row.getCell(n + 5).value).toBe(item.pBonferroni)
      expect(row.getCell(n + 6).value).toBe(item.pHolm)
    })

    // Table 4: per item and level the distribution, N and mean score
    const t4 = result.sections[4]
    if (t4.kind !== "likert") throw new Error("t4")
    const ws4 = wb.getWorksheet("table4-difficulty")!
    let r = 5
    for (const item of t4.result.items) {
      for (const g of item.byGroup) {
        const row = ws4.getRow(r++)
        g.distribution.forEach((c, s) => {
          expect(row.getCell(3 + 2 * s).value).toBe(c)
          expect(row.getCell(4 + 2 * s).value).toBe(g.percents[s])
        })
        expect(row.getCell(3 + 2 * g.distribution.length).value).toBe(g.n)
        expect(row.getCell(4 + 2 * g.distribution.length).value).toBe(g.mean)
      }
      r++ // the item's total row
    }
    const tests = wb.getWorksheet("table4-difficulty-tests")!
    t4.itemTests.forEach((x, i) => {
      const row = tests.getRow(4 + i)
      expect(row.getCell(2).value).toBe(x.tests.pearson.statistic)
      expect(row.getCell(5).value).toBe(x.tests.pearson.p)
      expect(row.getCell(6).value).toBe(x.measures.cramersV)
    })

    // the profile: frequencies of level
    const f = result.sections[0]
    if (f.kind !== "frequencies") throw new Error("profile")
    const wsf = wb.getWorksheet("profile-level")!
    f.results[0].rows.filter((x) => !x.missing).forEach((x, i) =>
      expect(wsf.getRow(4 + i).getCell(2).value).toBe(x.count)
    )

    // the notes sheet holds the APA sentences and the rules
    const notes = wb.getWorksheet("Ghi chú")!
    const text: Array<string> = []
    notes.eachRow((row) => text.push(String(row.getCell(1).value)))
    expect(text).toContain(
      "Niềm tin, sự tham gia và phối hợp của Nhân dân còn hạn chế: χ²(4; N = 1096) = 41,03; p < 0,001; V Cramér = 0,14. Kruskal-Wallis H(2; N = 1096) = 30,54; p < 0,001."
    )
    expect(text.some((x) => x.startsWith("Dấu thập phân"))).toBe(true)
  })

  it("a decimal-point report keeps APA's p format; the Likert tests carry γ, τ-b and α if item deleted", async () => {
    const result = examplePlanResult()
    const doc = buildPlanReport(result, { lang: "en" })
    const wb = await load(await renderXlsx(doc))
    const ws1 = wb.getWorksheet("table1-purpose")!
    const t1 = result.sections[1]
    if (t1.kind !== "multiple-response") throw new Error("t1")
    expect(ws1.getRow(5).getCell(2 + 3 * t1.result.items[0].counts.length + 4).numFmt).toBe("[<0.001]\"< .001\";.000")
    const t4 = result.sections[4]
    if (t4.kind !== "likert") throw new Error("t4")
    expect(t4.result.cronbach).toBeDefined()
    const tests = wb.getWorksheet("table4-difficulty-tests")!
    const header = (tests.getRow(3).values as Array<unknown>).slice(1)
    expect(header).toContain("α if item deleted")
    t4.result.items.forEach((item, i) => {
      const row = tests.getRow(4 + i)
      const at = header.indexOf("α if item deleted") + 1
      expect(row.getCell(at).value).toBe(t4.result.cronbach!.alphaIfDeleted[i])
      if (t4.result.ordinal.computed) expect(row.getCell(header.indexOf("γ") + 1).value).toBe(item.gamma!.value)
    })
    const text = tablesOf(doc).find((t) => t.id === "table4-difficulty-tests")!.notes.join(" ")
    expect(text).toMatch(/Cronbach's α = \.\d{3} \(\d+ items, n = \d+ complete cases\)/)
  })

  it("hidden cells are the text [c] and carry no number", async () => {
    const doc = buildPlanReport(examplePlanResult(), { lang: "en", suppressBelow: 20 })
    const wb = await load(await renderXlsx(doc))
    const ws = wb.getWorksheet("table4-difficulty")!
    const values: Array<unknown> = []
    ws.eachRow((row) => row.eachCell((c) => values.push(c.value)))
    const table = tablesOf(doc).find((t) => t.id === "table4-difficulty")!
    const hidden = table.rows.flatMap((r) => r.cells.filter((c) => c.suppressed === true)).length
    expect(values.filter((v) => v === "[c]")).toHaveLength(hidden)
    expect(hidden).toBeGreaterThan(0)
  })
})
