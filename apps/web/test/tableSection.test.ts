import { decodeAnalysisPlan } from "@danvan/domain"
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { planOf, tableSectionOf } from "../src/reportPlan.js"

// The report builder's custom table: typed rows, columns and nets become a plan section {"kind": "table"} that
// decodes as the plan file format (the API's report endpoint and `danvan report --plan` read it).

const label = (n: string) => (n === "level" ? { vi: "Cấp cán bộ", en: "Cadre level" } : { vi: n, en: n })

describe("tableSectionOf", () => {
  it("names separated by commas and one net per line make a table section that decodes as a plan", () => {
    const made = tableSectionOf(
      { rows: " q1, purpose ,", cols: "level", nets: "q1:Top 2=1, 2\n\n  q1:Bottom=3  " },
      label
    )
    expect(made).toEqual({
      section: {
        kind: "table",
        title: { vi: "q1, purpose theo Cấp cán bộ", en: "q1, purpose by Cadre level" },
        rows: ["q1", "purpose"],
        cols: ["level"],
        nets: [{ variable: "q1", name: "Top 2", codes: [1, 2] }, { variable: "q1", name: "Bottom", codes: [3] }]
      }
    })
    if (!("section" in made)) throw new Error("no section")
    const plan = planOf({ vi: "Bảng", en: "Table" }, "hcmc-2024", [
      { key: "t", section: made.section, weight: undefined, design: {} }
    ])
    const decoded = decodeAnalysisPlan(plan, "builder")
    expect(Either.isRight(decoded)).toBe(true)
    expect(Either.getOrThrow(decoded).sections[0]).toMatchObject({
      kind: "table",
      id: "s1-table",
      rows: ["q1", "purpose"]
    })
  })

  it("no nets: the section has none; missing rows or columns, a malformed net, a net off the rows say what to fix", () => {
    expect(tableSectionOf({ rows: "q1", cols: "level, sex", nets: " " }, label)).toMatchObject({
      section: { rows: ["q1"], cols: ["level", "sex"] }
    })
    expect("nets" in (tableSectionOf({ rows: "q1", cols: "level", nets: "" }, label) as any).section).toBe(false)
    const errors = [
      [{ rows: "", cols: "level", nets: "" }, "at least one row"],
      [{ rows: "q1", cols: " , ", nets: "" }, "at least one row"],
      [{ rows: "q1", cols: "level", nets: "q1 Top 2" }, "is not VAR:NAME=CODE,CODE"],
      [{ rows: "q1", cols: "level", nets: "q1:Top=1,x" }, "whole numbers"],
      [{ rows: "q1", cols: "level", nets: "level:Top=1" }, "not one of the rows"]
    ] as const
    expect(errors).toHaveLength(5)
    for (const [fields, text] of errors) {
      const made = tableSectionOf(fields, label)
      expect("error" in made ? made.error.en : "").toContain(text)
      expect("error" in made ? made.error.vi : "").not.toBe("")
    }
  })
})
