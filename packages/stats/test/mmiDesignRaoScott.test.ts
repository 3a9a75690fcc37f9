import { describe, expect, it } from "vitest"
import { StatsInputError } from "../src/ContingencyTable.js"
import { mmiDesignRaoScott } from "../src/multipleResponse/mmiDesignRaoScott.js"
import { mmiRaoScott2 } from "../src/multipleResponse/mmiRaoScott2.js"
import type { MultipleResponseData } from "../src/multipleResponse/MultipleResponseData.js"
import type { LonelyPsu, SurveyDesign } from "../src/survey/designCovariance.js"
import { expectRelClose, readFixture } from "./helpers.js"

interface Form {
  statistic: number
  df: number
  p: number
}
interface Case extends Form {
  id: string
  lonely: LonelyPsu
  domain: boolean
  proportions: Array<number>
  covariance: Array<number>
  sumStatistic: number
  s1: number
  s2: number
  f: { statistic: number; df1: number; df2: number; p: number }
  nominal: Form
  designDf: number
  respondents: number
}
type Column = "stratum" | "psu" | "group" | "y1" | "y2" | "y3" | "y4" | "w" | "popsize" | "inDomain"
const fx = readFixture<{ data: Record<Column, Array<number>>; cases: Array<Case> }>("mmi-design.json")
const TOL = 1e-8

const data: MultipleResponseData = {
  groups: Int32Array.from(fx.data.group, (g) => g - 1),
  groupCount: 3,
  items: (["y1", "y2", "y3", "y4"] as const).map((y) => Uint8Array.from(fx.data[y]))
}

const setUp = (c: Case): { weights: Float64Array; design: SurveyDesign } => {
  const unit = c.id === "clusters, unit weights"
  const weights = Float64Array.from(fx.data.w, (w, k) => (c.domain && fx.data.inDomain[k] === 0 ? 0 : unit ? 1 : w))
  const design: { -readonly [K in keyof SurveyDesign]: SurveyDesign[K] } = { lonelyPsu: c.lonely }
  if (c.id !== "weights only") design.strata = fx.data.stratum
  if (c.id.includes("clusters")) design.clusters = fx.data.psu
  if (c.id.includes("fpc")) design.fpc = fx.data.popsize
  return { weights, design }
}

describe("mmiDesignRaoScott against R survey (svyby covariance of the domain proportions)", () => {
  it("the fixture has its cases and data", () => {
    expect(fx.cases).toHaveLength(6)
    expect(fx.data.w).toHaveLength(163)
  })
  it.each(fx.cases.map((c) => [c.id, c] as const))("%s", (_, c) => {
    const { design, weights } = setUp(c)
    const res = mmiDesignRaoScott(data, weights, design)
    expect(res.respondents).toBe(c.respondents)
    expect(res.designDf).toBe(c.designDf)
    expect(res.covariance).toHaveLength(c.covariance.length)
    // between-group covariances are 0 without clusters (R's are rounding noise near 1e-36): relative to the largest
    const scale = Math.max(...c.covariance.map(Math.abs))
    c.covariance.forEach((v, k) => {
      const err = Math.abs(res.covariance[k]! - v) / scale
      expect(err, `covariance ${k}: ${res.covariance[k]} vs ${v}`).toBeLessThanOrEqual(TOL)
    })
    c.proportions.forEach((v, k) => expectRelClose(res.proportions[3 + k]!, v, TOL, `proportion ${k}`))
    for (const key of ["sumStatistic", "s1", "s2", "statistic", "df", "p"] as const) {
      expectRelClose(res[key], c[key], TOL, key)
    }
    for (const key of ["statistic", "df1", "df2", "p"] as const) expectRelClose(res.f[key], c.f[key], TOL, `F ${key}`)
    const nominal = mmiDesignRaoScott(data, weights, design, { firstMoment: "nominal" })
    for (const key of ["statistic", "df", "p"] as const) {
      expectRelClose(nominal[key], c.nominal[key], TOL, `nominal ${key}`)
    }
  })
})

