import { copyFileSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, describe, expect, it } from "vitest"
import { run, STACK_FRAME, tempFiles } from "./run.js"

const DATA = fileURLToPath(new URL("../../../examples/hcmc-2024-synthetic.csv", import.meta.url))
// PSPP-generated fixture of packages/io (see packages/io/scripts/sav-fixtures.sh)
const SAV = new URL("../../../packages/io/test/fixtures/sav/survey-utf8-bytecode.sav", import.meta.url)
const tmp = tempFiles({ "typed.csv": "level,age,city\n1,34.5,Huế\n2,22,Hà Nội\n1,41,Huế\n3,,Huế\n" })
afterAll(tmp.cleanup)
const at = (name: string) => join(tmp.dir, name)
copyFileSync(SAV, at("survey.sav"))

const ok = (args: ReadonlyArray<string>) => {
  const r = run(args)
  expect(r.code, r.stderr).toBe(0)
  expect(r.stderr).not.toMatch(STACK_FRAME)
  return r
}

describe("danvan plan init", () => {
  it("prints the plan the codebook implies, which report --plan runs as report --by does", () => {
    const r = ok(["plan", "init", "--data", DATA, "--codebook", "hcmc-2024", "--by", "level"])
    const plan = JSON.parse(r.stdout)
    expect(plan.sections.map((s: { id: string }) => s.id)).toEqual([
      "profile",
      "mr-purpose",
      "mr-content",
      "mr-method",
      "likert-difficulty"
    ])
    // the example file holds no sex, age_group or position: the profile keeps what the data has
    expect(plan.sections[0].variables).toEqual(["level"])
    writeFileSync(at("plan.json"), r.stdout)
    const viaPlan = ok([
      "report",
      "--data",
      DATA,
      "--codebook",
      "hcmc-2024",
      "--plan",
      at("plan.json"),
      "--out",
      at("a.md")
    ])
    const viaBy = ok(["report", "--data", DATA, "--codebook", "hcmc-2024", "--by", "level", "--out", at("b.md")])
    expect(viaPlan.stdout).toMatch(/\(md, en: 5 sections, \d+ tables\)/)
    expect(viaBy.stdout).toBe(viaPlan.stdout.replace("a.md", "b.md"))
    expect(readFileSync(at("a.md"), "utf8")).toBe(readFileSync(at("b.md"), "utf8"))
  })
})

describe("danvan report --by", () => {
  it("a .sav file needs no codebook: its dictionary gives the sets, and numeric variables get a histogram", () => {
    const r = ok(["report", "--data", at("survey.sav"), "--by", "level", "--out", at("sav.html")])
    // the crosstab section has its column-proportion letters table too (issue 15)
    expect(r.stdout).toMatch(/\(html, en: 4 sections, 7 tables, 3 charts\)/)
    const html = readFileSync(at("sav.html"), "utf8")
    expect(html).toContain("Descriptive statistics")
    expect(html.match(/-histogram"/g)?.length).toBe(4)
    expect(html).toContain("HAVERAGE")
    // the crosstab of the other single-choice question carries its test and measures tables
    expect(html).toContain("Chi-square tests")
    expect(html).toContain("Symmetric measures")
  })

  it("a CSV without a codebook: typed columns, profile of the grouping variable, numeric ones described", () => {
    const r = ok(["report", "--data", at("typed.csv"), "--by", "level", "--out", at("typed.md")])
    expect(r.stdout).toMatch(/\(md, en: 2 sections, 2 tables\)/)
    expect(readFileSync(at("typed.md"), "utf8")).toMatch(/\| N valid \| 3 \|/)
  })

  it("names a grouping variable that is text, or absent", () => {
    const text = run(["report", "--data", at("typed.csv"), "--by", "city", "--out", at("x.md")])
    expect(text.code).toBe(1)
    expect(text.stderr).toMatch(/--by "city": the column holds text .* \(row 2: "Huế"\)/)
    const absent = run(["plan", "init", "--data", at("typed.csv"), "--by", "cty"])
    expect(absent.code).toBe(1)
    expect(absent.stderr).toMatch(/--by "cty": .* has no variable of that name; its single-choice variables are level/)
  })

  it("refuses --plan with --by (usage, exit 2)", () => {
    const r = run(["report", "--data", DATA, "--plan", "hcmc-2024", "--by", "level", "--out", at("y.md")])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/give either --plan FILE\|ID or --by VAR/)
  })
})
