import { readFileSync } from "node:fs"
import type { Codebook } from "@danvan/domain"
import { makeDataset } from "@danvan/domain"
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { rake, type RakeMargins } from "../src/rake.js"

// R survey's rake() weights (scripts/rake.R writes fixtures/rake/: data.csv, margins-*.json, rake.json)
const dir = new URL("./fixtures/rake/", import.meta.url)
const read = (name: string) => readFileSync(new URL(name, dir), "utf8")
interface Case {
  id: string
  margins: string
  weighted: boolean
  maxIterations: number
  tolerance: number
  converged: boolean
  marginError: number
  weights: Array<number>
}
const fx = JSON.parse(read("rake.json")) as { cases: Array<Case> }
const [header, ...lines] = read("data.csv").trim().split("\n")
const names = header!.split(",")
const rows = lines.map((l) => l.split(",").map(Number))
const col = (name: string) => rows.map((r) => r[names.indexOf(name)]!)
const dataset = makeDataset([
  ...["id", "capbac", "gioitinh", "tuoi"].map((name) => ({
    name,
    type: "codes" as const,
    values: Int32Array.from(col(name))
  })),
  { name: "w", type: "numeric" as const, values: Float64Array.from(col("w")) }
])
const message = (e: Either.Either<unknown, { message: string }>) => (Either.isLeft(e) ? e.left.message : "no error")

describe("rake against R survey's rake()", () => {
  it("the fixture has its cases and data", () => {
    expect(fx.cases).toHaveLength(5)
    expect(rows).toHaveLength(240)
  })
  it.each(fx.cases.filter((c) => c.marginError < 10).map((c) => [c.id, c] as const))("%s", (_, c) => {
    const margins = JSON.parse(read(c.margins)) as RakeMargins
    const r = Either.getOrThrow(
      rake(dataset, undefined, margins, {
        ...(c.weighted ? { weight: "w" } : {}),
        tolerance: c.tolerance,
        maxIterations: c.maxIterations
      })
    )
    expect(r.weights).toHaveLength(c.weights.length)
    c.weights.forEach((v, k) => expect(Math.abs(r.weights[k]! - v) / v, `row ${k + 1}`).toBeLessThan(1e-8))
    for (const v of r.variables) {
      for (const cat of v.categories) expect(Math.abs(cat.after - cat.target)).toBeLessThanOrEqual(c.marginError * 1.01)
    }
    expect(r.convergence.iterations).toBeLessThanOrEqual(c.maxIterations)
    expect(r.weight).toBe(c.weighted ? "w" : undefined)
  })
  it("refuses margins that cannot be met together, where R reports convergence", () => {
    const c = fx.cases.find((x) => x.margins === "margins-infeasible.json")!
    expect(c.converged).toBe(true)
    expect(c.marginError).toBeGreaterThan(29)
    const e = rake(dataset, undefined, JSON.parse(read(c.margins)) as RakeMargins, { weight: "w" })
    expect(message(e)).toMatch(
      /margins cannot all be met together: raking settled with "capbac" = 1 at 150\.\d+ instead of 120/
    )
  })
  it("refuses to stop short of convergence at the iteration cap", () => {
    const e = rake(dataset, undefined, JSON.parse(read("margins-3.json")) as RakeMargins, { maxIterations: 2 })
    expect(message(e)).toMatch(/raking did not converge in 2 iterations \(the joint table of capbac, gioitinh, tuoi/)
  })
})

describe("rake: bad margins", () => {
  const base = { capbac: { "1": 120, "2": 480, "3": 700 } }
  it("a margin code absent from the data", () => {
    expect(message(rake(dataset, undefined, { capbac: { ...base.capbac, "4": 10 } }))).toMatch(
      /margins of "capbac" give a total for code 4, but no case/
    )
  })
  it("a data code absent from the margins", () => {
    expect(message(rake(dataset, undefined, { capbac: { "1": 120, "2": 1180 } }))).toMatch(
      /"capbac" has the code 3 in data row \d+, which the margins do not list/
    )
  })
  it("totals that disagree across variables", () => {
    expect(message(rake(dataset, undefined, { ...base, gioitinh: { "1": 600, "2": 600 } }))).toMatch(
      /margins disagree on the population total: "capbac" sums to 1300 but "gioitinh" to 1200/
    )
  })
  it("an unknown key, a bad total, an unknown variable", () => {
    expect(message(rake(dataset, undefined, { capbac: { "Thành phố": 1 } }))).toMatch(
      /neither a code nor a value label/
    )
    expect(message(rake(dataset, undefined, { capbac: { "1": -5 } }))).toMatch(/give a positive population total/)
    expect(Either.isLeft(rake(dataset, undefined, { nope: { "1": 5 } }))).toBe(true)
  })
  it("value labels of the codebook name categories", () => {
    const codebook = {
      id: "t",
      variables: [{
        name: "capbac",
        label: { vi: "Cấp", en: "Level" },
        kind: "single",
        values: [
          { code: 1, label: { vi: "Thành phố", en: "City" } },
          { code: 2, label: { vi: "Quận/Huyện", en: "District" } },
          { code: 3, label: { vi: "Phường/Xã", en: "Ward" } }
        ],
        missing: { values: [], ranges: [] }
      }],
      multipleResponseSets: [],
      indicatorSets: []
    } as unknown as Codebook
    const byLabel = rake(dataset, codebook, { capbac: { "Thành phố": 120, District: 480, "3": 700 } })
    const byCode = rake(dataset, undefined, base)
    expect(Array.from(Either.getOrThrow(byLabel).weights)).toEqual(Array.from(Either.getOrThrow(byCode).weights))
    expect(Either.getOrThrow(byLabel).variables[0]!.categories[1]!.label.en).toBe("District")
  })
})
