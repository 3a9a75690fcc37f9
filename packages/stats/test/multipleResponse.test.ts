import { describe, expect, it } from "vitest"
import { StatsInputError } from "../src/ContingencyTable.js"
import { xoshiro128ss } from "../src/exact/random.js"
import { columnProportionTests, compactLetters } from "../src/multipleResponse/columnProportionTests.js"
import { mmiBonferroni } from "../src/multipleResponse/mmiBonferroni.js"
import { mmiBootstrap } from "../src/multipleResponse/mmiBootstrap.js"
import { mmiRaoScott2 } from "../src/multipleResponse/mmiRaoScott2.js"
import { mmiStatistic } from "../src/multipleResponse/mmiStatistic.js"
import type { MultipleResponseData } from "../src/multipleResponse/MultipleResponseData.js"
import { multipleResponseTable } from "../src/multipleResponse/multipleResponseTable.js"
import { perItemTests } from "../src/multipleResponse/perItemTests.js"
import { expectMatrixClose, expectRelClose, readFixture } from "./helpers.js"

type M = Array<Array<number>>
interface Dataset {
  id: string
  groupCount: number
  rows: M
  groupN: Array<number>
  counts: M
  percentOfCases: M
  percentOfResponses: M
  items: { statistic: Array<number>; df: number; p: Array<number>; pBonferroni: Array<number>; pHolm: Array<number> }
  mmi: {
    sumStatistic: number
    bonferroni: { pItems: Array<number>; p: number }
    rs2: { statistic: number; df: number; p: number; s2: number }
    bootstrap: { B: number; resamples: number; discarded: number; p: number }
  }
  proportionPairs: Array<{ item: number; a: number; b: number; x2: number; p: number }>
}
const fx = readFixture<{ datasets: Array<Dataset> }>("mmi.json")
const STAT = 1e-10
const P = 1e-9

const toData = (rows: M, groupCount: number): MultipleResponseData => {
  const c = rows[0].length - 1
  return {
    groups: Int32Array.from(rows, (row) => row[0]),
    groupCount,
    items: Array.from({ length: c }, (_, j) => Uint8Array.from(rows, (row) => row[j + 1]))
  }
}

describe("the R fixture", () => {
  it("holds 6 data sets", () => expect(fx.datasets).toHaveLength(6))
})

