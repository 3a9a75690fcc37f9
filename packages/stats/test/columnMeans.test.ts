import { describe, expect, it } from "vitest"
import { columnMeans } from "../src/groups/columnMeans.js"
import { groupMoments } from "../src/groups/groupMoments.js"
import { expectRelClose, readFixture } from "./helpers.js"

interface Pair {
  a: number
  b: number
  t: number
  df: number
  p: number
  pBonferroni: number
}
interface Case {
  id: string
  x: Array<number>
  g: Array<number>
  n: Array<number>
  mean: Array<number>
  variance: Array<number>
  pooledVariance: number
  df: number
  largerThan: Array<string>
  pairs: Array<Pair>
}
const fx = readFixture<{ cases: Array<Case> }>("colmeans.json")

describe("column-mean letters against R's pairwise.t.test(pool.sd = TRUE, bonferroni)", () => {
  it("the fixture has its cases", () => expect(fx.cases.length).toBe(3))
  it.each(fx.cases.map((c) => [c.id, c] as const))("%s", (_, c) => {
    const m = groupMoments(Float64Array.from(c.x), Int32Array.from(c.g), c.n.length)
    expect(m.n).toEqual(c.n)
    const r = columnMeans(m.n, m.mean, m.variance)
    expectRelClose(r.pooledVariance, c.pooledVariance, 1e-10, "pooled variance")
    expect(r.df).toBe(c.df)
    expect(r.largerThan).toEqual(c.largerThan)
    expect(r.pairs.map((p) => [p.a, p.b])).toEqual(c.pairs.map((p) => [p.a, p.b]))
    r.pairs.forEach((p, k) => {
      expectRelClose(p.t, c.pairs[k].t, 1e-10, "t")
      expectRelClose(p.p, c.pairs[k].p, 1e-10, "p")
      expectRelClose(p.pBonferroni, c.pairs[k].pBonferroni, 1e-10, "Bonferroni p")
    })
  })
  it("no test with one usable column or no spread", () => {
    expect(columnMeans([5, 1], [2, 3], [1, NaN]).pairs).toEqual([])
    expect(columnMeans([3, 3], [2, 2], [0, 0]).largerThan).toEqual(["", ""])
  })
})
