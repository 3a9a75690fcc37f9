import { builtinCodebook } from "@danvan/domain"
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { crosstab, crosstabFromCounts } from "../src/index.js"
import { codes, dataset, expand, numeric, relClose, rFixture } from "./helpers.js"

const hcmc = Either.getOrThrow(builtinCodebook("hcmc-2024"))
// The paper's Table 4, first item, levels as rows: City, District, Ward/Commune x Difficult, Normal, Not difficult.
const table4item1 = [[66, 209, 35], [158, 177, 41], [163, 216, 31]]
const micro = expand(table4item1, [1, 2, 3], [1, 2, 3])

const fail = <A, E>(e: Either.Either<A, E>): E => {
  if (Either.isRight(e)) throw new Error("expected a failure")
  return e.left
}

describe("crosstab over a dataset", () => {
  // 5 extra cases: two "no answer" (9) on the item, one blank level, one level 9 and one both missing.
  const ds = dataset(
    codes("level", [...micro.rows, 1, 2, null, 9, 9]),
    codes("people_trust_limited", [...micro.cols, 9, 9, 2, 1, null])
  )
  const result = Either.getOrThrow(crosstab(ds, hcmc, "level", "people_trust_limited"))

  it("reproduces the published counts in codebook order with bilingual labels", () => {
    expect(result.counts).toEqual(table4item1)
    expect(result.row.categories.map((c) => c.label.vi)).toEqual(["Thành phố", "Quận/Huyện", "Phường/Xã"])
    expect(result.col.categories.map((c) => c.label.en)).toEqual(["Difficult", "Normal", "Not difficult"])
    expect(result.rowTotals).toEqual([310, 376, 410])
  })

  it("excludes missing codes and blanks, counting them in n.missing by code", () => {
    expect(result.n).toEqual({ valid: 1096, missing: 5, total: 1101 })
    const byKey = Object.fromEntries(result.missingByCode.map((m) => [`${m.variable}:${m.code}`, m.count]))
    expect(byKey).toEqual({
      "people_trust_limited:9": 2,
      "level:system": 1,
      "level:9": 2,
      "people_trust_limited:system": 1
    })
  })

  it("matches R's chisq.test on the same table", () => {
    const r = rFixture("paper-table4-item1")
    const pearson = r.pearson ?? r.tests?.pearson
    expect(relClose(result.tests.pearson.statistic, pearson.statistic, 1e-10)).toBe(true)
    expect(relClose(result.tests.pearson.p, pearson.p, 1e-9)).toBe(true)
    expect(result.tests.pearson.df).toBe(4)
    expect(result.tests.yates).toBeUndefined()
  })

  it("gives the same result as the typed table", () => {
    const typed = Either.getOrThrow(crosstabFromCounts(table4item1))
    expect(typed.tests).toEqual(result.tests)
    expect(typed.measures).toEqual(result.measures)
  })

  it("honours weights", () => {
    const weighted = dataset(
      ...ds.columns,
      numeric("w", ds.columns[0].values.length === 0 ? [] : Array.from({ length: ds.rowCount }, () => 2))
    )
    const r = Either.getOrThrow(crosstab(weighted, hcmc, "level", "people_trust_limited", { weight: "w" }))
    expect(r.weighted).toBe(true)
    expect(r.counts).toEqual(table4item1.map((row) => row.map((x) => 2 * x)))
    expect(r.n).toEqual({ valid: 2192, missing: 10, total: 2202 })
    expect(r.tests.pearson.statistic).toBeCloseTo(2 * result.tests.pearson.statistic, 9)
  })

  it("skips Fisher's test on fractional weighted counts and says so", () => {
    const weighted = dataset(
      ...ds.columns,
      numeric("w", Array.from({ length: ds.rowCount }, (_, k) => (k % 2 === 0 ? 0.5 : 1.5)))
    )
    const r = Either.getOrThrow(
      crosstab(weighted, hcmc, "level", "people_trust_limited", { weight: "w", fisher: { method: "auto" } })
    )
    expect(r.tests.fisherExact).toBeUndefined()
    expect(r.warnings.map((w) => w.code)).toContain("TEST_NOT_COMPUTED")
  })

  it("leaves out a case with a negative weight, as SPSS does, and counts it in a warning", () => {
    const weighted = dataset(
      ...ds.columns,
      numeric("w", Array.from({ length: ds.rowCount }, (_, k) => (k === 3 ? -1 : 1)))
    )
    const r = Either.getOrThrow(crosstab(weighted, hcmc, "level", "people_trust_limited", { weight: "w" }))
    expect(r.n.total).toBe(ds.rowCount - 1)
    const w = r.warnings.find((x) => x.code === "WEIGHT_EXCLUDED")
    expect(w).toMatchObject({ variable: "w", blank: 0, zero: 0, negative: 1 })
    expect(w?.message).toMatch(/1 case with a negative weight in "w" left out/)
  })

  it("rejects an infinite weight naming the data row", () => {
    const weighted = dataset(
      ...ds.columns,
      numeric("w", Array.from({ length: ds.rowCount }, (_, k) => (k === 3 ? Infinity : 1)))
    )
    expect(fail(crosstab(weighted, hcmc, "level", "people_trust_limited", { weight: "w" })).message).toMatch(
      /weight "w" in data row 5 is Infinity/
    )
  })

  it("treats extra --missing codes as missing", () => {
    const r = Either.getOrThrow(
      crosstab(ds, hcmc, "level", "people_trust_limited", { missing: { people_trust_limited: [3] } })
    )
    expect(r.col.categories.map((c) => c.code)).toEqual([1, 2])
    expect(r.n.valid).toBe(1096 - 107)
  })

  it("leaves out an empty category with a warning", () => {
    const r = Either.getOrThrow(crosstab(ds, hcmc, "level", "people_trust_limited", { missing: { level: [3] } }))
    expect(r.row.categories.map((c) => c.code)).toEqual([1, 2])
    const only12 = dataset(codes("level", [1, 1, 2, 2]), codes("sex", [1, 2, 1, 2]), codes("position", [1, 2, 1, 1]))
    const r2 = Either.getOrThrow(crosstab(only12, hcmc, "level", "position", { fisher: { method: "none" } }))
    expect(r2.warnings.filter((w) => w.code === "EMPTY_CATEGORY").map((w) => (w as any).categoryCode)).toEqual([
      3,
      3,
      4,
      5
    ])
  })

  it("without a codebook uses the observed codes, numbered", () => {
    const r = Either.getOrThrow(
      crosstab(ds, undefined, "level", "people_trust_limited", { missing: { level: [9], people_trust_limited: [9] } })
    )
    expect(r.row.categories.map((c) => c.code)).toEqual([1, 2, 3])
    expect(r.row.label).toEqual({ vi: "level", en: "level" })
    expect(r.counts).toEqual(table4item1)
  })

  it("counts a missing case once when a variable is crossed with itself", () => {
    const self = Either.getOrThrow(crosstab(ds, hcmc, "level", "level", { fisher: { method: "none" } }))
    expect(self.missingByCode).toEqual([{ variable: "level", code: "system", count: 1 }, {
      variable: "level",
      code: 9,
      count: 2
    }])
  })

  it("names the columns when a variable is unknown", () => {
    expect(fail(crosstab(ds, hcmc, "levle", "people_trust_limited")).message).toBe(
      "unknown variable \"levle\": the data has the columns level, people_trust_limited"
    )
    expect(fail(crosstab(ds, hcmc, "level", "people_trust_limited", { missing: { nope: [1] } })).code).toBe(
      "UNKNOWN_VARIABLE"
    )
  })

  it("refuses a table with fewer than two non-empty categories", () => {
    const one = dataset(codes("a", [1, 1, 1]), codes("b", [1, 2, 1]))
    expect(fail(crosstab(one, undefined, "a", "b")).message).toMatch(/"a" has valid cases in only 1 category/)
  })
})
