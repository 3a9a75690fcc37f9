import { readFileSync } from "node:fs"
import { afterAll, describe, expect, it } from "vitest"
import { run, STACK_FRAME, tempFiles } from "./run.js"

interface RCase {
  id: string
  x: Array<number | null>
  weights: Array<number> | null
  [k: string]: unknown
}
// R's reference values (packages/stats/scripts/describe.R)
const fx = JSON.parse(
  readFileSync(new URL("../../../packages/stats/test/fixtures/describe.json", import.meta.url), "utf8")
) as { cases: Array<RCase> }
const income = fx.cases.find((c) => c.id === "income-fractional-weights")!
const csv = [
  "income,w,level,city",
  ...income.x.map((x, k) => `${x ?? ""},${income.weights![k]},${(k % 3) + 1},${k % 2 === 0 ? "Huế" : "Hà Nội"}`)
].join("\n") + "\n"
const files = tempFiles({ "survey.csv": csv })
afterAll(files.cleanup)
const data = files.paths["survey.csv"]!

const close = (a: number, b: number, what: string) =>
  expect(Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b)), `${what}: ${a} vs ${b}`).toBe(true)

describe("danvan describe", () => {
  it("gives R's weighted statistics for a decimal column of a CSV without a codebook", () => {
    expect(income.x.length).toBe(120)
    const r = run(["describe", "--data", data, "income", "--weight", "w", "--format", "json"])
    expect(r.code, r.stderr).toBe(0)
    const [d] = JSON.parse(r.stdout)
    expect(d.weight.variable).toBe("w")
    for (const key of ["mean", "sd", "se"] as const) close(d[key], income[key] as number, key)
    close(d.n.valid, income["n"] as number, "n")
    close(d.skewness.value, income["skewness"] as number, "skewness")
    close(d.kurtosis.value, income["kurtosis"] as number, "kurtosis")
    expect(d.percentileMethod).toBe("haverage")
  })

  it("prints SPSS's Statistics table, saying the weight and the percentile method", () => {
    const r = run(["describe", "--data", data, "income", "--weight", "w", "--weight-mode", "frequency"])
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toMatch(/^Descriptive Statistics\n/)
    expect(r.stdout).toMatch(/Std\. Error of Kurtosis/)
    expect(r.stdout).toMatch(/Weighted by w, N = [\d.]+ \(sum of weights\)/)
    expect(r.stdout).toMatch(/HAVERAGE/)
  })

  it("refuses a text column, naming it, the row and the value", () => {
    const r = run(["describe", "--data", data, "city"])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/row 2, column "city": value "Huế" — expected a number/)
    expect(r.stderr).not.toMatch(STACK_FRAME)
  })
})

describe("typed columns without a codebook", () => {
  it("frequencies tabulates a decimal column by its values", () => {
    const r = run(["frequencies", "--data", data, "income", "--format", "json"])
    expect(r.code, r.stderr).toBe(0)
    const [f] = JSON.parse(r.stdout)
    const codes = f.rows.filter((x: { missing: boolean }) => !x.missing).map((x: { code: number }) => x.code)
    expect(codes).toEqual([...codes].sort((a, b) => a - b))
    expect(f.n.total).toBe(120)
  })

  it("a crosstab of a text column says which variable and why", () => {
    const r = run(["crosstab", "--data", data, "--row", "level", "--col", "city"])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(
      /variable "city" holds text \(.*survey\.csv, row 2: "Huế"\): this analysis needs categorical \(integer\) codes/
    )
  })

  it("a crosstab of a decimal column says which variable and why", () => {
    const r = run(["crosstab", "--data", data, "--row", "level", "--col", "income"])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/variable "income" holds numbers that are not integer codes \(.*survey\.csv, row 2: "/)
  })

  it("frequencies names a column the file lacks, with the file's columns", () => {
    const r = run(["frequencies", "--data", data, "incme"])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(
      /column "incme": value "no column of this name in the header" — expected a column the command uses; the file has income, w, level, city/
    )
  })
})
