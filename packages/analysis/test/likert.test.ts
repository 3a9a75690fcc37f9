import { readFileSync } from "node:fs"
import { builtinCodebook, decodeCodebook } from "@danvan/domain"
import * as Stats from "@danvan/stats"
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { crosstab, likert } from "../src/index.js"
import { codes, dataset, relClose } from "./helpers.js"

// Published Table 4 (counts by response x level) and R's Kruskal-Wallis of each item (packages/stats/scripts/likert.R).
const published = JSON.parse(
  readFileSync(new URL("../../domain/data/hcmc-2024-published-tables.json", import.meta.url), "utf8")
)
const table4 = published.tables.find((t: any) => t.id === "table4-difficulty")
const rFixture = JSON.parse(readFileSync(new URL("../../stats/test/fixtures/likert.json", import.meta.url), "utf8"))
const responseCode: Record<string, number> = { difficult: 1, normal: 2, not_difficult: 3 }
const bases: Array<number> = table4.bases
const codebook = Either.getOrThrow(builtinCodebook("hcmc-2024"))

// Respondents sorted by level (bases 310/376/410), so one level column serves every item; within a level each
// item's responses are expanded from its published counts independently (fine for per-item statistics).
const levelColumn = bases.flatMap((b, j) => Array.from({ length: b }, () => j + 1))
const itemColumn = (item: any) =>
  bases.flatMap((_, j) =>
    item.rows.flatMap((row: any) => Array.from({ length: row.counts[j] }, () => responseCode[row.response]))
  )
const ds = dataset(codes("level", levelColumn), ...table4.items.map((item: any) => codes(item.key, itemColumn(item))))
const countsOf = (item: any, code: number): Array<number> =>
  item.rows.find((r: any) => responseCode[r.response] === code).counts

