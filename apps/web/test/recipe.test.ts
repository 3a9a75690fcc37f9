import { describe, expect, it } from "vitest"
import { emptyFields, parseRules, prepareCommand, stepOf } from "../src/recipe.js"

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
})
