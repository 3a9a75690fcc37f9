import { describe, expect, it } from "vitest"
import { type ContingencyTable, fromMatrix, StatsInputError } from "../src/ContingencyTable.js"
import { chiSquareUpperTail } from "../src/distributions/chiSquare.js"
import {
  associationMeasures,
  contingencyCoefficient,
  cramersV,
  gamma,
  goodmanKruskalTau,
  kendallTauB,
  kendallTauC,
  lambda,
  phi,
  somersD,
  uncertaintyCoefficient
} from "../src/measures/index.js"
import { readFixture, type References } from "./helpers.js"

const references = readFixture<References>("references.json")

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b)
const near = (a: number, b: number, tol: number, what = ""): void => {
  expect(Math.abs(a - b) <= tol * Math.abs(b) + 1e-15, `${what}: ${a} vs ${b}`).toBe(true)
}
const transpose = (m: ReadonlyArray<ReadonlyArray<number>>): Array<Array<number>> =>
  m[0].map((_, j) => m.map((row) => row[j]))
const scale = (m: ReadonlyArray<ReadonlyArray<number>>, k: number): Array<Array<number>> =>
  m.map((row) => row.map((x) => x * k))

/** Agresti (2002) "Categorical Data Analysis" 2nd ed.: income (rows) by job satisfaction (columns), 1996 GSS. */
const JOB = [[1, 3, 10, 6], [2, 3, 10, 7], [1, 6, 14, 12], [0, 1, 9, 11]]

describe("published values", () => {
  it("Agresti's job satisfaction table: C = 1331, D = 849, gamma = 0.221, ASE = 0.117", () => {
    const g = gamma(fromMatrix(JOB))
    expect(g.value).toBeCloseTo((1331 - 849) / (1331 + 849), 14)
    expect(g.value.toFixed(3)).toBe("0.221")
    expect(g.ase.toFixed(3)).toBe("0.117")
    expect(kendallTauB(fromMatrix(JOB)).value.toFixed(3)).toBe("0.152")
  })
})

describe("2x2 tables", () => {
  it("phi is signed as (ad - bc) / sqrt(r1 r2 c1 c2); V and C are not", () => {
    const t = fromMatrix([[10, 20], [30, 5]])
    const expected = (10 * 5 - 20 * 30) / Math.sqrt(30 * 35 * 40 * 25)
    near(phi(t).value, expected, 1e-15, "phi")
    expect(phi(t).value).toBeLessThan(0)
    near(cramersV(t).value, -expected, 1e-14, "V")
    near(phi(fromMatrix([[30, 5], [10, 25]])).value, Math.abs(phi(fromMatrix([[5, 30], [25, 10]])).value), 1e-14)
    // X² = N phi², C = sqrt(X² / (X² + N))
    const x2 = 65 * expected * expected
    near(contingencyCoefficient(t).value, Math.sqrt(x2 / (x2 + 65)), 1e-14, "C")
  })
  it("Goodman and Kruskal's tau equals phi² and tau-b equals phi", () => {
    const t = fromMatrix([[10, 20], [30, 5]])
    const p = phi(t).value
    near(goodmanKruskalTau(t).rowsDependent.value, p * p, 1e-13)
    near(goodmanKruskalTau(t).colsDependent.value, p * p, 1e-13)
    near(kendallTauB(t).value, p, 1e-14)
  })
  it("negative association gives negative ordinal measures and positive nominal ones", () => {
    const m = associationMeasures(fromMatrix([[5, 10, 30], [10, 20, 10], [30, 10, 5]]))
    for (
      const x of [
        m.gamma,
        m.kendallTauB,
        m.kendallTauC,
        m.somersD.symmetric,
        m.somersD.rowsDependent,
        m.somersD.colsDependent
      ]
    ) {
      expect(x.value).toBeLessThan(0)
      expect(x.t).toBeLessThan(0)
      expect(x.p).toBeLessThan(1e-6)
    }
    expect(m.cramersV.value).toBeGreaterThan(0)
    expect(m.lambda.symmetric.value).toBeGreaterThan(0)
    expect(m.uncertaintyCoefficient.symmetric.value).toBeGreaterThan(0)
  })
})