describe("likert on the paper's Table 4 (hcmc-2024 difficulty set by level)", () => {
  const r = Either.getOrThrow(likert(ds, codebook, { set: "difficulty" }, "level"))

  it("uses the codebook's scale and the five items", () => {
    expect(r.set?.name).toBe("difficulty")
    expect(r.scale.map((s) => [s.code, s.score])).toEqual([[1, 3], [2, 2], [3, 1]])
    expect(r.items.map((i) => i.name)).toEqual(table4.items.map((i: any) => i.key))
    expect(r.by.categories.map((c) => c.code)).toEqual([1, 2, 3])
    expect(r.ordinal.computed).toBe(true)
  })

  it("reproduces the published counts, percents and mean scores", () => {
    r.items.forEach((item, j) => {
      const pub = table4.items[j]
      item.byGroup.forEach((g, col) => {
        const [d, nm, nd] = [1, 2, 3].map((c) => countsOf(pub, c)[col])
        expect(g.n).toBe(bases[col])
        expect(g.distribution).toEqual([d, nm, nd])
        g.percents.forEach((p, k) => expect(p).toBeCloseTo((100 * g.distribution[k]) / bases[col], 12))
        // published percents are rounded to one decimal
        g.percents.forEach((p, k) => expect(Math.abs(p - pub.rows[k].percents[col])).toBeLessThanOrEqual(0.051))
        expect(g.mean).toBeCloseTo((3 * d + 2 * nm + nd) / bases[col], 12)
        expect(g.netDifficulty).toBeCloseTo((100 * (d - nd)) / bases[col], 12)
      })
      expect(item.total.n).toBe(1096)
      expect(item.total.distribution).toEqual(pub.rows.map((row: any) => row.total.count))
      expect(item.missing).toBe(0)
    })
  })

  it("matches R's kruskal.test for every item", () => {
    r.items.forEach((item) => {
      const ref = rFixture.kruskalWallis.find((k: any) => k.id === `table4-${item.name}`)
      expect(ref).toBeDefined()
      expect(relClose(item.kruskalWallis.statistic, ref.statistic, 1e-9)).toBe(true)
      expect(relClose(item.kruskalWallis.p, ref.p, 1e-9)).toBe(true)
      expect(relClose(item.kruskalWallis.tiesCorrection, ref.tiesCorrection, 1e-12)).toBe(true)
      expect(item.kruskalWallis.df).toBe(2)
    })
    const plans = r.items.find((i) => i.name === "plans_not_localized")!
    expect(plans.kruskalWallis.p).toBeGreaterThan(0.05)
  })

  it("matches R's mean, SD and CI for item 1 (likert.json means; R coded Difficult = 1, so mean = 4 - ours)", () => {
    const all = rFixture.means.find((m: any) => m.id === "table4-item1-all")
    const city = rFixture.means.find((m: any) => m.id === "table4-item1-city")
    const item = r.items[0]
    expect(item.total.mean).toBeCloseTo(4 - all.mean, 12)
    expect(item.total.sd).toBeCloseTo(all.sd, 12)
    expect(item.total.ci95[0]).toBeCloseTo(4 - all.ci95[1], 12)
    expect(item.byGroup[0].mean).toBeCloseTo(4 - city.mean, 12)
    expect(item.byGroup[0].sd).toBeCloseTo(city.sd, 12)
  })

  it("ranks items by mean score (1 = most difficult)", () => {
    const means = r.items.map((i) => i.total.mean)
    const sorted = [...means].sort((a, b) => b - a)
    r.items.forEach((item, j) => expect(item.rank).toBe(sorted.indexOf(means[j]) + 1))
    expect(new Set(r.items.map((i) => i.rank)).size).toBe(r.items.length)
  })

  it("gives gamma and tau-b of score vs level, the crosstab's with the sign flipped (codes run opposite to scores)", () => {
    r.items.forEach((item) => {
      const x = Either.getOrThrow(crosstab(ds, codebook, "level", item.name, { fisher: { method: "none" } }))
      expect(item.gamma!.value).toBeCloseTo(-x.measures.gamma.value, 12)
      expect(item.gamma!.ase).toBeCloseTo(x.measures.gamma.ase, 12)
      expect(item.gamma!.p).toBeCloseTo(x.measures.gamma.p, 12)
      expect(item.kendallTauB!.value).toBeCloseTo(-x.measures.kendallTauB.value, 12)
    })
  })

  it("computes Cronbach's alpha listwise, as stats' cronbachAlpha", () => {
    const scoresOf = (name: string) => Float64Array.from(getCodes(name), (c) => 4 - c)
    const expected = Stats.cronbachAlpha(table4.items.map((i: any) => scoresOf(i.key)))
    expect(r.cronbach!.n).toBe(1096)
    expect(r.cronbach!.alpha).toBeCloseTo(expected.alpha, 12)
    expect(r.cronbach!.alphaIfDeleted).toEqual(expected.alphaIfDeleted)
    expect(r.cronbach!.itemRestCorrelation).toEqual(expected.itemRestCorrelation)
  })
})

const getCodes = (name: string) => (ds.columns.find((c) => c.name === name)!.values as Int32Array)

describe("likert without a codebook and with missing codes", () => {
  // R's generated 5-item 3-point set (likert.json cronbachAlpha[0]), blanks as NaN, alternate groups.
  const ref = rFixture.cronbachAlpha[0]
  const names = ["a", "b", "c", "d", "e"]
  const n = ref.items[0].length
  const small = dataset(
    codes("g", Array.from({ length: n }, (_, k) => (k % 3) + 1)),
    ...names.map((name, j) => codes(name, ref.items[j].map((x: number | null) => (x === null ? 9 : x))))
  )
  const r = Either.getOrThrow(
    likert(small, undefined, { items: names }, "g", { missing: Object.fromEntries(names.map((x) => [x, [9]])) })
  )

  it("uses the codes as scores and matches R's alpha (listwise)", () => {
    expect(r.scale.map((s) => [s.code, s.score])).toEqual([[1, 1], [2, 2], [3, 3]])
    expect(r.cronbach!.n).toBe(ref.n)
    expect(relClose(r.cronbach!.alpha, ref.alpha, 1e-10)).toBe(true)
    r.cronbach!.alphaIfDeleted.forEach((a, j) => expect(relClose(a, ref.alphaIfDeleted[j], 1e-10)).toBe(true))
    r.cronbach!.itemRestCorrelation.forEach((a, j) => expect(relClose(a, ref.itemRestCorrelation[j], 1e-10)).toBe(true))
  })

  it("excludes missing codes per item (pairwise) and omits gamma/tau-b for a nominal group with a reason", () => {
    r.items.forEach((item, j) => {
      const nMissing = ref.items[j].filter((x: number | null) => x === null).length
      expect(item.missing).toBe(nMissing)
      expect(item.total.n).toBe(n - nMissing)
      expect(item.gamma).toBeUndefined()
    })
    expect(r.ordinal.computed).toBe(false)
    expect(r.ordinal.reason).toMatch(/not ordinal/)
  })
})

