import { describe, expect, it } from "vitest"
import { StatsInputError } from "../src/ContingencyTable.js"
import type { LonelyPsu, SurveyDesign } from "../src/survey/designCovariance.js"
import { designMean } from "../src/survey/designMean.js"
import { designProportions } from "../src/survey/designProportions.js"
import { raoScott } from "../src/survey/raoScott.js"
import { expectRelClose, readFixture } from "./helpers.js"

type Vec = Array<number>
interface Proportions {
  levels: Vec
  proportion: Vec
  se: Vec
  deff: Vec
  deffReplace: Vec
  total: Vec
  totalSe: Vec
  totalDeff: Vec
  logitLower: Vec
  logitUpper: Vec
  svycipropLogitLower: Vec
  svycipropLogitUpper: Vec
  betaLower: Vec
  betaUpper: Vec
  df: number
  n: number
  covariance: Vec
}
interface Mean {
  mean: number
  se: number
  deff: number
  deffReplace: number
  lower: number
  upper: number
  df: number
}
interface Chisq {
  statistic: number
  ndf: number
  ddf: number
  p: number
  pearson: number
  df: number
  chisqP: number
  nu: number
  N: number
}
interface Case {
  id: string
  lonely: LonelyPsu
  degf: number
  capbac: Proportions
  hailong: Proportions
  diem: Mean
  hailongMean: Mean
  capbacByGioitinh: Chisq
  hailongByCapbac: Chisq
}
type Column = "huyen" | "xa" | "nxa" | "tang" | "trongso" | "capbac" | "gioitinh" | "diem" | "hailong"
interface Fixture {
  data: Record<Column, Array<number | null>>
  cases: Array<Case>
}
const fx = readFixture<Fixture>("survey.json")
const TOL = 1e-8
const col = (name: Column) => Float64Array.from(fx.data[name], (v) => (v === null ? Number.NaN : v))
const codes = (name: Column, levels: Vec) =>
  Int32Array.from(fx.data[name], (v) => (v === null ? -1 : levels.indexOf(v)))

const designOf = (c: Case): SurveyDesign => {
  if (c.id === "weights only") return { lonelyPsu: c.lonely }
  const lonely = c.id.startsWith("lonely")
  return {
    lonelyPsu: c.lonely,
    strata: col(lonely ? "tang" : "huyen"),
    clusters: col("xa"),
    ...(c.id.includes("fpc") ? { fpc: col("nxa") } : {})
  }
}
const sampleOf = (c: Case) => ({ weights: col("trongso"), design: designOf(c) })

describe("design-based estimates and tests against R survey (scripts/survey.R)", () => {
  it("the fixture has its five designs and 166 cases", () => {
    expect(fx.cases.length).toBe(5)
    expect(fx.data.trongso.length).toBe(166)
  })
  describe.each(fx.cases.map((c) => [c.id, c] as const))("%s", (_, c) => {
    it.each(["capbac", "hailong"] as const)("proportions of %s (svymean, svytotal, svyciprop)", (name) => {
      const ref = c[name]
      expect(ref.levels.length).toBeGreaterThan(2)
      const res = designProportions(codes(name, ref.levels), ref.levels.length, sampleOf(c))
      expect(res.degreesOfFreedom).toBe(ref.df)
      expect(res.n).toBe(ref.n)
      ref.covariance.forEach((v, k) => expectRelClose(res.covariance[k]!, v, TOL, `covariance ${k}`))
      res.categories.forEach((cat, k) => {
        expectRelClose(cat.estimate, ref.proportion[k]!, TOL, `p ${k}`)
        expectRelClose(cat.standardError, ref.se[k]!, TOL, `se ${k}`)
        expectRelClose(cat.deff, ref.deff[k]!, TOL, `deff ${k}`)
        expectRelClose(cat.deffReplace, ref.deffReplace[k]!, TOL, `deff replace ${k}`)
        expectRelClose(cat.total, ref.total[k]!, TOL, `total ${k}`)
        expectRelClose(cat.totalStandardError, ref.totalSe[k]!, TOL, `total se ${k}`)
        expectRelClose(cat.totalDeff.deff, ref.totalDeff[k]!, TOL, `total deff ${k}`)
        expectRelClose(cat.logit.lower, ref.logitLower[k]!, TOL, `logit lower ${k}`)
        expectRelClose(cat.logit.upper, ref.logitUpper[k]!, TOL, `logit upper ${k}`)
        // svyciprop itself: its glm stops at a relative deviance change of 1e-8
        expectRelClose(cat.logit.lower, ref.svycipropLogitLower[k]!, 1e-6, `svyciprop logit lower ${k}`)
        expectRelClose(cat.logit.upper, ref.svycipropLogitUpper[k]!, 1e-6, `svyciprop logit upper ${k}`)
        expectRelClose(cat.kornGraubard.lower, ref.betaLower[k]!, TOL, `beta lower ${k}`)
        expectRelClose(cat.kornGraubard.upper, ref.betaUpper[k]!, TOL, `beta upper ${k}`)
      })
    })
    it.each([["diem", "diem"], ["hailong", "hailongMean"]] as const)(
      "mean of %s (svymean, confint on degf)",
      (v, key) => {
        const ref = c[key]
        const res = designMean(col(v), sampleOf(c))
        expect(res.degreesOfFreedom).toBe(ref.df)
        expectRelClose(res.estimate, ref.mean, TOL, "mean")
        expectRelClose(res.standardError, ref.se, TOL, "se")
        expectRelClose(res.deff, ref.deff, TOL, "deff")
        expectRelClose(res.deffReplace, ref.deffReplace, TOL, "deff replace")
        expectRelClose(res.interval.lower, ref.lower, TOL, "lower")
        expectRelClose(res.interval.upper, ref.upper, TOL, "upper")
      }
    )
    it.each(
      [
        ["capbac x gioitinh", "capbacByGioitinh", "capbac", [1, 2, 3], "gioitinh", [1, 2]],
        ["hailong x capbac", "hailongByCapbac", "hailong", [1, 2, 3, 4, 5], "capbac", [1, 2, 3]]
      ] as const
    )("Rao-Scott tests of %s (svychisq F and Chisq)", (_t, key, a, la, b, lb) => {
      const ref = c[key]
      const res = raoScott(codes(a, [...la]), codes(b, [...lb]), la.length, lb.length, sampleOf(c))
      expect(res.designDf).toBe(ref.nu)
      expect(res.n).toBe(ref.N)
      expectRelClose(res.f.statistic, ref.statistic, TOL, "F")
      expectRelClose(res.f.df1, ref.ndf, TOL, "ndf")
      expectRelClose(res.f.df2, ref.ddf, TOL, "ddf")
      expectRelClose(res.f.p, ref.p, TOL, "p")
      expectRelClose(res.pearson, ref.pearson, TOL, "X-squared")
      expect(res.chisq.df).toBe(ref.df)
      expectRelClose(res.chisq.p, ref.chisqP, TOL, "Chisq p")
    })
  })
  it("a lonely PSU under \"fail\" is refused, naming the stratum", () => {
    const c = fx.cases[3]!
    const run = () =>
      designMean(col("diem"), { weights: col("trongso"), design: { ...designOf(c), lonelyPsu: "fail" } })
    expect(run).toThrow(StatsInputError)
    expect(run).toThrow(/only one PSU/)
  })
  it("a table with an empty column is refused", () => {
    expect(() => raoScott(Int32Array.of(0, 1, 0, 1), Int32Array.of(0, 0, 0, 0), 2, 2, { design: {} })).toThrow(
      /no weight/
    )
  })
})
