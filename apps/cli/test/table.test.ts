import { existsSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { run, tempFiles } from "./run.js"

// q1 by level: level 1 has q1 = 1 in 8 of 10 cases, level 2 in 2 of 10 (a clear difference).
const rows: Array<string> = []
for (let k = 0; k < 10; k++) rows.push(`1,${k < 8 ? 1 : 2},${(k % 2) + 1}`)
for (let k = 0; k < 10; k++) rows.push(`2,${k < 2 ? 1 : 2},${(k % 2) + 1}`)
const files = tempFiles({ "t.csv": ["level,q1,sex", ...rows].join("\n") + "\n" })
afterAll(files.cleanup)

describe("danvan table", () => {
  it("json: bases, counts, letters and a net", () => {
    const r = run([
      "table",
      "--data",
      files.paths["t.csv"]!,
      "--rows",
      "q1",
      "--cols",
      "level,sex",
      "--net",
      "q1:Any=1,2",
      "--format",
      "json"
    ])
    expect(r.stderr).toBe("")
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(out.kind).toBe("banner")
    expect(out.stub[0].base).toEqual([20, 10, 10, 10, 10])
    const first = out.stub[0].rows[0]
    expect(first.cells.map((c: { count: number }) => c.count)).toEqual([10, 8, 2, 5, 5])
    expect(first.cells[1].letters).toBe("B")
    expect(out.stub[0].rows[2]).toMatchObject({ kind: "net", codes: [1, 2] })
    expect(out.stub[0].rows[2].cells[0].count).toBe(20)
  })
  it("text, and usage errors", () => {
    const r = run(["table", "--data", files.paths["t.csv"]!, "--rows", "q1", "--cols", "level"])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/Column %/)
    expect(r.stdout).toMatch(/No missing cases\./)
    expect(run(["table", "--data", files.paths["t.csv"]!, "--rows", "q1", "--cols", "level", "--net", "nonsense"]).code)
      .toBe(2)
    const unknown = run(["table", "--data", files.paths["t.csv"]!, "--rows", "q9", "--cols", "level"])
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toMatch(/unknown variable "q9"/)
  })
  it("report formats: html to stdout, xlsx and docx files by --out extension, with the notes", () => {
    const base = ["table", "--data", files.paths["t.csv"]!, "--rows", "q1", "--cols", "level,sex", "--lang", "en"]
    const html = run([...base, "--format", "html", "--suppress-below", "3"])
    expect(html.stderr).toBe("")
    expect(html.code).toBe(0)
    expect(html.stdout).toMatch(/<table/)
    expect(html.stdout).toMatch(/No missing cases/)
    expect(html.stdout).toMatch(/counts below 3/)
    for (const ext of ["xlsx", "docx"]) {
      const out = join(files.dir, `t.${ext}`)
      const r = run([...base, "--out", out])
      expect(r.stderr).toBe("")
      expect(r.code).toBe(0)
      expect(r.stdout).toMatch(new RegExp(`table written to .*t\\.${ext} \\(${ext}, en\\)`))
      expect(readFileSync(out).subarray(0, 2).toString()).toBe("PK")
    }
    const noOut = run([...base, "--format", "docx"])
    expect(noOut.code).toBe(2)
    expect(noOut.stderr).toMatch(/give --out FILE\.docx/)
    const badExt = run([...base, "--out", join(files.dir, "t.xyz")])
    expect(badExt.code).toBe(2)
    expect(existsSync(join(files.dir, "t.xyz"))).toBe(false)
  })
})
