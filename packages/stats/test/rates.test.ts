import { describe, expect, it } from "vitest"
import { StatsInputError } from "../src/ContingencyTable.js"
import { betaQuantile, regularizedBeta, regularizedBetaComplement } from "../src/distributions/beta.js"
import { normalQuantile } from "../src/distributions/normalQuantile.js"
import { studentTQuantile } from "../src/distributions/studentT.js"
import { clopperPearsonInterval } from "../src/rates/clopperPearson.js"
import { wilsonInterval } from "../src/rates/wilson.js"
import { expectRelClose, readFixture } from "./helpers.js"

interface Fixture {
  intervals: Array<
    {
      x: number
      n: number
      level: number
      estimate: number
      wilson: [number, number]
      clopperPearson: [number, number]
    }
  >
  betaQuantile: Array<{ p: number; a: number; b: number; lower: number; upper: number }>
  betaCdf: Array<{ x: number; a: number; b: number; lower: number; upper: number }>
  tQuantile: Array<{ p: number; df: number; q: number }>
  normalQuantile: Array<{ p: number; q: number }>
}
const fx = readFixture<Fixture>("rates.json")
const P = 1e-9

describe("rate intervals against R (prop.test correct = FALSE, binom.test)", () => {
  it("the fixture holds 60 intervals, 156 + 130 beta, 143 t and 15 normal quantile cases", () => {
    expect(fx.intervals).toHaveLength(60)
    expect(fx.betaQuantile).toHaveLength(156)
    expect(fx.betaCdf).toHaveLength(130)
    expect(fx.tQuantile).toHaveLength(143)
    expect(fx.normalQuantile).toHaveLength(15)
  })
  it.each(fx.intervals.map((c) => [`${c.x}/${c.n} @ ${c.level}`, c] as const))("%s", (_, c) => {
    const w = wilsonInterval(c.x, c.n, c.level)
    expect(w.method).toBe("wilson")
    expect(w.level).toBe(c.level)
    expectRelClose(w.estimate, c.estimate, 1e-15, "estimate")
    expectRelClose(w.lower, c.wilson[0], P, "wilson lower")
    expectRelClose(w.upper, c.wilson[1], P, "wilson upper")
    const cp = clopperPearsonInterval(c.x, c.n, c.level)
    expect(cp.method).toBe("clopper-pearson")
    expectRelClose(cp.lower, c.clopperPearson[0], P, "clopper-pearson lower")
    expectRelClose(cp.upper, c.clopperPearson[1], P, "clopper-pearson upper")
  })

  it("seed 004's rates", () => {
    const a = clopperPearsonInterval(19183, 21727)
    expect(a.lower).toBeGreaterThan(0.87)
    expect(a.upper).toBeLessThan(0.888)
    const b = wilsonInterval(319, 411)
    expect(b.lower).toBeLessThan(b.estimate)
    expect(b.upper).toBeGreaterThan(b.estimate)
  })

  it("rejects bad input with BAD_OPTION", () => {
    for (
      const [x, n, lv] of [[5, 4, 0.95], [-1, 4, 0.95], [1.5, 4, 0.95], [1, 0, 0.95], [1, 4.2, 0.95], [1, 4, 1], [
        1,
        4,
        0
      ], [NaN, 4, 0.95]]
    ) {
      for (const f of [wilsonInterval, clopperPearsonInterval]) {
        let err: unknown
        try {
          f(x, n, lv)
        } catch (e) {
          err = e
        }
        expect(err).toBeInstanceOf(StatsInputError)
        expect((err as StatsInputError).code).toBe("BAD_OPTION")
      }
    }
    expect(() => wilsonInterval(5, 4)).toThrow(/larger than the number of cases/)
  })
})

describe("beta, t and normal quantiles against R", () => {
  it("betaQuantile (qbeta) both tails", () => {
    for (const c of fx.betaQuantile) {
      expectRelClose(betaQuantile(c.p, c.a, c.b), c.lower, P, `qbeta(${c.p}, ${c.a}, ${c.b})`)
      expectRelClose(betaQuantile(c.p, c.a, c.b, false), c.upper, P, `qbeta(${c.p}, ${c.a}, ${c.b}, lower = FALSE)`)
    }
  })
  it("regularizedBeta (pbeta) both tails", () => {
    for (const c of fx.betaCdf) {
      const tol = 1e-12
      expectRelClose(regularizedBeta(c.x, c.a, c.b), c.lower, tol, `pbeta(${c.x}, ${c.a}, ${c.b})`)
      expectRelClose(
        regularizedBetaComplement(c.x, c.a, c.b),
        c.upper,
        tol,
        `pbeta(${c.x}, ${c.a}, ${c.b}, lower = FALSE)`
      )
    }
  })
  it("studentTQuantile (qt)", () => {
    for (const c of fx.tQuantile) expectRelClose(studentTQuantile(c.p, c.df), c.q, 1e-10, `qt(${c.p}, ${c.df})`)
  })
  it("normalQuantile (qnorm)", () => {
    for (const c of fx.normalQuantile) expectRelClose(normalQuantile(c.p), c.q, 1e-12, `qnorm(${c.p})`)
  })
  it("edges", () => {
    expect(betaQuantile(0, 2, 3)).toBe(0)
    expect(betaQuantile(1, 2, 3)).toBe(1)
    expect(betaQuantile(0.5, -1, 3)).toBeNaN()
    expect(studentTQuantile(0.5, 7)).toBe(0)
    expect(studentTQuantile(1, 7)).toBe(Infinity)
    expect(regularizedBeta(0, 2, 3)).toBe(0)
    expect(regularizedBeta(1, 2, 3)).toBe(1)
  })
})
