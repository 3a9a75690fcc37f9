import { describe, expect, it } from "vitest"
import { StatsInputError } from "../src/ContingencyTable.js"
import type { LonelyPsu, SurveyDesign } from "../src/survey/designCovariance.js"
import { designWaldMeans } from "../src/survey/designWaldMeans.js"
import { expectRelClose, readFixture } from "./helpers.js"

// R survey's regTermTest(svyglm(y ~ factor(g), design), ~factor(g)): scripts/means-design.R writes
// fixtures/means-design.json from the survey of scripts/survey.R (its data are in fixtures/survey.json).
type Column = "huyen" | "xa" | "nxa" | "tang" | "trongso" | "capbac" | "gioitinh" | "diem" | "hailong"
interface Test {
  y: Column
  group: Column
  levels: Array<number>
  coefficients: Array<number>
  vcov: Array<number>
  statistic: number
  df1: number
  df2: number
  p: number
  chisq: number
  chisqP: number
  residualDf: number
  designDf: number
}
interface Case {
  id: string
  lonely: LonelyPsu
  tests: Array<Test>
}
const fx = readFixture<{ cases: Array<Case> }>("means-design.json")
const data = readFixture<{ data: Record<Column, Array<number | null>> }>("survey.json").data
const TOL = 1e-8
const col = (name: Column) => Float64Array.from(data[name], (v) => (v === null ? Number.NaN : v))

const designOf = (c: Case): SurveyDesign => {
  if (c.id === "weights only") return { lonelyPsu: c.lonely }
  if (c.id === "strata without clusters") return { lonelyPsu: c.lonely, strata: col("huyen") }
  const lonely = c.id.startsWith("lonely")
  return {
    lonelyPsu: c.lonely,
    strata: col(lonely ? "tang" : "huyen"),
    clusters: col("xa"),
    ...(c.id.includes("fpc") ? { fpc: col("nxa") } : {})
  }
}

describe("designWaldMeans against R survey's svyglm + regTermTest (scripts/means-design.R)", () => {
  it("the fixture has six designs, two tests each, on the 166 cases of survey.R", () => {
    expect(fx.cases.map((c) => c.id)).toEqual([
      "weights only",
      "strata without clusters",
      "strata and clusters",
      "strata, clusters and fpc",
      "lonely PSU, adjust",
      "lonely PSU, remove"
    ])
    expect(fx.cases.every((c) => c.tests.length === 2)).toBe(true)
    expect(data.diem).toHaveLength(166)
  })
  for (const c of fx.cases) {
    for (const t of c.tests) {
      it(`${c.id}: ${t.y} by ${t.group}`, () => {
        const k = t.levels.length
        const groups = Int32Array.from(data[t.group], (v) => (v === null ? -1 : t.levels.indexOf(v)))
        const r = designWaldMeans(col(t.y), groups, k, { weights: col("trongso"), design: designOf(c) })
        expectRelClose(r.f.statistic, t.statistic, TOL, "F")
        expect(r.f.df1).toBe(t.df1)
        expect(r.f.df2).toBe(t.df2)
        expectRelClose(r.f.p, t.p, TOL, "p")
        expectRelClose(r.chisq.statistic, t.chisq, TOL, "X²")
        expect(r.chisq.df).toBe(t.df1)
        expectRelClose(r.chisq.p, t.chisqP, TOL, "p of X²")
        expect(r.designDf).toBe(t.designDf)
        // svyglm's treatment coefficients are the first mean and the differences from it
        expectRelClose(r.means[0]!, t.coefficients[0]!, 1e-12, "intercept")
        for (let j = 1; j < k; j++) expectRelClose(r.means[j]! - r.means[0]!, t.coefficients[j]!, 1e-10, `β${j}`)
        // and vcov(fit) is C V Cᵀ
        const v = (a: number, b: number) => r.covariance[a * k + b]!
        expectRelClose(v(0, 0), t.vcov[0]!, TOL, "var(intercept)")
        for (let a = 1; a < k; a++) {
          expectRelClose(v(a, 0) - v(0, 0), t.vcov[a]!, TOL, `cov(β${a}, intercept)`)
          for (let b = 1; b < k; b++) {
            expectRelClose(v(a, b) - v(a, 0) - v(0, b) + v(0, 0), t.vcov[a * k + b]!, TOL, `cov(β${a}, β${b})`)
          }
        }
      })
    }
  }
  it("refuses one group, a group without weight, and too few design degrees of freedom", () => {
    const y = Float64Array.of(1, 2, 3, 5, 6, 8)
    const g = Int32Array.of(0, 0, 0, 1, 1, 1)
    expect(() => designWaldMeans(y, g, 1, { design: {} })).toThrow(StatsInputError)
    expect(() => designWaldMeans(y, g, 3, { design: {} })).toThrow(/group 2 has no case/)
    const clusters = Int32Array.of(0, 0, 0, 1, 1, 1)
    expect(() => designWaldMeans(y, g, 2, { design: { clusters } })).toThrow(/1 degrees of freedom, too few/)
  })
  it("the JSDoc example: two groups of three, each case its own PSU", () => {
    const r = designWaldMeans(Float64Array.of(1, 2, 3, 5, 6, 8), Int32Array.of(0, 0, 0, 1, 1, 1), 2, { design: {} })
    expect(r.f.df1).toBe(1)
    expect(r.f.df2).toBe(4)
    expect(r.f.statistic).toBeCloseTo(r.chisq.statistic, 12)
    expect(r.f.p).toBeGreaterThan(r.chisq.p)
  })
})
