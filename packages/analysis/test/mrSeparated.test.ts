import { readFileSync } from "node:fs"
import { makeDataset } from "@danvan/domain"
import * as Stats from "@danvan/stats"
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { multipleResponse } from "../src/multipleResponse.js"

// R survey's svychisq of item a by group (packages/analysis/scripts/mr-separated.R writes the fixture): item a is
// ticked by everyone in group 1 and by no one in groups 2 and 3, so the MMI design correction is 0/0 for it.
type Column = "stratum" | "psu" | "group" | "a" | "b" | "c" | "w"
interface Case {
  readonly id: string
  readonly f: { readonly statistic: number; readonly df1: number; readonly df2: number; readonly p: number }
}
const fx = JSON.parse(
  readFileSync(new URL("fixtures/mr-separated.json", import.meta.url), "utf8")
) as { data: Record<Column, Array<number>>; cases: Array<Case> }

const dataset = makeDataset([
  ...(["stratum", "psu", "group", "a", "b", "c"] as const).map((name) => ({
    name,
    type: "codes" as const,
    values: Int32Array.from(fx.data[name])
  })),
  { name: "w", type: "numeric" as const, values: Float64Array.from(fx.data.w) }
])
const rel = (x: number, y: number) => Math.abs(x - y) / Math.abs(y)

describe("mr under a sampling design: an item every group ticks all or none of", () => {
  it("the fixture holds its data and cases", () => {
    expect(fx.data.group).toHaveLength(300)
    expect(fx.cases.map((c) => c.id)).toEqual(["weights only", "strata and clusters"])
  })

  const designs = {
    "weights only": { weight: "w" },
    "strata and clusters": { weight: "w", strata: "stratum", cluster: "psu" }
  } as const
  for (const e of fx.cases) {
    it(`${e.id}: item a's test is R's svychisq, said in a warning; the other items keep the MMI test`, () => {
      const r = Either.getOrThrow(
        multipleResponse(dataset, undefined, "group", ["a", "b", "c"], designs[e.id as keyof typeof designs])
      )
      const a = r.items[0]!
      for (const [got, want] of [[a.statistic, e.f.statistic], [a.df, e.f.df1], [a.df2!, e.f.df2], [a.p, e.f.p]]) {
        expect(rel(got!, want!), `${got} vs ${want}`).toBeLessThan(1e-8)
      }
      expect(r.warnings.filter((w) => w.code === "ITEM_TEST_SVYCHISQ")).toEqual([
        expect.objectContaining({ code: "ITEM_TEST_SVYCHISQ", items: ["a"] })
      ])
      // b and c vary within the groups: their tests are the item's own MMI design test, finite
      for (const item of r.items.slice(1)) expect(item.p > 0 && item.p <= 1).toBe(true)
      expect(Number.isFinite(r.raoScott!.p)).toBe(true)
      expect(r.items.map((i) => i.pBonferroni)).toEqual(Array.from(Stats.bonferroni(r.items.map((i) => i.p))))
    })
  }
})
