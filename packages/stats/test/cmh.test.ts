import { describe, expect, it } from "vitest"
import { StatsInputError } from "../src/ContingencyTable.js"
import { breslowDay } from "../src/strata/breslowDay.js"
import { cochranMantelHaenszel } from "../src/strata/cochranMantelHaenszel.js"
import { mantelHaenszelOddsRatio } from "../src/strata/mantelHaenszelOddsRatio.js"
import { expectRelClose, readFixture } from "./helpers.js"

interface Test {
  statistic: number
  df: number
  p: number
}
interface Case {
  id: string
  rows: number
  cols: number
  strata: Array<Array<number>>
  cmh: Test
  cmhCorrected?: Test
  oddsRatio?: { estimate: number; ci95: [number, number] }
  breslowDay?: Test & { uncorrected: { statistic: number; p: number } }
}
const fx = readFixture<{ cases: Array<Case> }>("cmh.json")
const TOL = 1e-10

describe("stratified 2-way tables against R's mantelhaen.test and the Breslow-Day formula", () => {
  it("the fixture has its cases", () => expect(fx.cases.length).toBe(5))
  it.each(fx.cases.map((c) => [c.id, c] as const))("%s", (_, c) => {
    const strata = c.strata.map((s) => Float64Array.from(s))
    const g = cochranMantelHaenszel(strata, c.rows, c.cols)
    expectRelClose(g.statistic, c.cmh.statistic, TOL, "CMH")
    expect(g.df).toBe(c.cmh.df)
    expectRelClose(g.p, c.cmh.p, TOL, "CMH p")
    if (c.cmhCorrected !== undefined) {
      const gc = cochranMantelHaenszel(strata, 2, 2, true)
      expectRelClose(gc.statistic, c.cmhCorrected.statistic, TOL, "corrected CMH")
      expectRelClose(gc.p, c.cmhCorrected.p, TOL, "corrected p")
      const or = mantelHaenszelOddsRatio(strata)
      expectRelClose(or.estimate, c.oddsRatio!.estimate, TOL, "OR")
      expectRelClose(or.ci95[0], c.oddsRatio!.ci95[0], TOL, "OR lo")
      expectRelClose(or.ci95[1], c.oddsRatio!.ci95[1], TOL, "OR hi")
      const bd = breslowDay(strata, or.estimate)
      expect(bd.df).toBe(c.breslowDay!.df)
      expectRelClose(bd.statistic, c.breslowDay!.statistic, TOL, "Tarone")
      expectRelClose(bd.p, c.breslowDay!.p, TOL, "Tarone p")
      expectRelClose(bd.uncorrected.statistic, c.breslowDay!.uncorrected.statistic, TOL, "BD")
    }
  })
  it("bad input", () => {
    expect(() => cochranMantelHaenszel([Float64Array.of(1, 2, 3)], 2, 2)).toThrow(StatsInputError)
    expect(() => cochranMantelHaenszel([Float64Array.of(0, 0, 0, 1)], 2, 2)).toThrow(StatsInputError)
    expect(() => cochranMantelHaenszel([Float64Array.of(1, 0, 2, 0), Float64Array.of(3, 0, 1, 0)], 2, 2)).toThrow(
      /singular/
    )
    expect(() => breslowDay([Float64Array.of(1, 2, 3, 4)], 1)).toThrow(StatsInputError)
  })
})
