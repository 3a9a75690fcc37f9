import { readFileSync } from "node:fs"
import { builtinCodebook } from "@danvan/domain"
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { multipleResponse } from "../src/index.js"
import { codes, dataset, relClose } from "./helpers.js"

// R's values (packages/stats/scripts/mmi.R: chisq.test, p.adjust and a direct 2^c joint-multinomial Rao-Scott).
const fixture = JSON.parse(readFileSync(new URL("../../stats/test/fixtures/mmi.json", import.meta.url), "utf8"))
const first = fixture.datasets[0]
const itemNames = ["p1", "p2", "p3", "p4"]
// rows are [group (0-based), item1, ..., item4]; group codes become 1..3, with two extra respondents missing an item.
const rows: Array<Array<number>> = first.rows
const ds = dataset(
  codes("level", [...rows.map((r) => r[0] + 1), 1, 2]),
  ...itemNames.map((name, j) => codes(name, [...rows.map((r) => r[j + 1]), j === 0 ? 9 : 1, j === 1 ? null : 0]))
)

describe("multipleResponse against R (mmi.json, first dataset)", () => {
  const r = Either.getOrThrow(multipleResponse(ds, undefined, "level", itemNames, { missing: { p1: [9] } }))

  it("leaves out respondents with a missing item (listwise) and counts them", () => {
    expect(r.n).toEqual({ valid: 300, missing: 2, total: 302, byGroup: first.groupN })
    expect(r.items.map((i) => i.counts)).toEqual(
      itemNames.map((_, j) => first.counts.map((row: Array<number>) => row[j]))
    )
  })

  it("matches R's per-item tests, MMI Bonferroni and second-order Rao-Scott", () => {
    r.items.forEach((item, j) => {
      expect(relClose(item.statistic, first.items.statistic[j], 1e-10)).toBe(true)
      expect(relClose(item.p, first.items.p[j], 1e-9)).toBe(true)
      expect(relClose(item.pHolm, first.items.pHolm[j], 1e-9)).toBe(true)
    })
    expect(relClose(r.sumStatistic, first.mmi.sumStatistic, 1e-10)).toBe(true)
    expect(relClose(r.bonferroni.p, first.mmi.bonferroni.p, 1e-9)).toBe(true)
    expect(relClose(r.rs2.statistic, first.mmi.rs2.statistic, 1e-10)).toBe(true)
    expect(relClose(r.rs2.df, first.mmi.rs2.df, 1e-10)).toBe(true)
    expect(relClose(r.rs2.p, first.mmi.rs2.p, 1e-9)).toBe(true)
    expect(r.bootstrap).toBeUndefined()
  })

  it("runs the bootstrap when asked, reproducibly", () => {
    const a = Either.getOrThrow(
      multipleResponse(ds, undefined, "level", itemNames, {
        missing: { p1: [9] },
        method: "bootstrap",
        B: 199,
        seed: 7
      })
    )
    const b = Either.getOrThrow(
      multipleResponse(ds, undefined, "level", itemNames, {
        missing: { p1: [9] },
        method: "bootstrap",
        B: 199,
        seed: 7
      })
    )
    expect(a.bootstrap).toEqual(b.bootstrap)
    expect(a.bootstrap!.resamples + a.bootstrap!.discarded).toBe(199)
    expect(a.bootstrap!.p).toBeGreaterThan(0)
  })
})

describe("multipleResponse input problems", () => {
  const hcmc = Either.getOrThrow(builtinCodebook("hcmc-2024"))
  const fail = (e: Either.Either<unknown, { message: string }>) => (Either.isLeft(e) ? e.left.message : "no error")

  it("rejects an item that is not 0/1, naming the item and data row", () => {
    const bad = dataset(codes("g", [1, 2, 1, 2]), codes("a", [0, 1, 2, 1]))
    expect(fail(multipleResponse(bad, undefined, "g", ["a"]))).toBe(
      "item \"a\" in data row 4 has the code 2; expected 0 or 1 (selected = 1)"
    )
  })

  it("rejects an item nobody selected, by name", () => {
    const never = dataset(codes("g", [1, 2, 1, 2]), codes("a", [0, 1, 1, 0]), codes("b", [0, 0, 0, 0]))
    expect(fail(multipleResponse(never, undefined, "g", ["a", "b"]))).toMatch(/item "b" was never selected/)
  })

  it("leaves out an empty group with a warning and refuses a single group", () => {
    const data = dataset(
      codes("level", [1, 1, 2, 2, 1, 2]),
      codes("clean_strong_party", [1, 0, 1, 0, 0, 1]),
      codes("cadre_quality", [0, 1, 1, 0, 1, 1])
    )
    const r = Either.getOrThrow(multipleResponse(data, hcmc, "level", ["clean_strong_party", "cadre_quality"]))
    expect(r.group.categories.map((c) => c.label.vi)).toEqual(["Thành phố", "Quận/Huyện"])
    expect(r.warnings.map((w) => w.code)).toEqual(["EMPTY_CATEGORY", "LOW_EXPECTED_ITEMS"]) // 6 respondents
    expect(r.items[0].label.en).toBe("Building a clean and strong Party")
    const one = dataset(codes("level", [1, 1, 1]), codes("clean_strong_party", [1, 0, 1]))
    expect(fail(multipleResponse(one, hcmc, "level", ["clean_strong_party"]))).toMatch(/respondents in only 1 group/)
  })
})
