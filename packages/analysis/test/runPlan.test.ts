import { readFileSync } from "node:fs"
import { builtinCodebook, builtinPlan, decodeAnalysisPlan } from "@danvan/domain"
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { layeredCrosstab, runPlan } from "../src/index.js"
import { codes, dataset, relClose, rFixture } from "./helpers.js"

/** The shipped synthetic example (plain integer CSV, no blanks): its counts by level equal the paper's tables. */
const example = () => {
  const lines = readFileSync(new URL("../../../examples/hcmc-2024-synthetic.csv", import.meta.url), "utf8").trim()
    .split(/\r?\n/)
  const header = lines[0].split(",")
  const rows = lines.slice(1).map((l) => l.split(",").map(Number))
  return dataset(...header.map((name, j) => codes(name, rows.map((r) => r[j]))))
}

const codebook = Either.getOrThrow(builtinCodebook("hcmc-2024"))
const plan = Either.getOrThrow(builtinPlan("hcmc-2024"))

describe("runPlan", () => {
  it("runs the built-in hcmc-2024 plan on the synthetic example", () => {
    const result = Either.getOrThrow(runPlan(example(), codebook, plan))
    expect(result.rows).toBe(1096)
    expect(result.sections.map((s) => s.kind)).toEqual([
      "frequencies",
      "multiple-response",
      "multiple-response",
      "multiple-response",
      "likert"
    ])
    const profile = result.sections[0]
    if (profile.kind !== "frequencies") throw new Error("profile")
    expect(profile.results.map((r) => r.variable.name)).toEqual(["level"])
    expect(profile.skipped).toEqual(["sex", "age_group", "position"])
    const t4 = result.sections[4]
    if (t4.kind !== "likert") throw new Error("t4")
    expect(t4.itemTests).toHaveLength(5)
    // Table 4, item 1 by level: the synthetic rows reproduce the published counts, so R's chisq.test applies.
    const r = rFixture("paper-table4-item1")
    expect(t4.itemTests[0].counts).toEqual(r.counts)
    expect(relClose(t4.itemTests[0].tests.pearson.statistic, r.pearson.statistic, 1e-12)).toBe(true)
    expect(relClose(t4.itemTests[0].tests.pearson.p, r.pearson.p, 1e-9)).toBe(true)
  })

  it("names an unknown variable or set with the plan's JSON path before running anything", () => {
    const bad = Either.getOrThrow(decodeAnalysisPlan({
      id: "bad",
      title: { vi: "x", en: "x" },
      sections: [
        { kind: "crosstab", id: "a", row: "level", col: "nosuch" },
        { kind: "multiple-response", id: "b", set: "nosuchset", by: "level" }
      ]
    }))
    const r = runPlan(example(), codebook, bad, { source: "plan.json" })
    if (Either.isRight(r)) throw new Error("expected an error")
    expect(r.left.code).toBe("UNKNOWN_VARIABLE")
    expect(r.left.message).toContain("invalid analysis plan plan.json")
    expect(r.left.message).toContain("$.sections[0].col: unknown variable \"nosuch\"")
    expect(r.left.message).toContain("$.sections[1].set: unknown multiple-response set \"nosuchset\"")
  })

  it("a crosstab section with `layer` is the layered crosstab (layers and CMH); an unknown layer is named", () => {
    const section = {
      kind: "crosstab",
      id: "c",
      row: "independent_democratic_society",
      col: "clean_strong_party",
      layer: "level",
      fisher: "none"
    }
    const layered = Either.getOrThrow(decodeAnalysisPlan({ id: "l", title: { vi: "x", en: "x" }, sections: [section] }))
    const r = Either.getOrThrow(runPlan(example(), codebook, layered))
    const c = r.sections[0]
    if (c.kind !== "crosstab" || !("layers" in c.result)) throw new Error("expected a layered crosstab")
    const direct = Either.getOrThrow(
      layeredCrosstab(example(), codebook, section.row, section.col, "level", { fisher: { method: "none" } })
    )
    expect(c.result.layers).toHaveLength(3)
    expect(c.result.cochranMantelHaenszel).toEqual(direct.cochranMantelHaenszel)
    expect(c.result.breslowDay).toEqual(direct.breslowDay)
    const bad = Either.getOrThrow(
      decodeAnalysisPlan({ id: "l", title: { vi: "x", en: "x" }, sections: [{ ...section, layer: "nosuch" }] })
    )
    const e = runPlan(example(), codebook, bad, { source: "plan.json" })
    if (Either.isRight(e)) throw new Error("expected an error")
    expect(e.left.message).toContain("$.sections[0].layer: unknown variable \"nosuch\"")
  })
})

describe("runPlan: generated-plan sections", () => {
  it("a likert section by items equals the set's, and a describe section describes a column as numbers (id)", () => {
    const ds = example()
    const difficulty = codebook.indicatorSets.find((s) => s.name === "difficulty")!
    const p = Either.getOrThrow(decodeAnalysisPlan({
      id: "gen",
      title: { vi: "G", en: "G" },
      sections: [
        { kind: "likert", id: "bySet", set: "difficulty", by: "level", itemTests: false },
        { kind: "likert", id: "byItems", items: [...difficulty.items], by: "level", itemTests: false },
        { kind: "describe", id: "describe", variables: ["id"] }
      ]
    }))
    const result = Either.getOrThrow(runPlan(ds, codebook, p))
    const [bySet, byItems, desc] = result.sections
    if (bySet.kind !== "likert" || byItems.kind !== "likert" || desc.kind !== "describe") throw new Error("kinds")
    expect(byItems.result.items.map((i) => i.total.mean)).toEqual(bySet.result.items.map((i) => i.total.mean))
    expect(byItems.title.en).toBe("Scale items by Cadre level")
    expect(desc.results[0].n.valid).toBe(ds.rowCount)
    expect(desc.chart).toBe(true)
  })
})
