import { describe, expect, it } from "vitest"
import { fromMatrix } from "../src/ContingencyTable.js"
import { fisherFreemanHalton } from "../src/exact/fisherFreemanHalton.js"
import { readFixture } from "./helpers.js"

// Issue 22 item 4: a table the exact enumeration finishes in about a second is computed exactly by "auto".
// References: scripts/fisher-auto.R (R's fisher.test).
const fixture = readFixture<{ tables: Array<{ id: string; counts: Array<Array<number>>; p: number }> }>(
  "fisher-auto.json"
)

describe("Fisher-Freeman-Halton: auto is exact when the enumeration is feasible", () => {
  it("has the fixture tables", () => expect(fixture.tables.length).toBe(1))
  for (const t of fixture.tables) {
    it(t.id, () => {
      const auto = fisherFreemanHalton(fromMatrix(t.counts))
      expect(auto.method).toBe("exact")
      expect(Math.abs(auto.p - t.p) / t.p).toBeLessThan(1e-9)
    }, 120_000)
  }
  it("an exact request over its budget advises a real option", () => {
    const t = fixture.tables[0]
    expect(() => fisherFreemanHalton(fromMatrix(t.counts), { method: "exact", workLimit: 1000 })).toThrow(
      /needs more than 1000 steps \(workLimit\); use method "monte-carlo"/
    )
  })
})
