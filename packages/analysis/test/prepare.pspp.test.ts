import { readFileSync } from "node:fs"
import { type Column, decodeRecipe, makeDataset, SYSTEM_MISSING } from "@danvan/domain"
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { applyRecipe, type OtherData } from "../src/index.js"

/**
 * The recipes in test/fixtures/recipes give the same data as the same steps written as PSPP syntax (*.sps,
 * run by generate.sh, which writes *.pspp.csv): RECODE, COMPUTE, COUNT, DO IF, SELECT IF, ADD FILES, MATCH FILES.
 */
const dir = new URL("./fixtures/recipes/", import.meta.url)
const text = (name: string) => readFileSync(new URL(name, dir), "utf8")

/** A numeric CSV: blank (or PSPP's " ") cells are missing; a column with a decimal point is numeric, else codes. */
const readTable = (name: string) => {
  const [header, ...lines] = text(name).trim().split(/\r?\n/)
  const names = header!.split(",")
  const cells = lines.map((l) => l.split(",").map((c) => (c.trim() === "" ? null : Number(c))))
  const columns: Array<Column> = names.map((n, k) => {
    const values = cells.map((r) => r[k]!)
    return values.some((v) => v !== null && !Number.isInteger(v))
      ? { name: n, type: "numeric", values: Float64Array.from(values, (v) => v ?? NaN) }
      : { name: n, type: "codes", values: Int32Array.from(values, (v) => v ?? SYSTEM_MISSING) }
  })
  return makeDataset(columns)
}

const rows = (d: ReturnType<typeof readTable>) =>
  d.columns.map((c) => ({
    name: c.name,
    values: [...c.values].map((x) => (x === SYSTEM_MISSING || Number.isNaN(x) ? null : x))
  }))

const compare = (recipeFile: string, expectedFile: string, others: ReadonlyMap<string, OtherData>) => {
  const recipe = Either.getOrThrow(decodeRecipe(JSON.parse(text(recipeFile))))
  const prepared = Either.getOrThrow(applyRecipe(readTable("a.csv"), undefined, recipe, others))
  const expected = rows(readTable(expectedFile))
  const got = rows(prepared.dataset)
  expect(got.map((c) => c.name)).toEqual(expected.map((c) => c.name))
  expect(prepared.dataset.rowCount).toBe(expected[0]!.values.length)
  for (const [k, col] of expected.entries()) {
    const mine = got[k]!.values
    col.values.forEach((x, r) => {
      if (x === null) expect([col.name, r, mine[r]]).toEqual([col.name, r, null])
      else {expect(Math.abs(mine[r]! - x), `${col.name} row ${r + 1}`).toBeLessThanOrEqual(
          1e-12 * Math.max(1, Math.abs(x))
        )}
    })
  }
  return prepared
}

describe("recipes equal PSPP's syntax on the same data", () => {
  it("fixtures are there: 40 + 10 input rows, 31 and 27 rows written by PSPP", () => {
    expect(readTable("a.csv").rowCount).toBe(40)
    expect(readTable("b.csv").rowCount).toBe(10)
    expect(readTable("transform.pspp.csv").rowCount).toBe(31)
    expect(readTable("files.pspp.csv").rowCount).toBe(27)
  })

  it("RECODE, COMPUTE with MEAN.3 and SUM, COUNT, DO IF/ELSE, ANY, RANGE, MISSING and SELECT IF", () => {
    const prepared = compare("transform.recipe.json", "transform.pspp.csv", new Map())
    expect(prepared.all.rowCount).toBe(40)
  })

  it("ADD FILES, MATCH FILES /TABLE by id, RENAME and SELECT IF", () => {
    const others = new Map([
      ["b.csv", { dataset: readTable("b.csv"), codebook: undefined }],
      ["c.csv", { dataset: readTable("c.csv"), codebook: undefined }]
    ])
    compare("files.recipe.json", "files.pspp.csv", others)
  })
})
