import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { builtinCodebook, checkPlanNames, decodeAnalysisPlan } from "../src/index.js"

// A `means` section (a numeric variable by a group): decoded with its fields, its names checked with JSON paths.

const hcmc = Either.getOrThrow(builtinCodebook("hcmc-2024"))
const plan = (sections: ReadonlyArray<unknown>) => ({ id: "p", title: { vi: "Báo cáo", en: "Report" }, sections })

describe("means sections", () => {
  it("decode with variable and by, and refuse a missing by", () => {
    const p = Either.getOrThrow(
      decodeAnalysisPlan(plan([{ kind: "means", id: "m", variable: "people_trust_limited", by: "level" }]))
    )
    expect(p.sections[0]).toEqual({ kind: "means", id: "m", variable: "people_trust_limited", by: "level" })
    expect(Either.isRight(checkPlanNames(p, hcmc))).toBe(true)
    expect(Either.isLeft(decodeAnalysisPlan(plan([{ kind: "means", id: "m", variable: "x" }])))).toBe(true)
  })

  it("name an unknown variable or group with the section's JSON path", () => {
    const p = Either.getOrThrow(decodeAnalysisPlan(plan([{ kind: "means", id: "m", variable: "agee", by: "levle" }])))
    const checked = checkPlanNames(p, hcmc, "plan.json", ["level"])
    if (Either.isRight(checked)) throw new Error("expected the plan to be rejected")
    expect(checked.left.issues.map((i) => i.path)).toEqual(["$.sections[0].variable", "$.sections[0].by"])
  })
})
