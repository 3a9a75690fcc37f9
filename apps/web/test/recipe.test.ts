import { describe, expect, it } from "vitest"
import { describeStep, emptyFields, otherDatasets, parseRules, prepareCommand, stepOf } from "../src/recipe.js"

// The recipe forms' steps (no browser): rules typed as SPSS writes them become recipe-file rules, bad input is
// named, and the CLI line repeats the recipe.

describe("recipe steps from the forms", () => {
  it("parses values, lists, ranges (open ends) and missing", () => {
    expect(parseRules("1,2=1; 3 thru 5=2; 6 thru hi=3; lo thru 0=sysmis; missing=9")).toEqual({
      rules: [
        { from: [1, 2], to: 1 },
        { from: { low: 3, high: 5 }, to: 2 },
        { from: { low: 6 }, to: 3 },
        { from: { high: 0 }, to: "sysmis" },
        { from: "missing", to: 9 }
      ]
    })
    expect(parseRules("1=a")).toEqual({ bad: "1=a" })
    expect(parseRules("1=1.5")).toEqual({ bad: "1=1.5" })
    expect(parseRules(" ")).toEqual({ bad: " " })
  })

  it("makes recode, compute and filter steps, and names what is wrong", () => {
    expect(stepOf("recode", { ...emptyFields, variable: "level", rules: "2,3=2", into: "city", labelVi: "Thành phố" }))
      .toEqual({
        step: {
          op: "recode",
          variables: ["level"],
          into: ["city"],
          rules: [{ from: [2, 3], to: 2 }],
          else: "copy",
          label: { vi: "Thành phố", en: "Thành phố" }
        }
      })
    expect(stepOf("recode", { ...emptyFields, rules: "1=1" })).toEqual({ invalid: "recipeNeedsVariable" })
    expect(stepOf("compute", { ...emptyFields, target: "tổng", expr: "a + b" })).toEqual({
      invalid: "recipeBadName",
      value: "tổng"
    })
    expect(stepOf("filter", { ...emptyFields, expr: " level != 9 " })).toEqual({
      step: { op: "filter", expr: "level != 9" }
    })
  })

  it("repeats the recipe as a danvan prepare line", () => {
    expect(prepareCommand({ file: "khảo sát.csv", codebook: "hcmc-2024" })).toBe(
      "danvan prepare --recipe recipe.json --data 'khảo sát.csv' --codebook hcmc-2024 --out 'khảo sát-prepared.sav'"
    )
  })

  it("append and merge steps name another stored dataset; the API is told which one each name is", () => {
    expect(stepOf("append", emptyFields)).toEqual({ invalid: "recipeNeedsDataset" })
    expect(stepOf("append", { ...emptyFields, other: "wave2.csv" })).toEqual({
      step: { op: "append", data: "wave2.csv" }
    })
    expect(stepOf("merge", { ...emptyFields, other: "extra.csv" })).toEqual({ invalid: "recipeNeedsKey" })
    expect(stepOf("merge", { ...emptyFields, other: "extra.csv", key: "mã" })).toEqual({
      invalid: "recipeBadName",
      value: "mã"
    })
    const merge = stepOf("merge", { ...emptyFields, other: "extra.csv", key: "id" })
    expect(merge).toEqual({ step: { op: "merge", data: "extra.csv", by: "id" } })
    const steps = [{ op: "append", data: "wave2.csv" } as const, { op: "merge", data: "extra.csv", by: "id" } as const]
    expect(steps.map(describeStep)).toEqual(["append wave2.csv", "merge extra.csv by id"])
    const stored = [{ id: "d2", name: "wave2.csv" }, { id: "d3", name: "extra.csv" }, { id: "d4", name: "x.csv" }]
    expect(otherDatasets(steps, stored)).toEqual({ "wave2.csv": "d2", "extra.csv": "d3" })
    expect(otherDatasets([{ op: "filter", expr: "level != 9" }], stored)).toBeUndefined()
  })
})
