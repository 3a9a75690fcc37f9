import { readFileSync } from "node:fs"
import { makeDataset, SYSTEM_MISSING } from "@danvan/domain"
import * as Stats from "@danvan/stats"
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { multipleResponse } from "../src/multipleResponse.js"

// R survey's values (packages/stats/scripts/mmi-design.R writes packages/stats/test/fixtures/mmi-design.json)
interface Case {
  id: string
  statistic: number
  df: number
  p: number
  f: { statistic: number; df1: number; df2: number; p: number }
  sumStatistic: number
  designDf: number
}
type Column = "stratum" | "psu" | "group" | "y1" | "y2" | "y3" | "y4" | "w" | "popsize" | "inDomain"
const fx = JSON.parse(
  readFileSync(new URL("../../stats/test/fixtures/mmi-design.json", import.meta.url), "utf8")
) as { data: Record<Column, Array<number>>; cases: Array<Case> }
const caseOf = (id: string) => fx.cases.find((c) => c.id === id)!
const items = ["y1", "y2", "y3", "y4"]

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b)
const close = (a: number, b: number, what: string) => expect(rel(a, b), `${what}: ${a} vs ${b}`).toBeLessThan(1e-8)

/** The fixture's data; with `domain`, y2 is blank (missing) outside the domain, so those rows are left out. */
const datasetOf = (domain: boolean) =>
  makeDataset([
    ...(["stratum", "psu", "group"] as const).map((name) => ({
      name,
      type: "codes" as const,
      values: Int32Array.from(fx.data[name])
    })),
    ...(["y1", "y2", "y3", "y4"] as const).map((name) => ({
      name,
      type: "codes" as const,
      values: Int32Array.from(
        fx.data[name],
        (v, k) => (domain && name === "y2" && fx.data.inDomain[k] === 0 ? SYSTEM_MISSING : v)
      )
    })),
    { name: "w", type: "numeric" as const, values: Float64Array.from(fx.data.w) }
  ])

describe("mr under a sampling design", () => {
  it("the fixture holds its cases", () => {
    expect(fx.cases).toHaveLength(6)
    expect(fx.data.group).toHaveLength(163)
  })
  it("weights, strata and clusters with missing answers: the design-based test of R's subset design", () => {
    const r = Either.getOrThrow(
      multipleResponse(datasetOf(true), undefined, "group", items, { weight: "w", strata: "stratum", cluster: "psu" })
    )
    const e = caseOf("domain of strata and clusters")
    expect(r.design).toEqual({
      mode: "sampling",
      weight: "w",
      strata: "stratum",
      cluster: "psu",
      lonelyPsu: "fail",
      degreesOfFreedom: e.designDf,
      psus: r.design.psus,
      strataCount: r.design.strataCount,
      df: e.designDf,
      method: "Taylor linearization"
    })
    // the same fields as every other result's DesignInfo, computed on the analysed cases
    expect(r.design.psus! - r.design.strataCount!).toBe(e.designDf)
    expect(r.design.strataCount).toBeGreaterThan(1)
    expect(r.itemTest).toBe("rao-scott-f")
    expect(r.n.missing).toBeGreaterThan(0)
    close(r.sumStatistic, e.sumStatistic, "X²_S")
    close(r.rs2.statistic, e.statistic, "rs2 statistic")
    close(r.rs2.df, e.df, "rs2 df")
    close(r.rs2.p, e.p, "rs2 p")
    for (const key of ["statistic", "df1", "df2", "p"] as const) close(r.raoScott![key], e.f[key], `F ${key}`)
    expect(r.designEffect!.mean).toBeGreaterThan(1)
    expect(r.items.every((i) => i.df2 !== undefined && i.p > 0 && i.p <= 1)).toBe(true)
    expect(r.bonferroni.p).toBe(Math.min(1, Math.min(...r.items.map((i) => i.p)) * 4))
  })
  it("clusters without weights: a sampling design with equal weights", () => {
    const r = Either.getOrThrow(
      multipleResponse(datasetOf(false), undefined, "group", items, { strata: "stratum", cluster: "psu" })
    )
    const e = caseOf("clusters, unit weights")
    expect(r.design).toMatchObject({ mode: "sampling", cluster: "psu" })
    expect(r.design.weight).toBeUndefined()
    expect(r.weighted).toBe(false)
    close(r.rs2.statistic, e.statistic, "rs2 statistic")
    close(r.raoScott!.p, e.f.p, "F p")
  })
  it("a weight alone is a sampling weight (each case its own PSU)", () => {
    const r = Either.getOrThrow(multipleResponse(datasetOf(false), undefined, "group", items, { weight: "w" }))
    const e = caseOf("weights only")
    expect(r.design).toMatchObject({
      mode: "sampling",
      weight: "w",
      degreesOfFreedom: 162,
      psus: 163,
      strataCount: 1,
      df: 162,
      method: "Taylor linearization"
    })
    close(r.rs2.statistic, e.statistic, "rs2 statistic")
    close(r.raoScott!.p, e.f.p, "F p")
  })
  it("frequency mode keeps the SPSS frequency-weight tests", () => {
    const ds = datasetOf(false)
    const r = Either.getOrThrow(
      multipleResponse(ds, undefined, "group", items, { weight: "w", weightMode: "frequency" })
    )
    expect(r.design).toEqual({ mode: "frequency", weight: "w" })
    expect(r.itemTest).toBe("pearson")
    expect(r.raoScott).toBeUndefined()
    const data = {
      groups: Int32Array.from(fx.data.group, (g) => g - 1),
      groupCount: 3,
      items: items.map((y) => Uint8Array.from(fx.data[y as Column])),
      weights: Float64Array.from(fx.data.w)
    }
    expect(r.rs2.statistic).toBe(Stats.mmiRaoScott2(data).statistic)
  })
  it("unweighted: states the mode", () => {
    const r = Either.getOrThrow(multipleResponse(datasetOf(false), undefined, "group", items))
    expect(r.design).toEqual({ mode: "unweighted" })
    expect(r.itemTest).toBe("pearson")
  })
  it("the bootstrap refuses a design; a lonely PSU is named", () => {
    const boot = multipleResponse(datasetOf(false), undefined, "group", items, { cluster: "psu", method: "bootstrap" })
    expect(Either.isLeft(boot) && boot.left.message).toMatch(
      /bootstrap test does not take weights or a sampling design/
    )
    const lonely = multipleResponse(datasetOf(false), undefined, "group", items, { strata: "psu", cluster: "stratum" })
    expect(Either.isLeft(lonely) && lonely.left.message).toMatch(/only one PSU/)
  })
})