describe("perfect association", () => {
  it("gives value ±1 with ASE1 = 0; with ASE0 = 0 too, t and p are NaN with a reason", () => {
    const m = associationMeasures(fromMatrix([[40, 0], [0, 40]]))
    for (const x of [m.gamma, m.kendallTauB, m.kendallTauC, m.somersD.symmetric]) {
      expect(x.value).toBe(1)
      expect(x.ase).toBe(0)
      expect(Number.isNaN(x.t)).toBe(true)
      expect(Number.isNaN(x.p)).toBe(true)
      expect(x.reason).toMatch(/ASE0\) is 0/)
    }
    expect(m.lambda.symmetric.value).toBe(1)
    expect(m.lambda.symmetric.ase).toBe(0)
    expect(m.uncertaintyCoefficient.symmetric.value).toBeCloseTo(1, 14)
    expect(m.uncertaintyCoefficient.symmetric.ase).toBe(0)
    expect(m.phi.value).toBe(1)
  })
  it("perfect negative association gives -1", () => {
    const t = fromMatrix([[0, 0, 7], [0, 5, 0], [9, 0, 0]])
    expect(gamma(t).value).toBe(-1)
    expect(gamma(t).ase).toBe(0)
    near(kendallTauB(t).value, -1, 1e-15)
    expect(somersD(t).rowsDependent.value).toBeCloseTo(-1, 15)
  })
  it("lambda = 0 with zero ASE0 gives NaN t like SPSS's 'cannot be computed' footnote", () => {
    const l = lambda(fromMatrix([[66, 209, 35], [158, 177, 41], [163, 216, 31]])).colsDependent
    expect(l.value).toBe(0)
    expect(l.ase).toBe(0)
    expect(Number.isNaN(l.t)).toBe(true)
    expect(l.reason).toBeDefined()
  })
})

describe("degenerate and invalid tables", () => {
  it("a one-row or one-column table (constant variable) gives NaN with a reason, not a throw", () => {
    for (const t of [fromMatrix([[5, 3, 2]]), fromMatrix([[5], [3]]), fromMatrix([[7]])]) {
      const m = associationMeasures(t)
      for (
        const x of [
          m.phi,
          m.cramersV,
          m.contingencyCoefficient,
          m.gamma,
          m.kendallTauB,
          m.kendallTauC,
          m.lambda.symmetric,
          m.uncertaintyCoefficient.rowsDependent,
          m.somersD.colsDependent,
          m.goodmanKruskalTau.rowsDependent
        ]
      ) {
        expect(Number.isNaN(x.value)).toBe(true)
        expect(Number.isNaN(x.p)).toBe(true)
        expect(x.reason).toMatch(/constant/)
      }
    }
  })
  it("a zero margin or an empty table throws StatsInputError", () => {
    const fns: Array<(t: ContingencyTable) => unknown> = [
      associationMeasures,
      phi,
      cramersV,
      contingencyCoefficient,
      lambda,
      goodmanKruskalTau,
      uncertaintyCoefficient,
      gamma,
      kendallTauB,
      kendallTauC,
      somersD
    ]
    for (const f of fns) {
      expect(() => f(fromMatrix([[1, 0], [2, 0]]))).toThrow(StatsInputError)
      expect(() => f(fromMatrix([[0, 0], [3, 4]]))).toThrowError(/row 1 has a total of zero/)
      expect(() => f(fromMatrix([[0, 0], [0, 0]]))).toThrowError(/empty/)
    }
  })
  it("an exactly independent table gives 0 and p = 1 (or NaN t where ASE0 is 0)", () => {
    const m = associationMeasures(fromMatrix([[10, 20, 30], [20, 40, 60], [30, 60, 90]]))
    expect(m.cramersV.value).toBe(0)
    expect(m.cramersV.p).toBe(1)
    expect(m.gamma.value).toBe(0)
    expect(m.gamma.p).toBe(1)
    expect(m.uncertaintyCoefficient.symmetric.value).toBe(0)
    expect(m.uncertaintyCoefficient.symmetric.p).toBe(1)
    expect(Number.isNaN(m.uncertaintyCoefficient.symmetric.t)).toBe(true)
  })
})

