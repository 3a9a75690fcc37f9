import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { clopperPearsonInterval } from "../src/index.js"
import { expectRelClose } from "./helpers.js"

// References: scripts/rates-mpmath.py (closed forms at 50 digits). Issue 22 item 8.
const fixture = JSON.parse(readFileSync(new URL("./fixtures/rates-mpmath.json", import.meta.url), "utf8")) as {
  readonly cases: ReadonlyArray<{ n: number; level: number; zeroUpper: number; allLower: number }>
}

describe("Clopper-Pearson at x = 0 and x = n against the closed forms", () => {
  it("has the fixture cases", () => expect(fixture.cases.length).toBe(45))
  for (const c of fixture.cases) {
    it(`n = ${c.n}, level ${c.level}`, () => {
      const zero = clopperPearsonInterval(0, c.n, c.level)
      expect(zero.lower).toBe(0)
      expectRelClose(zero.upper, c.zeroUpper, 1e-14, "upper at x = 0")
      const all = clopperPearsonInterval(c.n, c.n, c.level)
      expect(all.upper).toBe(1)
      expectRelClose(all.lower, c.allLower, 1e-14, "lower at x = n")
    })
  }
})
