import { describe, expect, it } from "vitest"
import { StatsInputError } from "../src/ContingencyTable.js"
import { pearsonCorrelation } from "../src/correlation/pearsonCorrelation.js"
import { spearmanCorrelation } from "../src/correlation/spearmanCorrelation.js"
import { fUpperTail } from "../src/distributions/fDistribution.js"
import {
  studentizedRangeCdf,
  studentizedRangeQuantile,
  studentizedRangeUpperTail
} from "../src/distributions/studentizedRange.js"
import { studentTTwoSidedP } from "../src/distributions/studentTTail.js"
import { gamesHowell } from "../src/groups/gamesHowell.js"
import { groupMoments } from "../src/groups/groupMoments.js"
import { leveneTest } from "../src/groups/leveneTest.js"
import { meanSummary } from "../src/groups/meanSummary.js"
import { oneWayAnova } from "../src/groups/oneWayAnova.js"
import { tukeyHsd } from "../src/groups/tukeyHsd.js"
import { weightedMedian } from "../src/groups/weightedMedian.js"
import { welchAnova } from "../src/groups/welchAnova.js"
import { expectRelClose, readFixture } from "./helpers.js"

type Nums = Array<number | null>
interface Pair {
  i: number
  j: number
  difference: number
  se: number
  statistic?: number
  df?: number
  p: number
  ci95: [number, number]
  lwrR?: number
  uprR?: number
}
interface Test {
  statistic: number
  p: number
  [k: string]: number
}
interface GroupCase {
  id: string
  values: Nums
  groups: Array<number>
  groupCount: number
  weights: Array<number> | null
  n: Array<number>
  mean: Nums
  variance: Nums
  median: Nums
  ci95: Array<[number | null, number | null]>
  anova: Test
  welch: Test
  kruskalWallis: Test
  levene: Test
  brownForsythe: Test
  tukey: Array<Pair>
  gamesHowell: Array<Pair>
}
interface CorCase {
  id: string
  x: Nums
  y: Nums
  weights: Array<number> | null
  n: number
  pearson: { r: number; statistic: number; df: number; p: number; ci95: [number, number] }
  spearman: { r: number; statistic: number; p: number; ci95: [number, number] }
}
interface Fixture {
  groups: Array<GroupCase>
  ptukey: Array<{ q: number; nmeans: number; df: number; cdf: number; upper: number }>
  qtukey: Array<{ p: number; nmeans: number; df: number; q: number; qR: number }>
  correlations: Array<CorCase>
}
const fx = readFixture<Fixture>("means.json")
const TOL = 1e-10
const f64 = (xs: Nums): Float64Array => Float64Array.from(xs, (v) => (v === null ? NaN : v))
const nan = (v: number | null): number => (v === null ? NaN : v)
const weightsOf = (w: Array<number> | null) => (w === null ? undefined : Float64Array.from(w))
/**
 * Upper tails of the studentized range are 1 − cdf (as in R), and R's quadrature itself is accurate to about 1e-12
 * absolute at best (at q = 7.5, k = 2, df = 100 R's ptukey gives 6.8310e-7 where the exact 2·pt(7.5/√2, 100) is
 * 6.8298e-7), so they agree with R to 1e-10 relative or 1e-12 absolute, whichever is larger.
 */
const expectP = (actual: number, expected: number, what: string) =>
  expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(
    Math.max(TOL * expected, 1e-12)
  )

describe("the fixture", () => {
  it("has the expected cases", () => {
    expect(fx.groups.length).toBe(4)
    expect(fx.ptukey.length).toBe(140)
    expect(fx.qtukey.length).toBe(5)
    expect(fx.correlations.length).toBe(4)
  })
})