describe("invariances", () => {
  it("transposing swaps the dependent variable and keeps symmetric measures", () => {
    const a = associationMeasures(fromMatrix(JOB))
    const b = associationMeasures(fromMatrix(transpose(JOB)))
    for (const k of ["lambda", "uncertaintyCoefficient", "somersD"] as const) {
      near(a[k].rowsDependent.value, b[k].colsDependent.value, 1e-14, `${k} value`)
      near(a[k].rowsDependent.ase, b[k].colsDependent.ase, 1e-12, `${k} ase`)
      near(a[k].symmetric.ase, b[k].symmetric.ase, 1e-12, `${k} symmetric ase`)
    }
    near(a.goodmanKruskalTau.rowsDependent.ase, b.goodmanKruskalTau.colsDependent.ase, 1e-12)
    near(a.kendallTauB.ase, b.kendallTauB.ase, 1e-12)
    near(a.gamma.ase, b.gamma.ase, 1e-12)
  })
  it("reversing the column order flips the sign of the ordinal measures", () => {
    const rev = JOB.map((row) => [...row].reverse())
    near(gamma(fromMatrix(rev)).value, -gamma(fromMatrix(JOB)).value, 1e-14)
    near(kendallTauC(fromMatrix(rev)).ase, kendallTauC(fromMatrix(JOB)).ase, 1e-12)
  })
  it("weighted (scaled) counts keep values and scale ASEs by 1/sqrt(k)", () => {
    const a = associationMeasures(fromMatrix(JOB))
    const b = associationMeasures(fromMatrix(scale(JOB, 2.5)))
    near(b.gamma.value, a.gamma.value, 1e-13)
    near(b.gamma.ase * Math.sqrt(2.5), a.gamma.ase, 1e-12)
    near(b.somersD.symmetric.t / Math.sqrt(2.5), a.somersD.symmetric.t, 1e-12)
    near(b.uncertaintyCoefficient.rowsDependent.ase * Math.sqrt(2.5), a.uncertaintyCoefficient.rowsDependent.ase, 1e-12)
  })
  it("gamma, tau-b, tau-c and Somers' d share one approximate T, as in SPSS output", () => {
    const m = associationMeasures(fromMatrix(JOB))
    const t = m.gamma.t
    for (
      const x of [m.kendallTauB, m.kendallTauC, m.somersD.symmetric, m.somersD.rowsDependent, m.somersD.colsDependent]
    ) {
      near(x.t, t, 1e-13)
    }
  })
  it("reuses a given Pearson result for phi, V and C", () => {
    const t = fromMatrix(JOB)
    const own = cramersV(t)
    const given = cramersV(t, { statistic: 5.9655145887704029, p: 0.5 })
    near(given.value, own.value, 1e-14)
    expect(given.p).toBe(0.5)
  })
})

describe("large tables and counts", () => {
  it("a 300×300 table with N ~ 4.5e8 gives finite measures (pair counts beyond 2^53 stay accurate enough)", () => {
    const rows = 300
    const m: Array<Array<number>> = []
    for (let i = 0; i < rows; i++) {
      m.push(Array.from({ length: rows }, (_, j) => 1000 + ((i * 7919 + j * 104729) % 9000) + (i === j ? 50000 : 0)))
    }
    const r = associationMeasures(fromMatrix(m))
    expect(r.gamma.value).toBeGreaterThan(0)
    expect(r.kendallTauB.p).toBe(0)
    expect(Number.isFinite(r.kendallTauB.ase)).toBe(true)
  })
  it("huge counts keep tiny p-values as accurate numbers (R chisq.test: X² = 467.76, p = 9.827e-104)", () => {
    const r = references.hugeCounts
    const m = associationMeasures(fromMatrix(r.counts))
    expect(rel(m.phi.p, r.p)).toBeLessThan(1e-11)
    expect(rel(m.phi.value ** 2 * 414000, r.statistic)).toBeLessThan(1e-12)
    expect(m.gamma.p).toBeGreaterThan(0)
    expect(m.gamma.p).toBeLessThan(1e-90)
  })
})

describe("chi-square upper tail shared by the tests and the measures against R pchisq", () => {
  const cases = references.chiSquareTail
  it("the fixture holds 16 points", () => expect(cases).toHaveLength(16))
  for (const { x, df, p } of cases) {
    it(`P(chi2(${df}) > ${x})`, () => {
      const got = chiSquareUpperTail(x, df)
      if (p === 0) expect(got).toBeLessThan(1e-320)
      else expect(rel(got, p)).toBeLessThan(1e-11)
    })
  }
  it("rejects a negative df and handles the ends", () => {
    expect(Number.isNaN(chiSquareUpperTail(1, -1.5))).toBe(true)
    expect(Number.isNaN(chiSquareUpperTail(1, 0))).toBe(true)
    expect(chiSquareUpperTail(0, 3)).toBe(1)
    expect(chiSquareUpperTail(Infinity, 3)).toBe(0)
  })
})
