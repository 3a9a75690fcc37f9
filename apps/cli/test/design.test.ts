import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { afterAll, describe, expect, it } from "vitest"
import { run, STACK_FRAME, tempFiles } from "./run.js"

// The stratified cluster survey of packages/stats/scripts/survey.R (its CSV) and R survey's references for it.
const CSV = fileURLToPath(new URL("../../../packages/stats/test/fixtures/survey-design.csv", import.meta.url))
const ref = JSON.parse(
  readFileSync(new URL("../../../packages/stats/test/fixtures/survey.json", import.meta.url), "utf8")
)
const fpcCase = ref.cases.find((c: { id: string }) => c.id === "strata, clusters and fpc")
const DESIGN = ["--weight", "trongso", "--strata", "huyen", "--cluster", "xa", "--fpc", "nxa"]
const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b)
const json = (args: ReadonlyArray<string>) => {
  const r = run([...args, "--format", "json"])
  expect(r.stderr).toBe("")
  expect(r.code).toBe(0)
  return JSON.parse(r.stdout)
}
const fails = (args: ReadonlyArray<string>, message: RegExp) => {
  const r = run(args)
  expect(r.code).toBe(1)
  expect(r.stdout).toBe("")
  expect(r.stderr).toMatch(message)
  expect(r.stderr).not.toMatch(STACK_FRAME)
}

describe("a sampling design on the CLI (--strata, --cluster, --fpc), against R survey", () => {
  it("the fixture has the design with fpc", () => expect(fpcCase.capbacByGioitinh.nu).toBe(14))

  it("crosstab: Rao-Scott F and chi-square, the design stated in JSON", () => {
    const out = json(["crosstab", "--data", CSV, "--row", "capbac", "--col", "gioitinh", ...DESIGN])
    const x = fpcCase.capbacByGioitinh
    expect(out.design).toMatchObject({
      mode: "sampling",
      weight: "trongso",
      strata: "huyen",
      cluster: "xa",
      fpc: "nxa",
      lonelyPsu: "fail",
      psus: 18,
      strataCount: 4,
      df: 14
    })
    expect(out.weight.variable).toBe("trongso")
    expect(rel(out.tests.raoScott.statistic, x.statistic)).toBeLessThan(1e-8)
    expect(rel(out.tests.raoScott.df1, x.ndf)).toBeLessThan(1e-8)
    expect(rel(out.tests.raoScott.df2, x.ddf)).toBeLessThan(1e-8)
    expect(rel(out.tests.raoScott.p, x.p)).toBeLessThan(1e-8)
    expect(out.tests.raoScottChisq.df).toBe(2)
    expect(rel(out.tests.raoScottChisq.p, x.chisqP)).toBeLessThan(1e-8)
    expect(out.designCells.total.length).toBe(3)
  })

  it("crosstab text says design-based, in English and Vietnamese, and shows no Pearson chi-square", () => {
    const en = run(["crosstab", "--data", CSV, "--row", "capbac", "--col", "gioitinh", ...DESIGN, "--lang", "en"])
    expect(en.code).toBe(0)
    expect(en.stdout).toContain(
      "Design-based (Taylor linearization): weights trongso, strata huyen, clusters xa, fpc nxa"
    )
    expect(en.stdout).toMatch(/Rao-Scott F \(second order\)\s+1\.386\s+1\.96\s+27\.43\s+\.267/)
    expect(en.stdout).not.toContain("Pearson Chi-Square")
    expect(en.stdout).toContain("is not valid; the Rao-Scott test is the test")
    const vi = run(["crosstab", "--data", CSV, "--row", "capbac", "--col", "gioitinh", ...DESIGN, "--lang", "vi"])
    expect(vi.stdout).toContain("Ước lượng theo thiết kế mẫu (tuyến tính hóa Taylor): trọng số trongso, tầng huyen")
  })

  it("frequencies: SE, logit and Korn-Graubard intervals, deff", () => {
    const out = json(["frequencies", "--data", CSV, ...DESIGN, "hailong"])
    const x = fpcCase.hailong
    const rows = out[0].rows.filter((r: { missing: boolean }) => !r.missing)
    expect(rows.length).toBe(5)
    rows.forEach((r: any, k: number) => {
      expect(rel(r.design.se, 100 * x.se[k])).toBeLessThan(1e-8)
      expect(rel(r.design.ci.logit.upper, 100 * x.logitUpper[k])).toBeLessThan(1e-8)
      expect(rel(r.design.ci.kornGraubard.lower, 100 * x.betaLower[k])).toBeLessThan(1e-8)
      expect(rel(r.design.deff, x.deff[k])).toBeLessThan(1e-8)
    })
  })

  it("describe and means: design-based means with SE, CI and deff", () => {
    const d = json(["describe", "--data", CSV, ...DESIGN, "diem"])
    expect(rel(d[0].designMean.se, fpcCase.diem.se)).toBeLessThan(1e-8)
    expect(rel(d[0].designMean.ci.lower, fpcCase.diem.lower)).toBeLessThan(1e-8)
    const m = json(["means", "--data", CSV, "--var", "diem", "--by", "capbac", ...DESIGN])
    m.groups.forEach((g: any, k: number) => expect(rel(g.design.se, fpcCase.diemByCapbac[k].se)).toBeLessThan(1e-8))
  })

  it("likert: item x group Rao-Scott", () => {
    const l = json(["likert", "--data", CSV, "--items", "hailong", "--by", "gioitinh", ...DESIGN])
    expect(rel(l.items[0].design.tests.raoScott.p, fpcCase.hailongXGioitinh.p)).toBeLessThan(1e-8)
  })

  it("report: each section states the design and crosstabs give the Rao-Scott test, not Pearson's", () => {
    const out = tempFiles({})
    const md = `${out.dir}/r.md`
    const r = run(["report", "--data", CSV, "--by", "gioitinh", ...DESIGN, "--out", md])
    expect(r.code, r.stderr).toBe(0)
    const text = readFileSync(md, "utf8")
    out.cleanup()
    expect(text).toContain("Design-based (Taylor linearization): weights trongso, strata huyen, clusters xa, fpc nxa")
    // capbac by gioitinh, as R's svychisq (F = 1.386, p = .267 under this design)
    expect(fpcCase.capbacByGioitinh.statistic.toFixed(3)).toBe("1.386")
    expect(text).toContain("Rao-Scott F (second order) = 1.386, df = 1.96, 27.43, p = .267")
    expect(text).not.toMatch(/Pearson Chi-Square/)
  })

  it("--weight-mode frequency keeps SPSS's frequency weights and says so", () => {
    const out = json([
      "crosstab",
      "--data",
      CSV,
      "--row",
      "capbac",
      "--col",
      "gioitinh",
      "--weight",
      "trongso",
      "--weight-mode",
      "frequency"
    ])
    expect(out.design).toEqual({ mode: "frequency", weight: "trongso" })
    expect(out.tests.raoScott).toBeUndefined()
    expect(out.tests.pearson.p).toBeGreaterThan(0)
  })
})

