import { builtinCodebook } from "@danvan/domain"
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { bannerTable, crosstab } from "../src/index.js"
import { codes, dataset, expand } from "./helpers.js"

// The paper's Table 4 item 1: rows 1 difficult, 2 normal, 3 not difficult; columns level 1..3 (bases 310, 376, 410).
const counts = [[66, 158, 163], [209, 177, 216], [35, 41, 31]]
const e = expand(counts, [1, 2, 3], [1, 2, 3])
const ds = dataset(
  codes("people_trust_limited", e.rows),
  codes("level", e.cols),
  codes("sex", e.rows.map((_, k) => (k % 2) + 1))
)

describe("banner table", () => {
  const r = Either.getOrThrow(bannerTable(ds, undefined, ["people_trust_limited"], ["level", "sex"], {
    nets: [{ variable: "people_trust_limited", name: "Difficult or normal", codes: [1, 2] }]
  }))
  it("counts, column percents and bases with a Total column", () => {
    const s = r.stub[0]
    expect(s.base).toEqual([1096, 310, 376, 410, 548, 548])
    expect(s.rows[0].cells.slice(0, 4).map((c) => c.count)).toEqual([387, 66, 158, 163])
    expect(s.rows[0].cells[1].percent).toBeCloseTo((100 * 66) / 310, 12)
    expect(s.rows[3]).toMatchObject({ kind: "net", codes: [1, 2] })
    expect(s.rows[3].cells.slice(0, 2).map((c) => c.count)).toEqual([387 + 602, 66 + 209])
  })
  it("letters within the banner variable equal the crosstab's columnProportions", () => {
    const ct = Either.getOrThrow(crosstab(ds, undefined, "people_trust_limited", "level"))
    r.stub[0].rows.slice(0, 3).forEach((row, i) =>
      expect(row.cells.slice(1, 4).map((c) => c.letters)).toEqual(ct.columnProportions!.largerThan[i])
    )
    expect(r.banner.map((b) => b.categories.map((c) => c.letter))).toEqual([["A", "B", "C"], ["A", "B"]])
  })
  it("a mean-score row for a codebook item with scores", () => {
    const cb = Either.getOrThrow(builtinCodebook("hcmc-2024"))
    const withCb = Either.getOrThrow(bannerTable(ds, cb, ["people_trust_limited"], ["level"]))
    const mean = withCb.stub[0].rows.find((x) => x.kind === "mean")!
    // scores: Difficult 3, Normal 2, Not difficult 1
    expect(mean.cells[1].mean).toBeCloseTo((3 * 66 + 2 * 209 + 35) / 310, 12)
  })
  it("rejects a net on a variable that is not in the stub", () => {
    const bad = bannerTable(ds, undefined, ["people_trust_limited"], ["level"], {
      nets: [{ variable: "sex", name: "x", codes: [1] }]
    })
    expect(Either.isLeft(bad) && bad.left.code).toBe("BAD_OPTION")
  })
})
