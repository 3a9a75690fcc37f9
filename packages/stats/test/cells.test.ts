import { describe, expect, it } from "vitest"
import { expectedCounts } from "../src/cells/expected.js"
import { colPercents, rowPercents, totalPercents } from "../src/cells/percents.js"
import { residuals } from "../src/cells/residuals.js"
import { fromMatrix, StatsInputError } from "../src/ContingencyTable.js"
import { lowExpectedCounts, lowExpectedMessage } from "../src/lowExpected.js"
import { expectRelClose, readFixture, type References } from "./helpers.js"

describe("expectedCounts", () => {
  it("is R_i C_j / N, row-major", () => {
    expect(Array.from(expectedCounts(fromMatrix([[10, 20], [30, 40]])))).toEqual([12, 18, 28, 42])
  })
  it("gives zeros for a zero row or column and keeps the other cells", () => {
    const e = expectedCounts(fromMatrix([[2, 0, 2], [0, 0, 0]]))
    expect(Array.from(e)).toEqual([2, 0, 2, 0, 0, 0])
  })
  it("throws EMPTY_TABLE for an all-zero table", () => {
    expect(() => expectedCounts(fromMatrix([[0, 0], [0, 0]]))).toThrow(StatsInputError)
    expect(() => expectedCounts(fromMatrix([[0, 0], [0, 0]]))).toThrow(/empty/)
  })
  it("works for 1 x K tables (E = O)", () => {
    expect(Array.from(expectedCounts(fromMatrix([[3, 4, 5]])))).toEqual([3, 4, 5])
  })
  it("sums to N with weighted, huge counts", () => {
    const t = fromMatrix([[1.5e12, 2.25e12], [0.75e12, 3e12]])
    const e = expectedCounts(t)
    expectRelClose(e.reduce((a, b) => a + b, 0), 7.5e12, 1e-15)
    expectRelClose(e[0], (3.75e12 * 2.25e12) / 7.5e12, 1e-15)
  })
})

describe("percents", () => {
  const t = fromMatrix([[1, 3, 0], [0, 0, 0], [2, 2, 0]])
  it("row percents: NaN for the zero row only", () => {
    const r = rowPercents(t)
    expect(Array.from(r.subarray(0, 3))).toEqual([25, 75, 0])
    expect(Array.from(r.subarray(3, 6)).every(Number.isNaN)).toBe(true)
    expect(Array.from(r.subarray(6, 9))).toEqual([50, 50, 0])
  })
  it("column percents: NaN for the zero column only", () => {
    const c = colPercents(t)
    expect([c[0], c[1], c[3], c[4], c[6], c[7]]).toEqual([100 / 3, 60, 0, 0, 200 / 3, 40])
    expect([c[2], c[5], c[8]].every(Number.isNaN)).toBe(true)
  })
  it("total percents sum to 100; all NaN for an empty table", () => {
    expect(Array.from(totalPercents(t))).toEqual([12.5, 37.5, 0, 0, 0, 0, 25, 25, 0])
    expect(Array.from(totalPercents(fromMatrix([[0, 0]]))).every(Number.isNaN)).toBe(true)
  })
  it("1 x K: row percents are the distribution, column percents are 100", () => {
    expect(Array.from(rowPercents(fromMatrix([[1, 1, 2]])))).toEqual([25, 25, 50])
    expect(Array.from(colPercents(fromMatrix([[1, 1, 2]])))).toEqual([100, 100, 100])
  })
})

describe("residuals", () => {
  it("adjusted residuals of a 2 x 2 are all ±sqrt(X²) and their p equals the Pearson p", () => {
    // for 2 x 2, adjusted^2 = X^2 in every cell (Agresti 2002, p. 81)
    const r = readFixture<References>("references.json").strong2x2
    const res = residuals(fromMatrix(r.counts))
    for (const a of res.adjusted) expectRelClose(Math.abs(a), Math.sqrt(r.statistic), 1e-14)
    expect(res.adjusted[0]).toBeGreaterThan(0)
    expect(res.adjusted[1]).toBeLessThan(0)
    expectRelClose(res.adjustedP[0], r.adjustedP, 1e-12)
  })
  it("raw residuals sum to zero along every row and column", () => {
    const res = residuals(fromMatrix([[66, 209, 35], [158, 177, 41], [163, 216, 31]]))
    for (let i = 0; i < 3; i++) {
      expect(Math.abs(res.raw[3 * i] + res.raw[3 * i + 1] + res.raw[3 * i + 2])).toBeLessThan(1e-12)
    }
    for (let j = 0; j < 3; j++) expect(Math.abs(res.raw[j] + res.raw[3 + j] + res.raw[6 + j])).toBeLessThan(1e-12)
  })
})

describe("lowExpectedCounts / lowExpectedMessage", () => {
  it("counts cells below the threshold and the minimum (3,0;0,2: E = 1.8, 1.2, 1.2, 0.8)", () => {
    const info = lowExpectedCounts(fromMatrix([[3, 0], [0, 2]]))
    expect(info).toEqual({ cells: 4, total: 4, percent: 100, minExpected: 0.8, threshold: 5 })
    expect(lowExpectedMessage(info)).toBe(
      "4 cells (100.0%) have expected count less than 5. The minimum expected count is 0.80."
    )
  })
  it("keeps SPSS's wording for one cell", () => {
    // E = [[1, 9], [9, 81]] -> one cell below 5 out of 4
    const info = lowExpectedCounts(fromMatrix([[2, 8], [8, 82]]))
    expect(lowExpectedMessage(info)).toBe(
      "1 cells (25.0%) have expected count less than 5. The minimum expected count is 1.00."
    )
  })
  it("rounds halves away from zero like SPSS: 1/16 cells = 6.25% -> 6.3%, E = 2.675 -> 2.68", () => {
    expect(lowExpectedMessage({ cells: 1, total: 16, percent: 6.25, minExpected: 2.675, threshold: 5 })).toBe(
      "1 cells (6.3%) have expected count less than 5. The minimum expected count is 2.68."
    )
    expect(lowExpectedMessage({ cells: 2, total: 3, percent: 200 / 3, minExpected: 0.004999, threshold: 5 })).toBe(
      "2 cells (66.7%) have expected count less than 5. The minimum expected count is 0.00."
    )
    expect(lowExpectedMessage({ cells: 0, total: 9, percent: 0, minExpected: 12345.678, threshold: 5 })).toBe(
      "0 cells (0.0%) have expected count less than 5. The minimum expected count is 12345.68."
    )
  })
  it("takes another threshold and says so", () => {
    const info = lowExpectedCounts(fromMatrix([[2, 8], [8, 82]]), 10)
    expect(info.cells).toBe(3)
    expect(lowExpectedMessage(info)).toBe(
      "3 cells (75.0%) have expected count less than 10. The minimum expected count is 1.00."
    )
  })
  it("rejects a bad threshold and an empty table; counts zero-margin cells as low", () => {
    expect(() => lowExpectedCounts(fromMatrix([[1, 2], [3, 4]]), 0)).toThrow(/threshold/)
    expect(() => lowExpectedCounts(fromMatrix([[1, 2], [3, 4]]), NaN)).toThrow(/threshold/)
    expect(() => lowExpectedCounts(fromMatrix([[0, 0], [0, 0]]))).toThrow(/empty/)
    const z = lowExpectedCounts(fromMatrix([[10, 10], [0, 0]]))
    expect(z.cells).toBe(2)
    expect(z.minExpected).toBe(0)
  })
})
