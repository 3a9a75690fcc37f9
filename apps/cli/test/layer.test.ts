import { afterAll, describe, expect, it } from "vitest"
import { run, tempFiles } from "./run.js"

// Two layers of 2x2 tables, [[3, 1], [1, 3]] and [[2, 2], [1, 3]], as respondent rows; the Mantel-Haenszel
// common odds ratio is (3·3/8 + 2·3/8)/(1·1/8 + 2·1/8) = 5 by hand.
const rows: Array<string> = []
const add = (layer: number, r: number, c: number, n: number) => {
  for (let k = 0; k < n; k++) rows.push(`${r},${c},${layer}`)
}
add(1, 1, 1, 3)
add(1, 1, 2, 1)
add(1, 2, 1, 1)
add(1, 2, 2, 3)
add(2, 1, 1, 2)
add(2, 1, 2, 2)
add(2, 2, 1, 1)
add(2, 2, 2, 3)
const files = tempFiles({ "layers.csv": ["a,b,sex", ...rows, "1,1,"].join("\n") + "\n" })
afterAll(files.cleanup)

describe("danvan crosstab --layer", () => {
  it("json: layers, CMH, odds ratio and Breslow-Day", () => {
    const r = run([
      "crosstab",
      "--data",
      files.paths["layers.csv"]!,
      "--row",
      "a",
      "--col",
      "b",
      "--layer",
      "sex",
      "--format",
      "json"
    ])
    expect(r.stderr).toBe("")
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(out.layers.map((l: { code: number }) => l.code)).toEqual([1, 2])
    expect(out.layers[0].counts).toEqual([[3, 1], [1, 3]])
    expect(out.layer.missing).toBe(1)
    expect(out.mantelHaenszelOddsRatio.estimate).toBeCloseTo(5, 12)
    expect(out.cochranMantelHaenszel.df).toBe(1)
    expect(out.cochranMantelHaenszel.corrected).toBe(false)
    expect(out.breslowDay.df).toBe(1)
    const corrected = JSON.parse(
      run([
        "crosstab",
        "--data",
        files.paths["layers.csv"]!,
        "--row",
        "a",
        "--col",
        "b",
        "--layer",
        "sex",
        "--correct",
        "--format",
        "json"
      ]).stdout
    )
    expect(corrected.cochranMantelHaenszel.statistic).toBeLessThan(out.cochranMantelHaenszel.statistic)
  })
  it("text and usage errors", () => {
    const r = run(["crosstab", "--data", files.paths["layers.csv"]!, "--row", "a", "--col", "b", "--layer", "sex"])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/Tests of Conditional Independence/)
    expect(r.stdout).toMatch(/Breslow-Day/)
    expect(run(["crosstab", "--counts", "1,2;3,4", "--layer", "sex"]).code).toBe(2)
    expect(run(["crosstab", "--data", files.paths["layers.csv"]!, "--row", "a", "--col", "b", "--correct"]).code).toBe(
      2
    )
    const unknown = run([
      "crosstab",
      "--data",
      files.paths["layers.csv"]!,
      "--row",
      "a",
      "--col",
      "b",
      "--layer",
      "sexx"
    ])
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toMatch(/unknown variable "sexx"/)
  })

  it("md and csv: a section per layer and the tests across layers; --weight with --no-weight refused", () => {
    const args = ["crosstab", "--data", files.paths["layers.csv"]!, "--row", "a", "--col", "b", "--layer", "sex"]
    const md = run([...args, "--format", "md"])
    expect(md.stderr).toBe("")
    expect(md.code).toBe(0)
    expect(md.stdout.match(/^## sex = /gm)).toHaveLength(2)
    expect(md.stdout).toContain("### Tests of Conditional Independence")
    expect(md.stdout).toMatch(/\| Estimate \| 5\.000 \|/)
    const csv = run([...args, "--format", "csv"])
    expect(csv.stderr).toBe("")
    expect(csv.code).toBe(0)
    const lines = csv.stdout.split("\r\n")
    expect(lines[0]).toBe("\uFEFFsex = 1")
    expect(lines.filter((l) => /^sex = /.test(l))).toEqual(["sex = 2"])
    expect(lines).toContain("test,statistic,df,p,estimate,ciLower,ciUpper")
    const or = lines.find((l) => l.startsWith("Mantel-Haenszel Common Odds Ratio Estimate,"))!.split(",")
    expect(Number(or[4])).toBeCloseTo(5, 12)
    const both = run([...args, "--weight", "a", "--no-weight"])
    expect(both.code).toBe(2)
    expect(both.stderr).toMatch(/--weight a or --no-weight, not both/)
  })
})
