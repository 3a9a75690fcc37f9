import { describe, expect, it } from "vitest"
import {
  buildPlanReport,
  buildPublishedReport,
  cellText,
  chartsOf,
  renderCsv,
  renderHtml,
  renderJson,
  renderMarkdown,
  tablesOf
} from "../src/index.js"
import { protectedByEnumeration } from "./enumerate.js"
import { examplePlanResult, publishedResult } from "./helpers.js"

const decode = (s: string) =>
  s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, "\"").replace(/&amp;/g, "&")

/** Cells of every body row of the HTML table with this id, as text. */
const htmlTable = (html: string, id: string) => {
  const m = new RegExp(`<table data-table-id="${id}">([\\s\\S]*?)</table>`).exec(html)
  if (m === null) throw new Error(`table ${id} is not in the HTML`)
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(m[1])![1]
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((r) =>
    [...r[1].matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => decode(c[1]))
  )
}

describe("the report document and its text renderers", () => {
  it("HTML: one self-contained file with every table (cells as the document says) and every chart", async () => {
    for (const lang of ["vi", "en"] as const) {
      const doc = buildPlanReport(examplePlanResult(), { lang })
      const html = await renderHtml(doc)
      expect(html.startsWith("<!DOCTYPE html>")).toBe(true)
      expect(html).not.toMatch(/<script|<link|\ssrc=|url\(|@import/)
      // only XML namespace names, which are never fetched
      expect(new Set(html.match(/https?:\/\/[^"\s]*/g) ?? [])).toEqual(
        new Set(["http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"])
      )
      expect(html).toContain("@media print")
      for (const table of tablesOf(doc)) {
        const rows = htmlTable(html, table.id)
        expect(rows).toEqual(table.rows.map((r) => r.cells.map((c) => cellText(c, doc.decimal))))
      }
      expect(chartsOf(doc).map((c) => c.id)).toEqual([
        "table1-purpose-chart",
        "table2-content-chart",
        "table3-method-chart",
        "table4-difficulty-chart"
      ])
      for (const c of chartsOf(doc)) {
        expect(html).toMatch(new RegExp(`<figure class="chart" id="${c.id}"[^>]*>\\s*<svg`))
      }
      expect(html).toBe(html.normalize("NFC"))
    }
  })

  it("tables carry the result objects' numbers (MR, Likert, frequencies)", () => {
    const result = examplePlanResult()
    const doc = buildPlanReport(result, { lang: "en" })
    const t1 = result.sections[1]
    if (t1.kind !== "multiple-response") throw new Error("t1")
    const table = tablesOf(doc).find((t) => t.id === "table1-purpose")!
    t1.result.items.forEach((item, i) => {
      const cells = table.rows[i].cells
      expect(cells[0].value).toBe(item.label.en)
      item.counts.forEach((c, j) => {
        expect(cells[1 + 3 * j].value).toBe(c)
        expect(cells[2 + 3 * j].value).toBe(item.percentOfCases[j])
        expect(cells[3 + 3 * j].value).toBe(item.largerThan[j])
      })
      expect(cells.slice(-5).map((c) => c.value)).toEqual([
        item.statistic,
        item.df,
        item.p,
        item.pBonferroni,
        item.pHolm
      ])
    })
  })

  it("Vietnamese: headings, labels and sentences in Vietnamese, NFC, decimal comma by default; --decimal point honoured", async () => {
    const vi = buildPlanReport(examplePlanResult(), { lang: "vi" })
    const md = renderMarkdown(vi)
    expect(md).toBe(md.normalize("NFC"))
    const sentences = (d: typeof vi) =>
      d.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === "apa" ? b.sentences : [])))
    expect(sentences(vi)).toContain(
      "Niềm tin, sự tham gia và phối hợp của Nhân dân còn hạn chế: χ²(4; N = 1096) = 41,03; p < 0,001; V Cramér = 0,14. Kruskal-Wallis H(2; N = 1096) = 30,54; p < 0,001."
    )
    expect(md).toContain("χ²(4; N = 1096) = 41,03; p \\< 0,001; V Cramér = 0,14")
    expect(md).toContain("Bảng 4. Khó khăn trong thực hiện công tác dân vận, theo cấp cán bộ")
    const point = sentences(buildPlanReport(examplePlanResult(), { lang: "vi", decimal: "point" }))
    expect(point[point.length - 5]).toContain("χ²(4, N = 1096) = 41.03, p < .001, V Cramér = .14")
    const en = renderMarkdown(buildPlanReport(examplePlanResult(), { lang: "en" }))
    expect(en).toContain("People's trust, participation and cooperation are limited")
    expect(en).not.toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i)
  })

  it("CSV: UTF-8 BOM, CRLF, full-precision numbers; JSON: valid, results only without suppression", () => {
    const result = examplePlanResult()
    const doc = buildPlanReport(result, { lang: "vi" })
    const csv = renderCsv(doc)
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    expect(csv.replace(/\r\n/g, "").includes("\n")).toBe(false)
    const t1 = result.sections[1]
    if (t1.kind !== "multiple-response") throw new Error("t1")
    expect(csv).toContain(String(t1.result.items[0].p))
    const json = JSON.parse(renderJson(doc, result))
    expect(json.kind).toBe("report")
    expect(json.results.sections).toHaveLength(5)
    const hidden = buildPlanReport(result, { lang: "vi", suppressBelow: 20 })
    expect(JSON.parse(renderJson(hidden, result)).results).toBeUndefined()
  })

  it("disclosure control: every count below K hidden with its percent, none derivable from the totals, the rule stated", () => {
    const k = 20
    const result = examplePlanResult()
    const doc = buildPlanReport(result, { lang: "en", suppressBelow: k })
    expect(doc.suppression!.cells).toBeGreaterThan(0)
    expect(doc.notes.some((n) => n.includes(`counts below ${k} are hidden`))).toBe(true)
    const t4 = result.sections[4]
    if (t4.kind !== "likert") throw new Error("t4")
    const table = tablesOf(doc).find((t) => t.id === "table4-difficulty")!
    const perItem = t4.result.by.categories.length + 1
    t4.result.items.forEach((item, i) => {
      const rows = table.rows.slice(i * perItem, i * perItem + item.byGroup.length)
      const counts = item.byGroup.map((g) => [...g.distribution])
      const hidden = rows.map((r) => item.byGroup[0].distribution.map((_, s) => r.cells[2 + 2 * s].suppressed === true))
      counts.forEach((row, g) =>
        row.forEach((c, s) => {
          if (c < k) expect(hidden[g][s]).toBe(true)
          // a hidden count hides its percent, and no shown cell holds a hidden value
          expect(rows[g].cells[3 + 2 * s].suppressed === true).toBe(hidden[g][s])
          if (hidden[g][s]) expect(rows[g].cells[2 + 2 * s].value).toBeNull()
        })
      )
      if (hidden.flat().some(Boolean)) expect(protectedByEnumeration(counts, hidden).every(Boolean)).toBe(true)
    })
    // the MR tables: a count below K, or whose complement (base - count) is below K, is hidden
    for (const s of result.sections) {
      if (s.kind !== "multiple-response") continue
      const t = tablesOf(doc).find((x) => x.id === s.id)!
      s.result.items.forEach((item, i) =>
        item.counts.forEach((c, j) => {
          if (c < k || s.result.n.byGroup[j] - c < k) expect(t.rows[i].cells[1 + 3 * j].suppressed).toBe(true)
          // with the item total shown, a row never has exactly one hidden count
          expect(t.rows[i].cells.filter((x) => x.format === "count" && x.suppressed === true).length).not.toBe(1)
        })
      )
    }
  })

  it("the published-tables report: Tables 1-4 with R's per-item tests", async () => {
    const replicate = publishedResult()
    const doc = buildPublishedReport(replicate, { lang: "en" })
    expect(tablesOf(doc).map((t) => t.id)).toEqual([
      "table1-purpose",
      "table2-content",
      "table3-method",
      "table4-difficulty"
    ])
    const r = (await import("./helpers.js")).fixture("analysis/test/fixtures/replicate.json")
    const t1 = tablesOf(doc)[0]
    r.tables[0].items.forEach((item: { statistic: number; p: number; pAdjusted: number }, i: number) => {
      const cells = t1.rows[i].cells.slice(-4)
      expect(Math.abs((cells[0].value as number) - item.statistic) / item.statistic).toBeLessThan(1e-12)
      expect(cellText(cells[2], "point")).toBe(cellText({ value: item.p, format: "p" }, "point"))
      expect(cellText(cells[3], "point")).toBe(cellText({ value: item.pAdjusted, format: "p" }, "point"))
    })
    const html = await renderHtml(doc)
    for (const t of tablesOf(doc)) expect(htmlTable(html, t.id)).toHaveLength(t.rows.length)
  })
})

