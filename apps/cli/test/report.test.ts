import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs"
import { isAbsolute, join } from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, describe, expect, it } from "vitest"
import { run, STACK_FRAME, tempFiles } from "./run.js"

const DATA = fileURLToPath(new URL("../../../examples/hcmc-2024-synthetic.csv", import.meta.url))
const tmp = tempFiles({
  "bad-plan.json": JSON.stringify({
    id: "bad",
    title: { vi: "Báo cáo", en: "Report" },
    sections: [
      { kind: "crosstab", id: "a", row: "level", col: "nosuch" },
      { kind: "multiple-response", id: "b", set: "nosuchset", by: "level" }
    ]
  }),
  "broken-plan.json": "{ not json"
})
mkdirSync(join(tmp.dir, "folder.html"))
afterAll(() => tmp.cleanup())

const fromData = (out: string, ...extra: Array<string>) =>
  run(["report", "--data", DATA, "--codebook", "hcmc-2024", "--plan", "hcmc-2024", "--out", out, ...extra])
const filesIn = (dir: string) => readdirSync(dir).sort()

describe("danvan report", () => {
  it.each(["html", "xlsx", "md", "csv", "json"])(
    "writes a %s report of the built-in plan on the example and says where (absolute path)",
    (ext) => {
      const out = join(tmp.dir, `report.${ext}`)
      const r = fromData(out, "--lang", "vi")
      expect(r.stderr).toBe("")
      expect(r.code).toBe(0)
      const where = /report written to (\S+) \((\w+), vi: 5 sections, 6 tables/.exec(r.stdout)
      expect(where?.[1]).toBe(out)
      expect(isAbsolute(where![1])).toBe(true)
      expect(where?.[2]).toBe(ext)
      const bytes = readFileSync(out)
      if (ext === "xlsx") expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK")
      if (ext === "csv") expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
      if (ext === "html") {
        const html = bytes.toString("utf8")
        expect(html.match(/<table /g)).toHaveLength(6)
        expect(html.match(/<figure class="chart"/g)).toHaveLength(4)
        expect(html).toContain("Khó khăn trong thực hiện công tác dân vận")
      }
      if (ext === "json") expect(JSON.parse(bytes.toString("utf8")).document.lang).toBe("vi")
      if (ext === "md") expect(bytes.toString("utf8")).toContain("## Bảng 1.")
    }
  )

  it("danvan report hcmc-2024 re-analyses the published tables, with --suppress-below stated in the report", () => {
    const out = join(tmp.dir, "published.md")
    const r = run(["report", "hcmc-2024", "--out", out, "--lang", "en", "--suppress-below", "10"])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/\(md, en: 4 sections, 4 tables, \d+ cells hidden \(counts below 10\)\)/)
    const md = readFileSync(out, "utf8")
    expect(md).toContain("counts below 10 are hidden")
    expect(md).toContain("χ²(2, N = 1096) = 20.74, p \\< .001")
    const vi = join(tmp.dir, "published-vi.md")
    expect(run(["report", "hcmc-2024", "--out", vi, "--lang", "vi"]).code).toBe(0)
    expect(readFileSync(vi, "utf8")).toContain("## Bảng 4. Khó khăn trong thực hiện công tác dân vận, theo cấp cán bộ")
  })

  it("--format overrides the extension; --decimal point in Vietnamese", () => {
    const out = join(tmp.dir, "report.txt")
    const r = fromData(out, "--format", "md", "--lang", "vi", "--decimal", "point")
    expect(r.code).toBe(0)
    expect(readFileSync(out, "utf8")).toContain("χ²(4, N = 1096) = 41.03, p \\< .001, V Cramér = .14")
  })

  describe("bad input: a clear message, no stack trace, and no file written", () => {
    const cases: Array<{ name: string; args: (out: string) => Array<string>; code: number; message: RegExp }> = [
      {
        name: "a plan naming an unknown variable and set (with the plan's JSON paths)",
        args: (
          out
        ) => [
          "report",
          "--data",
          DATA,
          "--codebook",
          "hcmc-2024",
          "--plan",
          join(tmp.dir, "bad-plan.json"),
          "--out",
          out
        ],
        code: 1,
        message:
          /invalid analysis plan .*bad-plan\.json:\n {2}\$\.sections\[0\]\.col: unknown variable "nosuch"[^\n]*\n {2}\$\.sections\[1\]\.set: unknown multiple-response set "nosuchset"/
      },
      {
        name: "a plan that is not JSON",
        args: (
          out
        ) => [
          "report",
          "--data",
          DATA,
          "--codebook",
          "hcmc-2024",
          "--plan",
          join(tmp.dir, "broken-plan.json"),
          "--out",
          out
        ],
        code: 1,
        message: /invalid analysis plan .*broken-plan\.json:\n {2}\$: not valid JSON/
      },
      {
        name: "an output folder that does not exist",
        args: () => [
          "report",
          "--data",
          DATA,
          "--codebook",
          "hcmc-2024",
          "--plan",
          "hcmc-2024",
          "--out",
          join(tmp.dir, "missing", "r.html")
        ],
        code: 1,
        message: /cannot write .*missing\/r\.html: the folder does not exist/
      },
      {
        name: "an output path that is a directory",
        args: () => ["report", "hcmc-2024", "--out", join(tmp.dir, "folder.html")],
        code: 1,
        message: /cannot write .*: it is a directory/
      },
      {
        name: "an unknown language",
        args: (out) => ["report", "hcmc-2024", "--out", out, "--lang", "fr"],
        code: 2,
        message: /Expected one of the following cases: en, vi/
      },
      {
        name: "an output extension that names no format",
        args: () => ["report", "hcmc-2024", "--out", join(tmp.dir, "report.odt")],
        code: 2,
        message: /cannot tell the format from --out/
      },
      {
        name: "--suppress-below 0",
        args: (out) => ["report", "hcmc-2024", "--out", out, "--suppress-below", "0"],
        code: 2,
        message: /--suppress-below must be at least 1/
      },
      {
        name: "both published tables and --data",
        args: (out) => ["report", "hcmc-2024", "--data", DATA, "--plan", "hcmc-2024", "--out", out],
        code: 2,
        message: /not both/
      }
    ]
    it.each(cases)("$name", ({ args, code, message }) => {
      const before = filesIn(tmp.dir)
      const r = run(args(join(tmp.dir, "should-not-exist.html")))
      expect(r.code).toBe(code)
      expect(r.stderr).toMatch(/^danvan: error: /)
      expect(r.stderr).toMatch(message)
      expect(r.stderr).not.toMatch(STACK_FRAME)
      expect(r.stdout).toBe("")
      expect(filesIn(tmp.dir)).toEqual(before)
      expect(existsSync(join(tmp.dir, "should-not-exist.html"))).toBe(false)
    })
  })
})
