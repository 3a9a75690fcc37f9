import { describe, expect, it } from "vitest"
import { columnProportionTests, mmiBootstrap, mmiRaoScott2, multipleResponseTable, perItemTests } from "../src/index.js"

// Frequency weights mean "respondent k stands for weights[k] respondents": integer weights must give exactly
// the results of the replicated data (whose tests are checked against R and MRCV elsewhere).
describe("multiple-response tests with frequency weights", () => {
  const groups = Int32Array.from([0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2])
  const items = [
    Uint8Array.from([1, 1, 1, 0, 1, 0, 0, 0, 0, 0, 0, 1]),
    Uint8Array.from([1, 0, 1, 1, 1, 1, 0, 1, 0, 1, 0, 0])
  ]
  const weights = Float64Array.from([1, 2, 3, 1, 2, 1, 1, 4, 2, 1, 3, 2])
  const rep = (k: number) => Array.from({ length: weights[k] }, () => k)
  const idx = Array.from(groups, (_, k) => rep(k)).flat()
  const weighted = { groups, groupCount: 3, items, weights }
  const replicated = {
    groups: Int32Array.from(idx, (k) => groups[k]),
    groupCount: 3,
    items: items.map((y) => Uint8Array.from(idx, (k) => y[k]))
  }

  it("equals the replicated data for the table, per-item tests, Rao-Scott and column proportions", () => {
    expect(idx.length).toBe(23)
    const close = (a: number, b: number) =>
      expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(b)))
    const [rw, rr] = [mmiRaoScott2(weighted), mmiRaoScott2(replicated)]
    close(rw.statistic, rr.statistic)
    close(rw.df, rr.df)
    close(rw.p, rr.p)
    perItemTests(weighted).forEach((t, j) => close(t.p, perItemTests(replicated)[j].p))
    expect(Array.from(multipleResponseTable(weighted).counts)).toEqual(
      Array.from(multipleResponseTable(replicated).counts)
    )
    expect(columnProportionTests(weighted).items.map((i) => i.largerThan)).toEqual(
      columnProportionTests(replicated).items.map((i) => i.largerThan)
    )
  })

  it("rejects a negative weight, a length mismatch, and weights in the bootstrap", () => {
    expect(() => perItemTests({ ...weighted, weights: Float64Array.from(weights, (w, k) => (k === 3 ? -1 : w)) }))
      .toThrow(/weight -1/)
    expect(() => perItemTests({ ...weighted, weights: Float64Array.of(1, 2) })).toThrow(/2 weights for 12 respondents/)
    expect(() => mmiBootstrap(weighted, { B: 9 })).toThrow(/does not take weights/)
  })
})