describe.each(fx.datasets)("multiple-response set $id against R", (ds) => {
  const data = toData(ds.rows, ds.groupCount)
  const c = data.items.length

  it("table: counts, bases, % of cases, % of responses", () => {
    const t = multipleResponseTable(data)
    expect(Array.from(t.groupN)).toEqual(ds.groupN)
    expectMatrixClose(t.counts, ds.counts, 0, "counts")
    expectMatrixClose(t.percentOfCases, ds.percentOfCases, 1e-14, "% of cases")
    expectMatrixClose(t.percentOfResponses, ds.percentOfResponses, 1e-14, "% of responses")
    let all = 0
    for (let j = 0; j < c; j++) {
      const s = ds.counts.reduce((acc, row) => acc + row[j], 0)
      all += s
      expect(t.total.counts[j]).toBe(s)
      expectRelClose(t.total.percentOfCases[j], (100 * s) / ds.rows.length, 1e-15)
    }
    expect(t.total.responses).toBe(all)
    for (let j = 0; j < c; j++) expectRelClose(t.total.percentOfResponses[j], (100 * t.total.counts[j]) / all, 1e-15)
  })

  it("per-item r x 2 Pearson tests with Bonferroni and Holm (chisq.test, p.adjust)", () => {
    const tests = perItemTests(data)
    expect(tests.length).toBe(c)
    tests.forEach((t, j) => {
      expect(t.item).toBe(j)
      expect(t.df).toBe(ds.items.df)
      expectRelClose(t.statistic, ds.items.statistic[j], STAT, `X2 item ${j}`)
      expectRelClose(t.p, ds.items.p[j], P, `p item ${j}`)
      expectRelClose(t.pBonferroni, ds.items.pBonferroni[j], P, `Bonferroni item ${j}`)
      expectRelClose(t.pHolm, ds.items.pHolm[j], P, `Holm item ${j}`)
    })
  })

  it("MMI sum statistic and Bonferroni", () => {
    const s = mmiStatistic(data)
    expectRelClose(s.statistic, ds.mmi.sumStatistic, STAT, "X2_S")
    const b = mmiBonferroni(data)
    expectRelClose(b.p, ds.mmi.bonferroni.p, P, "Bonferroni overall p")
    b.pItems.forEach((p, j) => expectRelClose(p, ds.mmi.bonferroni.pItems[j], P, `Bonferroni p item ${j}`))
  })

  it("second-order Rao-Scott: covariance form equals R's 2^c joint-multinomial form", () => {
    const rs = mmiRaoScott2(data)
    expectRelClose(rs.s2, ds.mmi.rs2.s2, STAT, "s2")
    expectRelClose(rs.statistic, ds.mmi.rs2.statistic, STAT, "X2_RS2")
    expectRelClose(rs.df, ds.mmi.rs2.df, STAT, "df")
    expectRelClose(rs.p, ds.mmi.rs2.p, P, "p")
    expectRelClose(rs.sumStatistic, ds.mmi.sumStatistic, STAT, "X2_S")
  })

  it("column proportions: z² equals prop.test(correct = FALSE)'s X², p equal", () => {
    const cp = columnProportionTests(data)
    const r = ds.groupCount
    expect(cp.comparisons).toBe((r * (r - 1)) / 2)
    for (const want of ds.proportionPairs) {
      const pair = cp.items[want.item].pairs.find((q) => q.a === want.a && q.b === want.b)
      expect(pair).toBeDefined()
      if (pair === undefined) continue
      // equal proportions: R's X² is rounding noise (~1e-31), ours exactly 0
      if (want.x2 < 1e-20) expect(Math.abs(pair.z)).toBeLessThan(1e-12)
      else expectRelClose(pair.z * pair.z, want.x2, STAT, `z² item ${want.item} ${want.a}-${want.b}`)
      expectRelClose(pair.p, want.p, P, `p item ${want.item} ${want.a}-${want.b}`)
      expectRelClose(pair.pBonferroni, Math.min(1, cp.comparisons * want.p), P, "Bonferroni")
    }
  })

  it("MMI statistics are invariant to item order and to group relabelling", () => {
    const base = mmiRaoScott2(data)
    const reversed: MultipleResponseData = { ...data, items: [...data.items].reverse() }
    const rotated: MultipleResponseData = { ...data, items: [...data.items.slice(1), data.items[0]] }
    const r = data.groupCount
    const shifted: MultipleResponseData = { ...data, groups: data.groups.map((g) => (g + 1) % r) }
    const mirrored: MultipleResponseData = { ...data, groups: data.groups.map((g) => r - 1 - g) }
    for (const other of [reversed, rotated, shifted, mirrored]) {
      const o = mmiRaoScott2(other)
      expectRelClose(o.sumStatistic, base.sumStatistic, 1e-13, "X2_S")
      expectRelClose(o.statistic, base.statistic, 1e-12, "X2_RS2")
      expectRelClose(o.df, base.df, 1e-12, "df")
      expectRelClose(mmiStatistic(other).statistic, base.sumStatistic, 1e-13, "mmiStatistic")
      expectRelClose(mmiBonferroni(other).p, mmiBonferroni(data).p, 1e-13, "Bonferroni")
    }
    // respondent order does not matter either
    const n = data.groups.length
    const order = Array.from({ length: n }, (_, k) => (k * 7919) % n)
    if (new Set(order).size === n) {
      const shuffled: MultipleResponseData = {
        groups: Int32Array.from(order, (k) => data.groups[k]),
        groupCount: r,
        items: data.items.map((y) => Uint8Array.from(order, (k) => y[k]))
      }
      expectRelClose(mmiRaoScott2(shuffled).statistic, base.statistic, 1e-12, "shuffled respondents")
    }
  })

  it("bootstrap agrees with R's Monte Carlo of the same scheme (p and discard rate within 4.5 SE)", () => {
    const want = ds.mmi.bootstrap
    const got = mmiBootstrap(data, { B: 20000, seed: 2026 })
    expect(got.resamples + got.discarded).toBe(20000)
    const se = (q: number, m1: number, m2: number): number => Math.sqrt(Math.max(q * (1 - q), 1e-4) * (1 / m1 + 1 / m2))
    expect(Math.abs(got.p - want.p)).toBeLessThan(4.5 * se(want.p, got.resamples + 1, want.resamples + 1) + 1e-4)
    const fGot = got.discarded / got.B
    const fWant = want.discarded / want.B
    if (want.discarded === 0) expect(got.discarded).toBeLessThan(5)
    else expect(Math.abs(fGot - fWant)).toBeLessThan(4.5 * se(fWant, got.B, want.B))
  })

  it("bootstrap: reproducible for a seed, p in (0, 1], resamples accounted", () => {
    const a = mmiBootstrap(data, { B: 499, seed: 11 })
    const b = mmiBootstrap(data, { B: 499, seed: 11 })
    expect(a).toEqual(b)
    expect(a.B).toBe(499)
    expect(a.seed).toBe(11)
    expect(a.resamples + a.discarded).toBe(499)
    expect(a.p).toBeGreaterThan(0)
    expect(a.p).toBeLessThanOrEqual(1)
    expect(a.p * (1 + a.resamples)).toBeCloseTo(Math.round(a.p * (1 + a.resamples)), 9)
    expectRelClose(a.statistic, ds.mmi.sumStatistic, STAT, "observed X2_S")
    const other = mmiBootstrap(data, { B: 499, seed: 12 })
    expect(other.seed).toBe(12)
    // the bootstrap and Rao-Scott p-values estimate the same thing; they agree loosely
    expect(Math.abs(a.p - ds.mmi.rs2.p)).toBeLessThan(0.1)
  })
})

