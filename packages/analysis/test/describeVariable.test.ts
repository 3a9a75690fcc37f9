import { readFileSync } from "node:fs"
import { builtinCodebook } from "@danvan/domain"
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { crosstab, describeVariable, frequencies } from "../src/index.js"
import { codes, dataset, numeric } from "./helpers.js"

interface RCase {
  id: string
  x: Array<number | null>
  weights: Array<number | null> | null
  [k: string]: unknown
}
// R's reference values (packages/stats/scripts/describe.R)
const fx = JSON.parse(readFileSync(new URL("../../stats/test/fixtures/describe.json", import.meta.url), "utf8")) as {
  cases: Array<RCase>
}
const rCase = (id: string) => fx.cases.find((c) => c.id === id)!
const close = (a: number, b: number) =>
  expect(Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b)), `${a} vs ${b}`).toBe(true)

describe("describeVariable", () => {
  it("matches R on a weighted numeric column (income with integer weights)", () => {
    expect(fx.cases.length).toBe(7)
    const c = rCase("income-integer-weights")
    const ds = dataset(
      numeric("income", c.x.map((v) => v ?? Number.NaN)),
      numeric("w", c.weights!.map((v) => v ?? Number.NaN))
    )
    const r = Either.getOrThrow(describeVariable(ds, undefined, "income", { weight: "w" }))
    expect(r.weighted).toBe(true)
    expect(r.weight?.variable).toBe("w")
    close(r.n.valid, c["n"] as number)
    close(r.mean, c["mean"] as number)
    close(r.sd, c["sd"] as number)
    close(r.median, c["median"] as number)
    close(r.quartiles.q1, c["q1"] as number)
    close(r.quartiles.q3, c["q3"] as number)
    close(r.skewness.value, c["skewness"] as number)
    close(r.kurtosis.value, c["kurtosis"] as number)
    expect(r.percentileMethod).toBe("haverage")
    const binned = r.histogram.reduce((s, b) => s + b.count, 0)
    close(binned, c["n"] as number)
  })

  it("reads coded columns as numbers and leaves user-missing codes out (R's 'small' case plus a 9)", () => {
    const c = rCase("small")
    const hcmc = Either.getOrThrow(builtinCodebook("hcmc-2024"))
    const level = hcmc.variables.find((v) => v.name === "level")!
    expect(level.missing.values).toContain(9)
    const ds = dataset(codes("level", [2, 4, 4, 5, null, 9]))
    const r = Either.getOrThrow(describeVariable(ds, hcmc, "level"))
    expect(r.n).toEqual({ valid: 4, missing: 2, total: 6 })
    close(r.mean, c["mean"] as number)
    close(r.kurtosis.value, c["kurtosis"] as number)
    expect(r.histogram.map((b) => [b.from, b.to, b.count])).toEqual([[1.5, 2.5, 1], [2.5, 3.5, 0], [3.5, 4.5, 2], [
      4.5,
      5.5,
      1
    ]])
  })

  it("an unknown variable names the columns", () => {
    const r = describeVariable(dataset(numeric("age", [1, 2])), undefined, "agee")
    expect(Either.isLeft(r) && r.left.message).toMatch(/unknown variable "agee": the data has the columns age/)
  })
})

describe("frequencies of a numeric column", () => {
  it("tabulates distinct values ascending, blanks as system-missing", () => {
    const ds = dataset(numeric("age", [30.5, 22, 30.5, Number.NaN, 41]))
    const r = Either.getOrThrow(frequencies(ds, undefined, "age"))
    expect(r.rows.map((x) => [x.code, x.label.en, x.label.vi, x.count, x.validPercent])).toEqual([
      [22, "22", "22", 1, 25],
      [30.5, "30.5", "30.5", 2, 50],
      [41, "41", "41", 1, 25],
      ["system", "System (blank)", "Hệ thống (ô trống)", 1, null]
    ])
    expect(r.n).toEqual({ valid: 4, missing: 1, total: 5 })
  })
})

describe("columns the reader typed say why they are not categories", () => {
  const ds = {
    ...dataset(codes("level", [1, 2]), numeric("age", [34.5, 22])),
    typing: [{ name: "age", type: "numeric" as const, row: 2, value: "34.5", file: "s.csv" }, {
      name: "city",
      type: "text" as const,
      row: 3,
      value: "Huế"
    }]
  }
  it("a decimal column in a crosstab names the cell that made it numeric", () => {
    const r = crosstab(ds, undefined, "level", "age")
    expect(Either.isLeft(r) && r.left.message).toBe(
      "variable \"age\" holds numbers that are not integer codes (s.csv, row 2: \"34.5\"): this analysis needs categorical (integer) codes. Recode it into groups with integer codes, or describe it with \"danvan describe\" or \"danvan frequencies\""
    )
  })
  it("a text column in frequencies and describe says it holds text", () => {
    const f = frequencies(ds, undefined, "city")
    expect(Either.isLeft(f) && f.left.code).toBe("NOT_CATEGORICAL")
    expect(Either.isLeft(f) && f.left.message).toMatch(/^variable "city" holds text \(row 3: "Huế"\)/)
    const d = describeVariable(ds, undefined, "city")
    expect(Either.isLeft(d) && d.left.message).toMatch(/^variable "city" holds text \(row 3: "Huế"\), not numbers/)
  })
})
