import { readFileSync } from "node:fs"
import { builtinCodebook, builtinPublishedTables, decodePublishedTables } from "@danvan/domain"
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { holmAdjust, replicate } from "../src/index.js"

/** R's chisq.test(correct = FALSE) and p.adjust("holm") for all 25 items (scripts/replicate.R). */
const fixture: {
  tables: Array<
    {
      id: string
      kind: string
      items: Array<{ key: string; statistic: number; df: number; p: number; pAdjusted: number }>
    }
  >
} = JSON.parse(readFileSync(new URL("./fixtures/replicate.json", import.meta.url), "utf8"))

const published = Either.getOrThrow(builtinPublishedTables("hcmc-2024"))
const codebook = Either.getOrThrow(builtinCodebook("hcmc-2024"))
const result = replicate(published, { codebook })

const relClose = (actual: number, expected: number, tol: number) => {
  const rel = Math.abs(actual - expected) / Math.abs(expected)
  if (!(rel <= tol)) throw new Error(`${actual} vs ${expected}: relative error ${rel} > ${tol}`)
}

const find = (table: string, key: string) =>
  result.tables.find((t) => t.id === table)!.items.find((i) => i.key === key)!

describe("replicate (hcmc-2024) against R", () => {
  it("tests all 25 items: 5 + 8 + 7 multiple-response (r x 2) and 5 Likert (3 x 3)", () => {
    expect(result.tables.map((t) => [t.id, t.kind, t.items.length])).toEqual([
      ["table1-purpose", "multiple-response", 5],
      ["table2-content", "multiple-response", 8],
      ["table3-method", "multiple-response", 7],
      ["table4-difficulty", "likert", 5]
    ])
    expect(fixture.tables).toHaveLength(4)
    expect(fixture.tables.flatMap((t) => t.items)).toHaveLength(25)
  })

  for (const table of fixture.tables) {
    for (const item of table.items) {
      it(`${table.id} ${item.key}: X², df, p and Holm p equal R's`, () => {
        const test = find(table.id, item.key).test
        relClose(test.statistic, item.statistic, 1e-10)
        expect(test.df).toBe(item.df)
        relClose(test.p, item.p, 1e-9)
        relClose(test.pAdjusted, item.pAdjusted, 1e-9)
      })
    }
  }

  it("Table 1 \"clean_strong_party\" and Table 4 \"plans_not_localized\" do not differ by level at .05", () => {
    const party = find("table1-purpose", "clean_strong_party").test
    const plans = find("table4-difficulty", "plans_not_localized").test
    expect(party.p).toBeGreaterThan(0.05)
    expect(party.pAdjusted).toBeGreaterThan(0.05)
    expect(plans.p).toBeGreaterThan(0.05)
    expect(plans.pAdjusted).toBeGreaterThan(0.05)
    expect(plans.df).toBe(4)
  })

  it("counts the significant items per table (14 of 25 after Holm, 15 unadjusted)", () => {
    expect(result.tables.map((t) => t.significant.holm)).toEqual([1, 5, 4, 4])
    expect(result.tables.map((t) => t.significant.unadjusted)).toEqual([1, 6, 4, 4])
    const expected = fixture.tables.map((t) => t.items.filter((i) => i.pAdjusted < 0.05).length)
    expect(result.tables.map((t) => t.significant.holm)).toEqual(expected)
  })

  it("labels items, levels and responses in Vietnamese and English from the codebook", () => {
    expect(find("table1-purpose", "clean_strong_party").label).toEqual({
      vi: "Xây dựng Đảng trong sạch, vững mạnh",
      en: "Building a clean and strong Party"
    })
    expect(result.levels.map((l) => l.label.vi)).toEqual(["Thành phố", "Quận/Huyện", "Phường/Xã"])
    expect(result.tables[3].scale!.map((s) => s.label.vi)).toEqual(["Khó khăn", "Bình thường", "Không khó khăn"])
  })

  it("uses the file's English labels without a codebook", () => {
    const plain = replicate(published)
    expect(plain.tables[0].items[1].label).toEqual({
      vi: "Building a clean and strong Party",
      en: "Building a clean and strong Party"
    })
    expect(plain.tables[0].items[1].test).toEqual(result.tables[0].items[1].test)
  })

  it("carries the percent audit per table (none for the shipped tables)", () => {
    expect(result.tables.map((t) => t.audit)).toEqual([[], [], [], []])
    expect(result.audit).toEqual({ checked: 194, findings: 0 })
  })

  it("gives NaN and a warning for an item nobody (or everybody) selected, without breaking the others", () => {
    const json = JSON.parse(
      readFileSync(new URL("../../domain/data/hcmc-2024-published-tables.json", import.meta.url), "utf8")
    )
    json.tables[0].items[0].counts = [0, 0, 0]
    json.tables[0].items[0].percents = [0, 0, 0]
    json.tables[0].items[0].total = { count: 0, percent: 0 }
    const r = replicate(Either.getOrThrow(decodePublishedTables(json)))
    const item = r.tables[0].items[0]
    expect(Number.isNaN(item.test.p)).toBe(true)
    expect(item.warning).toMatch(/^no test: /)
    expect(r.tables[0].significant.tested).toBe(4)
    // Holm over the 4 remaining items: the step-down maximum reaches clean_strong_party
    // from 3 x p(people_living_standards)
    expect(r.tables[0].items[1].test.pAdjusted).toBeCloseTo(3 * 0.1095564181034743, 12)
  })
})

describe("holmAdjust", () => {
  it("matches R's p.adjust(c(0.01, 0.04, 0.03, 0.005), 'holm')", () => {
    // R: 0.030 0.060 0.060 0.020
    const adj = holmAdjust([0.01, 0.04, 0.03, 0.005])
    ;[0.03, 0.06, 0.06, 0.02].forEach((x, i) => expect(adj[i]).toBeCloseTo(x, 15))
  })
})
