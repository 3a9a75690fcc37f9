import { describe, expect, it } from "vitest"
import { expectedCounts } from "../src/cells/expected.js"
import { colPercents, rowPercents, totalPercents } from "../src/cells/percents.js"
import { residuals } from "../src/cells/residuals.js"
import { fromMatrix } from "../src/ContingencyTable.js"
import { lowExpectedCounts, lowExpectedMessage } from "../src/lowExpected.js"
import { likelihoodRatio } from "../src/tests/likelihoodRatio.js"
import { linearByLinear } from "../src/tests/linearByLinear.js"
import { pearsonChiSquare } from "../src/tests/pearsonChiSquare.js"
import { yatesChiSquare } from "../src/tests/yatesChiSquare.js"
import { expectMatrixClose, expectRelClose, readFixture } from "./helpers.js"

type M = Array<Array<number>>
interface Test {
  statistic: number
  df: number
  p: number
}
interface TableFixture {
  id: string
  counts: M
  expected: M
  percents: { row: M; col: M; total: M }
  residuals: { raw: M; standardized: M; adjusted: M; adjustedP: M }
  pearson: Test
  yates: Test | null
  likelihoodRatio: Test
  linearByLinear: Test & { r: number }
  lowExpected: { cells: number; total: number; percent: number; minExpected: number; message: string }
}
interface Fixture {
  tables: Array<TableFixture>
  linearByLinearScored: Array<
    { id: string; counts: M; rowScores: Array<number>; colScores: Array<number>; linearByLinear: Test & { r: number } }
  >
  exact: { strong2x2PearsonP: number }
}
const fx = readFixture<Fixture>("chisq.json")
const STAT = 1e-10
const P = 1e-9

const expectTest = (got: Test, want: Test, what: string): void => {
  expect(got.df, `${what} df`).toBe(want.df)
  expectRelClose(got.statistic, want.statistic, STAT, `${what} statistic`)
  expectRelClose(got.p, want.p, P, `${what} p`)
}

describe("R reference tables (scripts/chisq.R)", () => {
  it("covers more than 100 tables, 2x2 to 6x6, sparse, large, strong and weighted", () => {
    expect(fx.tables).toHaveLength(111)
    expect(fx.tables.filter((t) => t.yates !== null).length).toBeGreaterThan(5)
    expect(fx.tables.some((t) => t.counts.length === 6 && t.counts[0].length === 6)).toBe(true)
    expect(fx.tables.some((t) => t.id.startsWith("weighted"))).toBe(true)
  })

  for (const t of fx.tables) {
    describe(t.id, () => {
      const table = fromMatrix(t.counts)
      it("expected counts and percents", () => {
        expectMatrixClose(expectedCounts(table), t.expected, 1e-13, "expected")
        expectMatrixClose(rowPercents(table), t.percents.row, 1e-13, "row %")
        expectMatrixClose(colPercents(table), t.percents.col, 1e-13, "col %")
        expectMatrixClose(totalPercents(table), t.percents.total, 1e-13, "total %")
      })
      it("raw, standardized and adjusted residuals with p-values", () => {
        const res = residuals(table)
        // raw residuals can be ~0 by cancellation: compare on the scale of the expected count
        const e = t.expected
        for (let i = 0; i < e.length; i++) {
          for (let j = 0; j < e[0].length; j++) {
            const k = i * e[0].length + j
            expect(Math.abs(res.raw[k] - t.residuals.raw[i][j])).toBeLessThanOrEqual(1e-13 * Math.max(1, e[i][j]))
            expect(Math.abs(res.adjusted[k] - t.residuals.adjusted[i][j])).toBeLessThanOrEqual(
              1e-12 * Math.max(1, Math.abs(t.residuals.adjusted[i][j]))
            )
            expect(Math.abs(res.standardized[k] - t.residuals.standardized[i][j])).toBeLessThanOrEqual(
              1e-12 * Math.max(1, Math.abs(t.residuals.standardized[i][j]))
            )
            // p of a residual that is 0 up to rounding is 1 up to rounding; elsewhere relative
            expectRelClose(
              res.adjustedP[k],
              t.residuals.adjustedP[i][j],
              Math.abs(t.residuals.adjusted[i][j]) < 1e-8 ? 1e-8 : P,
              `adjustedP[${i}][${j}]`
            )
          }
        }
      })
      it("Pearson, likelihood ratio, linear-by-linear and (2x2) Yates", () => {
        expectTest(pearsonChiSquare(table), t.pearson, "pearson")
        expectTest(likelihoodRatio(table), t.likelihoodRatio, "likelihood ratio")
        const lbl = linearByLinear(table)
        expectTest(lbl, t.linearByLinear, "linear-by-linear")
        expectRelClose(lbl.r, t.linearByLinear.r, STAT, "r")
        if (t.yates !== null) expectTest(yatesChiSquare(table), t.yates, "yates")
        else expect(() => yatesChiSquare(table)).toThrow(/2 x 2/)
      })
      it("low expected counts and the SPSS footnote", () => {
        const low = lowExpectedCounts(table)
        expect(low.cells).toBe(t.lowExpected.cells)
        expect(low.total).toBe(t.lowExpected.total)
        expectRelClose(low.percent, t.lowExpected.percent, 1e-15)
        expectRelClose(low.minExpected, t.lowExpected.minExpected, 1e-13)
        expect(lowExpectedMessage(low)).toBe(t.lowExpected.message)
      })
    })
  }
})

describe("linear-by-linear with user scores (R formula code)", () => {
  it("the fixture holds 2 scored tables", () => expect(fx.linearByLinearScored).toHaveLength(2))
  for (const s of fx.linearByLinearScored) {
    it(s.id, () => {
      const got = linearByLinear(fromMatrix(s.counts), {
        rowScores: s.rowScores,
        colScores: Float64Array.from(s.colScores)
      })
      expectTest(got, s.linearByLinear, "scored linear-by-linear")
      expectRelClose(got.r, s.linearByLinear.r, STAT, "r")
    })
  }
  it("default scores equal explicit 1..k", () => {
    const t = fromMatrix(fx.tables[0].counts)
    expect(linearByLinear(t, { rowScores: [1, 2, 3], colScores: [1, 2, 3] })).toEqual(linearByLinear(t))
  })
})

describe("required exact cases", () => {
  it("40,1;1,40 gives Pearson p = 7.0765e-18 (R), not 0", () => {
    const p = pearsonChiSquare(fromMatrix([[40, 1], [1, 40]])).p
    expect(fx.exact.strong2x2PearsonP.toPrecision(5)).toBe("7.0765e-18")
    expect(p.toPrecision(5)).toBe("7.0765e-18")
    expectRelClose(p, fx.exact.strong2x2PearsonP, 1e-13)
  })
  it("the paper's Table 4 item 1 footnote reads as SPSS prints it", () => {
    const t = fx.tables.find((x) => x.id === "paper-table4-item1")!
    expect(lowExpectedMessage(lowExpectedCounts(fromMatrix(t.counts)))).toBe(
      "0 cells (0.0%) have expected count less than 5. The minimum expected count is 30.26."
    )
  })
})
