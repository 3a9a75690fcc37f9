import { readFileSync } from "node:fs"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { run, STACK_FRAME, tempFiles } from "./run.js"

// Form exports built by packages/io/scripts/forms/make-fixtures.py (expected counts computed there).
const fixtures = new URL("../../../packages/io/test/fixtures/forms/", import.meta.url)
const google = new URL("google-forms.csv", fixtures).pathname
const microsoft = new URL("microsoft-forms.xlsx", fixtures).pathname
const expected = JSON.parse(readFileSync(new URL("forms-expected.json", fixtures), "utf8"))
const files = tempFiles({ "ambiguous.csv": "Timestamp,Kênh\n1/1/2024,Báo chí\n1/1/2024,\"Báo chí, Tiếp xúc, Đối thoại\"\n" })
afterAll(files.cleanup)

const ok = (args: ReadonlyArray<string>) => {
  const r = run(args)
  expect(r.code, r.stderr).toBe(0)
  expect(r.stderr).not.toMatch(STACK_FRAME)
  return r
}

describe("form exports in one step", () => {
  it("codebook from a Google Forms CSV prints the inferred codebook JSON", () => {
    const codebook = JSON.parse(ok(["codebook", "from", google]).stdout)
    expect(codebook.variables.map((v: { name: string }) => v.name).slice(0, 3)).toEqual(["q1", "q2", "q3_1"])
    expect(codebook.multipleResponseSets[0].items).toHaveLength(5)
    expect(codebook.indicatorSets[0]).toMatchObject({ name: "q4", kind: "likert" })
  })

  it("crosstab reads a Microsoft Forms .xlsx directly, warns what it inferred, and counts as the generator did", () => {
    const r = ok(["crosstab", "--data", microsoft, "--row", "q1", "--col", "q2", "--format", "json"])
    expect(r.stderr).toMatch(/a Microsoft Forms export; codebook inferred \(id numeric/)
    const table = JSON.parse(r.stdout)
    const rows = Object.fromEntries(table.row.categories.map((c: { label: { vi: string } }, k: number) => [c.label.vi, table.counts[k].reduce((a: number, b: number) => a + b, 0)]))
    expect(rows).toEqual(expected.q1)
  })

  it("frequencies of a checkbox option keep 'not answered' apart from 'not ticked'", () => {
    const r = JSON.parse(ok(["frequencies", "--data", google, "q3_2", "--format", "json"]).stdout)
    expect(JSON.stringify(r)).toContain(`"valid":${expected.q3.answered}`)
  })

  it("an ambiguous checkbox answer is a warning naming column, row and value", () => {
    const r = ok(["codebook", "from", files.paths["ambiguous.csv"]])
    expect(r.stderr).toContain('row 3, column "Kênh": value "Báo chí, Tiếp xúc, Đối thoại"')
  })

  it("--codebook from the inferred one gives the same table", () => {
    const out = join(files.dir, "c.json")
    ok(["codebook", "from", google, "--out", out])
    const a = JSON.parse(ok(["crosstab", "--data", google, "--row", "q1", "--col", "q5", "--format", "json"]).stdout)
    const b = JSON.parse(ok(["crosstab", "--data", google, "--row", "q1", "--col", "q5", "--codebook", out, "--format", "json"]).stdout)
    expect(b.counts).toEqual(a.counts)
  })
})
