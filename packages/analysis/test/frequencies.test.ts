import { builtinCodebook } from "@danvan/domain"
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { frequencies } from "../src/index.js"
import { codes, dataset, numeric } from "./helpers.js"

const hcmc = Either.getOrThrow(builtinCodebook("hcmc-2024"))

describe("frequencies", () => {
  // 4 City, 3 District, 0 Ward/Commune, 2 no answer (9), 1 blank
  const ds = dataset(codes("level", [1, 1, 1, 1, 2, 2, 2, 9, 9, null]), numeric("w", [1, 1, 1, 1, 2, 2, 2, 1, 1, 1]))

  it("prints SPSS's columns: percent of all, valid percent, cumulative; missing by code", () => {
    const r = Either.getOrThrow(frequencies(ds, hcmc, "level"))
    expect(r.n).toEqual({ valid: 7, missing: 3, total: 10 })
    expect(r.rows.map((x) => [x.code, x.label.en, x.count, x.percent, x.validPercent, x.cumulativePercent])).toEqual([
      [1, "City", 4, 40, 400 / 7, 400 / 7],
      [2, "District", 3, 30, 300 / 7, 100],
      [3, "Ward/Commune", 0, 0, 0, 100],
      [9, "No answer", 2, 20, null, null],
      ["system", "System (blank)", 1, 10, null, null]
    ])
  })

  it("weights cases", () => {
    const r = Either.getOrThrow(frequencies(ds, hcmc, "level", { weight: "w" }))
    expect(r.weighted).toBe(true)
    expect(r.rows.slice(0, 2).map((x) => x.count)).toEqual([4, 6])
    expect(r.n.total).toBe(13)
  })

  it("without a codebook lists observed codes and only blanks as missing", () => {
    const r = Either.getOrThrow(frequencies(ds, undefined, "level"))
    expect(r.rows.map((x) => [x.code, x.missing])).toEqual([[1, false], [2, false], [9, false], ["system", true]])
  })

  it("rejects an unknown variable; tabulates a numeric one by its values", () => {
    const unknown = frequencies(ds, hcmc, "nope")
    expect(Either.isLeft(unknown) && unknown.left.code).toBe("UNKNOWN_VARIABLE")
    const numericVar = Either.getOrThrow(frequencies(ds, hcmc, "w"))
    expect(numericVar.rows.map((x) => [x.code, x.count])).toEqual([[1, 7], [2, 3]])
  })
})
