import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { normalTwoSidedP, normalUpperTail } from "../src/distributions/normal.js"
import { readFixture, type References } from "./helpers.js"

interface Row {
  readonly z: number
  readonly upper: number
  readonly logUpper: number
  readonly subnormal: boolean
  readonly twoSided: number
}
const fixture = JSON.parse(readFileSync(new URL("./fixtures/normal.json", import.meta.url), "utf8")) as {
  readonly grid: ReadonlyArray<Row>
}

const references = readFixture<References>("references.json")

/** Smallest positive subnormal double. */
const SUBNORMAL_ULP = 4.9406564584124654e-324

/** |actual - expected| <= rel·|expected|, or within a few subnormal ulps when expected is subnormal. */
const expectClose = (actual: number, expected: number, rel: number, subnormal = false): void => {
  const tol = subnormal ? 4 * SUBNORMAL_ULP + rel * Math.abs(expected) : rel * Math.abs(expected)
  if (!(Math.abs(actual - expected) <= tol)) {
    expect.fail(`expected ${actual} to be within ${rel} (relative) of ${expected}`)
  }
}

describe("normalUpperTail against R pnorm(z, lower.tail = FALSE)", () => {
  it("has the grid", () => expect(fixture.grid).toHaveLength(110))
  for (const row of fixture.grid) {
    it(`z = ${row.z}`, () => {
      // subnormal references are exp(log.p): exp amplifies the log's rounding to ~|log p|·eps ~ 2e-13
      const rel = row.subnormal ? 5e-13 : 2e-15
      expectClose(normalUpperTail(row.z), row.upper, rel, row.subnormal)
      expectClose(normalTwoSidedP(row.z), row.twoSided, rel, row.subnormal)
    })
  }
})

describe("normalUpperTail named points", () => {
  it("hits the values quoted in the brief", () => {
    expect(normalUpperTail(0)).toBe(0.5)
    expect(references.normalUpperTail.map((r) => r.z)).toEqual([1.96, -1.96, 5, 10, 20, 37])
    for (const { z, p } of references.normalUpperTail) expectClose(normalUpperTail(z), p, z === 37 ? 1e-14 : 1e-15)
  })
  it("does not underflow at z = 38 (p ~ 2.9e-316, a subnormal double)", () => {
    const p = normalUpperTail(38)
    expect(p).toBeGreaterThan(0)
    expectClose(Math.log(p), references.normalLogUpperTail38, 1e-9)
  })
  it("handles infinities, NaN and the far tails", () => {
    expect(normalUpperTail(Infinity)).toBe(0)
    expect(normalUpperTail(-Infinity)).toBe(1)
    expect(normalUpperTail(1e300)).toBe(0)
    expect(normalUpperTail(-1e300)).toBe(1)
    expect(normalUpperTail(-40)).toBe(1)
    expect(Number.isNaN(normalUpperTail(NaN))).toBe(true)
    expect(Number.isNaN(normalTwoSidedP(NaN))).toBe(true)
  })
  it("two-sided p is symmetric and capped at 1", () => {
    expect(normalTwoSidedP(0)).toBe(1)
    expect(normalTwoSidedP(0.1)).toBeLessThanOrEqual(1)
    expect(normalTwoSidedP(-2.5)).toBe(normalTwoSidedP(2.5))
    expectClose(normalTwoSidedP(1.96), references.normalTwoSided196, 1e-15)
  })
  it("is monotone decreasing across the range boundaries", () => {
    let prev = normalUpperTail(-10)
    for (let z = -10; z <= 38.5; z += 0.001) {
      const p = normalUpperTail(z)
      expect(p).toBeLessThanOrEqual(prev)
      prev = p
    }
  })
})