describe("MMI invariances on random data sets", () => {
  it("X²_S, RS2 and Bonferroni do not depend on item order, group labels or respondent order", () => {
    const rng = xoshiro128ss(77)
    const below = (m: number): number => Math.floor(rng.nextFloat() * m)
    let checked = 0
    for (let t = 0; t < 60; t++) {
      const r = 2 + below(4)
      const c = 1 + below(6)
      const n = 10 * r + below(200)
      const groups = Int32Array.from({ length: n }, (_, k) => (k < r ? k : below(r)))
      const latent = Float64Array.from({ length: n }, () => rng.nextFloat())
      const items = Array.from({ length: c }, () => {
        const cut = 0.2 + 0.6 * rng.nextFloat()
        return Uint8Array.from(
          { length: n },
          (_, k) => (0.6 * latent[k] + 0.4 * rng.nextFloat() + 0.05 * groups[k] > cut ? 1 : 0)
        )
      })
      const data: MultipleResponseData = { groups, groupCount: r, items }
      if (items.some((y) => y.every((v) => v === 0) || y.every((v) => v === 1))) continue
      const base = mmiRaoScott2(data)
      const perm = Array.from({ length: r }, (_, i) => i).sort(() => rng.nextFloat() - 0.5)
      const itemPerm = Array.from({ length: c }, (_, j) => j).sort(() => rng.nextFloat() - 0.5)
      const order = Array.from({ length: n }, (_, k) => k).sort(() => rng.nextFloat() - 0.5)
      const other: MultipleResponseData = {
        groups: Int32Array.from(order, (k) => perm[groups[k]]),
        groupCount: r,
        items: itemPerm.map((j) => Uint8Array.from(order, (k) => items[j][k]))
      }
      const o = mmiRaoScott2(other)
      expectRelClose(o.sumStatistic, base.sumStatistic, 1e-12, "X2_S")
      expectRelClose(o.statistic, base.statistic, 1e-10, "X2_RS2")
      expectRelClose(o.df, base.df, 1e-10, "df")
      expectRelClose(o.p, base.p, 1e-9, "p")
      expectRelClose(mmiBonferroni(other).p, mmiBonferroni(data).p, 1e-12, "Bonferroni")
      expect(o.s2).toBeGreaterThan(0)
      checked++
    }
    expect(checked).toBeGreaterThan(40)
  })
})

