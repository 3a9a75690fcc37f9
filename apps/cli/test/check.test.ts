import { afterAll, describe, expect, it } from "vitest"
import { run, STACK_FRAME, tempFiles } from "./run.js"

const files = tempFiles({
  "s.csv": "id,level,q1,q2,age\n1,1,1,2,25\n2,2,2,2,41\n3,3,3,9,37\n3,1,2,1,52\n5,2,,3,61\n6,4,1,,19\n",
  "rules.json": JSON.stringify({
    version: 1,
    rules: [{ name: "skip-q2", when: "q1 = 1", require: "MISSING(q2)" }],
    ranges: [{ variables: ["age"], min: 18, max: 60 }],
    straightlining: [{ name: "items", items: ["q1", "q2"] }]
  }),
  "warn.json": JSON.stringify({ version: 1, straightlining: [{ name: "items", items: ["q1", "q2"] }] }),
  "dedupe.json": JSON.stringify({ version: 1, steps: [{ op: "dedupe", by: "id" }] }),
  "bad.json": JSON.stringify({ version: 1, rules: [{ name: "r", require: "q1 = = 1" }] })
})
afterAll(files.cleanup)
const data = files.paths["s.csv"]!

describe("danvan check", () => {
  it("lists each finding with its case IDs and exits 1 when an error-level check fails", () => {
    const r = run([
      "check",
      "--data",
      data,
      "--codebook",
      "hcmc-2024",
      "--rules",
      files.paths["rules.json"]!,
      "--format",
      "json"
    ])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/check failed: 4 error-level findings/)
    const report = JSON.parse(r.stdout)
    const by = (code: string) =>
      report.findings.filter((f: { code: string }) => f.code === code).map((
        f: { variable?: string; ids: Array<number> }
      ) => [f.variable, f.ids])
    expect(by("UNDEFINED_CODE")).toEqual([["level", [6]]])
    expect(by("OUT_OF_RANGE")).toEqual([["age", [5]]])
    expect(by("DUPLICATE_ID")).toEqual([["id", [3]]])
    expect(by("RULE")).toEqual([[undefined, [1]]])
    expect(by("STRAIGHT_LINING")).toEqual([[undefined, [2]]])
    expect(report.errors).toBe(4)
  })

  it("exits 0 when only warnings fail (after a recipe drops the duplicate ID)", () => {
    const r = run(["check", "--data", data, "--rules", files.paths["warn.json"]!])
    expect(r.code, r.stderr).toBe(1) // the duplicate ID 3 is an error
    const ok = run([
      "check",
      "--data",
      data,
      "--rules",
      files.paths["warn.json"]!,
      "--recipe",
      files.paths["dedupe.json"]!
    ])
    expect(ok.code, ok.stderr).toBe(0)
    expect(ok.stdout).toMatch(/WARNING items: the same answer to all 2 items \(q1, q2\) \[1 case; id: 2\]/)
  })

  it("writes the findings as .xlsx (sheets findings and cases) that the data reader can open", () => {
    const target = `${files.dir}/check.xlsx`
    const r = run(["check", "--data", data, "--rules", files.paths["rules.json"]!, "--format", "xlsx", "--out", target])
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/ERROR {3}age outside 18 to 60 \[1 case; id: 5\]/)
    const back = run(["frequencies", "--data", target, "--sheet", "cases", "id", "--format", "json"])
    expect(back.code, back.stderr).toBe(0)
    const counts = JSON.parse(back.stdout)[0].rows.filter((x: { missing: boolean }) => !x.missing)
    expect(counts.map((x: { code: number; count: number }) => [x.code, x.count])).toEqual([
      // rule skip-q2; straight-lining; duplicate; q1 blank and age 61; q2 blank
      [1, 1],
      [2, 1],
      [3, 1],
      [5, 2],
      [6, 1]
    ])
  })

  it("names the rule, the position and the JSON path of a bad expression (exit 1, no stack)", () => {
    const r = run(["check", "--data", data, "--rules", files.paths["bad.json"]!])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/\$\.rules\[0\]\.require: in "q1 = = 1" at character 6/)
    expect(r.stderr).not.toMatch(STACK_FRAME)
  })
})