describe("unit weights and no design", () => {
  const check = (d: MultipleResponseData) => {
    const unweighted = mmiRaoScott2(d)
    const nominal = mmiDesignRaoScott(d, undefined, {}, { firstMoment: "nominal" })
    const ones = mmiDesignRaoScott(d, new Float64Array(d.groups.length).fill(1), {}, { firstMoment: "nominal" })
    for (const res of [nominal, ones]) {
      expectRelClose(res.sumStatistic, unweighted.sumStatistic, 1e-12, "X²_S")
      expectRelClose(res.s2, unweighted.s2, 1e-10, "s2")
      expectRelClose(res.statistic, unweighted.statistic, 1e-10, "statistic")
      expectRelClose(res.df, unweighted.df, 1e-10, "df")
      expectRelClose(res.p, unweighted.p, 1e-10, "p")
    }
    // the default uses s₁ = tr(M) for q: the same M, so the statistic scales by s₁/q and the df by (s₁/q)²
    const estimated = mmiDesignRaoScott(d, undefined, {})
    const q = (d.groupCount - 1) * d.items.length
    expectRelClose(estimated.statistic, (unweighted.statistic * estimated.s1) / q, 1e-10, "estimated statistic")
    expectRelClose(estimated.df, (unweighted.df * estimated.s1 ** 2) / q ** 2, 1e-10, "estimated df")
  }
  it("equals mmiRaoScott2 with firstMoment nominal (the fixture's data)", () => check(data))
  it("equals mmiRaoScott2 on the JSDoc example", () => {
    check({
      groups: Int32Array.from([0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2]),
      groupCount: 3,
      items: [
        Uint8Array.from([1, 1, 1, 0, 1, 0, 0, 0, 0, 0, 0, 1]),
        Uint8Array.from([1, 0, 1, 1, 1, 1, 0, 1, 0, 1, 0, 0])
      ]
    })
  })
})

describe("bad input", () => {
  it("refuses frequency weights in data.weights", () => {
    expect(() => mmiDesignRaoScott({ ...data, weights: new Float64Array(163).fill(1) }, undefined, {})).toThrow(
      /second argument/
    )
  })
  it("refuses weights of the wrong length", () => {
    expect(() => mmiDesignRaoScott(data, new Float64Array(3), {})).toThrow(StatsInputError)
  })
  it("names a lonely PSU's stratum", () => {
    const clusters = fx.data.psu.map((p, k) => (fx.data.stratum[k] === 2 ? 1 : p))
    expect(() => mmiDesignRaoScott(data, undefined, { strata: fx.data.stratum, clusters })).toThrow(
      /stratum 2 has only one PSU/
    )
  })
})

interface Scenario {
  name: string
  samples: number
  skipped: number
  monteCarloBand: [number, number]
  rejectionRate: Record<string, number>
}
describe("the committed size simulation (scripts/mmi-design-simulation.mjs)", () => {
  const sim = readFixture<{ alpha: number; scenarios: Array<Scenario> }>("mmi-design-simulation.json")
  it("holds 3 scenarios of 2,000 samples each", () => {
    expect(sim.scenarios.map((s) => [s.samples, s.skipped])).toEqual([[2000, 0], [2000, 0], [2000, 0]])
  })
  it("the design-based F test holds its size within Monte Carlo error when the group varies within clusters", () => {
    const s = sim.scenarios.find((x) => x.name === "respondent groups")!
    const rate = Object.entries(s.rejectionRate).find(([k]) => k.startsWith("design F"))![1]
    const band = 2 * Math.sqrt((sim.alpha * (1 - sim.alpha)) / s.samples)
    expect(Math.abs(rate - sim.alpha)).toBeLessThanOrEqual(band)
    expect(s.monteCarloBand[1] - s.monteCarloBand[0]).toBeCloseTo(2 * band, 12)
  })
  it("the frequency-weight MMI rejects far more often than 5% in every scenario", () => {
    for (const s of sim.scenarios) {
      const naive = Object.entries(s.rejectionRate).find(([k]) => k.startsWith("naive: frequency"))![1]
      expect(naive).toBeGreaterThan(0.5)
    }
  })
})
