import { describe, expect, it } from "vitest"
import { bonferroni, holm } from "../src/adjust/pAdjust.js"
import { StatsInputError } from "../src/ContingencyTable.js"
import { expectRelClose, readFixture } from "./helpers.js"

interface Case {
  id: string
  p: Array<number>
  bonferroni: Array<number>
  holm: Array<number>
}
const fx = readFixture<{ cases: Array<Case> }>("padjust.json")

describe("p-value adjustment against R's p.adjust", () => {
  it("the fixture holds 7 cases", () => expect(fx.cases).toHaveLength(7))
  for (const c of fx.cases) {
    it(c.id, () => {
      const b = bonferroni(c.p)
      const h = holm(c.p)
      expect(b.length).toBe(c.p.length)
      expect(h.length).toBe(c.p.length)
      c.p.forEach((_, k) => {
        expectRelClose(b[k], c.bonferroni[k], 1e-15, `bonferroni[${k}]`)
        expectRelClose(h[k], c.holm[k], 1e-15, `holm[${k}]`)
      })
    })
  }
  it("Holm is never larger than Bonferroni and keeps the order of the raw p-values", () => {
    expect(fx.cases).toHaveLength(7)
    for (const c of fx.cases) {
      const b = bonferroni(c.p)
      const h = holm(c.p)
      for (let i = 0; i < c.p.length; i++) {
        expect(h[i]).toBeLessThanOrEqual(b[i])
        for (let j = 0; j < c.p.length; j++) if (c.p[i] <= c.p[j]) expect(h[i]).toBeLessThanOrEqual(h[j])
      }
    }
  })
  it("empty input gives empty output; bad p-values are rejected with their position", () => {
    expect(bonferroni([]).length).toBe(0)
    expect(holm([]).length).toBe(0)
    expect(() => holm([0.1, Number.NaN])).toThrow(StatsInputError)
    expect(() => bonferroni([0.1, 1.5])).toThrow(/p-value 2/)
    expect(() => holm([-0.1])).toThrow(/p-value 1/)
  })
})
