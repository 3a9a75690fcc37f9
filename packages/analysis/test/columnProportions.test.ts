import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { crosstab, crosstabFromCounts } from "../src/index.js"
import { codes, dataset, expand } from "./helpers.js"

describe("crosstab columnProportions (SPSS letters)", () => {
  it("a strong 2x2 difference: column A larger in row 1, B in row 2", () => {
    const r = Either.getOrThrow(crosstabFromCounts([[80, 20], [20, 80]]))
    expect(r.columnProportions?.letters).toEqual(["A", "B"])
    expect(r.columnProportions?.largerThan).toEqual([["B", ""], ["", "A"]])
  })
  it("the paper's Table 4 item 1 by level (R: prop.test and Bonferroni, packages/stats/scripts/colprops.R)", () => {
    // rows: difficult, normal, not difficult; columns: City, District, Ward/Commune
    const counts = [[66, 158, 163], [209, 177, 216], [35, 41, 31]]
    const e = expand(counts, [1, 2, 3], [1, 2, 3])
    const r = Either.getOrThrow(
      crosstab(dataset(codes("item", e.rows), codes("level", e.cols)), undefined, "item", "level")
    )
    expect(r.columnProportions?.largerThan).toEqual([["", "A", "A"], ["BC", "", ""], ["", "", ""]])
  })
})
