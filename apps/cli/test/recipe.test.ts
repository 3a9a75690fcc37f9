import { existsSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { run, STACK_FRAME, tempFiles } from "./run.js"

const csv =
  ["id,level,q1,q2,age", "1,1,1,2,25", "2,2,2,2,41", "3,3,3,9,37", "3,1,2,1,52", "5,2,,3,60", "6,3,1,1,19"].join("\n") +
  "\n"
const recipe = {
  version: 1,
  title: "test",
  steps: [
    { op: "dedupe", by: "id" },
    { op: "missing", variables: ["q2"], values: [9] },
    { op: "compute", target: "both", expr: "q1 + q2", type: "codes", note: "sum of two items" },
    {
      op: "bin",
      variable: "age",
      into: "agegroup",
      bins: [
        { high: 40, code: 1, label: { vi: "Dưới 40", en: "Under 40" } },
        { low: 40, code: 2, label: { vi: "Từ 40", en: "40 and over" } }
      ],
      label: { vi: "Nhóm tuổi", en: "Age group" }
    },
    { op: "filter", expr: "level <> 3" }
  ]
}
const files = tempFiles({
  "s.csv": csv,
  "r.json": JSON.stringify(recipe),
  "bad.json": JSON.stringify({
    version: 1,
    steps: [{ op: "filter", expr: "level = 1" }, { op: "compute", target: "x", expr: "q1 +* 2" }]
  })
})
afterAll(files.cleanup)
const data = files.paths["s.csv"]!
const r = files.paths["r.json"]!

describe("--recipe and danvan prepare", () => {
  it("frequencies with --recipe sees the new, labelled variable on the selected rows only", () => {
    const out = run(["frequencies", "--data", data, "--recipe", r, "agegroup", "--format", "json"])
    expect(out.code, out.stderr).toBe(0)
    const [f] = JSON.parse(out.stdout)
    // Duplicate id 3 dropped (row 4), level 3 (rows 3 and 6) filtered out: ids 1, 2, 5.
    expect(f.rows.map((x: { label: { en: string }; count: number }) => [x.label.en, x.count])).toEqual([
      ["Under 40", 1],
      ["40 and over", 2]
    ])
  })

  it("means applies --recipe too (it reads its numbers on its own path)", () => {
    const out = run(["means", "--data", data, "--recipe", r, "--var", "age", "--by", "agegroup", "--format", "json"])
    expect(out.code, out.stderr).toBe(0)
    const m = JSON.parse(out.stdout)
    // Ids 1, 2, 5 (ages 25, 41, 60) after the recipe: under 40 the one age 25, from 40 the mean of 41 and 60.
    expect(m.groups.map((g: { n: number; mean: number }) => [g.n, g.mean])).toEqual([[1, 25], [2, (41 + 60) / 2]])
  })

  it("crosstab takes --recipe=FILE too", () => {
    const out = run([
      "crosstab",
      "--data",
      data,
      "--row",
      "agegroup",
      "--col",
      "level",
      `--recipe=${r}`,
      "--format",
      "json"
    ])
    expect(out.code, out.stderr).toBe(0)
    expect(JSON.parse(out.stdout).n.total).toBe(3)
  })

  it("prepare writes every row with filter_$ and the codebook beside a CSV", () => {
    const target = join(files.dir, "clean.csv")
    const out = run(["prepare", "--recipe", r, "--data", data, "--out", target])
    expect(out.code, out.stderr).toBe(0)
    expect(out.stdout).toMatch(/1\. dedupe: dropped 1 rows with a repeated id \(3\)/)
    expect(out.stdout).toMatch(/wrote .*clean\.csv: 5 rows, 8 variables \(3 selected for analysis\)/)
    expect(readFileSync(target, "utf8").split("\r\n")[0]).toBe("id,level,q1,q2,age,both,agegroup,filter_$")
    const codebook = JSON.parse(readFileSync(join(files.dir, "clean.codebook.json"), "utf8"))
    const agegroup = codebook.variables.find((v: { name: string }) => v.name === "agegroup")
    expect(agegroup.label).toEqual({ vi: "Nhóm tuổi", en: "Age group" })
  })

  it("prepare writes .sav that frequencies reads back with its labels", () => {
    const target = join(files.dir, "clean.sav")
    expect(run(["prepare", "--recipe", r, "--data", data, "--out", target]).code).toBe(0)
    const out = run(["frequencies", "--data", target, "filter_$", "--format", "json"])
    expect(out.code, out.stderr).toBe(0)
    expect(JSON.parse(out.stdout)[0].rows.slice(0, 2).map((x: { count: number }) => x.count)).toEqual([2, 3])
  })

  it("prepare writes .xlsx that frequencies reads back", () => {
    const target = join(files.dir, "clean.xlsx")
    const w = run(["prepare", "--recipe", r, "--data", data, "--out", target])
    expect(w.code, w.stderr).toBe(0)
    const out = run(["frequencies", "--data", target, "agegroup", "--format", "json"])
    expect(out.code, out.stderr).toBe(0)
    expect(JSON.parse(out.stdout)[0].rows.slice(0, 2).map((x: { code: number; count: number }) => [x.code, x.count]))
      .toEqual([[1, 3], [2, 2]]) // every row: the filter only marks filter_$
  })

  it("a bad recipe fails before anything is written, naming step, position and JSON path (exit 1)", () => {
    const target = join(files.dir, "never.csv")
    const out = run(["prepare", "--recipe", files.paths["bad.json"]!, "--data", data, "--out", target])
    expect(out.code).toBe(1)
    expect(out.stderr).toMatch(/\$\.steps\[1\]\.expr: compute: in "q1 \+\* 2" at character 5/)
    expect(out.stderr).not.toMatch(STACK_FRAME)
    expect(existsSync(target)).toBe(false)
  })

  it("--recipe without --data is a usage error (exit 2)", () => {
    const out = run(["rate", "3", "10", "--recipe", r])
    expect(out.code).toBe(2)
    expect(out.stderr).toMatch(/--recipe applies to commands that read --data/)
  })
})
