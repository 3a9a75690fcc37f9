import { describe, expect, it } from "vitest"
import { StatsInputError } from "../src/ContingencyTable.js"
import { countCodes } from "../src/fromCodes.js"

/** Independent oracle: a nested scan with indexOf, no lookup tables. */
const naive = (
  rc: ArrayLike<number>,
  cc: ArrayLike<number>,
  rl: ReadonlyArray<number>,
  cl: ReadonlyArray<number>,
  w?: ArrayLike<number>
) => {
  const counts = new Array<number>(rl.length * cl.length).fill(0)
  let skipped = 0
  let skippedWeight = 0
  for (let k = 0; k < rc.length; k++) {
    const i = rl.indexOf(rc[k])
    const j = cl.indexOf(cc[k])
    const wk = w === undefined ? 1 : w[k]
    if (i < 0 || j < 0) {
      skipped++
      skippedWeight += wk
    } else counts[i * cl.length + j] += wk
  }
  return { counts, skipped, skippedWeight }
}

/** Deterministic pseudo-random codes (LCG) with missing and out-of-range codes mixed in. */
const makeCodes = (
  n: number,
  seed: number,
  levels: ReadonlyArray<number>,
  extra: ReadonlyArray<number>
): Int32Array => {
  let s = seed >>> 0
  const out = new Int32Array(n)
  for (let k = 0; k < n; k++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0
    const u = (s >>> 8) / 16777216
    out[k] = u < 0.05
      ? extra[Math.floor(u * 20 * extra.length)]
      : levels[Math.floor(((u - 0.05) / 0.95) * levels.length)]
  }
  return out
}

const thrown = (f: () => unknown): StatsInputError => {
  try {
    f()
  } catch (e) {
    if (e instanceof StatsInputError) return e
    throw e
  }
  throw new Error("did not throw")
}

