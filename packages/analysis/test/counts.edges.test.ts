import { builtinCodebook } from "@danvan/domain"
import { fisherFreemanHalton, fromMatrix, goodmanKruskalTau, pearsonChiSquare, StatsInputError } from "@danvan/stats"
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { crosstabFromCounts, parseCounts } from "../src/index.js"
import { exactOrAdvice } from "../src/table.js"

const hcmc = Either.getOrThrow(builtinCodebook("hcmc-2024"))
const message = (e: Either.Either<unknown, { message: string }>) => (Either.isLeft(e) ? e.left.message : "no error")

describe("--counts with an empty row or column (issue 22 item 3)", () => {
  it("drops the empty row and column, names them in warnings, and tests the rest", () => {
    const r = Either.getOrThrow(crosstabFromCounts([[10, 0, 5], [0, 0, 0], [3, 0, 12]]))
    expect(r.counts).toEqual([[10, 5], [3, 12]])
    expect(r.row.categories.map((c) => c.code)).toEqual([1, 3])
    expect(r.col.categories.map((c) => c.code)).toEqual([1, 3])
    const empty = r.warnings.filter((w) => w.code === "EMPTY_CATEGORY")
    expect(empty.map((w) => w.message)).toEqual([
      "row 2 of the typed table has a total of zero and is left out (as SPSS and PSPP do)",
      "column 2 of the typed table has a total of zero and is left out (as SPSS and PSPP do)"
    ])
    // the tests are those of the 2 x 2 table that is left
    expect(r.tests.pearson).toEqual(pearsonChiSquare(fromMatrix([[10, 5], [3, 12]])))
    expect(r.n).toEqual({ valid: 30, missing: 0, total: 30 })
  })

  it("names the codebook category it leaves out", () => {
    const r = Either.getOrThrow(
      crosstabFromCounts([[5, 6], [0, 0], [7, 2]], { codebook: hcmc, row: "level", col: "sex" })
    )
    const w = r.warnings.find((x) => x.code === "EMPTY_CATEGORY")
    expect(w?.message).toMatch(/^category 2 \(.+\) of "level" has a total of zero in the typed table and is left out/)
    expect(r.row.categories.map((c) => c.code)).toEqual([1, 3])
  })
})

describe("counts beyond 2^53 - 1 (issue 22 item 5)", () => {
  it("are refused when typed, naming the cell and the limit", () => {
    expect(message(parseCounts("9007199254740993,1;2,3"))).toBe(
      "count in row 1, column 1 is 9007199254740993, which exceeds 2^53 - 1 = 9007199254740991, the largest count " +
        "held exactly; larger counts would be rounded silently"
    )
    expect(Either.getOrThrow(parseCounts("9007199254740991,1;2,3"))[0][0]).toBe(9007199254740991)
  })
  it("and a table whose total exceeds it is refused too", () => {
    expect(message(crosstabFromCounts([[2 ** 52, 2 ** 52], [1, 1]]))).toMatch(/total exceeds 2\^53 - 1/)
  })
})

describe("Goodman and Kruskal's tau in the crosstab (issue 22 item 2)", () => {
  it("is under measures with both directions, as the stats function computes it", () => {
    const counts = [[66, 209, 35], [158, 177, 41], [163, 216, 31]]
    const r = Either.getOrThrow(crosstabFromCounts(counts))
    const t = goodmanKruskalTau(fromMatrix(counts))
    expect(r.measures.goodmanKruskalTau.rowDependent).toEqual(t.rowsDependent)
    expect(r.measures.goodmanKruskalTau.colDependent).toEqual(t.colsDependent)
    expect(r.measures.goodmanKruskalTau.colDependent.ase).toBeGreaterThan(0)
  })
})

describe("Fisher's exact test over its budget (issue 22 item 4)", () => {
  it("advises options the CLI and the API have, not workLimit", () => {
    // the real enumeration takes ~30 s to reach its budget; the stats error it ends with is thrown here directly
    const table = fromMatrix([[66, 209, 35], [158, 177, 41], [163, 216, 31]])
    const overBudget = () => fisherFreemanHalton(table, { method: "exact", workLimit: 1000 })
    expect(overBudget).toThrow(/workLimit/)
    let error: unknown
    try {
      exactOrAdvice(overBudget, table)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(StatsInputError)
    const e = error as StatsInputError
    expect(e.code).toBe("BAD_OPTION")
    expect(e.message).toMatch(
      /too large for this 3 x 3 table with 1096 cases .* use --exact auto .* --exact monte-carlo --resamples/
    )
    expect(e.message).not.toMatch(/workLimit/)
  })
})
