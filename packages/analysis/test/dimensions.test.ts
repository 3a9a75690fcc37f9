import { decodeCodebook } from "@danvan/domain"
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { checkDimension, crosstab } from "../src/index.js"
import { codes, dataset, numeric } from "./helpers.js"

const messageOf = <A>(e: Either.Either<A, { readonly code: string; readonly message: string }>) =>
  Either.isLeft(e) ? `${e.left.code}: ${e.left.message}` : "ok"

describe("checkDimension: identifier-like variables are no table dimension", () => {
  const n = 40
  const ds = dataset(
    codes(
      "level",
      Array.from({ length: n }, (_, i) => (i % 3) + 1)
    ),
    codes(
      "resp",
      Array.from({ length: n }, (_, i) => 1000 + i)
    ),
    codes(
      "district",
      Array.from({ length: n }, (_, i) => i % 12)
    ),
    numeric(
      "w",
      Array.from({ length: n }, () => 1)
    ),
    numeric(
      "respNumber",
      Array.from({ length: n }, (_, i) => (i === 3 ? Number.NaN : 7 + i / 8))
    )
  )
  it("refuses more distinct values than the limit, and mostly unique values", () => {
    expect(messageOf(checkDimension(ds, undefined, "resp", { maxCategories: 30 }))).toMatch(
      /^IDENTIFIER_LIKE: variable "resp" cannot be a table dimension: it has more than 30 distinct values/
    )
    expect(messageOf(checkDimension(ds, undefined, "resp", { maxCategories: 100 }))).toMatch(
      /40 of its 40 valid values are distinct \(mostly unique\)/
    )
    expect(messageOf(checkDimension(ds, undefined, "district", { maxCategories: 10 }))).toMatch(
      /more than 10 distinct values/
    )
    // A numeric id is as identifying as a coded one; its blank is not a value.
    expect(messageOf(checkDimension(ds, undefined, "respNumber", { maxCategories: 100 }))).toMatch(
      /39 of its 39 valid values are distinct/
    )
  })
  it("accepts grouping variables, tiny samples, numeric and unknown columns (the analyses judge those)", () => {
    for (const name of ["level", "district", "w", "nope"]) {
      expect(messageOf(checkDimension(ds, undefined, name, { maxCategories: 100 }))).toBe("ok")
    }
    const tiny = dataset(codes("few", [1, 2, 3, 4]))
    expect(messageOf(checkDimension(tiny, undefined, "few", { maxCategories: 100 }))).toBe("ok")
  })
  it("refuses a codebook role \"id\" whatever its values", () => {
    const codebook = Either.getOrThrow(
      decodeCodebook({
        id: "c",
        title: { vi: "c", en: "c" },
        variables: [
          {
            name: "level",
            label: { vi: "Cấp", en: "Level" },
            kind: "single",
            role: "id",
            values: [1, 2, 3].map((code) => ({ code, label: { vi: `${code}`, en: `${code}` } }))
          }
        ]
      })
    )
    expect(messageOf(checkDimension(ds, codebook, "level", { maxCategories: 100 }))).toMatch(
      /the codebook marks it as the respondent identifier \(role "id"\)/
    )
  })
})

describe("an all-blank variable", () => {
  it("is an EMPTY_TABLE input error naming it, not a defect from the counting code", () => {
    const ds = dataset(codes("a", [1, 2, 1, 2]), codes("b", [null, null, null, null]))
    expect(messageOf(crosstab(ds, undefined, "a", "b"))).toMatch(
      /^EMPTY_TABLE: variable "b" has no valid values: it is blank or user-missing in every row/
    )
    expect(messageOf(crosstab(ds, undefined, "b", "a"))).toMatch(/^EMPTY_TABLE: variable "b" has no valid values/)
  })
})

describe("extra missing codes by name", () => {
  it("a column named constructor or toString finds no inherited missing codes", () => {
    const ds = dataset(codes("constructor", [1, 2, 1, 2]), codes("toString", [1, 1, 2, 2]))
    const result = crosstab(ds, undefined, "constructor", "toString")
    expect(Either.isRight(result) && result.right.counts).toEqual([
      [1, 1],
      [1, 1]
    ])
  })
})
