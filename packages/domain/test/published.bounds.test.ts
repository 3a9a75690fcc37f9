import { readFileSync } from "node:fs"
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { decodePublishedTables } from "../src/index.js"

// Issue 22 item 5: counts beyond 2^53 - 1 are refused wherever they are typed, published tables included.
const shipped = (): any =>
  JSON.parse(readFileSync(new URL("../data/hcmc-2024-published-tables.json", import.meta.url), "utf8"))

describe("published tables with counts beyond 2^53 - 1", () => {
  it("are refused with the JSON path and the limit", () => {
    const json = shipped()
    json.tables[0].bases[0] = 2 ** 53
    json.tables[0].items[0].counts[0] = 2 ** 53
    const result = decodePublishedTables(json, "t.json")
    expect(Either.isLeft(result)).toBe(true)
    const issues = Either.isLeft(result) ? result.left.issues : []
    expect(issues).toContainEqual({
      path: "$.tables[0].bases[0]",
      message:
        "base 9007199254740992 of table \"table1-purpose\" exceeds 2^53 - 1 = 9007199254740991, the largest count a number holds exactly (JSON rounds larger ones)"
    })
    expect(
      issues.some((i) =>
        i.path === "$.tables[0].items[0].counts[0]" && /count 9007199254740992 exceeds 2\^53 - 1/.test(i.message)
      )
    ).toBe(true)
  })
})