describe("studentized range against R's ptukey", () => {
  it.each(fx.ptukey.map((c) => [`q=${c.q} k=${c.nmeans} df=${c.df}`, c] as const))("%s", (_, c) => {
    expectRelClose(studentizedRangeCdf(c.q, c.nmeans, c.df), c.cdf, TOL, "cdf")
    expectP(studentizedRangeUpperTail(c.q, c.nmeans, c.df), c.upper, "upper tail")
  })
  it.each(fx.qtukey.map((c) => [`p=${c.p} k=${c.nmeans} df=${c.df}`, c] as const))("quantile %s", (_, c) => {
    expectRelClose(studentizedRangeQuantile(c.p, c.nmeans, c.df), c.q, TOL, "quantile (uniroot on ptukey)")
    expectRelClose(studentizedRangeQuantile(c.p, c.nmeans, c.df), c.qR, 1e-5, "R's qtukey (stops at 1e-4)")
  })
  it("two means: the studentized range is √2·|t| (exact identity, to the method's absolute accuracy)", () => {
    // (R's algorithm is least accurate at very small df: about 1e-6 absolute at df = 3.7)
    for (const [q, df, tol] of [[1.5, 12, 1e-9], [3.2, 40, 1e-9], [4.7, 150, 1e-9], [2.2, 3.7, 1e-6]]) {
      const exact = studentTTwoSidedP(q / Math.SQRT2, df)
      expect(Math.abs(studentizedRangeUpperTail(q, 2, df) - exact), `q ${q} df ${df}`).toBeLessThan(tol)
    }
  })
  it("edges", () => {
    expect(studentizedRangeCdf(0, 3, 10)).toBe(0)
    expect(studentizedRangeCdf(Infinity, 3, 10)).toBe(1)
    expect(studentizedRangeCdf(2, 1, 10)).toBeNaN()
    expect(studentizedRangeCdf(2, 3, 1)).toBeNaN()
    expect(fUpperTail(0, 2, 3)).toBe(1)
    expect(studentTTwoSidedP(0, 3)).toBe(1)
  })
})

describe.each(fx.groups.map((c) => [c.id, c] as const))("groups %s against R", (_, c) => {
  const values = f64(c.values)
  const groups = Int32Array.from(c.groups)
  const w = weightsOf(c.weights)
  const m = groupMoments(values, groups, c.groupCount, w)
  it("moments, medians and intervals", () => {
    expect(m.n).toEqual(c.n)
    c.mean.forEach((v, g) => expectRelClose(m.mean[g], nan(v), TOL, `mean ${g}`))
    c.variance.forEach((v, g) => expectRelClose(m.variance[g], nan(v), TOL, `variance ${g}`))
    c.median.forEach((v, g) => {
      const mine = c.groups.map((gg, i) => (gg === g ? i : -1)).filter((i) => i >= 0)
      const med = weightedMedian(Float64Array.from(mine, (i) => values[i]), w && Float64Array.from(mine, (i) => w[i]))
      expectRelClose(med, nan(v), TOL, `median ${g}`)
    })
    c.ci95.forEach(([lo, hi], g) => {
      const s = meanSummary(m.n[g], m.mean[g], m.variance[g])
      expectRelClose(s.ci95[0], nan(lo), TOL, `ci lo ${g}`)
      expectRelClose(s.ci95[1], nan(hi), TOL, `ci hi ${g}`)
    })
  })
  it("one-way and Welch ANOVA, eta and omega squared", () => {
    const a = oneWayAnova(m)
    expectRelClose(a.statistic, c.anova.statistic, TOL, "F")
    expect([a.dfBetween, a.dfWithin]).toEqual([c.anova.dfBetween, c.anova.dfWithin])
    expectRelClose(a.p, c.anova.p, TOL, "p")
    expectRelClose(a.sumSquaresBetween, c.anova.sumSquaresBetween, TOL, "SSB")
    expectRelClose(a.sumSquaresWithin, c.anova.sumSquaresWithin, TOL, "SSW")
    expectRelClose(a.etaSquared, c.anova.etaSquared, TOL, "eta2")
    expectRelClose(a.omegaSquared, c.anova.omegaSquared, TOL, "omega2")
    const wa = welchAnova(m)
    expectRelClose(wa.statistic, c.welch.statistic, TOL, "Welch F")
    expectRelClose(wa.df1, c.welch.df1, TOL, "df1")
    expectRelClose(wa.df2, c.welch.df2, TOL, "df2")
    expectRelClose(wa.p, c.welch.p, TOL, "Welch p")
  })
  it("Levene and Brown-Forsythe", () => {
    for (const [center, ref] of [["mean", c.levene], ["median", c.brownForsythe]] as const) {
      const l = leveneTest(values, groups, c.groupCount, center, w)
      expectRelClose(l.statistic, ref.statistic, TOL, `${center} F`)
      expect([l.df1, l.df2]).toEqual([ref.df1, ref.df2])
      expectRelClose(l.p, ref.p, TOL, `${center} p`)
    }
  })
  it("Tukey HSD and Games-Howell", () => {
    const a = oneWayAnova(m)
    const tk = tukeyHsd(m, a.meanSquareWithin, a.dfWithin)
    expect(tk.length).toBe(c.tukey.length)
    tk.forEach((t, k) => {
      const r = c.tukey[k]
      expect([t.i, t.j]).toEqual([r.i, r.j])
      expectRelClose(t.difference, r.difference, TOL, "diff")
      expectRelClose(t.se, r.se, TOL, "se")
      expectRelClose(t.statistic, r.statistic!, TOL, "q")
      expectP(t.p, r.p, `Tukey p ${t.i}-${t.j}`)
      expectRelClose(t.ci95[0], r.ci95[0], TOL, "lwr")
      expectRelClose(t.ci95[1], r.ci95[1], TOL, "upr")
      expect(Math.abs(t.ci95[0] - r.lwrR!)).toBeLessThan(1e-4 * r.se)
      expect(Math.abs(t.ci95[1] - r.uprR!)).toBeLessThan(1e-4 * r.se)
    })
    const gh = gamesHowell(m)
    expect(gh.length).toBe(c.gamesHowell.length)
    gh.forEach((t, k) => {
      const r = c.gamesHowell[k]
      expect([t.i, t.j]).toEqual([r.i, r.j])
      expectRelClose(t.statistic, r.statistic!, TOL, "t")
      expectRelClose(t.df, r.df!, TOL, "df")
      expectP(t.p, r.p, `GH p ${t.i}-${t.j}`)
      expectRelClose(t.ci95[0], r.ci95[0], TOL, "lwr")
      expectRelClose(t.ci95[1], r.ci95[1], TOL, "upr")
    })
  })
})

