import { existsSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, describe, expect, it } from "vitest"
import { run, STACK_FRAME, tempFiles } from "./run.js"

// R survey's rake() weights (packages/analysis/scripts/rake.R writes packages/analysis/test/fixtures/rake/)
const dir = fileURLToPath(new URL("../../../packages/analysis/test/fixtures/rake/", import.meta.url))
const DATA = join(dir, "data.csv")
interface Case {
  id: string
  margins: string
  weighted: boolean
  maxIterations: number
  tolerance: number
  weights: Array<number>
}
const fx = JSON.parse(readFileSync(join(dir, "rake.json"), "utf8")) as { cases: Array<Case> }
const files = tempFiles({
  "code-absent.json": JSON.stringify({ capbac: { "1": 100, "2": 400, "3": 700, "4": 100 } }),
  "data-code-absent.json": JSON.stringify({ capbac: { "1": 120, "2": 1180 } }),
  "disagree.json": JSON.stringify({ capbac: { "1": 120, "2": 480, "3": 700 }, gioitinh: { "1": 600, "2": 600 } }),
  "not-json.json": "{capbac: 1",
  "placeholder.txt": ""
})
afterAll(files.cleanup)
const out = (name: string) => join(files.dir, name)
const rake = (args: ReadonlyArray<string>) => run(["weights", "rake", "--data", DATA, ...args])

describe("danvan weights rake", () => {
  it("the fixture holds its cases", () => expect(fx.cases).toHaveLength(5))
  it.each(fx.cases.slice(0, 3).map((c) => [c.id, c] as const))("%s: the weights of R survey's rake()", (_, c) => {
    const target = out(`raked-${c.margins}-${c.maxIterations}.csv`)
    const r = rake([
      ...(c.weighted ? ["--weight", "w"] : []),
      "--margins",
      join(dir, c.margins),
      "--out",
      target,
      "--tolerance",
      String(c.tolerance),
      "--max-iterations",
      String(c.maxIterations)
    ])
    expect(r.code, r.stderr).toBe(0)
    const [header, ...lines] = readFileSync(target, "utf8").trim().split("\r\n")
    expect(header).toBe("id,capbac,gioitinh,tuoi,w,weight_raked")
    const input = readFileSync(DATA, "utf8").trim().split("\n").slice(1)
    expect(lines).toHaveLength(c.weights.length)
    lines.forEach((line, k) => {
      const fields = line.split(",")
      expect(fields.slice(0, 5).join(","), `row ${k + 1}`).toBe(input[k])
      expect(Math.abs(Number(fields[5]) - c.weights[k]!) / c.weights[k]!, `row ${k + 1}`).toBeLessThan(1e-8)
    })
    expect(r.stdout).toContain("Raking margins: capbac")
    expect(r.stdout).toMatch(/converged in \d+ iterations \(tolerance /)
  })
  it("prints the margins before and after, in Vietnamese too, and JSON", () => {
    const vi = rake(["--weight", "w", "--margins", join(dir, "margins-2.json"), "--out", out("vi.csv"), "--lang", "vi"])
    expect(vi.code).toBe(0)
    expect(vi.stdout).toMatch(/Nhóm\s+Tổng mục tiêu\s+Trước\s+Sau/)
    expect(vi.stdout).toContain("Trọng số ban đầu: w")
    const json = rake(["--margins", join(dir, "margins-2.json"), "--out", out("j.csv"), "--format", "json"])
    expect(json.code).toBe(0)
    const o = JSON.parse(json.stdout)
    expect(o.weight).toBeUndefined()
    expect(o.convergence).toMatchObject({ tolerance: 1e-10, maxIterations: 100 })
    expect(o.variables[0].categories.map((x: { target: number }) => x.target)).toEqual([120, 480, 700])
    expect(o.rows).toBe(240)
  })
  it.each([
    ["a margin code absent from the data", "code-absent.json", /"capbac" give a total for code 4, but no case/],
    ["a data code absent from the margins", "data-code-absent.json", /"capbac" has the code 3 in data row \d+/],
    ["totals that disagree", "disagree.json", /"capbac" sums to 1300 but "gioitinh" to 1200/],
    ["margins that cannot be met", join(dir, "margins-infeasible.json"), /cannot all be met together/],
    ["a margins file that is not JSON", "not-json.json", /not-json\.json is not valid JSON/]
  ])("%s: exit 1, a clear message, no output file", (_, margins, message) => {
    const target = out(`bad-${margins.replace(/\W/g, "")}.csv`)
    const r = rake(["--weight", "w", "--margins", margins.includes("/") ? margins : out(margins), "--out", target])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(message)
    expect(r.stderr).not.toMatch(STACK_FRAME)
    expect(existsSync(target)).toBe(false)
  })
  it("no convergence within --max-iterations: exit 1, no output file", () => {
    const target = out("cap.csv")
    const r = rake(["--margins", join(dir, "margins-3.json"), "--out", target, "--max-iterations", "2"])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/raking did not converge in 2 iterations/)
    expect(existsSync(target)).toBe(false)
  })
  it("usage errors: an existing column as the new weight's name, a non-CSV output; exit 2", () => {
    const m = ["--margins", join(dir, "margins-2.json")]
    const taken = rake([...m, "--out", out("u1.csv"), "--weight-name", "w"])
    expect(taken.code).toBe(2)
    expect(taken.stderr).toMatch(/already has a column "w"/)
    const xlsx = rake([...m, "--out", out("u2.xlsx")])
    expect(xlsx.code).toBe(2)
    expect(existsSync(out("u1.csv")) || existsSync(out("u2.xlsx"))).toBe(false)
  })
})
