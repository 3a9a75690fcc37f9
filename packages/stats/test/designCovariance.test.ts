import { describe, expect, it } from "vitest"
import { StatsInputError } from "../src/ContingencyTable.js"
import { designCovariance, type LonelyPsu, type SurveyDesign } from "../src/survey/designCovariance.js"
import { expectRelClose, readFixture } from "./helpers.js"

interface Case {
  id: string
  lonely: LonelyPsu
  rows: Array<number>
  mean: Array<number>
  meanCovariance: Array<number>
  total: Array<number>
  totalCovariance: Array<number>
  degf: number
}
interface Fixture {
  data: Record<"stratum" | "psu" | "w" | "y1" | "y2" | "popsize" | "fraction", Array<number>>
  cases: Array<Case>
}
const fx = readFixture<Fixture>("design.json")
const TOL = 1e-10

const designOf = (c: Case, rows: Array<number>): SurveyDesign => {
  const pick = (v: Array<number>) => rows.map((r) => v[r - 1]!)
  const design: { -readonly [K in keyof SurveyDesign]: SurveyDesign[K] } = { lonelyPsu: c.lonely }
  if (c.id !== "weights only") design.strata = pick(fx.data.stratum)
  if (c.id.startsWith("clusters") || c.id.startsWith("lonely")) design.clusters = pick(fx.data.psu)
  if (c.id === "clusters, fpc as counts") design.fpc = pick(fx.data.popsize)
  if (c.id === "clusters, fpc as fractions") design.fpc = pick(fx.data.fraction)
  return design
}

describe("designCovariance against R survey's vcov(svymean) and vcov(svytotal)", () => {
  it("the fixture has its cases", () => expect(fx.cases.length).toBe(9))
  it.each(fx.cases.map((c) => [c.id, c] as const))("%s", (_, c) => {
    const rows = c.rows
    const w = rows.map((r) => fx.data.w[r - 1]!)
    const ys = [fx.data.y1, fx.data.y2].map((v) => rows.map((r) => v[r - 1]!))
    const sumW = w.reduce((a, b) => a + b, 0)
    const means = ys.map((y) => y.reduce((a, v, i) => a + w[i]! * v, 0) / sumW)
    means.forEach((m, k) => expectRelClose(m, c.mean[k]!, TOL))
    const design = designOf(c, rows)
    const meanScores = ys.map((y, k) => Float64Array.from(y, (v, i) => (w[i]! * (v - means[k]!)) / sumW))
    const totalScores = ys.map((y) => Float64Array.from(y, (v, i) => w[i]! * v))
    const vm = designCovariance(meanScores, design)
    const vt = designCovariance(totalScores, design)
    expect(vm.degreesOfFreedom).toBe(c.degf)
    c.meanCovariance.forEach((v, k) => expectRelClose(vm.covariance[k]!, v, TOL))
    c.totalCovariance.forEach((v, k) => expectRelClose(vt.covariance[k]!, v, TOL))
  })
  it("refuses a lonely PSU by default, naming its stratum", () => {
    const run = () => designCovariance([Float64Array.of(1, 2, 3)], { strata: [1, 1, 2], clusters: [1, 2, 1] })
    expect(run).toThrow(StatsInputError)
    expect(run).toThrow(/stratum 2 has only one PSU/)
  })
  it("refuses an fpc that varies within a stratum", () => {
    expect(() => designCovariance([Float64Array.of(1, 2, 3)], { fpc: [10, 10, 12] })).toThrow(/varies within stratum/)
  })
})