describe("multiple-response bad input", () => {
  const good: MultipleResponseData = {
    groups: Int32Array.from([0, 0, 1, 1, 2, 2]),
    groupCount: 3,
    items: [Uint8Array.from([1, 0, 1, 0, 0, 1]), Uint8Array.from([0, 1, 1, 1, 0, 0])]
  }
  it("a value that is not 0/1 names item and respondent", () => {
    const bad = { ...good, items: [good.items[0], Uint8Array.from([0, 1, 2, 1, 0, 0])] }
    for (
      const f of [
        multipleResponseTable,
        perItemTests,
        mmiStatistic,
        mmiRaoScott2,
        (d: MultipleResponseData) => mmiBootstrap(d, { B: 9 })
      ]
    ) {
      try {
        f(bad)
        expect.unreachable()
      } catch (e) {
        expect(e).toBeInstanceOf(StatsInputError)
        const err = e as StatsInputError
        expect(err.code).toBe("BAD_CODE")
        expect(err.message).toMatch(/item 2 of respondent 3 is 2/)
        expect(err.location).toEqual({ row: 2, col: 1 })
      }
    }
  })
  it("a group with no respondents", () => {
    const bad = { ...good, groupCount: 4 }
    expect(() => perItemTests(bad)).toThrow(/group 4 has no respondents/)
    expect(() => multipleResponseTable(bad)).toThrow(StatsInputError)
    expect(() => mmiRaoScott2(bad)).toThrow(/group 4 has no respondents/)
  })
  it("an item never or always selected", () => {
    const never = { ...good, items: [good.items[0], new Uint8Array(6)] }
    const always = { ...good, items: [new Uint8Array(6).fill(1), good.items[1]] }
    expect(() => perItemTests(never)).toThrow(/item 2 was never selected/)
    expect(() => mmiStatistic(never)).toThrow(/item 2 was never selected/)
    expect(() => mmiRaoScott2(always)).toThrow(/item 1 was selected by every respondent/)
    expect(() => mmiBootstrap(always)).toThrow(/item 1/)
    // the descriptive table and the column proportions still work
    expect(multipleResponseTable(never).counts[1]).toBe(0)
    const cp = columnProportionTests(never)
    expect(cp.items[1].pairs.every((q) => Number.isNaN(q.z) && !q.significant)).toBe(true)
  })
  it("group index out of range, wrong lengths, bad options", () => {
    expect(() => perItemTests({ ...good, groups: Int32Array.from([0, 0, 1, 1, 2, 3]) })).toThrow(
      /respondent 6 has group index 3/
    )
    expect(() => perItemTests({ ...good, items: [Uint8Array.from([1, 0])] })).toThrow(
      /item 1 has 2 answers but there are 6/
    )
    expect(() => perItemTests({ ...good, items: [] })).toThrow(StatsInputError)
    expect(() => mmiStatistic({ ...good, groups: new Int32Array(6), groupCount: 1 })).toThrow(/at least 2 groups/)
    expect(() => columnProportionTests(good, 1.5)).toThrow(/alpha/)
    expect(() => mmiBootstrap(good, { B: 0 })).toThrow(/B/)
    expect(() => mmiBootstrap(good, { seed: 0.5 })).toThrow(/seed/)
  })
})