describe("countCodes", () => {
  it("counts a small example by hand, rows in level order (not code order)", () => {
    const r = countCodes(Int32Array.of(1, 2, 2, 9, 3), Int32Array.of(1, 1, 2, 1, 2), [3, 1, 2], [1, 2])
    expect(r.table.rows).toBe(3)
    expect(r.table.cols).toBe(2)
    expect(Array.from(r.table.counts)).toEqual([0, 1, 1, 0, 1, 1])
    expect(r.skipped).toBe(1)
    expect(r.skippedWeight).toBe(1)
  })

  it("matches the naive count on 100k cases with missing codes (dense lookup)", () => {
    const rl = [1, 2, 3]
    const cl = [4, 1, 2, 3, 5]
    const rc = makeCodes(100_000, 7, rl, [9, 0, -1, 99])
    const cc = makeCodes(100_000, 11, cl, [8, 9])
    const got = countCodes(rc, cc, rl, cl)
    const want = naive(rc, cc, rl, cl)
    expect(Array.from(got.table.counts)).toEqual(want.counts)
    expect(got.skipped).toBe(want.skipped)
    expect(got.skipped).toBeGreaterThan(5000)
    expect(got.skipped + got.table.counts.reduce((a, b) => a + b, 0)).toBe(100_000)
  })

  it("matches the naive count with weights and sums the skipped weight", () => {
    const rl = [1, 2]
    const cl = [1, 2, 3]
    const rc = makeCodes(20_000, 3, rl, [9])
    const cc = makeCodes(20_000, 5, cl, [9])
    const w = new Float64Array(20_000)
    for (let k = 0; k < w.length; k++) w[k] = (k % 7) * 0.25
    const got = countCodes(rc, cc, rl, cl, w)
    const want = naive(rc, cc, rl, cl, w)
    for (let k = 0; k < 6; k++) expect(got.table.counts[k]).toBeCloseTo(want.counts[k], 9)
    expect(got.skipped).toBe(want.skipped)
    expect(got.skippedWeight).toBeCloseTo(want.skippedWeight, 9)
  })

  it("uses a Map for non-integer levels or a huge code range, with the same result", () => {
    const rc = Float64Array.of(1.5, 2.5, 1.5, 7, NaN, 2.5)
    const cc = Int32Array.of(1, 1_000_000_000, 1, 1, 1, 1)
    const got = countCodes(rc, cc, [1.5, 2.5], [1, 1_000_000_000])
    expect(Array.from(got.table.counts)).toEqual([2, 0, 1, 1])
    expect(got.skipped).toBe(2)
    const w = Float64Array.of(1, 2, 3, 4, 5, 6)
    const gw = countCodes(rc, cc, [1.5, 2.5], [1, 1_000_000_000], w)
    expect(Array.from(gw.table.counts)).toEqual([4, 0, 6, 2])
    expect(gw.skippedWeight).toBe(9)
  })

  it("skips NaN, fractional, negative and far-away codes on the dense path (plain arrays too)", () => {
    const rc = [1, NaN, 1.5, -1, 2 ** 32 + 1, 2, 1e300, -Infinity]
    const cc = [1, 1, 1, 1, 1, 1, 1, 1]
    const got = countCodes(rc, cc, [1, 2], [1])
    expect(Array.from(got.table.counts)).toEqual([1, 1])
    expect(got.skipped).toBe(6)
  })

  it("handles negative level codes", () => {
    const got = countCodes(Int32Array.of(-2, -1, -2, 0), Int32Array.of(0, 0, 1, 1), [-2, -1], [0, 1])
    expect(Array.from(got.table.counts)).toEqual([1, 1, 1, 0])
    expect(got.skipped).toBe(1)
  })

  it("returns an all-zero table (not an error) when every case is missing, and for no cases", () => {
    const got = countCodes(Int32Array.of(9, 9), Int32Array.of(1, 2), [1, 2], [1, 2])
    expect(Array.from(got.table.counts)).toEqual([0, 0, 0, 0])
    expect(got.skipped).toBe(2)
    const none = countCodes(new Int32Array(0), new Int32Array(0), [1], [1, 2])
    expect(Array.from(none.table.counts)).toEqual([0, 0])
    expect(none.skipped).toBe(0)
  })

  it("counts large totals exactly (2^24 + 3 cases in one cell)", () => {
    const n = 2 ** 24 + 3
    const got = countCodes(new Int32Array(n).fill(1), new Int32Array(n).fill(1), [1], [1])
    expect(got.table.counts[0]).toBe(n)
  })

  it("rejects negative, NaN and infinite weights naming the 0-based case, even on skipped cases", () => {
    for (const [bad, path] of [[-1, "dense"], [NaN, "dense"], [Infinity, "dense"], [-0.5, "map"]] as const) {
      const w = Float64Array.of(1, 1, bad, 1)
      const levels = path === "dense" ? [1, 2] : [1, 2.5]
      const e = thrown(() => countCodes(Int32Array.of(1, 2, 9, 1), Int32Array.of(1, 1, 1, 1), levels, [1], w))
      expect(e.code).toBe("BAD_WEIGHT")
      expect(e.message).toContain("case 2 (0-based)")
    }
    // zero weights are allowed
    expect(countCodes(Int32Array.of(1), Int32Array.of(1), [1], [1], Float64Array.of(0)).table.counts[0]).toBe(0)
  })

  it("rejects mismatched lengths and empty, duplicated or non-finite levels", () => {
    expect(thrown(() => countCodes(Int32Array.of(1, 2), Int32Array.of(1), [1], [1])).code).toBe("BAD_DIMENSIONS")
    expect(thrown(() => countCodes(Int32Array.of(1), Int32Array.of(1), [1], [1], Float64Array.of(1, 2))).code).toBe(
      "BAD_DIMENSIONS"
    )
    expect(thrown(() => countCodes(Int32Array.of(1), Int32Array.of(1), [], [1])).message).toContain("no row categories")
    expect(thrown(() => countCodes(Int32Array.of(1), Int32Array.of(1), [1], [2, 3, 2])).message).toContain(
      "column code 2 is listed twice"
    )
    expect(thrown(() => countCodes(Int32Array.of(1), Int32Array.of(1), [1, NaN], [1])).code).toBe("BAD_CODE")
  })
})
