import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { multipleResponse } from "../src/index.js"
import { lowExpectedItems } from "../src/mrWarnings.js"
import { codes, dataset } from "./helpers.js"

// Issue 22 item 7: a set with rare items warns and names the bootstrap.
describe("multiple response with rare items", () => {
  // 3 groups of 20; item "rare" ticked by 3 respondents in all, "common" by about half
  const group = Array.from({ length: 60 }, (_, k) => 1 + Math.floor(k / 20))
  const rare = group.map((_, k) => (k === 0 || k === 21 || k === 45 ? 1 : 0))
  const common = group.map((_, k) => (k % 2 === 0 ? 1 : 0))
  const ds = dataset(codes("level", group), codes("rare", rare), codes("common", common))

  it("warns with the item, the smallest expected count and the bootstrap", () => {
    const r = Either.getOrThrow(multipleResponse(ds, undefined, "level", ["rare", "common"]))
    const w = r.warnings.filter((x) => x.code === "LOW_EXPECTED_ITEMS")
    expect(w).toEqual([{
      code: "LOW_EXPECTED_ITEMS",
      items: ["rare"],
      minExpected: 1,
      message: "item \"rare\" has an expected count below 5 in some group (the smallest is 1.00): the per-item " +
        "chi-square, Bonferroni and Rao-Scott p-values are approximations that can be poor there; use the bootstrap " +
        "test (--method bootstrap), which does not rely on them"
    }])
  })

  it("says the bootstrap p does not rely on them when the bootstrap is used", () => {
    const r = Either.getOrThrow(
      multipleResponse(ds, undefined, "level", ["rare", "common"], { method: "bootstrap", B: 99, seed: 1 })
    )
    expect(r.warnings.find((x) => x.code === "LOW_EXPECTED_ITEMS")?.message).toMatch(
      /the bootstrap p reported here does not rely on them$/
    )
  })

  it("stays quiet when every expected count is at least 5", () => {
    expect(lowExpectedItems(["a", "b"], [40, 40, 40], [15, 60], "rs2")).toBeUndefined()
    const w = lowExpectedItems(["a", "b"], [40, 40, 40], [14, 60], "rs2")
    expect(w !== undefined && w.code === "LOW_EXPECTED_ITEMS" ? w.items : []).toEqual(["a"])
  })
})