describe("bad designs are clear errors", () => {
  const files = tempFiles({
    "blank.csv": "huyen,xa,w,a,b\n1,1,2,1,1\n1,2,2,2,1\n,1,3,1,2\n2,2,1,2,2\n"
  })
  afterAll(files.cleanup)

  it("an unknown design column names the data's columns", () => {
    fails([
      "crosstab",
      "--data",
      CSV,
      "--row",
      "capbac",
      "--col",
      "gioitinh",
      "--weight",
      "trongso",
      "--strata",
      "nope"
    ], /column "nope": .*the file has id, huyen, xa/)
  })
  it("a blank stratum names its data row", () => {
    fails([
      "crosstab",
      "--data",
      files.paths["blank.csv"]!,
      "--row",
      "a",
      "--col",
      "b",
      "--weight",
      "w",
      "--strata",
      "huyen",
      "--cluster",
      "xa"
    ], /the stratum variable "huyen" is blank in data row 4/)
  })
  it("a lonely PSU under the default rule names the stratum and the way out", () => {
    fails([
      "crosstab",
      "--data",
      CSV,
      "--row",
      "capbac",
      "--col",
      "gioitinh",
      "--weight",
      "trongso",
      "--strata",
      "tang",
      "--cluster",
      "xa"
    ], /stratum 5 of "tang" has only one PSU of "xa".*--lonely-psu/)
  })
  it("a design with frequency weights is refused", () => {
    fails([
      "crosstab",
      "--data",
      CSV,
      "--row",
      "capbac",
      "--col",
      "gioitinh",
      "--weight",
      "trongso",
      "--strata",
      "huyen",
      "--weight-mode",
      "frequency"
    ], /frequency weights have no sampling design/)
  })
})
