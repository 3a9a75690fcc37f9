import { describe, expect, it } from "vitest"
import { chiSquareUpperTail } from "../src/distributions/chiSquare.js"
import { lnGamma, regularizedGammaP, regularizedGammaQ } from "../src/distributions/gamma.js"
import { normalTwoSidedP } from "../src/distributions/normal.js"
import { expectRelClose, readFixture } from "./helpers.js"

interface Fixture {
  pchisq: Array<{ x: number; df: number; p: number; lower: number }>
  pchisqUnderflow: Array<{ x: number; df: number }>
  pgamma: Array<{ a: number; x: number; P: number; Q: number }>
  lgamma: Array<{ x: number; value: number }>
  exact: { chisq100df2: number; chisq100df2Printed: string }
  pnorm: Array<{ z: number; upper: number; twoSided: number }>
}
interface MpFixture {
  gamma: Array<{ a: number; x: number; P: number | null; Q: number | null }>
  chiSquareTail: Array<{ x: number; df: number; p: number }>
  lnGamma: Array<{ x: number; value: number }>
}
const fx = readFixture<Fixture>("chisq.json")
/** 50-digit references from scripts/gamma-mpmath.py (R's own lgamma/pgamma err by up to 1e-10 / 1e-12). */
const mp = readFixture<MpFixture>("gamma-mpmath.json")

describe("lnGamma", () => {
  it("matches 50-digit values to 2e-15 for x > 0, including next to the zeros at 1 and 2", () => {
    expect(mp.lnGamma).toHaveLength(41)
    for (const { x, value } of mp.lnGamma) {
      if (x > 0) expectRelClose(lnGamma(x), value, 2e-15, `lnGamma(${x})`)
    }
  })
  it("matches 50-digit values for negative non-integers (reflection)", () => {
    const neg = mp.lnGamma.filter(({ x }) => x < 0)
    expect(neg.length).toBeGreaterThan(2)
    for (const { x, value } of neg) expectRelClose(lnGamma(x), value, 1e-12, `lnGamma(${x})`)
  })
  it("matches R lgamma away from its zeros (where R itself loses digits)", () => {
    expect(fx.lgamma).toHaveLength(43)
    for (const { x, value } of fx.lgamma) {
      if (Math.abs(value) > 0.1) expectRelClose(lnGamma(x), value, 2e-15, `lnGamma(${x})`)
    }
  })
  it("is exactly 0 at 1 and 2 and Infinity at the poles", () => {
    expect(lnGamma(1)).toBe(0)
    expect(lnGamma(2)).toBe(0)
    expect(lnGamma(0)).toBe(Infinity)
    expect(lnGamma(-3)).toBe(Infinity)
    expect(lnGamma(Infinity)).toBe(Infinity)
    expect(lnGamma(NaN)).toBeNaN()
  })
})

describe("regularized incomplete gamma", () => {
  it("matches 50-digit values to 2e-13 in both tails, a from 0.001 to 1e6, values down to 1e-300", () => {
    let n = 0
    expect(mp.gamma).toHaveLength(232)
    for (const { a, x, P, Q } of mp.gamma) {
      if (P !== null) {
        expectRelClose(regularizedGammaP(a, x), P, 2e-13, `P(${a}, ${x})`)
        n++
      }
      if (Q !== null) {
        expectRelClose(regularizedGammaQ(a, x), Q, 2e-13, `Q(${a}, ${x})`)
        n++
      }
    }
    expect(n).toBeGreaterThan(400)
  })
  it("matches R pgamma in both tails (R is within ~1.5e-12 of the exact values here)", () => {
    expect(fx.pgamma).toHaveLength(137)
    for (const { a, x, P, Q } of fx.pgamma) {
      expectRelClose(regularizedGammaP(a, x), P, 2e-12, `P(${a}, ${x})`)
      expectRelClose(regularizedGammaQ(a, x), Q, 2e-12, `Q(${a}, ${x})`)
    }
  })
  it("keeps Q accurate where 1 - P would cancel (small shapes)", () => {
    // Q(0.001, x) ~ 0.002 to 0.02 while P ~ 0.99: 1 - P would lose two to three digits
    const rows = mp.gamma.filter(({ a }) => a === 0.001)
    expect(rows.length).toBeGreaterThan(10)
    for (const { x, Q } of rows) expectRelClose(regularizedGammaQ(0.001, x), Q!, 1e-14, `Q(0.001, ${x})`)
  })
  it("handles the boundaries and invalid shapes", () => {
    expect(regularizedGammaP(2, 0)).toBe(0)
    expect(regularizedGammaQ(2, 0)).toBe(1)
    expect(regularizedGammaQ(2, -1)).toBe(1)
    expect(regularizedGammaP(2, Infinity)).toBe(1)
    expect(regularizedGammaQ(2, Infinity)).toBe(0)
    expect(regularizedGammaQ(0, 1)).toBeNaN()
    expect(regularizedGammaQ(-1, 1)).toBeNaN()
    expect(regularizedGammaP(NaN, 1)).toBeNaN()
    expect(regularizedGammaQ(1, NaN)).toBeNaN()
  })
})

