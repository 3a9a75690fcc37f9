import { describe, expect, it } from "vitest"
import { fromMatrix } from "../src/ContingencyTable.js"
import { fisherFreemanHalton, networkLayout } from "../src/exact/fisherFreemanHalton.js"
import { boundedCompositions, estimateNetworkWork } from "../src/exact/workEstimate.js"
import { readFixture } from "./helpers.js"

interface FisherFixture {
  id: string
  counts: Array<Array<number>>
  p: number
}
const fixture = readFixture<{ tables: Array<FisherFixture> }>("fisher.json")
const margins = (counts: Array<Array<number>>) => {
  const rowT = Int32Array.from(counts, (r) => r.reduce((a, b) => a + b, 0))
  const colT = Int32Array.from(counts[0], (_, j) => counts.reduce((a, r) => a + r[j], 0))
  // the network's orientation and stage order, as fisherFreemanHalton chooses them
  return networkLayout(rowT, colT)
}
const AUTO_LIMIT = 2e7
const HOPELESS = 4 * AUTO_LIMIT

describe("boundedCompositions", () => {
  it("counts vectors with a fixed sum under caps, against brute force", () => {
    const caps = Int32Array.of(3, 0, 5, 2)
    for (let total = 0; total <= 11; total++) {
      let brute = 0
      for (let a = 0; a <= 3; a++) {
        for (let c = 0; c <= 5; c++) for (let d = 0; d <= 2; d++) if (a + c + d === total) brute++
      }
      expect(boundedCompositions(total, caps)).toBe(brute)
    }
  })
})

describe("estimateNetworkWork", () => {
  // random-4x4-106 is left out: measuring its work takes 15-50 s (see fisher.test.ts)
  const tables = fixture.tables.filter((t) =>
    !(t.counts.length === 2 && t.counts[0].length === 2) && t.id !== "random-4x4-106"
  )

  it("is within a factor 40 of the measured work on the fixture tables, so auto never skips a feasible table", () => {
    const bad: Array<string> = []
    for (const t of tables) {
      const { keys, stages } = margins(t.counts)
      const est = estimateNetworkWork(keys, stages, Infinity)
      const work = fisherFreemanHalton(fromMatrix(t.counts), { method: "exact" }).tables!
      if (est > 40 * work) bad.push(`${t.id}: estimate ${est.toExponential(1)} vs work ${work.toExponential(1)}`)
      // a table that auto finishes exactly must not be judged hopeless
      if (work <= AUTO_LIMIT && est > HOPELESS) {
        bad.push(`${t.id}: feasible (${work}) but estimated ${est.toExponential(1)}`)
      }
    }
    expect(bad).toEqual([])
  })

  it("judges the paper's 3 x 3 (n = 1,096) hopeless for auto: it goes straight to Monte Carlo with the same result", () => {
    const t = fixture.tables.find((x) => x.id === "extra-paper-3x3")!
    const { keys, stages } = margins(t.counts)
    expect(estimateNetworkWork(keys, stages, Infinity)).toBeGreaterThan(HOPELESS)
    const auto = fisherFreemanHalton(fromMatrix(t.counts), { seed: 9 })
    expect(auto).toEqual(fisherFreemanHalton(fromMatrix(t.counts), { method: "monte-carlo", seed: 9 }))
    // and its exact value is still reachable on request
    const exact = fisherFreemanHalton(fromMatrix(t.counts), { method: "exact" })
    expect(Math.abs(exact.p - t.p) / t.p).toBeLessThan(1e-9)
  })
})