describe("column-proportion letters", () => {
  // group A: 10 of 100, B: 50 of 100, C: 52 of 100 -> B and C exceed A; B and C do not differ
  const mk = (sel: Array<number>, size: number): MultipleResponseData => {
    const groups: Array<number> = []
    const item: Array<number> = []
    sel.forEach((s, g) => {
      for (let k = 0; k < size; k++) {
        groups.push(g)
        item.push(k < s ? 1 : 0)
      }
    })
    return { groups: Int32Array.from(groups), groupCount: sel.length, items: [Uint8Array.from(item)] }
  }
  it("SPSS convention: the larger proportion carries the smaller group's letter", () => {
    const cp = columnProportionTests(mk([10, 50, 52], 100))
    expect(cp.letters).toEqual(["A", "B", "C"])
    expect(cp.items[0].largerThan).toEqual(["", "A", "A"])
    expect(cp.items[0].differentFrom).toEqual(["BC", "A", "A"])
    expect(cp.items[0].subscripts).toEqual(["a", "b", "b"])
  })
  it("APA subscripts: only A and C differ -> a, ab, b", () => {
    const cp = columnProportionTests(mk([20, 30, 42], 100))
    expect(cp.items[0].pairs.map((q) => q.significant)).toEqual([false, true, false])
    expect(cp.items[0].subscripts).toEqual(["a", "ab", "b"])
    expect(cp.items[0].largerThan).toEqual(["", "", "A"])
  })
  it("compact letters are a valid display for any significance pattern", () => {
    const rng = xoshiro128ss(5)
    for (let t = 0; t < 300; t++) {
      const r = 2 + Math.floor(rng.nextFloat() * 6)
      const sig: Array<[number, number]> = []
      const isSig = new Set<string>()
      for (let a = 0; a < r; a++) {
        for (let b = a + 1; b < r; b++) {
          if (rng.nextFloat() < 0.4) {
            sig.push([a, b])
            isSig.add(`${a},${b}`)
          }
        }
      }
      const letters = compactLetters(r, sig)
      for (let a = 0; a < r; a++) {
        expect(letters[a].length).toBeGreaterThan(0)
        for (let b = a + 1; b < r; b++) {
          const share = [...letters[a]].some((ch) => letters[b].includes(ch))
          expect(share, `r=${r} pair ${a},${b} letters ${letters.join("|")}`).toBe(!isSig.has(`${a},${b}`))
        }
      }
    }
  })
  it("nothing significant when proportions are close", () => {
    const cp = columnProportionTests(mk([40, 45, 50], 100))
    expect(cp.items[0].largerThan).toEqual(["", "", ""])
    expect(cp.items[0].subscripts).toEqual(["a", "a", "a"])
    expect(cp.items[0].pairs.every((q) => !q.significant)).toBe(true)
  })
})

describe("the JSDoc examples", () => {
  const data: MultipleResponseData = {
    groups: Int32Array.from([0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2]),
    groupCount: 3,
    items: [
      Uint8Array.from([1, 1, 1, 0, 1, 0, 0, 0, 0, 0, 0, 1]),
      Uint8Array.from([1, 0, 1, 1, 1, 1, 0, 1, 0, 1, 0, 0])
    ]
  }
  it("print what the code returns", () => {
    const t = multipleResponseTable(data)
    expect(Array.from(t.percentOfCases)).toEqual([75, 75, 25, 75, 25, 25])
    expect(Array.from(t.percentOfResponses)).toEqual([50, 50, 25, 75, 50, 50])
    expect(Array.from(t.total.counts)).toEqual([5, 7])
    expect(perItemTests(data)[0]).toEqual({
      item: 0,
      statistic: 2.7428571428571433,
      df: 2,
      p: 0.2537442087799693,
      pBonferroni: 0.5074884175599386,
      pHolm: 0.5074884175599386
    })
    expect(mmiStatistic(data).statistic).toBe(5.485714285714286)
    expect(mmiBonferroni(data).p).toBe(0.5074884175599386)
    expect(mmiRaoScott2(data)).toEqual({
      statistic: 8.682170542635662,
      df: 6.33074935400517,
      p: 0.21867690726318445,
      sumStatistic: 5.485714285714286,
      s2: 2.5273469387755094
    })
    expect(mmiBootstrap(data, { B: 999, seed: 1 })).toEqual({
      p: 0.32729103726082576,
      statistic: 5.485714285714286,
      resamples: 992,
      discarded: 7,
      B: 999,
      seed: 1
    })
    const big: MultipleResponseData = {
      groups: Int32Array.from({ length: 300 }, (_, k) => k % 3),
      groupCount: 3,
      items: [Uint8Array.from({ length: 300 }, (_, k) => ((k % 3 === 0 ? k % 4 !== 0 : k % 5 === 0) ? 1 : 0))]
    }
    expect(Array.from(multipleResponseTable(big).percentOfCases)).toEqual([75, 20, 20])
    const res = columnProportionTests(big)
    expect(res.items[0].largerThan).toEqual(["BC", "", ""])
    expect(res.items[0].differentFrom).toEqual(["BC", "A", "A"])
    expect(res.items[0].subscripts).toEqual(["a", "b", "b"])
    expect(res.items[0].pairs[0]).toEqual({
      a: 0,
      b: 1,
      z: 7.787915579452676,
      p: 6.812367150314352e-15,
      pBonferroni: 2.0437101450943057e-14,
      significant: true
    })
  })
})
