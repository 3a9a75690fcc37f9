import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { jsonTooDeep, MAX_JSON_DEPTH, parseCodebook, parseJsonText } from "../src/index.js"

const nested = (depth: number, open = "[", close = "]") => open.repeat(depth) + close.repeat(depth)

describe("jsonTooDeep", () => {
  it("finds the first bracket past the limit, ignoring brackets inside strings", () => {
    expect(jsonTooDeep("[[1]]", 1)).toEqual({ depth: 2, position: 1 })
    expect(jsonTooDeep("{\"a\": \"[[[[\", \"b\": \"\\\"[[[\"}", 1)).toBeUndefined()
    expect(jsonTooDeep("[{\"a\": [1]}]", 3)).toBeUndefined()
    expect(jsonTooDeep("[{\"a\": [1]}]", 2)).toEqual({ depth: 3, position: 7 })
  })

  it("accepts JSON exactly at the limit and refuses one level more", () => {
    expect(Either.isRight(parseJsonText(nested(MAX_JSON_DEPTH)))).toBe(true)
    expect(parseJsonText(nested(MAX_JSON_DEPTH + 1))).toEqual(
      Either.left(
        `nested too deeply: deeper than ${MAX_JSON_DEPTH} levels of arrays/objects at character ${
          MAX_JSON_DEPTH + 1
        }; no danvan input needs more`
      )
    )
  })

  it("refuses a 100,000-deep codebook as an issue at $, without overflowing the stack", () => {
    const result = parseCodebook(nested(100_000, "{\"a\":", "}"), "deep.json")
    expect(Either.isLeft(result) && result.left.issues).toEqual([
      { path: "$", message: expect.stringMatching(/^nested too deeply: deeper than 64 levels/) }
    ])
  })
})

describe("built-in lookups by a user's name", () => {
  it("names of Object.prototype are unknown built-ins, not inherited members", async () => {
    const { builtinCodebook, builtinPlan, builtinPublishedTables } = await import("../src/index.js")
    for (const name of ["constructor", "toString", "__proto__", "hasOwnProperty"]) {
      const codebook = builtinCodebook(name)
      const plan = builtinPlan(name)
      expect(Either.isLeft(codebook) && codebook.left._tag).toBe("UnknownNameError")
      expect(Either.isLeft(plan) && plan.left._tag).toBe("UnknownNameError")
      const tables = builtinPublishedTables(name)
      expect(Either.isLeft(tables) && tables.left._tag).toBe("UnknownNameError")
    }
  })
})
