import { readFileSync } from "node:fs"
import { mkdtemp, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import {
  auditPercents,
  decodePublishedTables,
  FileReadError,
  loadPublishedTables,
  PublishedTablesError
} from "../src/index.js"

const shipped = (): any =>
  JSON.parse(readFileSync(new URL("../../domain/data/hcmc-2024-published-tables.json", import.meta.url), "utf8"))

const issuesOf = (json: unknown) => {
  const result = decodePublishedTables(json, "t.json")
  if (Either.isRight(result)) throw new Error("expected a decoding error")
  return result.left.issues
}

describe("decodePublishedTables", () => {
  it("decodes the shipped file: 4 tables, 25 items", () => {
    const result = decodePublishedTables(shipped(), "hcmc")
    expect(Either.isRight(result)).toBe(true)
    const tables = Either.getOrThrow(result).tables
    expect(tables.map((t) => t.id)).toEqual(["table1-purpose", "table2-content", "table3-method", "table4-difficulty"])
    expect(tables.reduce((n, t) => n + t.items.length, 0)).toBe(25)
  })

  it("reports structural problems with JSON paths", () => {
    const json = shipped()
    json.tables[1].items[2].counts[0] = "267"
    json.tables[0].kind = "multiple"
    delete json.tables[3].bases
    const issues = issuesOf(json)
    const paths = issues.map((i) => i.path)
    expect(paths).toContain("$.tables[1].items[2].counts[0]")
    expect(paths.some((p) => p.startsWith("$.tables[0]"))).toBe(true)
    expect(paths).toContain("$.tables[3].bases")
  })

  it("rejects unknown fields (typos) with their path", () => {
    const json = shipped()
    json.tables[0].items[0].count = [1, 2, 3]
    expect(issuesOf(json)).toContainEqual({
      path: "$.tables[0].items[0].count",
      message: expect.stringMatching(/unexpected/i)
    })
  })

  it("rejects a count that exceeds its base, naming table, item and level", () => {
    const json = shipped()
    json.tables[0].items[1].counts[2] = 500
    const issues = issuesOf(json)
    expect(issues).toEqual([
      {
        path: "$.tables[0].items[1].counts[2]",
        message:
          "table \"table1-purpose\", item \"clean_strong_party\", level \"ward_commune\": count 500 exceeds the base 410 (respondents at that level)"
      }
    ])
    const error = Either.flip(decodePublishedTables(json, "t.json"))
    expect(Either.getOrThrow(error).message).toMatch(
      /^invalid published tables t\.json:\n {2}\$\.tables\[0\]\.items\[1\]\.counts\[2\]: /
    )
  })

  it("rejects negative counts and Likert responses above the base", () => {
    const json = shipped()
    json.tables[2].items[0].counts[1] = -3
    json.tables[3].items[0].rows[0].counts[0] = 100 // 100 + 209 + 35 > 310
    const issues = issuesOf(json)
    expect(issues).toContainEqual({
      path: "$.tables[2].items[0].counts[1]",
      message: "table \"table3-method\", item \"persuade_trust\", level \"district\": count -3 is negative"
    })
    expect(issues).toContainEqual({
      path: "$.tables[3].items[0].rows",
      message:
        "table \"table4-difficulty\", item \"people_trust_limited\", level \"city\": the responses add up to 344, more than the base 310"
    })
  })

  it("rejects wrong lengths, unknown responses and duplicate keys", () => {
    const json = shipped()
    json.tables[0].items[0].counts.push(1)
    json.tables[3].items[1].rows[0].response = "hard"
    json.tables[1].items[1].key = json.tables[1].items[0].key
    const paths = issuesOf(json).map((i) => i.path)
    expect(paths).toEqual(
      expect.arrayContaining([
        "$.tables[0].items[0].counts",
        "$.tables[3].items[1].rows[0].response",
        "$.tables[1].items[1].key"
      ])
    )
  })
})

describe("auditPercents", () => {
  it("finds every printed number of the shipped tables consistent", () => {
    const audit = auditPercents(Either.getOrThrow(decodePublishedTables(shipped())))
    expect(audit.findings).toEqual([])
    // 20 MR items x (3 percents + total count + total percent) + 15 Likert rows x 5 + 5 items x 3 level sums
    // + 4 total bases
    expect(audit.checked).toBe(20 * 5 + 15 * 5 + 15 + 4)
  })

  it("flags a percent that does not round to the printed value, and totals that are not sums", () => {
    const json = shipped()
    json.tables[0].items[1].percents[0] = 56.2 // 174/310 = 56.129 -> 56.1
    json.tables[2].items[3].total.count += 1
    const audit = auditPercents(Either.getOrThrow(decodePublishedTables(json)))
    expect(audit.findings).toHaveLength(3) // the percent, the total count and (therefore) the total percent
    expect(audit.findings[0]).toMatchObject({
      table: "table1-purpose",
      item: "clean_strong_party",
      level: "city",
      check: "percent",
      printed: 56.2
    })
    expect(audit.findings[0].computed).toBeCloseTo(56.129, 3)
    expect(audit.findings[0].message).toBe(
      "table1-purpose, clean_strong_party, city: printed 56.2% but 174/310 = 56.129%"
    )
    expect(audit.findings[1]).toMatchObject({ table: "table3-method", check: "total-count" })
  })

  it("accepts either rounding at an exact half and honours percentDecimals", () => {
    const json = shipped()
    json.tables[0].items[0].total = { count: 770, percent: 70.2 } // 770/1096 = 70.255: 70.2 or 70.3 pass only at 70.25
    let audit = auditPercents(Either.getOrThrow(decodePublishedTables(json)))
    expect(audit.findings.map((f) => f.check)).toEqual(["total-percent"])
    json.tables[0].items[0].counts[0] = 31 // 31/310 = 10% exactly
    json.tables[0].items[0].percents[0] = 10
    json.tables[0].items[0].total = { count: 553, percent: 50.5 }
    json.tables[0].items[0].percents[1] = 64.65 // 243/376 = 64.6277: within half a unit of the 2nd decimal? no
    json.tables[0].percentDecimals = 2
    audit = auditPercents(Either.getOrThrow(decodePublishedTables(json)))
    const t1 = audit.findings.filter((f) => f.table === "table1-purpose")
    // with 2 decimals 56.1 (174/310 = 56.129) no longer rounds to the printed value; 10 (31/310) still does
    expect(t1.some((f) => f.item === "clean_strong_party" && f.level === "city")).toBe(true)
    expect(t1.some((f) => f.item === "independent_democratic_society" && f.level === "city")).toBe(false)
    expect(t1.some((f) => f.item === "independent_democratic_society" && f.level === "district")).toBe(true)
  })
})

describe("loadPublishedTables", () => {
  it.effect("loads the built-in hcmc-2024 tables", () =>
    Effect.gen(function*() {
      const published = yield* loadPublishedTables("hcmc-2024")
      expect(published.levels.map((l) => l.key)).toEqual(["city", "district", "ward_commune"])
    }))

  it.effect("reports a bad file with its path and JSON paths", () =>
    Effect.gen(function*() {
      const dir = yield* Effect.promise(() => mkdtemp(join(tmpdir(), "danvan-pub-")))
      const path = join(dir, "tables.json")
      const json = shipped()
      json.tables[0].items[1].counts[2] = 500
      yield* Effect.promise(() => writeFile(path, JSON.stringify(json)))
      const error = yield* Effect.flip(loadPublishedTables(path))
      expect(error).toBeInstanceOf(PublishedTablesError)
      expect(error.message).toContain(`invalid published tables ${path}:`)
      yield* Effect.promise(() => writeFile(path, "{ not json"))
      const syntax = yield* Effect.flip(loadPublishedTables(path))
      expect(syntax.message).toMatch(/\$: not valid JSON/)
    }))

  it.effect("says what the built-ins are when the reference is neither", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(loadPublishedTables("hcmc-2025"))
      expect(error).toBeInstanceOf(FileReadError)
      expect(error.message).toBe(
        "cannot read hcmc-2025: no such file, and not built-in published tables (built-in: hcmc-2024)"
      )
    }))
})
