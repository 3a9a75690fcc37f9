import { describe, expect, it } from "vitest"
import { fromMatrix, StatsInputError } from "../src/ContingencyTable.js"
import { logFactorialTable } from "../src/distributions/logFactorial.js"
import { fisherExact2x2 } from "../src/exact/fisher2x2.js"
import { DEFAULT_B, DEFAULT_SEED, fisherFreemanHalton } from "../src/exact/fisherFreemanHalton.js"
import { patefieldTable } from "../src/exact/patefield.js"
import { xoshiro128ss } from "../src/exact/random.js"
import { readFixture } from "./helpers.js"

interface FisherFixture {
  id: string
  counts: Array<Array<number>>
  p: number
}
const fixture = readFixture<{ tables: Array<FisherFixture> }>("fisher.json")
const byId = (id: string): FisherFixture => fixture.tables.find((x) => x.id === id)!

const expectStatsError = (f: () => unknown, code: string, mentions: string): void => {
  let caught: unknown
  try {
    f()
  } catch (e) {
    caught = e
  }
  expect(caught).toBeInstanceOf(StatsInputError)
  expect((caught as StatsInputError).code).toBe(code)
  expect((caught as StatsInputError).message).toContain(mentions)
}

describe("xoshiro128ss", () => {
  it("is reproducible, uniform-looking and seed-dependent", () => {
    const a = xoshiro128ss(42)
    const b = xoshiro128ss(42)
    const c = xoshiro128ss(43)
    let sum = 0
    let same = 0
    let differ = 0
    let outside = 0
    for (let i = 0; i < 100_000; i++) {
      const x = a.nextFloat()
      if (x !== b.nextFloat()) differ++
      if (x === c.nextFloat()) same++
      if (!(x >= 0 && x < 1)) outside++
      sum += x
    }
    expect([differ, same, outside]).toEqual([0, 0, 0])
    // mean of 1e5 uniforms: sd 0.00091, so 0.5 ± 0.005 holds for any sound generator and this fixed seed
    expect(Math.abs(sum / 100_000 - 0.5)).toBeLessThan(0.005)
    expect(xoshiro128ss(2 ** 40).nextUint32()).not.toBe(xoshiro128ss(0).nextUint32())
  })
})

describe("patefieldTable", () => {
  it("keeps the margins and averages to the expected counts", () => {
    const rows = Int32Array.of(30, 12, 45, 8)
    const cols = Int32Array.of(20, 25, 40, 10)
    const n = 95
    const lf = logFactorialTable(n)
    const rng = xoshiro128ss(7)
    const out = new Int32Array(16)
    const mean = new Float64Array(16)
    const B = 20_000
    let badCells = 0
    let badMargins = 0
    for (let b = 0; b < B; b++) {
      patefieldTable(rows, cols, lf, rng, out, new Int32Array(4))
      for (let i = 0; i < 4; i++) {
        let rs = 0
        for (let j = 0; j < 4; j++) {
          if (out[i * 4 + j] < 0) badCells++
          rs += out[i * 4 + j]
        }
        if (rs !== rows[i]) badMargins++
      }
      for (let j = 0; j < 4; j++) if (out[j] + out[4 + j] + out[8 + j] + out[12 + j] !== cols[j]) badMargins++
      for (let k = 0; k < 16; k++) mean[k] += out[k] / B
    }
    expect([badCells, badMargins]).toEqual([0, 0])
    // E x_ij = r_i c_j / n; the sd of a mean of 2e4 draws is below 0.03 here
    for (let i = 0; i < 4; i++) {
      for (let j = 0; j < 4; j++) expect(Math.abs(mean[i * 4 + j] - (rows[i] * cols[j]) / n)).toBeLessThan(0.12)
    }
  })
})

