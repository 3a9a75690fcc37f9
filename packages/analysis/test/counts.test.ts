import { builtinCodebook } from "@danvan/domain"
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { crosstabFromCounts, parseCounts } from "../src/index.js"
import { relClose, rFixture } from "./helpers.js"

const hcmc = Either.getOrThrow(builtinCodebook("hcmc-2024"))
const message = <A>(e: Either.Either<A, { message: string }>) => (Either.isLeft(e) ? e.left.message : "no error")

describe("parseCounts", () => {
  it("reads rows separated by ; and counts by ,", () => {
    expect(Either.getOrThrow(parseCounts(" 66,209, 35;158,177,41 ;163,216,31"))).toEqual([
      [66, 209, 35],
      [158, 177, 41],
      [163, 216, 31]
    ])
    expect(Either.getOrThrow(parseCounts("1.5,2\n3,4\n"))).toEqual([[1.5, 2], [3, 4]])
  })

  it("names the row and column of a bad count", () => {
    expect(message(parseCounts("1,2;3,-4"))).toBe(
      "count in row 2, column 2 is \"-4\" (negative); expected a non-negative number"
    )
    expect(message(parseCounts("1,x;3,4"))).toBe("count in row 1, column 2 is \"x\"; expected a non-negative number")
    expect(message(parseCounts("1,,2;3,4,5"))).toBe("count in row 1, column 2 is empty; expected a non-negative number")
    expect(message(parseCounts("1,2;3"))).toMatch(/^row 2 has 1 counts but row 1 has 2/)
    expect(message(parseCounts("  "))).toMatch(/--counts is empty/)
  })
})

describe("crosstabFromCounts", () => {
  it("holds Pearson's test to R on 40,1;1,40 (p far below 1e-16, not 0)", () => {
    const r = rFixture("strong-2x2-40-1")
    const result = Either.getOrThrow(crosstabFromCounts([[40, 1], [1, 40]]))
    const pearson = r.pearson ?? r.tests?.pearson
    expect(relClose(result.tests.pearson.p, pearson.p, 1e-9)).toBe(true)
    expect(result.tests.pearson.p).toBeGreaterThan(0)
    expect(result.tests.yates).toBeDefined()
    expect(result.tests.fisherExact?.method).toBe("exact")
  })

  it("labels a typed table from the codebook", () => {
    const result = Either.getOrThrow(
      crosstabFromCounts([[66, 209, 35], [158, 177, 41], [163, 216, 31]], {
        codebook: hcmc,
        row: "level",
        col: "people_trust_limited"
      })
    )
    expect(result.row.categories.map((c) => c.label.en)).toEqual(["City", "District", "Ward/Commune"])
    expect(result.col.label.vi).toBe("Niềm tin, sự tham gia và phối hợp của Nhân dân còn hạn chế")
  })

  it("numbers rows and columns without a codebook", () => {
    const result = Either.getOrThrow(crosstabFromCounts([[1, 2], [3, 4]]))
    expect(result.row.categories.map((c) => c.code)).toEqual([1, 2])
    expect(result.n).toEqual({ valid: 10, missing: 0, total: 10 })
  })

  it("rejects empty tables and tables left too small by their empty rows with a clear message", () => {
    expect(message(crosstabFromCounts([[0, 0], [1, 2]]))).toBe(
      "row 1 is all zero; left out, the table is 1x2, and a crosstab needs at least 2 rows and 2 columns"
    )
    expect(message(crosstabFromCounts([[0, 1], [0, 2], [0, 3]]))).toMatch(
      /^column 1 is all zero; left out, the table is 3x1/
    )
    expect(message(crosstabFromCounts([[0, 0], [0, 0]]))).toMatch(/empty/)
    expect(message(crosstabFromCounts([[1, 2, 3]]))).toMatch(/needs at least 2 rows and 2 columns/)
  })

  it("checks the table's shape against the codebook variables", () => {
    expect(message(crosstabFromCounts([[1, 2], [3, 4]], { codebook: hcmc, row: "level", col: "sex" }))).toBe(
      "the table has 2 rows but \"level\" has 3 valid categories in codebook hcmc-2024"
    )
    expect(message(crosstabFromCounts([[1, 2], [3, 4]], { codebook: hcmc, row: "nope", col: "sex" }))).toMatch(
      /unknown variable "nope"/
    )
  })
})
