import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import {
  builtinCodebook,
  builtinPlan,
  builtinPlanIds,
  checkPlanNames,
  decodeAnalysisPlan,
  parseAnalysisPlan
} from "../src/index.js"

const hcmc = Either.getOrThrow(builtinCodebook("hcmc-2024"))

const plan = (sections: ReadonlyArray<unknown>) => ({ id: "p", title: { vi: "Báo cáo", en: "Report" }, sections })

const issuesOf = <A>(r: Either.Either<A, { issues: ReadonlyArray<{ path: string; message: string }> }>) => {
  if (Either.isRight(r)) throw new Error("expected the plan to be rejected")
  return r.left.issues
}

describe("analysis plans", () => {
  it("the built-in hcmc-2024 plan has the profile and the paper's Tables 1-4, and every name is in the codebook", () => {
    expect(builtinPlanIds()).toEqual(["hcmc-2024"])
    const p = Either.getOrThrow(builtinPlan("hcmc-2024"))
    expect(p.sections.map((s) => `${s.kind}:${s.id}`)).toEqual([
      "frequencies:profile",
      "multiple-response:table1-purpose",
      "multiple-response:table2-content",
      "multiple-response:table3-method",
      "likert:table4-difficulty"
    ])
    expect(Either.isRight(checkPlanNames(p, hcmc))).toBe(true)
    // defaults are filled in
    const t1 = p.sections[1]
    expect(t1.kind === "multiple-response" && t1.method).toBe("rs2")
  })

  it("an unknown built-in plan lists the known ids", () => {
    const r = builtinPlan("nope")
    expect(Either.isLeft(r) && r.left.message).toContain("hcmc-2024")
  })

  it("structure errors come back with JSON paths", () => {
    const issues = issuesOf(
      decodeAnalysisPlan(plan([{ kind: "crosstab", id: "a", row: "level" }, { kind: "pie", id: "b" }]))
    )
    expect(issues.map((i) => i.path)).toContain("$.sections[0].col")
    expect(issues.some((i) => i.path.startsWith("$.sections[1]"))).toBe(true)
  })

  it("duplicate section ids and x > n are rejected", () => {
    const issues = issuesOf(decodeAnalysisPlan(plan([
      { kind: "crosstab", id: "a", row: "level", col: "sex" },
      { kind: "rate", id: "A", label: { vi: "x", en: "x" }, x: 5, n: 4 }
    ])))
    expect(issues).toEqual([
      { path: "$.sections[1].id", message: "duplicate section id \"A\" (also at $.sections[0])" },
      { path: "$.sections[1].x", message: "x = 5 exceeds n = 4" }
    ])
  })

  it("a JSON syntax error is an issue at $", () => {
    const issues = issuesOf(parseAnalysisPlan("{", "plan.json"))
    expect(issues[0].path).toBe("$")
  })

  it("unknown variables and sets are named with the plan's JSON path", () => {
    const p = Either.getOrThrow(decodeAnalysisPlan(plan([
      { kind: "crosstab", id: "a", row: "level", col: "nosuch" },
      { kind: "multiple-response", id: "b", set: "purpose", by: "level" },
      { kind: "likert", id: "c", set: "purpose", by: "level" },
      { kind: "frequencies", id: "d", variables: ["sex", "ghost"], ifPresent: true }
    ])))
    const issues = issuesOf(checkPlanNames(p, hcmc, "plan.json", ["level", "sex"]))
    expect(issues.map((i) => i.path)).toEqual([
      "$.sections[0].col",
      "$.sections[1].set",
      "$.sections[2].set",
      "$.sections[3].variables[1]"
    ])
    expect(issues[0].message).toContain("unknown variable \"nosuch\"")
    expect(issues[1].message).toContain("items \"independent_democratic_society\", \"clean_strong_party\"")
    expect(issues[2].message).toContain("unknown likert set \"purpose\"")
  })
})