describe("crosstab and rate sections", () => {
  it("a plan with a crosstab and a rate: SPSS layout, APA sentences, suppression not derivable", async () => {
    const { runPlan } = await import("@danvan/analysis")
    const { decodeAnalysisPlan } = await import("@danvan/domain")
    const Either = await import("effect/Either")
    const { codebook, exampleDataset, fixture } = await import("./helpers.js")
    const plan = Either.getOrThrow(decodeAnalysisPlan({
      id: "mini",
      title: { vi: "Báo cáo nhỏ", en: "Small report" },
      sections: [
        { kind: "crosstab", id: "trust", row: "level", col: "people_trust_limited", fisher: "none" },
        {
          kind: "rate",
          id: "resolved",
          label: { vi: "Ý kiến được giải quyết", en: "Opinions resolved" },
          x: 19183,
          n: 21727
        }
      ]
    }))
    const result = Either.getOrThrow(runPlan(exampleDataset(), codebook, plan))
    const doc = buildPlanReport(result, { lang: "en" })
    const byId = (id: string) => tablesOf(doc).find((t) => t.id === id)!
    const [table, tests, measures, rate] = [
      byId("trust"),
      byId("trust-tests"),
      byId("trust-measures"),
      byId("resolved")
    ]
    const x = result.sections[0]
    if (x.kind !== "crosstab") throw new Error("crosstab")
    // the Chi-Square Tests and Symmetric Measures tables, as the CLI prints them
    expect(tests.rows.map((r) => r.cells[0].value)).toEqual([
      "Pearson chi-square",
      "Likelihood ratio",
      "Linear-by-linear association",
      "N of valid cases"
    ])
    expect(tests.rows[0].cells.slice(1, 4).map((c) => c.value)).toEqual([
      x.result.tests.pearson.statistic,
      x.result.tests.pearson.df,
      x.result.tests.pearson.p
    ])
    expect(tests.rows[1].cells[1].value).toBe(x.result.tests.likelihoodRatio.statistic)
    expect(measures.rows.map((r) => r.cells[0].value)).toEqual([
      "Phi",
      "Cramér's V",
      "Contingency coefficient",
      "Gamma",
      "Kendall's tau-b",
      "Kendall's tau-c",
      "Somers' d (symmetric)",
      "N of valid cases"
    ])
    expect(measures.rows[1].cells[1].value).toBe(x.result.measures.cramersV)
    expect(measures.rows[3].cells.slice(1).map((c) => c.value)).toEqual([
      x.result.measures.gamma.value,
      x.result.measures.gamma.ase,
      x.result.measures.gamma.t,
      x.result.measures.gamma.p
    ])
    // Count rows then "% within" rows for each level, then the totals
    x.result.counts.forEach((row, i) => {
      expect(table.rows[2 * i].cells.slice(2, 2 + row.length).map((c) => c.value)).toEqual(row)
      expect(table.rows[2 * i + 1].cells.slice(2, 2 + row.length).map((c) => c.value)).toEqual(x.result.percents.row[i])
    })
    const apa = doc.sections[0].blocks.find((b) => b.kind === "apa")
    expect(apa?.kind === "apa" && apa.sentences).toEqual(["χ²(4, N = 1096) = 41.03, p < .001, Cramér's V = .14"])
    // the rate: R's prop.test / binom.test intervals (packages/stats/scripts/rates.R)
    const r95 = fixture("stats/test/fixtures/rates.json").intervals.find((c: any) =>
      c.x === 19183 && c.n === 21727 && Math.abs(c.level - 0.95) < 1e-12
    )
    expect(rate.rows.map((r) => r.cells[0].value)).toEqual(["Wilson score", "Clopper-Pearson (exact)"])
    expect(rate.rows[0].cells[3].value).toBeCloseTo(100 * r95.estimate, 10)
    expect(rate.rows[0].cells[4].value).toBeCloseTo(100 * r95.wilson[0], 9)
    expect(rate.rows[0].cells[5].value).toBeCloseTo(100 * r95.wilson[1], 9)
    expect(rate.rows[1].cells[4].value).toBeCloseTo(100 * r95.clopperPearson[0], 9)
    expect(rate.rows[1].cells[5].value).toBeCloseTo(100 * r95.clopperPearson[1], 9)

    const k = 40
    const hiddenDoc = buildPlanReport(result, { lang: "en", suppressBelow: k })
    const hidden = tablesOf(hiddenDoc)[0]
    const flags = x.result.counts.map((row, i) =>
      row.map((_, j) => hidden.rows[2 * i].cells[2 + j].suppressed === true)
    )
    x.result.counts.forEach((row, i) => row.forEach((c, j) => c < k && expect(flags[i][j]).toBe(true)))
    expect(flags.flat().some(Boolean)).toBe(true)
    expect(protectedByEnumeration(x.result.counts, flags).every(Boolean)).toBe(true)
    const html = await renderHtml(hiddenDoc)
    const shown = htmlTable(html, "trust")
    x.result.counts.forEach((row, i) =>
      row.forEach((c, j) => expect(shown[2 * i][2 + j]).toBe(flags[i][j] ? "[c]" : String(c)))
    )
  })
})