describe("chiSquareUpperTail", () => {
  it("P(chi2_2 > 100) prints 1.9287498479639e-22 as in R", () => {
    const p = chiSquareUpperTail(100, 2)
    expect(p.toPrecision(14)).toBe(fx.exact.chisq100df2Printed)
    expect(fx.exact.chisq100df2Printed).toBe("1.9287498479639e-22")
    expectRelClose(p, fx.exact.chisq100df2, 1e-14)
  })
  it("matches R pchisq(lower.tail = FALSE) on a grid down to 1e-300 (x up to 2000, df 0.5..1000)", () => {
    let worst = 0
    expect(fx.pchisq).toHaveLength(1095)
    for (const { x, df, p } of fx.pchisq) {
      const got = chiSquareUpperTail(x, df)
      worst = Math.max(worst, Math.abs(got - p) / p)
      expectRelClose(got, p, 1e-12, `pchisq(${x}, ${df})`)
    }
    expect(fx.pchisq).toHaveLength(1095)
    expect(worst).toBeLessThan(1e-12)
  })
  it("matches 50-digit chi-square tails down to 1e-300 (x up to 3000) to 2e-13", () => {
    expect(mp.chiSquareTail).toHaveLength(133)
    for (const { x, df, p } of mp.chiSquareTail) {
      expectRelClose(chiSquareUpperTail(x, df), p, 2e-13, `chi2(${x}, ${df})`)
    }
  })
  it("agrees with R's lower tail through P(df/2, x/2)", () => {
    expect(fx.pchisq).toHaveLength(1095)
    for (const { x, df, lower } of fx.pchisq) {
      if (lower > 1e-300) expectRelClose(regularizedGammaP(df / 2, x / 2), lower, 1e-12, `lower(${x}, ${df})`)
    }
  })
  it("underflows to (near) zero where R does, never to a negative or NaN", () => {
    expect(fx.pchisqUnderflow).toHaveLength(62)
    for (const { x, df } of fx.pchisqUnderflow) {
      const p = chiSquareUpperTail(x, df)
      expect(p >= 0 && p < 1e-300, `pchisq(${x}, ${df}) = ${p}`).toBe(true)
    }
  })
  it("returns 1 for x <= 0 and NaN for invalid df", () => {
    expect(chiSquareUpperTail(0, 3)).toBe(1)
    expect(chiSquareUpperTail(-2, 3)).toBe(1)
    expect(chiSquareUpperTail(1, 0)).toBeNaN()
    expect(chiSquareUpperTail(1, -1)).toBeNaN()
    expect(chiSquareUpperTail(1, Infinity)).toBeNaN()
    expect(chiSquareUpperTail(NaN, 1)).toBeNaN()
  })
})

describe("normal tail used by the adjusted residuals", () => {
  it("normalTwoSidedP matches R's 2 * pnorm(-|z|) out to z = 37.5", () => {
    expect(fx.pnorm).toHaveLength(13)
    for (const { z, twoSided } of fx.pnorm) {
      expectRelClose(normalTwoSidedP(z), Math.min(1, twoSided), 1e-13, `z = ${z}`)
      expectRelClose(normalTwoSidedP(-z), Math.min(1, twoSided), 1e-13, `z = -${z}`)
    }
  })
})
