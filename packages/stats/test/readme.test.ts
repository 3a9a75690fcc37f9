import { describe, expect, it } from "vitest"
import {
  associationMeasures,
  chiSquareUpperTail,
  fisherFreemanHalton,
  fromMatrix,
  likelihoodRatio,
  lowExpectedCounts,
  lowExpectedMessage,
  pearsonChiSquare,
  residuals
} from "../src/index.js"
import { readFixture } from "./helpers.js"

// The README's example, run as written; its numbers are R's (chisq.json), not copied from our output.
describe("README example", () => {
  it("gives the numbers the README shows", () => {
    const table = fromMatrix([[66, 209, 35], [158, 177, 41], [163, 216, 31]])
    const r = readFixture<any>("chisq.json")
    const ref = (r.tables ?? r).find((t: any) => t.id === "paper-table4-item1")
    expect(ref.pearson.statistic.toPrecision(9)).toBe("41.0307999")
    expect(pearsonChiSquare(table).statistic).toBeCloseTo(ref.pearson.statistic, 9)
    expect(ref.likelihoodRatio.p.toPrecision(4)).toBe("9.018e-9")
    expect(likelihoodRatio(table).p.toPrecision(4)).toBe("9.018e-9")
    expect(residuals(table).adjusted).toHaveLength(9)
    expect(lowExpectedMessage(lowExpectedCounts(table))).toBe(
      "0 cells (0.0%) have expected count less than 5. The minimum expected count is 30.26."
    )
    expect(associationMeasures(table).kendallTauB.t.toPrecision(4)).toBe("-4.856")
    const f = fisherFreemanHalton(table)
    expect([f.method, f.B, f.seed]).toEqual(["monte-carlo", 10000, 2000000])
    expect(chiSquareUpperTail(100, 2)).toBe(1.9287498479639178e-22)
  })
})
