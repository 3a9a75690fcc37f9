import { describe, expect, it } from "vitest"
import { residuals } from "../src/cells/residuals.js"
import { type ContingencyTable, fromMatrix, StatsInputError } from "../src/ContingencyTable.js"
import { likelihoodRatio } from "../src/tests/likelihoodRatio.js"
import { linearByLinear } from "../src/tests/linearByLinear.js"
import { pearsonChiSquare } from "../src/tests/pearsonChiSquare.js"
import { yatesChiSquare } from "../src/tests/yatesChiSquare.js"
import { expectRelClose, readFixture } from "./helpers.js"

type M = Array<Array<number>>
const fx = readFixture<
  {
    tables: Array<
      {
        id: string
        counts: M
        pearson: { statistic: number }
        likelihoodRatio: { statistic: number }
        linearByLinear: { statistic: number }
        yates: { statistic: number } | null
      }
    >
  }
>("chisq.json")
const mp = readFixture<{ likelihoodRatio: Array<{ counts: M; statistic: number }> }>("gamma-mpmath.json")

const ALL: Array<[string, (t: ContingencyTable) => unknown]> = [
  ["pearsonChiSquare", pearsonChiSquare],
  ["likelihoodRatio", likelihoodRatio],
  ["linearByLinear", (t) => linearByLinear(t)],
  ["residuals", residuals]
]

const thrown = (f: () => unknown): StatsInputError => {
  try {
    f()
  } catch (e) {
    if (e instanceof StatsInputError) return e
    throw e
  }
  throw new Error("did not throw")
}

describe("input errors shared by every test and the residuals", () => {
  for (const [name, f] of ALL) {
    it(`${name}: zero row total names the row`, () => {
      const e = thrown(() => f(fromMatrix([[1, 2, 3], [0, 0, 0], [4, 5, 6]])))
      expect(e.code).toBe("ZERO_MARGIN")
      expect(e.message).toContain("row 2")
      expect(e.location).toEqual({ row: 1 })
    })
    it(`${name}: zero column total names the column`, () => {
      const e = thrown(() => f(fromMatrix([[1, 0, 3], [4, 0, 6]])))
      expect(e.code).toBe("ZERO_MARGIN")
      expect(e.message).toContain("column 2")
      expect(e.location).toEqual({ col: 1 })
    })
    it(`${name}: all-zero table is EMPTY_TABLE`, () => {
      expect(thrown(() => f(fromMatrix([[0, 0], [0, 0]]))).code).toBe("EMPTY_TABLE")
    })
    it(`${name}: 1 x K and K x 1 tables need at least 2 rows and 2 columns`, () => {
      const e = thrown(() => f(fromMatrix([[5, 7, 9]])))
      expect(e.code).toBe("BAD_DIMENSIONS")
      expect(e.message).toContain("needs at least 2 rows and 2 columns; this table has 1 row and 3 columns")
      expect(thrown(() => f(fromMatrix([[5], [7]]))).code).toBe("BAD_DIMENSIONS")
    })
    it(`${name}: hand-built tables with bad counts are rejected with the cell named`, () => {
      const neg = thrown(() => f({ rows: 2, cols: 2, counts: Float64Array.of(1, 2, -3, 4) }))
      expect(neg.code).toBe("NEGATIVE_COUNT")
      expect(neg.location).toEqual({ row: 1, col: 0 })
      expect(thrown(() => f({ rows: 2, cols: 2, counts: Float64Array.of(1, NaN, 3, 4) })).code).toBe("NON_FINITE_COUNT")
      expect(thrown(() => f({ rows: 2, cols: 2, counts: Float64Array.of(1, 2, 3, Infinity) })).code).toBe(
        "NON_FINITE_COUNT"
      )
      expect(thrown(() => f({ rows: 2, cols: 2, counts: Float64Array.of(1, 2, 3) })).code).toBe("BAD_DIMENSIONS")
    })
  }
})

