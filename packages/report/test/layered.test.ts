import { layeredCrosstab, type LayeredCrosstabResult, runPlan } from "@danvan/analysis"
import { decodeAnalysisPlan } from "@danvan/domain"
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import {
  buildPlanReport,
  cmhSentences,
  pClause,
  renderDocx,
  renderHtml,
  renderMarkdown,
  renderXlsx,
  tablesOf
} from "../src/index.js"
import { renderLayeredCrosstabText } from "../src/text/index.js"
import { codebook, exampleDataset } from "./helpers.js"

const planOf = (sections: ReadonlyArray<unknown>) =>
  Either.getOrThrow(decodeAnalysisPlan({ id: "mini", title: { vi: "Báo cáo nhỏ", en: "Small report" }, sections }))

describe("column letters and layers in reports (issue 15)", () => {
  it("a crosstab section gets a column-proportions table: column % and the letters of the analysis result", () => {
    const result = Either.getOrThrow(
      runPlan(
        exampleDataset(),
        codebook,
        planOf([{ kind: "crosstab", id: "trust", row: "people_trust_limited", col: "level", fisher: "none" }])
      )
    )
    const x = result.sections[0]
    if (x.kind !== "crosstab") throw new Error("crosstab")
    const cp = x.result.columnProportions!
    expect(cp.letters).toHaveLength(x.result.col.categories.length)
    const doc = buildPlanReport(result, { lang: "en" })
    const letters = tablesOf(doc).find((t) => t.id === "trust-letters")!
    expect(letters.header[0].slice(1).map((c) => c.text)).toEqual(
      x.result.col.categories.map((c, j) => `${c.label.en} (${cp.letters[j]})`)
    )
    expect(letters.rows).toHaveLength(x.result.row.categories.length + 1)
    x.result.row.categories.forEach((_, i) => {
      x.result.col.categories.forEach((_, j) => {
        expect(letters.rows[i].cells[1 + 2 * j].value).toBe(x.result.percents.col[i][j])
        expect(letters.rows[i].cells[2 + 2 * j].value).toBe(cp.largerThan[i][j])
      })
    })
    // at least one letter, so the test shows letters reach the table
    expect(cp.largerThan.flat().some((l) => l !== "")).toBe(true)
    // disclosure control: a row with a hidden count shows no letters
    const hidden = tablesOf(buildPlanReport(result, { lang: "en", suppressBelow: 60 })).find((t) =>
      t.id === "trust-letters"
    )!
    const withHidden = hidden.rows.slice(0, -1).filter((r) => r.cells.some((c) => c.suppressed === true))
    expect(withHidden.length).toBeGreaterThan(0)
    for (const r of withHidden) {
      expect(r.cells.filter((_, k) => k > 0 && k % 2 === 0).every((c) => c.value === null)).toBe(true)
    }
  })

  it("a plan crosstab with `layer`: one crosstab per layer, the overall table and a CMH table with the analysis numbers", async () => {
    const data = exampleDataset()
    const plan = planOf([{
      kind: "crosstab",
      id: "ctl",
      row: "independent_democratic_society",
      col: "clean_strong_party",
      layer: "level",
      fisher: "none"
    }])
    const result = Either.getOrThrow(runPlan(data, codebook, plan))
    const x = result.sections[0]
    if (x.kind !== "crosstab" || !("layers" in x.result)) throw new Error("layered crosstab")
    const direct: LayeredCrosstabResult = Either.getOrThrow(
      layeredCrosstab(data, codebook, "independent_democratic_society", "clean_strong_party", "level", {
        fisher: { method: "none" }
      })
    )
    expect(x.result.cochranMantelHaenszel).toEqual(direct.cochranMantelHaenszel)
    expect(x.result.layers).toHaveLength(3)
    for (const lang of ["en", "vi"] as const) {
      const doc = buildPlanReport(result, { lang })
      const ids = tablesOf(doc).map((t) => t.id)
      for (const k of [1, 2, 3]) expect(ids).toContain(`ctl-layer${k}`)
      expect(ids).toContain("ctl")
      const cmh = tablesOf(doc).find((t) => t.id === "ctl-cmh")!
      const c = x.result.cochranMantelHaenszel!
      expect(cmh.rows[0].cells.slice(1, 4).map((v) => v.value)).toEqual([
        c.uncorrected!.statistic,
        c.df,
        c.uncorrected!.p
      ])
      expect(cmh.rows[1].cells.slice(1, 4).map((v) => v.value)).toEqual([
        c.continuityCorrected!.statistic,
        c.df,
        c.continuityCorrected!.p
      ])
      const bd = x.result.breslowDay!
      expect(cmh.rows[3].cells.slice(1, 4).map((v) => v.value)).toEqual([bd.statistic, bd.df, bd.p])
      const or = x.result.mantelHaenszelOddsRatio!
      expect(cmh.rows[4].cells.slice(3).map((v) => v.value)).toEqual([or.p, or.estimate, or.ci95[0], or.ci95[1]])
      const l1 = x.result.layers[0]
      if ("reason" in l1) throw new Error("layer 1 has a table")
      const t1 = tablesOf(doc).find((t) => t.id === "ctl-layer1")!
      expect(t1.title).toContain(`= ${l1.label[lang]}`)
      l1.counts.forEach((row, i) =>
        expect(t1.rows[2 * i].cells.slice(2, 2 + row.length).map((v) => v.value)).toEqual(row)
      )
    }
    // every renderer takes the new tables
    const doc = buildPlanReport(result, { lang: "en" })
    const html = await renderHtml(doc)
    expect(html).toContain("data-table-id=\"ctl-cmh\"")
    expect(html).toContain("data-table-id=\"ctl-layer3-letters\"")
    expect(renderMarkdown(doc)).toContain("Tests across layers")
    expect((await renderXlsx(doc)).byteLength).toBeGreaterThan(0)
    expect((await renderDocx(doc)).byteLength).toBeGreaterThan(0)
  })
  it("APA sentences of the CMH test, the common odds ratio and Breslow-Day, in vi and en, in reports and text", () => {
    const data = exampleDataset()
    const r = Either.getOrThrow(
      layeredCrosstab(data, codebook, "independent_democratic_society", "clean_strong_party", "level", {
        fisher: { method: "none" }
      })
    )
    const c = r.cochranMantelHaenszel!
    const en = cmhSentences(r, "Cadre level", { lang: "en" })
    expect(en).toEqual([
      `Cochran-Mantel-Haenszel test controlling for Cadre level (3 strata): χ²(1, N = ${r.n.valid}) = ${
        c.statistic.toFixed(2)
      }, ${pClause(c.p)}`,
      `Mantel-Haenszel common odds ratio: OR = ${r.mantelHaenszelOddsRatio!.estimate.toFixed(2)}, 95% CI [${
        r.mantelHaenszelOddsRatio!.ci95[0].toFixed(2)
      }, ${r.mantelHaenszelOddsRatio!.ci95[1].toFixed(2)}]`,
      `Breslow-Day test (Tarone's correction) of homogeneous odds ratios: χ²(2) = ${
        r.breslowDay!.statistic.toFixed(2)
      }, ${pClause(r.breslowDay!.p)}`
    ])
    const vi = cmhSentences(r, "Cấp cán bộ", { lang: "vi", decimal: "comma" })
    expect(vi[0]).toBe(
      `Kiểm định Cochran-Mantel-Haenszel khi kiểm soát Cấp cán bộ (3 lớp): χ²(1; N = ${r.n.valid}) = ${
        c.statistic.toFixed(2).replace(".", ",")
      }; ${pClause(c.p, "comma")}`
    )
    expect(vi[1]).toMatch(/^Tỷ số chênh chung Mantel-Haenszel: OR = \d+,\d\d; KTC 95% \[/)
    // the report's APA block and the text output carry them
    const plan = planOf([{
      kind: "crosstab",
      id: "ctl",
      row: "independent_democratic_society",
      col: "clean_strong_party",
      layer: "level",
      fisher: "none"
    }])
    const doc = buildPlanReport(Either.getOrThrow(runPlan(data, codebook, plan)), { lang: "en" })
    const apa = doc.sections[0].blocks.flatMap((b) => (b.kind === "apa" ? b.sentences : []))
    expect(apa).toEqual(expect.arrayContaining(en))
    expect(renderLayeredCrosstabText(r, { lang: "en" })).toContain(`APA:\n  ${en[0]}.`)
  })
})