describe("likert input problems", () => {
  const small = dataset(codes("g", [1, 1, 2, 2]), codes("q1", [1, 2, 3, 2]), codes("q2", [2, 2, 3, 1]))

  it("rejects a valid code without a score, naming the variable and code", () => {
    const cb = Either.getOrThrow(decodeCodebook({
      id: "t",
      title: { vi: "t", en: "t" },
      variables: [
        {
          name: "g",
          label: { vi: "g", en: "g" },
          kind: "single",
          values: [{ code: 1, label: { vi: "A", en: "A" } }, { code: 2, label: { vi: "B", en: "B" } }]
        },
        {
          name: "q1",
          label: { vi: "q1", en: "q1" },
          kind: "single",
          values: [1, 2, 3].map((code) => ({ code, label: { vi: `c${code}`, en: `c${code}` } }))
        }
      ]
    }))
    const e = likert(small, cb, { items: ["q1"] }, "g")
    expect(Either.isLeft(e)).toBe(true)
    const message = Either.getLeft(e).pipe((o) => (o._tag === "Some" ? o.value.message : ""))
    expect(message).toMatch(/"q1"/)
    expect(message).toMatch(/code 1/)
    expect(message).toMatch(/has no score/)
  })

  it("rejects an unknown set, a set without a codebook, and an unknown item", () => {
    expect(Either.isLeft(likert(ds, codebook, { set: "nope" }, "level"))).toBe(true)
    expect(Either.isLeft(likert(ds, codebook, { set: "purpose" }, "level"))).toBe(true)
    expect(Either.isLeft(likert(small, undefined, { set: "difficulty" }, "g"))).toBe(true)
    const u = likert(small, undefined, { items: ["q9"] }, "g")
    expect(Either.isLeft(u) && u.left.code).toBe("UNKNOWN_VARIABLE")
  })

  it("needs two groups with respondents", () => {
    const one = dataset(codes("g", [1, 1, 1]), codes("q1", [1, 2, 3]))
    const e = likert(one, undefined, { items: ["q1"] }, "g")
    expect(Either.isLeft(e) && e.left.code).toBe("EMPTY_TABLE")
  })

  it("reports alpha as absent for a single item", () => {
    const r = Either.getOrThrow(likert(small, undefined, { items: ["q1"] }, "g"))
    expect(r.cronbach).toBeUndefined()
    expect(r.cronbachReason).toMatch(/at least 2 items/)
  })
})

describe("likert direction", () => {
  const r = Either.getOrThrow(likert(ds, codebook, { set: "difficulty" }, "level"))
  const rev = Either.getOrThrow(likert(ds, codebook, { set: "difficulty" }, "level", { reverse: true }))

  it("names the poles from the scores: hcmc-2024 scores Difficult highest", () => {
    expect(r.direction.high).toEqual({ code: 1, label: { vi: "Khó khăn", en: "Difficult" }, score: 3 })
    expect(r.direction.low.code).toBe(3)
    expect(r.reversed).toBe(false)
    r.items.forEach((i) => expect(i.total.net).toBe(i.total.netDifficulty))
  })

  it("--reverse reverses the scores, the direction, the net measure and the ranks", () => {
    expect(rev.reversed).toBe(true)
    expect(rev.scale.map((s) => [s.code, s.score])).toEqual([[1, 1], [2, 2], [3, 3]])
    expect(rev.direction.high.code).toBe(3)
    expect(rev.direction.low.code).toBe(1)
    rev.items.forEach((item, j) => {
      expect(item.total.mean).toBeCloseTo(4 - r.items[j].total.mean, 12)
      expect(item.total.net).toBeCloseTo(-r.items[j].total.net, 12)
      expect(item.rank).toBe(r.items.length + 1 - r.items[j].rank)
      expect(item.kruskalWallis.statistic).toBeCloseTo(r.items[j].kruskalWallis.statistic, 9)
    })
  })
})
