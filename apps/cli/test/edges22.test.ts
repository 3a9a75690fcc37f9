import { describe, expect, it } from "vitest"
import { run, STACK_FRAME } from "./run.js"

// Issue 22 items 2, 3 and 5 through the built CLI.
describe("rate: what is wrong with a count", () => {
  it("a negative X is named, also with options after it", () => {
    const out = run(["rate", "-1", "5", "--format", "json"])
    expect(out.code).toBe(1)
    expect(out.stderr).toBe(
      "danvan: error: X (the cases with the attribute) is -1, a negative number; expected a whole number of at least 0\n"
    )
    expect(out.stdout).toBe("")
  })
  it("a count beyond 2^53 - 1 says so instead of 'is not a integer'", () => {
    const out = run(["rate", "9007199254740993", "9007199254740995"])
    expect(out.code).toBe(1)
    expect(out.stderr).toBe(
      "danvan: error: X (the cases with the attribute) is 9007199254740993, which exceeds 2^53 - 1 = 9007199254740991, the largest count held exactly\n"
    )
    expect(out.stderr).not.toMatch(STACK_FRAME)
  })
  it("a fractional N is named", () => {
    const out = run(["rate", "3", "7.5"])
    expect(out.code).toBe(1)
    expect(out.stderr).toMatch(/N \(the number of cases\) is "7\.5", not a whole number/)
  })
})

describe("crosstab --counts at the edges", () => {
  it("an empty row is left out with a warning in the JSON, and the rest is tested", () => {
    const out = run(["crosstab", "--counts", "10,5;0,0;3,12", "--format", "json"])
    expect(out.code).toBe(0)
    const json = JSON.parse(out.stdout)
    expect(json.counts).toEqual([[10, 5], [3, 12]])
    expect(json.warnings.filter((w: { code: string }) => w.code === "EMPTY_CATEGORY")).toEqual([
      {
        code: "EMPTY_CATEGORY",
        variable: "row",
        categoryCode: 2,
        message: "row 2 of the typed table has a total of zero and is left out (as SPSS and PSPP do)"
      }
    ])
  })
  it("a count beyond 2^53 - 1 is refused, naming the cell", () => {
    const out = run(["crosstab", "--counts", "9007199254740993,1;2,3"])
    expect(out.code).toBe(1)
    expect(out.stderr).toMatch(/^danvan: error: count in row 1, column 1 is 9007199254740993, which exceeds 2\^53 - 1/)
  })
  it("Goodman and Kruskal tau is in the JSON measures and under Directional Measures in the text", () => {
    const json = JSON.parse(run(["crosstab", "--counts", "66,209,35;158,177,41;163,216,31", "--format", "json"]).stdout)
    expect(Object.keys(json.measures.goodmanKruskalTau)).toEqual(["rowDependent", "colDependent"])
    expect(Object.keys(json.measures.goodmanKruskalTau.colDependent)).toEqual(["value", "ase", "statistic", "df", "p"])
    const text = run(["crosstab", "--counts", "66,209,35;158,177,41;163,216,31"]).stdout
    expect(text).toMatch(/Goodman and Kruskal tau\s+Row Dependent\s+0\.\d{3}\s+0\.\d{3}\s+(< )?[.0-9]+ ᶜ/)
    expect(text).toContain("c. Based on chi-square approximation.")
  })
})
