import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import {
  cramersV,
  fromMatrix,
  goodmanKruskalTau,
  likelihoodRatio,
  pearsonChiSquare,
  phi,
  uncertaintyCoefficient
} from "../src/index.js"
import { expectRelClose } from "./helpers.js"

// References: scripts/measures-mpmath.py (the published formulas at 60 digits, rounded once). Issue 22 items 1, 2.
interface M {
  readonly value: number
  readonly ase: number
  readonly t?: number
}
interface Row {
  readonly id: string
  readonly counts: ReadonlyArray<ReadonlyArray<number>>
  readonly pearson: { readonly statistic: number; readonly p: number }
  readonly likelihoodRatio: { readonly statistic: number; readonly p: number }
  readonly uncertaintyCoefficient: { readonly symmetric: M; readonly rowsDependent: M; readonly colsDependent: M }
  readonly goodmanKruskalTau: { readonly rowsDependent: M; readonly colsDependent: M }
}
const fixture = JSON.parse(readFileSync(new URL("./fixtures/measures-mpmath.json", import.meta.url), "utf8")) as {
  readonly tables: ReadonlyArray<Row>
}

const TOL = 1e-12

describe("uncertainty coefficient and Goodman-Kruskal tau on large tables against mpmath", () => {
  it("has the fixture tables", () => expect(fixture.tables.length).toBe(35))
  for (const row of fixture.tables) {
    it(row.id, () => {
      const t = fromMatrix(row.counts)
      const uc = uncertaintyCoefficient(t)
      for (const k of ["symmetric", "rowsDependent", "colsDependent"] as const) {
        const e = row.uncertaintyCoefficient[k]
        expectRelClose(uc[k].value, e.value, TOL, `UC ${k} value`)
        expectRelClose(uc[k].ase, e.ase, TOL, `UC ${k} ase`)
        expectRelClose(uc[k].t, e.t ?? NaN, TOL, `UC ${k} t`)
      }
      const tau = goodmanKruskalTau(t)
      for (const k of ["rowsDependent", "colsDependent"] as const) {
        const e = row.goodmanKruskalTau[k]
        expectRelClose(tau[k].value, e.value, TOL, `tau ${k} value`)
        expectRelClose(tau[k].ase, e.ase, TOL, `tau ${k} ase`)
      }
      expectRelClose(pearsonChiSquare(t).statistic, row.pearson.statistic, TOL, "Pearson X2")
      expectRelClose(likelihoodRatio(t).statistic, row.likelihoodRatio.statistic, TOL, "G2")
      expectRelClose(likelihoodRatio(t).p, row.likelihoodRatio.p, 1e-11, "G2 p")
    })
  }
})

describe("the measures' Approx. Sig. is the tests' p", () => {
  it("cramersV, phi and the uncertainty coefficient reuse the Pearson and likelihood-ratio tests", () => {
    expect(fixture.tables.length).toBe(35)
    for (const row of fixture.tables) {
      const t = fromMatrix(row.counts)
      expect(cramersV(t).p).toBe(pearsonChiSquare(t).p)
      expect(phi(t).p).toBe(pearsonChiSquare(t).p)
      expect(uncertaintyCoefficient(t).symmetric.p).toBe(likelihoodRatio(t).p)
    }
  })
})

describe("counts beyond 2^53 - 1", () => {
  it("are refused with the limit named", () => {
    expect(() => fromMatrix([[9007199254740993, 1], [2, 3]])).toThrow(/row 1, column 1 .* exceeds 2\^53 - 1/)
    expect(() => fromMatrix([[2 ** 52, 2 ** 52], [2 ** 52, 1]])).toThrow(/total exceeds 2\^53 - 1/)
    expect(fromMatrix([[9007199254740991, 0]]).counts[0]).toBe(9007199254740991)
  })
})
