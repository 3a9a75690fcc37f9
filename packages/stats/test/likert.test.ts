import { describe, expect, it } from "vitest"
import { StatsInputError } from "../src/ContingencyTable.js"
import { cronbachAlpha } from "../src/likert/cronbachAlpha.js"
import { kruskalWallis } from "../src/likert/kruskalWallis.js"
import { likertSummary } from "../src/likert/likertSummary.js"
import { netDifficulty } from "../src/likert/netDifficulty.js"
import { expectRelClose, readFixture } from "./helpers.js"

type Nums = Array<number | null>
interface Fixture {
  kruskalWallis: Array<
    {
      id: string
      values: Nums
      groups: Array<number>
      groupCount: number
      statistic: number
      df: number
      p: number
      tiesCorrection: number
      n: number
    }
  >
  cronbachAlpha: Array<
    {
      id: string
      items: Array<Nums>
      n: number
      k: number
      alpha: number
      alphaIfDeleted: Nums
      itemRestCorrelation: Nums
    }
  >
  means: Array<{ id: string; scores: Nums; n: number; mean: number; sd: number; se: number; ci95: [number, number] }>
}
const fx = readFixture<Fixture>("likert.json")
const STAT = 1e-10
const P = 1e-9
const f64 = (xs: Nums): Float64Array => Float64Array.from(xs, (v) => (v === null ? NaN : v))
const nan = (v: number | null): number => (v === null ? NaN : v)

const throwsCode = (f: () => unknown, code: string): void => {
  let err: unknown
  try {
    f()
  } catch (e) {
    err = e
  }
  expect(err).toBeInstanceOf(StatsInputError)
  expect((err as StatsInputError).code).toBe(code)
}

describe("the R fixture", () => {
  it("holds 12 Kruskal-Wallis, 3 Cronbach alpha and 5 mean cases", () => {
    expect(fx.kruskalWallis).toHaveLength(12)
    expect(fx.cronbachAlpha).toHaveLength(3)
    expect(fx.means).toHaveLength(5)
  })
})

describe("Kruskal-Wallis against R's kruskal.test", () => {
  it.each(fx.kruskalWallis.map((c) => [c.id, c] as const))("%s", (_, c) => {
    const r = kruskalWallis(f64(c.values), Int32Array.from(c.groups), c.groupCount)
    expect(r.n).toBe(c.n)
    expect(r.df).toBe(c.df)
    expectRelClose(r.statistic, c.statistic, STAT, "H")
    expectRelClose(r.tiesCorrection, c.tiesCorrection, STAT, "ties correction")
    expectRelClose(r.p, c.p, P, "p")
  })
  it("invariant to case order and group relabelling", () => {
    const c = fx.kruskalWallis.find((k) => k.id === "generated-3pt-1")!
    const base = kruskalWallis(f64(c.values), Int32Array.from(c.groups), 3)
    let seed = 12345
    const rand = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648)
    for (let rep = 0; rep < 5; rep++) {
      const order = c.values.map((_, i) => i)
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1))
        ;[order[i], order[j]] = [order[j], order[i]]
      }
      const relabel = [[0, 1, 2], [2, 0, 1], [1, 2, 0], [2, 1, 0], [0, 2, 1]][rep]
      const r = kruskalWallis(
        Float64Array.from(order, (i) => nan(c.values[i])),
        Int32Array.from(order, (i) => relabel[c.groups[i]]),
        3
      )
      expectRelClose(r.statistic, base.statistic, 1e-12, "H")
      expectRelClose(r.p, base.p, 1e-11, "p")
    }
  })
  it("bad input", () => {
    throwsCode(() => kruskalWallis(Float64Array.of(1, 2), Int32Array.of(0), 2), "BAD_DIMENSIONS")
    throwsCode(() => kruskalWallis(Float64Array.of(1, 2, 3), Int32Array.of(0, 0, 0), 3), "BAD_DIMENSIONS")
    throwsCode(() => kruskalWallis(Float64Array.of(1, 2, 3), Int32Array.of(0, 1, 5), 3), "BAD_CODE")
    const tied = kruskalWallis(Float64Array.of(2, 2, 2, 2), Int32Array.of(0, 0, 1, 1), 2)
    expect(tied.statistic).toBeNaN()
    expect(tied.reason).toMatch(/tied/)
  })
})

describe("Cronbach's alpha against the formulas in R", () => {
  it.each(fx.cronbachAlpha.map((c) => [c.id, c] as const))("%s", (_, c) => {
    const r = cronbachAlpha(c.items.map(f64))
    expect(r.n).toBe(c.n)
    expect(r.k).toBe(c.k)
    expectRelClose(r.alpha, c.alpha, STAT, "alpha")
    c.alphaIfDeleted.forEach((v, j) => expectRelClose(r.alphaIfDeleted[j], nan(v), STAT, `alpha if ${j + 1} deleted`))
    c.itemRestCorrelation.forEach((v, j) =>
      expectRelClose(r.itemRestCorrelation[j], nan(v), STAT, `item-rest r ${j + 1}`)
    )
  })
  it("bad input and degenerate sets", () => {
    throwsCode(() => cronbachAlpha([Float64Array.of(1, 2, 3)]), "BAD_DIMENSIONS")
    throwsCode(() => cronbachAlpha([Float64Array.of(1, 2, 3), Float64Array.of(1, 2)]), "BAD_DIMENSIONS")
    throwsCode(() => cronbachAlpha([Float64Array.of(1, NaN), Float64Array.of(1, 2)]), "BAD_DIMENSIONS")
    const constant = cronbachAlpha([Float64Array.of(2, 2, 2), Float64Array.of(3, 3, 3), Float64Array.of(1, 1, 1)])
    expect(constant.alpha).toBeNaN()
    expect(constant.reason).toMatch(/zero variance/)
  })
})

describe("likertSummary against t.test(x)$conf.int", () => {
  it.each(fx.means.map((c) => [c.id, c] as const))("%s", (_, c) => {
    const r = likertSummary(f64(c.scores))
    expect(r.n).toBe(c.n)
    expectRelClose(r.mean, c.mean, STAT, "mean")
    expectRelClose(r.sd, c.sd, STAT, "sd")
    expectRelClose(r.se, c.se, STAT, "se")
    expectRelClose(r.ci95[0], c.ci95[0], P, "ci lower")
    expectRelClose(r.ci95[1], c.ci95[1], P, "ci upper")
  })
  it("too few scores", () => {
    expect(likertSummary(Float64Array.of(NaN)).mean).toBeNaN()
    const one = likertSummary(Float64Array.of(3))
    expect(one.mean).toBe(3)
    expect(one.sd).toBeNaN()
    expect(one.reason).toMatch(/one score/)
  })
})

describe("netDifficulty", () => {
  it("Table 4 item 1, City: (66 − 35) / 310", () => {
    const r = netDifficulty([66, 209, 35], [0], [2])
    expect(r.n).toBe(310)
    expectRelClose(r.percentDifficult, (100 * 66) / 310, 1e-15)
    expectRelClose(r.percentNotDifficult, (100 * 35) / 310, 1e-15)
    expectRelClose(r.net, 10, 1e-15)
  })
  it("bad input", () => {
    throwsCode(() => netDifficulty([1, -1, 2], [0], [2]), "BAD_OPTION")
    throwsCode(() => netDifficulty([1, 1, 2], [3], [2]), "BAD_OPTION")
    throwsCode(() => netDifficulty([1, 1, 2], [0, 2], [2]), "BAD_OPTION")
    expect(netDifficulty([0, 0, 0], [0], [2]).net).toBeNaN()
  })
})
