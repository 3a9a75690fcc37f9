import { readFileSync } from "node:fs"
import * as Either from "effect/Either"
import * as JSONSchema from "effect/JSONSchema"
import { describe, expect, it } from "vitest"
import { decodeRecipe, parseRecipe, RecipeJson } from "../src/index.js"

describe("recipe file format", () => {
  it("decodes every kind of step, each with an optional note", () => {
    const recipe = {
      version: 1,
      steps: [
        {
          op: "recode",
          variables: ["q1"],
          rules: [{ from: [1, 2], to: 1 }, { from: { low: 3 }, to: 2 }, { from: "missing", to: "sysmis" }],
          else: "copy"
        },
        { op: "compute", target: "x", expr: "q1 + 1", when: "age > 20", else: "0", note: "x" },
        { op: "score", target: "s", items: ["q1", "q2"], function: "mean", minValid: 2 },
        { op: "reverse", variables: ["q2"], min: 1, max: 5 },
        { op: "count", target: "n", items: ["q1"], values: [1, "missing"] },
        {
          op: "bin",
          variable: "age",
          into: "ag",
          bins: [{ high: 30, code: 1, label: { vi: "Dưới 30", en: "Under 30" } }]
        },
        { op: "filter", expr: "age >= 18" },
        { op: "rename", names: { q1: "trust" } },
        { op: "keep", variables: ["trust"] },
        { op: "drop", variables: ["trust"] },
        { op: "label", variable: "x", label: { vi: "X", en: "X" } },
        { op: "missing", variables: ["q2"], values: [9] },
        { op: "append", data: "d2.csv" },
        { op: "merge", data: "d3.csv", by: "id" },
        { op: "dedupe", by: "id" }
      ]
    }
    const decoded = decodeRecipe(recipe)
    expect(Either.isRight(decoded)).toBe(true)
    if (Either.isRight(decoded)) expect(decoded.right.steps.map((s) => s.op)).toHaveLength(15)
  })

  it("names the JSON path of each problem", () => {
    const r = parseRecipe(
      "{\"version\": 1, \"steps\": [{\"op\": \"filter\", \"expr\": \"a\"}, {\"op\": \"compute\", \"target\": \"1x\", \"expr\": \"a\"}]}",
      "r.json"
    )
    expect(Either.isLeft(r)).toBe(true)
    if (Either.isLeft(r)) {
      expect(r.left.message).toMatch(/^invalid recipe r\.json:/)
      expect(r.left.issues.some((i) => i.path.startsWith("$.steps[1]"))).toBe(true)
    }
    const syntax = parseRecipe("{", "r.json")
    expect(Either.isLeft(syntax) && syntax.left.issues[0]?.message).toMatch(/not valid JSON/)
  })

  it("has its JSON Schema committed in data/recipe.schema.json (scripts/recipe-schema.mjs writes it)", () => {
    const committed = JSON.parse(readFileSync(new URL("../data/recipe.schema.json", import.meta.url), "utf8"))
    const { $id, title, description, ...rest } = committed
    expect([typeof $id, title, typeof description]).toEqual(["string", "danvan recipe", "string"])
    expect(rest).toEqual(JSON.parse(JSON.stringify(JSONSchema.make(RecipeJson))))
  })
})
