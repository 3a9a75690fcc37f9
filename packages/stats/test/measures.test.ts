import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { fromMatrix } from "../src/ContingencyTable.js"
import { chiSquareUpperTail } from "../src/distributions/chiSquare.js"
import { associationMeasures } from "../src/measures/index.js"

type Num = number | null
interface M {
  readonly value: Num
  readonly ase: Num
  readonly t: Num
  readonly p: Num
}
interface Dir {
  readonly symmetric: M
  readonly rowsDependent: M
  readonly colsDependent: M
}
interface Tau {
  readonly value: Num
  readonly ase: Num
  readonly statistic: Num
  readonly df: number
  readonly p: Num
}
interface Row {
  readonly id: string
  readonly counts: ReadonlyArray<ReadonlyArray<number>>
  readonly n: number
  readonly pearson: { readonly statistic: Num; readonly df: number; readonly p: Num }
  readonly likelihoodRatio: { readonly statistic: Num; readonly df: number; readonly p: Num }
  readonly phi: { readonly value: Num; readonly p: Num }
  readonly cramersV: { readonly value: Num; readonly p: Num }
  readonly contingencyCoefficient: { readonly value: Num; readonly p: Num }
  readonly lambda: Dir
  readonly goodmanKruskalTau: { readonly rowsDependent: Tau; readonly colsDependent: Tau }
  readonly uncertaintyCoefficient: Dir
  readonly gamma: M
  readonly kendallTauB: M
  readonly kendallTauC: M
  readonly somersD: Dir
  readonly concordantPairs: Num
  readonly discordantPairs: Num
  readonly kendallCor?: Num
}

const fixture = JSON.parse(readFileSync(new URL("./fixtures/measures.json", import.meta.url), "utf8")) as {
  readonly tables: ReadonlyArray<Row>
}

const VALUE_TOL = 1e-10
const P_TOL = 1e-9
/** Values that are 0 in exact arithmetic come out as ~1e-17 of rounding in either implementation. */
const ABS_FLOOR = 1e-13

/** |actual - expected| <= rel·|expected| + abs; null in the fixture means NaN. */
const close = (actual: number, expected: Num, rel: number, what: string, abs = ABS_FLOOR): void => {
  if (expected === null) {
    expect(Number.isNaN(actual), `${what}: expected NaN, got ${actual}`).toBe(true)
    return
  }
  const err = Math.abs(actual - expected)
  expect(err <= rel * Math.abs(expected) + abs, `${what}: actual ${actual}, expected ${expected}`).toBe(true)
}

const closeMeasure = (a: { value: number; ase: number; t: number; p: number }, e: M, what: string): void => {
  close(a.value, e.value, VALUE_TOL, `${what}.value`)
  close(a.ase, e.ase, VALUE_TOL, `${what}.ase`)
  close(a.t, e.t, VALUE_TOL, `${what}.t`, 1e-11)
  close(a.p, e.p, P_TOL, `${what}.p`, 1e-300)
}

describe("measures of association against scripts/measures.R", () => {
  it("has the fixture tables", () => expect(fixture.tables).toHaveLength(117))
  for (const row of fixture.tables) {
    it(row.id, () => {
      const m = associationMeasures(fromMatrix(row.counts))
      close(m.phi.value, row.phi.value, VALUE_TOL, "phi")
      close(m.phi.p, row.phi.p, P_TOL, "phi.p", 1e-300)
      close(m.cramersV.value, row.cramersV.value, VALUE_TOL, "cramersV")
      close(m.cramersV.p, row.cramersV.p, P_TOL, "cramersV.p", 1e-300)
      close(m.contingencyCoefficient.value, row.contingencyCoefficient.value, VALUE_TOL, "C")
      for (const k of ["symmetric", "rowsDependent", "colsDependent"] as const) {
        closeMeasure(m.lambda[k], row.lambda[k], `lambda.${k}`)
        closeMeasure(m.uncertaintyCoefficient[k], row.uncertaintyCoefficient[k], `uncertainty.${k}`)
        closeMeasure(m.somersD[k], row.somersD[k], `somersD.${k}`)
      }
      for (const k of ["rowsDependent", "colsDependent"] as const) {
        const a = m.goodmanKruskalTau[k]
        const e = row.goodmanKruskalTau[k]
        close(a.value, e.value, VALUE_TOL, `tau.${k}.value`)
        close(a.ase, e.ase, VALUE_TOL, `tau.${k}.ase`)
        close(a.statistic, e.statistic, VALUE_TOL, `tau.${k}.statistic`)
        expect(a.df).toBe(e.df)
        close(a.p, e.p, P_TOL, `tau.${k}.p`, 1e-300)
      }
      closeMeasure(m.gamma, row.gamma, "gamma")
      closeMeasure(m.kendallTauB, row.kendallTauB, "tauB")
      closeMeasure(m.kendallTauC, row.kendallTauC, "tauC")
      if (row.kendallCor !== undefined) close(m.kendallTauB.value, row.kendallCor, 1e-12, "tau-b vs cor(kendall)")
    })
  }
})

describe("local chi-square upper tail against R pchisq", () => {
  it("has the fixture tables", () => expect(fixture.tables).toHaveLength(117))
  for (const row of fixture.tables) {
    it(row.id, () => {
      close(chiSquareUpperTail(row.pearson.statistic ?? NaN, row.pearson.df), row.pearson.p, P_TOL, "pearson p", 1e-300)
      close(
        chiSquareUpperTail(row.likelihoodRatio.statistic ?? NaN, row.likelihoodRatio.df),
        row.likelihoodRatio.p,
        P_TOL,
        "LR p",
        1e-300
      )
    })
  }
})
