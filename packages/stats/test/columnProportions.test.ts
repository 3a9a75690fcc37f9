import { describe, expect, it } from "vitest"
import { columnProportions } from "../src/cells/columnProportions.js"
import { fromMatrix } from "../src/ContingencyTable.js"
import { expectRelClose, readFixture } from "./helpers.js"

interface Pair {
  a: number
  b: number
  z2: number
  p: number
  pBonferroni: number
}
interface Case {
  id: string
  counts: Array<Array<number>>
  largerThan: Array<Array<string>>
  pairs: Array<Array<Pair>>
}
const fx = readFixture<{ cases: Array<Case> }>("colprops.json")

describe("column-proportion letters against prop.test and Bonferroni in R", () => {
  it("the fixture has its cases", () => expect(fx.cases.length).toBe(3))
  it.each(fx.cases.map((c) => [c.id, c] as const))("%s", (_, c) => {
    const r = columnProportions(fromMatrix(c.counts))
    expect(r.letters).toEqual(c.counts[0].map((_, j) => String.fromCharCode(65 + j)))
    expect(r.largerThan).toEqual(c.largerThan)
    r.pairs.forEach((row, i) => {
      expect(row.map((p) => [p.a, p.b])).toEqual(c.pairs[i].map((p) => [p.a, p.b]))
      row.forEach((p, k) => {
        expectRelClose(p.z * p.z, c.pairs[i][k].z2, 1e-10, "z²")
        expectRelClose(p.p, c.pairs[i][k].p, 1e-10, "p")
        expectRelClose(p.pBonferroni, c.pairs[i][k].pBonferroni, 1e-10, "p Bonferroni")
      })
    })
  })
  it("leaves out 0%, 100% and bases under 2", () => {
    const r = columnProportions(fromMatrix([[0, 5, 1], [4, 5, 0]]))
    // column A is 0% then 100%, column C has a base of 1
    expect(r.tested).toEqual([[false, true, false], [false, true, false]])
    expect(() => columnProportions(fromMatrix([[1, 2], [3, 4]]), 1)).toThrow(/alpha/)
  })
})
