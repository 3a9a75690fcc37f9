import { builtinCodebook, makeDataset } from "@danvan/domain"
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { crosstab, crosstabFromCounts, frequencies, parseCounts } from "../src/index.js"

// The README's example, run as written.
describe("README example", () => {
  it("analyses a typed table and a small dataset", () => {
    const hcmc = Either.getOrThrow(builtinCodebook("hcmc-2024"))
    const counts = Either.getOrThrow(parseCounts("66,209,35;158,177,41;163,216,31"))
    const table4 = Either.getOrThrow(
      crosstabFromCounts(counts, { codebook: hcmc, row: "level", col: "people_trust_limited" })
    )
    expect(table4.tests.pearson.df).toBe(4)
    expect(typeof table4.tests.pearson.p).toBe("number")
    const data = makeDataset([
      { name: "level", type: "codes", values: Int32Array.of(1, 1, 2, 2, 3, 3, 9) },
      { name: "sex", type: "codes", values: Int32Array.of(1, 2, 1, 2, 2, 1, 1) }
    ])
    const result = Either.getOrThrow(crosstab(data, hcmc, "level", "sex"))
    expect(result.n).toEqual({ valid: 6, missing: 1, total: 7 })
    expect(Either.getOrThrow(frequencies(data, hcmc, "level")).rows.map((r) => [r.label.vi, r.count])).toEqual([
      ["Thành phố", 2],
      ["Quận/Huyện", 2],
      ["Phường/Xã", 2],
      ["Không trả lời", 1]
    ])
  })
})
