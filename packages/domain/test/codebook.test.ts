import { readFileSync } from "node:fs"
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import {
  builtinCodebook,
  builtinCodebookIds,
  decodeCodebook,
  findVariable,
  hcmc2024Json,
  isUserMissing,
  parseCodebook,
  validCategories
} from "../src/index.js"

const hcmc = Either.getOrThrow(builtinCodebook("hcmc-2024"))
const published = JSON.parse(readFileSync(new URL("../data/hcmc-2024-published-tables.json", import.meta.url), "utf8"))

const minimal = () => ({
  id: "mini",
  title: { vi: "Khảo sát", en: "Survey" },
  variables: [
    {
      name: "level",
      label: { vi: "Cấp", en: "Level" },
      kind: "single",
      values: [{ code: 1, label: { vi: "Thành phố", en: "City" } }]
    }
  ]
})

const issuesOf = (input: unknown) => {
  const result = decodeCodebook(input, "test.json")
  if (Either.isRight(result)) throw new Error("expected the codebook to be rejected")
  return result.left.issues
}

describe("built-in hcmc-2024 codebook", () => {
  it("is listed and decodes with the same checks as user files", () => {
    expect(builtinCodebookIds()).toContain("hcmc-2024")
    expect(hcmc.groupVariable).toBe("level")
  })

  it("has the three cadre levels with Vietnamese labels in NFC and 9 as missing", () => {
    const level = findVariable(hcmc, "level")!
    expect(validCategories(level).map((c) => [c.code, c.label.vi, c.label.en])).toEqual([
      [1, "Thành phố", "City"],
      [2, "Quận/Huyện", "District"],
      [3, "Phường/Xã", "Ward/Commune"]
    ])
    expect(isUserMissing(level.missing, 9)).toBe(true)
    for (const v of hcmc.variables) {
      expect(v.label.vi).toBe(v.label.vi.normalize("NFC"))
      for (const c of v.values) expect(c.label.vi).toBe(c.label.vi.normalize("NFC"))
    }
  })

  it("uses the item keys of the published Tables 1-4, in the same order", () => {
    const sets: Record<string, string> = {
      "table1-purpose": "purpose",
      "table2-content": "content",
      "table3-method": "method",
      "table4-difficulty": "difficulty"
    }
    expect(published.tables).toHaveLength(4)
    for (const table of published.tables) {
      const set = hcmc.indicatorSets.find((s) => s.name === sets[table.id])!
      expect(set.items).toEqual(table.items.map((i: { key: string }) => i.key))
      for (const item of table.items) expect(findVariable(hcmc, item.key)!.label.en).toBe(item.label)
    }
    expect(hcmc.indicatorSets.map((s) => [s.name, s.items.length])).toEqual([
      ["purpose", 5],
      ["content", 8],
      ["method", 7],
      ["difficulty", 5]
    ])
  })

  it("scores difficulty Difficult=3, Normal=2, Not difficult=1", () => {
    const item = findVariable(hcmc, "people_trust_limited")!
    expect(item.kind).toBe("likert-item")
    expect(item.measure).toBe("ordinal")
    expect(validCategories(item).map((c) => [c.code, c.label.en, c.score])).toEqual([
      [1, "Difficult", 3],
      [2, "Normal", 2],
      [3, "Not difficult", 1]
    ])
  })

  it("counts code 1 as selected in the multiple-response sets", () => {
    expect(hcmc.multipleResponseSets.map((s) => [s.name, s.countedValue, s.items.length])).toEqual([
      ["purpose", 1, 5],
      ["content", 1, 8],
      ["method", 1, 7]
    ])
  })

  it("names the respondent attributes of the paper", () => {
    for (const name of ["sex", "age_group", "position"]) expect(findVariable(hcmc, name)?.kind).toBe("single")
  })

  it("rejects an unknown built-in id with the list of known ids", () => {
    const result = builtinCodebook("hcmc-2025")
    expect(Either.isLeft(result) && result.left.message).toMatch(/unknown built-in codebook "hcmc-2025".*hcmc-2024/)
  })
})

