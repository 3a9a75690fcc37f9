import { describe, expect, it } from "vitest"
import { StatsInputError } from "../src/ContingencyTable.js"
import { describeNumeric } from "../src/descriptives/describeNumeric.js"
import { histogramBins } from "../src/descriptives/histogramBins.js"
import { percentileHaverage } from "../src/descriptives/percentile.js"
import { weightedValues } from "../src/descriptives/weightedValues.js"
import { expectRelClose, readFixture } from "./helpers.js"

type Nums = Array<number | null>
interface Case {
  id: string
  x: Nums
  weights: Nums | null
  n: number
  missing: number
  mean: number
  sd: number
  se: number
  q1: number | null
  median: number | null
  q3: number | null
  min: number
  max: number
  skewness: number
  skewnessSe: number
  kurtosis: number
  kurtosisSe: number
}
const fx = readFixture<{ cases: Array<Case> }>("describe.json")
const f64 = (xs: Nums): Float64Array => Float64Array.from(xs, (v) => (v === null ? NaN : v))
const TOL = 1e-12

describe("describeNumeric against R (scripts/describe.R)", () => {
  it("has the fixture's seven cases", () => expect(fx.cases.length).toBe(7))
  for (const c of fx.cases) {
    it(c.id, () => {
      const d = describeNumeric(f64(c.x), c.weights === null ? undefined : f64(c.weights))
      for (
        const key of [
          "n",
          "missing",
          "mean",
          "sd",
          "se",
          "min",
          "max",
          "skewness",
          "skewnessSe",
          "kurtosis",
          "kurtosisSe"
        ] as const
      ) {
        expectRelClose(d[key], c[key], TOL, `${c.id} ${key}`)
      }
      if (c.q1 !== null) {
        expectRelClose(d.q1, c.q1, TOL, `${c.id} q1`)
        expectRelClose(d.median, c.median!, TOL, `${c.id} median`)
        expectRelClose(d.q3, c.q3!, TOL, `${c.id} q3`)
      }
    })
  }
})

describe("percentileHaverage against PSPP's EXAMINE HAVERAGE (scripts/describe-pspp.py), fractional weights too", () => {
  const pspp = readFixture<{ cases: Array<{ id: string; q1: number; median: number; q3: number }> }>(
    "describe-pspp.json"
  )
  it("has a PSPP case for every R case", () => expect(pspp.cases.map((c) => c.id)).toEqual(fx.cases.map((c) => c.id)))
  for (const c of fx.cases) {
    it(c.id, () => {
      const q = pspp.cases.find((x) => x.id === c.id)!
      const d = describeNumeric(f64(c.x), c.weights === null ? undefined : f64(c.weights))
      // PSPP prints two decimals of the values scaled by 10^6: about nine significant digits
      expectRelClose(d.q1, q.q1, 1e-8, `${c.id} q1`)
      expectRelClose(d.median, q.median, 1e-8, `${c.id} median`)
      expectRelClose(d.q3, q.q3, 1e-8, `${c.id} q3`)
    })
  }
})

describe("describeNumeric edge cases", () => {
  it("no valid values: NaN with a reason", () => {
    const d = describeNumeric(Float64Array.of(NaN, NaN))
    expect(d.n).toBe(0)
    expect(d.missing).toBe(2)
    expect(Number.isNaN(d.mean)).toBe(true)
    expect(d.reason).toBe("no valid values")
  })
  it("constant values: skewness and kurtosis NaN, said why", () => {
    const d = describeNumeric(Float64Array.of(3, 3, 3, 3, 3))
    expect(d.sd).toBe(0)
    expect(Number.isNaN(d.skewness)).toBe(true)
    expect(d.reason).toMatch(/all values are equal/)
  })
  it("a negative weight is refused", () => {
    expect(() => describeNumeric(Float64Array.of(1, 2), Float64Array.of(1, -1))).toThrow(StatsInputError)
  })
  it("quartiles by HAVERAGE: type 6 of 1..4", () => {
    const data = weightedValues(Float64Array.of(4, 3, 2, 1))
    expect([percentileHaverage(data, 0.25), percentileHaverage(data, 0.5), percentileHaverage(data, 0.75)]).toEqual([
      1.25,
      2.5,
      3.75
    ])
    expect(() => percentileHaverage(data, 1)).toThrow(StatsInputError)
  })
})

describe("histogramBins", () => {
  it("one bar per integer for a short integer range, weights summed", () => {
    const bins = histogramBins(weightedValues(Float64Array.of(1, 2, 2, 4), Float64Array.of(1, 0.5, 2, 1)))
    expect(bins).toEqual([
      { from: 0.5, to: 1.5, count: 1 },
      { from: 1.5, to: 2.5, count: 2.5 },
      { from: 2.5, to: 3.5, count: 0 },
      { from: 3.5, to: 4.5, count: 1 }
    ])
  })
  it("decimals: round widths from a multiple of the width, every value in a bar, the maximum in the last", () => {
    expect(fx.cases[3].x.length).toBe(120)
    const data = weightedValues(f64(fx.cases[3].x))
    const bins = histogramBins(data)
    const width = bins[0].to - bins[0].from
    expect([1, 2, 2.5, 5].some((m) => Math.abs(width / 10 ** Math.floor(Math.log10(width)) - m) < 1e-9)).toBe(true)
    expect(bins[0].from % width).toBeCloseTo(0, 9)
    expect(bins.reduce((s, b) => s + b.count, 0)).toBe(data.totalWeight)
    expect(bins[0].from).toBeLessThanOrEqual(data.values[0])
    expect(bins[bins.length - 1].to).toBeGreaterThan(data.values[data.values.length - 1])
    expect(bins.length).toBeGreaterThanOrEqual(5)
    expect(bins.length).toBeLessThanOrEqual(31)
  })
})