describe.each(fx.correlations.map((c) => [c.id, c] as const))("correlation %s against cor.test", (_, c) => {
  const x = f64(c.x)
  const y = f64(c.y)
  it("Pearson", () => {
    const r = pearsonCorrelation(x, y, weightsOf(c.weights))
    expect(r.n).toBe(c.n)
    expectRelClose(r.r, c.pearson.r, TOL, "r")
    expectRelClose(r.statistic, c.pearson.statistic, TOL, "t")
    expectRelClose(r.p, c.pearson.p, TOL, "p")
    expectRelClose(r.ci95[0], c.pearson.ci95[0], TOL, "lo")
    expectRelClose(r.ci95[1], c.pearson.ci95[1], TOL, "hi")
  })
  it("Spearman", () => {
    const r = spearmanCorrelation(x, y, weightsOf(c.weights))
    expectRelClose(r.r, c.spearman.r, TOL, "rho")
    expectRelClose(r.statistic, c.spearman.statistic, TOL, "t")
    expectRelClose(r.p, c.spearman.p, TOL, "p")
    expectRelClose(r.ci95[0], c.spearman.ci95[0], TOL, "lo")
    expectRelClose(r.ci95[1], c.spearman.ci95[1], TOL, "hi")
  })
})

describe("bad input", () => {
  it("throws StatsInputError with a code", () => {
    const codeOf = (f: () => unknown) => {
      try {
        f()
      } catch (e) {
        expect(e).toBeInstanceOf(StatsInputError)
        return (e as StatsInputError).code
      }
      return "none"
    }
    expect(codeOf(() => groupMoments(Float64Array.of(1), Int32Array.of(0, 1), 2))).toBe("BAD_DIMENSIONS")
    expect(codeOf(() => groupMoments(Float64Array.of(1), Int32Array.of(3), 2))).toBe("BAD_CODE")
    expect(codeOf(() => groupMoments(Float64Array.of(1), Int32Array.of(0), 2, Float64Array.of(-1)))).toBe("BAD_WEIGHT")
    const one = groupMoments(Float64Array.of(1, 2), Int32Array.of(0, 0), 2)
    expect(codeOf(() => oneWayAnova(one))).toBe("BAD_DIMENSIONS")
    const flat = groupMoments(Float64Array.of(1, 1, 2, 3), Int32Array.of(0, 0, 1, 1), 2)
    expect(codeOf(() => welchAnova(flat))).toBe("BAD_DIMENSIONS")
    expect(codeOf(() => pearsonCorrelation(Float64Array.of(1, 2), Float64Array.of(1, 2)))).toBe("BAD_DIMENSIONS")
  })
})