describe("fisherFreemanHalton Monte Carlo", () => {
  const cases = ["random-3x6-85", "extra-sparse-4x5-130", "random-4x4-49", "sparse-6x5-78"]

  it("lands within 4 standard errors of the exact p (fixed seeds)", () => {
    for (const id of cases) {
      const t = byId(id)
      const r = fisherFreemanHalton(fromMatrix(t.counts), { method: "monte-carlo", B: 20_000, seed: 12345 })
      expect(r.method).toBe("monte-carlo")
      expect(r.B).toBe(20_000)
      expect(r.seed).toBe(12345)
      expect(r.standardError).toBeCloseTo(Math.sqrt((r.p * (1 - r.p)) / 20_000), 15)
      // the estimate's own standard error understates the spread when p is tiny; use the exact p's
      const se = Math.max(r.standardError!, Math.sqrt((t.p * (1 - t.p)) / 20_000), 1 / 20_001)
      expect(Math.abs(r.p - t.p), `${id}: MC ${r.p} vs exact ${t.p}`).toBeLessThan(4 * se)
    }
  })

  it("is reproducible for a seed and changes with the seed", () => {
    const table = fromMatrix(byId("random-3x6-85").counts)
    const a = fisherFreemanHalton(table, { method: "monte-carlo", seed: 99 })
    const b = fisherFreemanHalton(table, { method: "monte-carlo", seed: 99 })
    const c = fisherFreemanHalton(table, { method: "monte-carlo", seed: 100 })
    expect(b).toEqual(a)
    expect(c.p).not.toBe(a.p)
    expect(a.B).toBe(DEFAULT_B)
    const d = fisherFreemanHalton(table, { method: "monte-carlo" })
    expect(d.seed).toBe(DEFAULT_SEED)
    expect(fisherFreemanHalton(table, { method: "monte-carlo" })).toEqual(d)
  })

  it("never returns 0: a table more extreme than every simulated one gives 1 / (B + 1)", () => {
    const r = fisherFreemanHalton(fromMatrix(byId("strong-3x5-68").counts), { method: "monte-carlo", B: 999 })
    expect(byId("strong-3x5-68").p).toBeLessThan(1e-60)
    expect(r.p).toBe(1 / 1000)
  })

  it("treats 2 x 2 tables by simulation too when asked", () => {
    const t = fromMatrix([[12, 5], [3, 14]])
    const exact = fisherExact2x2(t).p
    const r = fisherFreemanHalton(t, { method: "monte-carlo", B: 20_000, seed: 5 })
    expect(r.method).toBe("monte-carlo")
    expect(Math.abs(r.p - exact)).toBeLessThan(4 * Math.sqrt((exact * (1 - exact)) / 20_000))
  })
})

describe("fisherFreemanHalton method auto", () => {
  it("is exact on small tables", () => {
    const t = byId("random-3x6-85")
    const r = fisherFreemanHalton(fromMatrix(t.counts))
    expect(r.method).toBe("exact")
    expect(r.B).toBeUndefined()
    expect(Math.abs(r.p - t.p) / t.p).toBeLessThan(1e-9)
  })

  it("falls back to Monte Carlo when the enumeration would exceed workLimit", () => {
    const t = byId("random-3x6-85")
    const r = fisherFreemanHalton(fromMatrix(t.counts), { workLimit: 100, seed: 3 })
    expect(r.method).toBe("monte-carlo")
    expect(r.seed).toBe(3)
    expect(r.tables).toBeUndefined()
    expect(r).toEqual(fisherFreemanHalton(fromMatrix(t.counts), { method: "monte-carlo", seed: 3 }))
  })

  it("method exact refuses to run past workLimit", () => {
    const t = fromMatrix(byId("random-3x6-85").counts)
    expectStatsError(() => fisherFreemanHalton(t, { method: "exact", workLimit: 100 }), "TOO_LARGE", "monte-carlo")
  })
})

describe("invalid input", () => {
  const t = fromMatrix([[3, 1, 2], [1, 4, 2]])

  it("rejects bad options with BAD_OPTION", () => {
    expectStatsError(() => fisherFreemanHalton(t, { B: 0 }), "BAD_OPTION", "B")
    expectStatsError(() => fisherFreemanHalton(t, { B: -5 }), "BAD_OPTION", "B")
    expectStatsError(() => fisherFreemanHalton(t, { B: 10.5 }), "BAD_OPTION", "B")
    expectStatsError(() => fisherFreemanHalton(t, { B: Number.NaN }), "BAD_OPTION", "B")
    expectStatsError(() => fisherFreemanHalton(t, { seed: 1.5 }), "BAD_OPTION", "seed")
    expectStatsError(() => fisherFreemanHalton(t, { workLimit: 0 }), "BAD_OPTION", "workLimit")
    // @ts-expect-error: not a method
    expectStatsError(() => fisherFreemanHalton(t, { method: "permutation" }), "BAD_OPTION", "method")
  })

  it("rejects weighted (non-integer) counts with NON_INTEGER_COUNT", () => {
    const w = fromMatrix([[3.5, 1, 2], [1, 4, 2]])
    expectStatsError(() => fisherFreemanHalton(w), "NON_INTEGER_COUNT", "row 1, column 1")
    expectStatsError(() => fisherFreemanHalton(w, { method: "monte-carlo" }), "NON_INTEGER_COUNT", "whole-number")
    expectStatsError(() => fisherExact2x2(fromMatrix([[1, 2.25], [3, 4]])), "NON_INTEGER_COUNT", "column 2")
  })

  it("rejects tables the chi-square tests reject, and non-2 x 2 tables in fisherExact2x2", () => {
    expectStatsError(() => fisherFreemanHalton(fromMatrix([[1, 0], [2, 0]])), "ZERO_MARGIN", "column 2")
    expectStatsError(() => fisherFreemanHalton(fromMatrix([[1, 2, 3]])), "BAD_DIMENSIONS", "2 rows")
    expectStatsError(() => fisherExact2x2(t), "BAD_DIMENSIONS", "2 x 3")
  })
})
