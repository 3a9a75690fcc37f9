import { readFileSync } from "node:fs"
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import type { DesignChoice } from "../src/design.js"
import { means } from "../src/index.js"
import { codes, dataset, numeric, relClose } from "./helpers.js"

// means under a sampling design: the design-based Wald test of equal group means against R survey's
// regTermTest(svyglm(y ~ factor(g), design), ~factor(g)) (packages/stats/scripts/means-design.R writes
// fixtures/means-design.json from the survey of scripts/survey.R, whose CSV this reads).
const dir = new URL("../../stats/test/fixtures/", import.meta.url)
const ref = JSON.parse(readFileSync(new URL("means-design.json", dir), "utf8"))
const lines = readFileSync(new URL("survey-design.csv", dir), "utf8").trim().split("\n")
const header = lines[0]!.split(",").map((h) => h.replace(/"/g, ""))
const rows = lines.slice(1).map((l) => l.split(","))
const col = (name: string) => rows.map((r) => r[header.indexOf(name)]!)
const data = dataset(
  ...["huyen", "xa", "tang", "capbac", "gioitinh", "hailong"].map((n) =>
    codes(n, col(n).map((x) => (x === "" ? null : Number(x))))
  ),
  ...["nxa", "trongso", "diem"].map((n) => numeric(n, col(n).map((x) => (x === "" ? Number.NaN : Number(x)))))
)
const choices: Record<string, DesignChoice> = {
  "weights only": { weight: "trongso" },
  "strata without clusters": { weight: "trongso", strata: "huyen" },
  "strata and clusters": { weight: "trongso", strata: "huyen", cluster: "xa" },
  "strata, clusters and fpc": { weight: "trongso", strata: "huyen", cluster: "xa", fpc: "nxa" },
  "lonely PSU, adjust": { weight: "trongso", strata: "tang", cluster: "xa", lonelyPsu: "adjust" },
  "lonely PSU, remove": { weight: "trongso", strata: "tang", cluster: "xa", lonelyPsu: "remove" }
}
const close = (a: number, b: number, what: string) => expect(relClose(a, b, 1e-8), `${what}: ${a} vs ${b}`).toBe(true)
const cases: Array<[string, any, any]> = ref.cases.flatMap((c: any) =>
  c.tests.map((t: any) => [`${c.id}: ${t.y}`, c, t])
)

describe("means: the design-based Wald test of equal means, against R survey", () => {
  it("covers six designs and two variables", () => {
    expect(cases).toHaveLength(12)
    expect(Object.keys(choices).sort()).toEqual(ref.cases.map((c: any) => c.id).sort())
    expect(rows).toHaveLength(166)
  })
  it.each(cases)("%s", (_: string, c: any, t: any) => {
    const r = Either.getOrThrow(means(data, undefined, t.y, t.group, choices[c.id]))
    const w = r.tests.designWald!
    close(w.statistic, t.statistic, "F")
    expect([w.df1, w.df2]).toEqual([t.df1, t.df2])
    close(w.p, t.p, "p")
    close(w.chisq.statistic, t.chisq, "X²")
    expect(w.chisq.df).toBe(t.df1)
    close(w.chisq.p, t.chisqP, "p of X²")
    expect(r.design?.df).toBe(t.designDf)
    // the group means are svyglm's intercept plus its coefficients
    close(r.groups[0]!.design!.estimate, t.coefficients[0], "first mean")
    // the classical tests are still there (they treat the weights as frequencies, and the report says so)
    expect(r.tests.anova).toBeDefined()
  })
  it("frequency weights and unweighted analyses have no design-based test", () => {
    const f = Either.getOrThrow(
      means(data, undefined, "diem", "capbac", { weight: "trongso", weightMode: "frequency" })
    )
    expect(f.tests.designWald).toBeUndefined()
    expect(Either.getOrThrow(means(data, undefined, "diem", "capbac")).tests.designWald).toBeUndefined()
  })
  it("a design with too few degrees of freedom leaves the test out with a warning", () => {
    // 4 districts as PSUs in one stratum: ν = 3, too few for the 4 contrasts of 5 groups
    const r = Either.getOrThrow(means(data, undefined, "diem", "hailong", { weight: "trongso", cluster: "huyen" }))
    expect(r.design?.df).toBe(3)
    expect(r.tests.designWald).toBeUndefined()
    expect(r.warnings.find((x) => x.code === "TEST_NOT_COMPUTED" && x.test === "designWald")?.message).toMatch(
      /designWald not computed: .*3 degrees/
    )
  })
})