describe("decodeCodebook", () => {
  it("accepts a minimal codebook and defaults measure, missing and sets", () => {
    const cb = Either.getOrThrow(decodeCodebook(minimal()))
    expect(cb.variables[0].measure).toBe("nominal")
    expect(cb.variables[0].missing).toEqual({ values: [], ranges: [] })
    expect(cb.multipleResponseSets).toEqual([])
  })

  it("normalises Vietnamese text to NFC", () => {
    const input = minimal()
    input.variables[0].values[0].label.vi = "Thành phố".normalize("NFD")
    const cb = Either.getOrThrow(decodeCodebook(input))
    expect(cb.variables[0].values[0].label.vi).toBe("Thành phố".normalize("NFC"))
  })

  it("gives the JSON path of a missing label and a wrong type", () => {
    const input: any = minimal()
    delete input.variables[0].label.vi
    input.variables[0].values[0].code = "one"
    const paths = issuesOf(input).map((i) => i.path)
    expect(paths).toContain("$.variables[0].label.vi")
    expect(paths).toContain("$.variables[0].values[0].code")
  })

  it("rejects a non-integer code and an unknown property", () => {
    const input: any = minimal()
    input.variables[0].values[0].code = 1.5
    input.variables[0].colour = "red"
    const paths = issuesOf(input).map((i) => i.path)
    expect(paths).toEqual(expect.arrayContaining(["$.variables[0].values[0].code", "$.variables[0].colour"]))
  })

  it("checks references, duplicates and Likert scores", () => {
    const input: any = minimal()
    input.groupVariable = "region"
    input.variables.push(
      { name: "level", label: { vi: "Cấp", en: "Level" }, kind: "single", scale: "nope" },
      {
        name: "q1",
        label: { vi: "Câu 1", en: "Q1" },
        kind: "likert-item",
        values: [{ code: 1, label: { vi: "Có", en: "Yes" } }, { code: 1, label: { vi: "Không", en: "No" } }]
      }
    )
    input.multipleResponseSets = [{ name: "s", label: { vi: "Bộ", en: "Set" }, items: ["q9"], countedValue: 1 }]
    const issues = issuesOf(input)
    const byPath = Object.fromEntries(issues.map((i) => [i.path, i.message]))
    expect(byPath["$.groupVariable"]).toMatch(/"region" is not a variable/)
    expect(byPath["$.variables[1].name"]).toMatch(/duplicate variable name "level"/)
    expect(byPath["$.variables[1].scale"]).toMatch(/unknown scale "nope"/)
    expect(byPath["$.variables[2].values[1].code"]).toMatch(/duplicate code 1/)
    expect(byPath["$.variables[2].values[0].score"]).toMatch(/needs a score/)
    expect(byPath["$.multipleResponseSets[0].items[0]"]).toMatch(/"q9" is not a variable/)
  })

  it("orders value labels by their order field", () => {
    const input: any = minimal()
    input.variables[0].values = [
      { code: 1, label: { vi: "A", en: "A" }, order: 2 },
      { code: 2, label: { vi: "B", en: "B" }, order: 1 }
    ]
    expect(Either.getOrThrow(decodeCodebook(input)).variables[0].values.map((v) => v.code)).toEqual([2, 1])
  })

  it("reports invalid JSON text at $ with the source name", () => {
    const result = parseCodebook("{\"id\": ", "bad.json")
    expect(Either.isLeft(result) && result.left.message).toMatch(/^invalid codebook bad.json:\n {2}\$: not valid JSON/)
  })

  it("round-trips the built-in JSON through parseCodebook", () => {
    expect(Either.isRight(parseCodebook(JSON.stringify(hcmc2024Json), "hcmc-2024.json"))).toBe(true)
  })
})

describe("isUserMissing", () => {
  it("covers discrete codes and closed ranges", () => {
    const missing = { values: [9], ranges: [{ low: 97, high: 99 }] }
    expect([9, 97, 98, 99, 96, 100, 1].map((c) => isUserMissing(missing, c))).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
      false
    ])
  })
})