describe("Yates", () => {
  it("rejects tables that are not 2 x 2", () => {
    const e = thrown(() => yatesChiSquare(fromMatrix([[1, 2, 3], [4, 5, 6]])))
    expect(e.code).toBe("BAD_DIMENSIONS")
    expect(e.message).toContain("2 x 2 tables only; this table is 2 x 3")
  })
  it("a table matching independence exactly gets no correction and statistic 0, p = 1", () => {
    expect(yatesChiSquare(fromMatrix([[10, 10], [10, 10]]))).toEqual({ statistic: 0, df: 1, p: 1 })
  })
  it("zero margins in a 2 x 2 name the column", () => {
    expect(thrown(() => yatesChiSquare(fromMatrix([[0, 3], [0, 4]]))).message).toContain("column 1")
  })
})

describe("linear-by-linear scores", () => {
  const t = fromMatrix([[10, 5, 2], [3, 8, 12]])
  it("wrong length, non-finite and constant scores are BAD_SCORES", () => {
    expect(thrown(() => linearByLinear(t, { rowScores: [1, 2, 3] })).message).toContain(
      "3 row scores were given for 2 rows"
    )
    expect(thrown(() => linearByLinear(t, { colScores: [1, NaN, 3] })).message).toContain(
      "column score 2 is not a finite number"
    )
    expect(thrown(() => linearByLinear(t, { rowScores: [4, 4] })).message).toContain("row scores are all equal")
    expect(thrown(() => linearByLinear(t, { colScores: [2, 2, 2] })).code).toBe("BAD_SCORES")
  })
  it("is invariant to linear rescaling of the scores and flips nothing but the sign of r when reversed", () => {
    const base = linearByLinear(t)
    const scaled = linearByLinear(t, { rowScores: [10, 30], colScores: [-5, 0, 5] })
    expectRelClose(scaled.statistic, base.statistic, 1e-13)
    const reversed = linearByLinear(t, { colScores: [3, 2, 1] })
    expectRelClose(reversed.r, -base.r, 1e-14)
    expectRelClose(reversed.statistic, base.statistic, 1e-13)
  })
})

describe("huge counts", () => {
  // every statistic here is homogeneous of degree 1 in the counts, so scaling by 1e9 scales it by 1e9
  // (linear-by-linear: (N - 1) r^2 with r unchanged)
  for (const id of ["paper-table4-item1", "large-6x6-99", "balanced-2x2", "strong-2x2-40-1"]) {
    it(`${id} x 1e9`, () => {
      const t = fx.tables.find((x) => x.id === id)
      expect(t, id).toBeDefined()
      const big = fromMatrix(t!.counts.map((r) => r.map((x) => x * 1e9)))
      const p = pearsonChiSquare(big)
      expectRelClose(p.statistic, t!.pearson.statistic * 1e9, 1e-10)
      expect(p.p >= 0 && p.p <= 1).toBe(true)
      expectRelClose(likelihoodRatio(big).statistic, t!.likelihoodRatio.statistic * 1e9, 1e-9)
      const n = t!.counts.flat().reduce((a, b) => a + b, 0)
      expectRelClose(linearByLinear(big).statistic, (t!.linearByLinear.statistic / (n - 1)) * (n * 1e9 - 1), 1e-10)
      if (t!.yates === null) return
      // the 0.5 correction is negligible at this size
      expectRelClose(yatesChiSquare(big).statistic, t!.pearson.statistic * 1e9, 1e-9)
    })
  }
  it("likelihood ratio of large, nearly independent tables keeps its digits (50-digit reference)", () => {
    // the naive 2 Σ O ln(O/E) cancels here (it even goes negative on the third table)
    expect(mp.likelihoodRatio).toHaveLength(5)
    for (const { counts, statistic } of mp.likelihoodRatio) {
      const g = likelihoodRatio(fromMatrix(counts)).statistic
      expect(g).toBeGreaterThanOrEqual(0)
      expectRelClose(g, statistic, 1e-8, `G2 of ${JSON.stringify(counts)}`)
    }
  })
})
