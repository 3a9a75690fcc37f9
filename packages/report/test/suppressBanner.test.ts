import { runPlan } from "@danvan/analysis"
import { decodeAnalysisPlan } from "@danvan/domain"
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { buildBannerReport, suppressBanner, tablesOf } from "../src/index.js"
import { codebook, exampleDataset } from "./helpers.js"

// The example survey: a multiple-response set and a scored stub with a net, by level and qualifications_limited.
const plan = Either.getOrThrow(decodeAnalysisPlan({
  id: "mini",
  title: { vi: "Báo cáo nhỏ", en: "Small report" },
  sections: [{
    kind: "table",
    id: "banner",
    rows: ["purpose", "people_trust_limited"],
    cols: ["level", "qualifications_limited"],
    nets: [{ variable: "people_trust_limited", name: "Top 2", codes: [1, 2] }]
  }]
}))
const section = Either.getOrThrow(runPlan(exampleDataset(), codebook, plan)).sections[0]!
if (section.kind !== "table") throw new Error("a table section")
const banner = section.result

/** The rendered table's hidden flags per stub row (count row; a mean row once), data cells only. */
const renderedHidden = (k: number): Array<Array<boolean>> => {
  const table = tablesOf(buildBannerReport(banner, { lang: "en", suppressBelow: k }))[0]!
  const out: Array<Array<boolean>> = []
  let at = 0
  for (const st of banner.stub) {
    at += 2 // heading and base rows
    for (const row of st.rows) {
      const cells = table.rows[at]!.cells
      out.push([cells[2]!, ...cells.slice(3).filter((_, j) => j % 2 === 0)].map((c) => c.suppressed === true))
      at += row.kind === "mean" ? 1 : 2
    }
  }
  expect(at).toBe(table.rows.length)
  return out
}

describe("suppressBanner", () => {
  it.each([40, 200, 400])("hides the cells the rendered banner table hides (K = %i)", (k) => {
    const before = structuredClone(banner)
    const safe = suppressBanner(banner, k)
    expect(banner).toEqual(before)
    const nulls = safe.stub.flatMap((st) => st.rows.map((row) => row.cells.map((c) => c.count === null)))
    expect(nulls).toHaveLength(banner.stub.reduce((n, st) => n + st.rows.length, 0))
    expect(nulls).toEqual(renderedHidden(k))
    const hidden = nulls.flat().filter(Boolean).length
    expect(hidden).toBeGreaterThan(0)
    expect(safe.suppression).toEqual({ k, hidden })
    safe.stub.forEach((st, s) =>
      st.rows.forEach((row, i) =>
        row.cells.forEach((c, j) => {
          const original = banner.stub[s]!.rows[i]!.cells[j]!
          if (c.count === null) {
            expect(c.percent).toBeNull()
            expect(c.letters).toBe("")
            if (original.mean !== undefined) expect(c.mean).toBeNull()
          } else {
            expect(c.count).toBe(original.count)
            expect(c.percent).toBe(original.percent)
            // shown counts of categories, nets and items are at least k
            if (row.kind !== "mean") expect(c.count).toBeGreaterThanOrEqual(k)
          }
        })
      )
    )
  })

  it("hides a mean whose column base is below K, and no letters within a banner variable with a hidden cell", () => {
    const safe = suppressBanner(banner, 400)
    const st = safe.stub.find((s) => s.name === "people_trust_limited")!
    const mean = st.rows.find((r) => r.kind === "mean")!
    st.base.forEach((b, j) => expect(mean.cells[j]!.mean === null).toBe(b < 400))
    expect(mean.cells.some((c) => c.mean === null)).toBe(true)
    const levelCells = banner.banner[0]!.categories.length
    for (const row of st.rows) {
      const block = row.cells.slice(1, 1 + levelCells)
      if (block.some((c) => c.count === null)) expect(block.map((c) => c.letters).join("")).toBe("")
    }
  })
})
