import { readFileSync } from "node:fs"
import { codebookFromDataset, decodeAnalysisPlan } from "@danvan/domain"
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import type { DesignChoice } from "../src/design.js"
import { crosstab, describeVariable, frequencies, layeredCrosstab, likert, means, runPlan } from "../src/index.js"
import { codes, dataset, numeric, relClose } from "./helpers.js"

// The survey of packages/stats/scripts/survey.R (its CSV) with R survey's references (fixtures/survey.json).
const dir = new URL("../../stats/test/fixtures/", import.meta.url)
const ref = JSON.parse(readFileSync(new URL("survey.json", dir), "utf8"))
const lines = readFileSync(new URL("survey-design.csv", dir), "utf8").trim().split("\n")
const header = lines[0]!.split(",").map((h) => h.replace(/"/g, ""))
const rows = lines.slice(1).map((l) => l.split(","))
const col = (name: string) => rows.map((r) => r[header.indexOf(name)]!)
const num = (x: string) => (x === "" ? Number.NaN : Number(x))
const data = dataset(
  ...["huyen", "xa", "tang", "capbac", "gioitinh", "hailong"].map((n) =>
    codes(n, col(n).map((x) => (x === "" ? null : Number(x))))
  ),
  ...["nxa", "trongso", "diem"].map((n) => numeric(n, col(n).map(num)))
)
const cases: Array<[string, any]> = ref.cases.map((c: any) => [c.id, c])
const choices: Record<string, DesignChoice> = {
  "weights only": { weight: "trongso" },
  "strata and clusters": { weight: "trongso", strata: "huyen", cluster: "xa" },
  "strata, clusters and fpc": { weight: "trongso", strata: "huyen", cluster: "xa", fpc: "nxa" },
  "lonely PSU, adjust": { weight: "trongso", strata: "tang", cluster: "xa", lonelyPsu: "adjust" },
  "lonely PSU, remove": { weight: "trongso", strata: "tang", cluster: "xa", lonelyPsu: "remove" }
}
const close = (a: number, b: number, what: string) => expect(relClose(a, b, 1e-8), `${what}: ${a} vs ${b}`).toBe(true)

describe("crosstab and frequencies under a sampling design, against R survey", () => {
  it("has the five designs and 166 cases", () => {
    expect(ref.cases.length).toBe(5)
    expect(rows.length).toBe(166)
  })
  it.each(cases)("%s: crosstab capbac x gioitinh", (id, c: any) => {
    const r = Either.getOrThrow(crosstab(data, undefined, "capbac", "gioitinh", choices[id as string]))
    const x = c.capbacByGioitinh
    expect(r.design?.mode).toBe("sampling")
    expect(r.design?.df).toBe(x.nu)
    close(r.tests.raoScott!.statistic, x.statistic, "F")
    close(r.tests.raoScott!.df1, x.ndf, "ndf")
    close(r.tests.raoScott!.df2, x.ddf, "ddf")
    close(r.tests.raoScott!.p, x.p, "p")
    expect(r.tests.raoScottChisq!.df).toBe(x.df)
    close(r.tests.raoScottChisq!.p, x.chisqP, "Chisq p")
  })
  it.each(cases)("%s: frequencies of hailong", (id, c: any) => {
    const r = Either.getOrThrow(frequencies(data, undefined, "hailong", choices[id as string]))
    const x = c.hailong
    expect(r.design?.df).toBe(x.df)
    const valid = r.rows.filter((row) => !row.missing)
    expect(valid.length).toBe(5)
    valid.forEach((row, k) => {
      close(row.design!.estimate, 100 * x.proportion[k], "percent")
      close(row.validPercent!, 100 * x.proportion[k], "valid percent")
      close(row.design!.se, 100 * x.se[k], "se")
      close(row.design!.deff, x.deff[k], "deff")
      close(row.design!.ci.logit.lower, 100 * x.logitLower[k], "logit lower")
      close(row.design!.ci.kornGraubard.upper, 100 * x.betaUpper[k], "beta upper")
    })
  })
  it("a numeric column's frequencies carry the same design-based percents (hailong read as numbers)", () => {
    const asNumbers = dataset(
      ...data.columns.filter((c) => c.name !== "hailong"),
      numeric("hailong", col("hailong").map(num))
    )
    const r = Either.getOrThrow(frequencies(asNumbers, undefined, "hailong", choices["strata and clusters"]!))
    const x = cases.find(([id]) => id === "strata and clusters")![1].hailong
    const valid = r.rows.filter((row) => !row.missing)
    expect(valid.length).toBe(5)
    valid.forEach((row, k) => close(row.design!.ci.kornGraubard.lower, 100 * x.betaLower[k], "beta lower"))
    expect(r.design?.df).toBe(x.df)
  })
  it.each(cases)("%s: describe diem and means of diem by capbac", (id, c: any) => {
    const d = Either.getOrThrow(describeVariable(data, undefined, "diem", choices[id]))
    close(d.designMean!.estimate, c.diem.mean, "mean")
    close(d.designMean!.se, c.diem.se, "se")
    close(d.designMean!.deff, c.diem.deff, "deff")
    close(d.designMean!.ci.lower, c.diem.lower, "lower")
    expect(d.designMean!.df).toBe(c.diem.df)
    const m = Either.getOrThrow(means(data, undefined, "diem", "capbac", choices[id]))
    expect(m.groups.length).toBe(3)
    expect(c.diemByCapbac.length).toBe(3)
    m.groups.forEach((g, k) => {
      const x = c.diemByCapbac[k]
      close(g.design!.estimate, x.mean, "group mean")
      close(g.design!.se, x.se, "group se")
      close(g.design!.deff, x.deff, "group deff")
      close(g.design!.ci.upper, x.upper, "group upper")
      expect(g.design!.df).toBe(x.df)
    })
  })
  it.each(cases)("%s: likert item hailong by gioitinh", (id, c: any) => {
    const r = Either.getOrThrow(likert(data, undefined, { items: ["hailong"] }, "gioitinh", choices[id]))
    const d = r.items[0]!.design!
    expect(r.design?.mode).toBe("sampling")
    expect(c.hailongByGioitinh.length).toBe(2)
    d.byGroup.forEach((g, k) => {
      close(g!.estimate, c.hailongByGioitinh[k].mean, "mean")
      close(g!.se, c.hailongByGioitinh[k].se, "se")
      close(g!.ci.lower, c.hailongByGioitinh[k].lower, "lower")
    })
    close(d.total.se, c.hailongMean.se, "total se")
    close(d.tests!.raoScott.statistic, c.hailongXGioitinh.statistic, "F")
    close(d.tests!.raoScott.p, c.hailongXGioitinh.p, "p")
    close(d.tests!.raoScottChisq.p, c.hailongXGioitinh.chisqP, "Chisq p")
  })
  it("a plan's design reaches its sections (runPlan)", () => {
    const plan = Either.getOrThrow(decodeAnalysisPlan({
      id: "survey",
      title: { vi: "x", en: "x" },
      weight: "trongso",
      design: { strata: "huyen", cluster: "xa", fpc: "nxa" },
      sections: [{ id: "t1", kind: "crosstab", row: "capbac", col: "gioitinh" }]
    }))
    const codebook = codebookFromDataset(data, { id: "survey", title: { vi: "x", en: "x" } })
    const r = Either.getOrThrow(runPlan(data, codebook, plan))
    const section = r.sections[0]!
    if (section.kind !== "crosstab" || "layers" in section.result) throw new Error(section.kind)
    const x = ref.cases.find((c: any) => c.id === "strata, clusters and fpc").capbacByGioitinh
    close(section.result.tests.raoScott!.p, x.p, "p")
    // the options' design wins over the plan's
    const frequency = Either.getOrThrow(runPlan(data, codebook, { ...plan, design: {} }, { weightMode: "frequency" }))
    const f = frequency.sections[0]!
    expect(f.kind === "crosstab" && !("layers" in f.result) && f.result.design?.mode).toBe("frequency")
  })
  it("a table too sparse for the Rao-Scott test gives the crosstab without it, with a warning", () => {
    const a = [1, 2, 3, 1, 2, 3, 1, 2, 3]
    const sparse = dataset(codes("a", a), codes("b", a), numeric("w", [1, 2, 1, 2, 1, 2, 1, 2, 1]))
    const r = Either.getOrThrow(crosstab(sparse, undefined, "a", "b", { weight: "w" }))
    expect(r.tests.raoScott).toBeUndefined()
    expect(r.warnings.find((w) => w.code === "TEST_NOT_COMPUTED")?.message).toMatch(/Rao-Scott test cannot be computed/)
    expect(r.design?.mode).toBe("sampling")
  })
  it("a layered crosstab uses frequency weights (its CMH tests do) and says so", () => {
    const r = Either.getOrThrow(
      layeredCrosstab(data, undefined, "capbac", "gioitinh", "huyen", { weight: "trongso", strata: "huyen" })
    )
    expect(r.design).toEqual({ mode: "frequency", weight: "trongso" })
    expect(r.tests.raoScott).toBeUndefined()
  })
  it("frequency weights keep SPSS's numbers and say so", () => {
    const r = Either.getOrThrow(
      crosstab(data, undefined, "capbac", "gioitinh", { weight: "trongso", weightMode: "frequency" })
    )
    expect(r.design).toEqual({ mode: "frequency", weight: "trongso" })
    expect(r.tests.raoScott).toBeUndefined()
  })
  it("a lonely PSU under the default rule is a clear error", () => {
    const r = crosstab(data, undefined, "capbac", "gioitinh", { weight: "trongso", strata: "tang", cluster: "xa" })
    expect(Either.isLeft(r) && r.left.message).toMatch(/stratum 5 of "tang" has only one PSU of "xa"/)
  })
})
