import { readFileSync } from "node:fs"
import { builtinCodebook, makeDataset, SYSTEM_MISSING } from "@danvan/domain"
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as fc from "fast-check"
import { likert, likertCounted, memoryCounter } from "../src/index.js"
import { codes, dataset, numeric, relClose } from "./helpers.js"

/**
 * Deep equality up to `tol` relative for numbers (an absolute `tol` below 1 in magnitude: correlations and
 * statistics that are 0 in exact arithmetic come out as rounding noise in either path); NaN equals NaN.
 */
const closeDeep = (a: unknown, b: unknown, path: string, tol = 1e-12): void => {
  if (typeof a === "string" && typeof b === "string") {
    // messages state sums of weights: equal text, numbers within tol
    const number = /-?\d+(?:\.\d+)?(?:e[-+]?\d+)?/g
    expect(a.replace(number, "#"), path).toBe(b.replace(number, "#"))
    closeDeep((a.match(number) ?? []).map(Number), (b.match(number) ?? []).map(Number), path, tol)
    return
  }
  if (typeof a === "number" && typeof b === "number") {
    const ok = (Number.isNaN(a) && Number.isNaN(b)) || a === b ||
      Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b))
    expect(ok, `${path}: ${a} vs ${b}`).toBe(true)
    return
  }
  if (typeof a !== "object" || a === null || typeof b !== "object" || b === null) {
    expect(a, path).toStrictEqual(b)
    return
  }
  expect(Object.keys(a).sort(), path).toStrictEqual(Object.keys(b).sort())
  for (const [k, v] of Object.entries(a)) closeDeep(v, (b as Record<string, unknown>)[k], `${path}.${k}`, tol)
}

const counted = (...args: Parameters<typeof likertCounted>) => Effect.runSync(Effect.either(likertCounted(...args)))

// A group with a missing code and blanks, three 4-point items (8 = no answer, blanks), frequency weights with
// fractions, blanks, zeros and negatives. Weights of 1e6 next to 0.01 make alpha ill-conditioned (a total
// score variance that cancels to a few digits), where no two summation orders agree to 1e-12: the generated
// weights stay within a ratio of 1e4 (whatever their digits), and the extreme ones are checked on the
// well-conditioned statistics below.
const group = fc.constantFrom(1, 2, 3, 9, SYSTEM_MISSING)
const item = fc.constantFrom(1, 2, 3, 4, 8, SYSTEM_MISSING)
const weight = fc.oneof(
  fc.constantFrom(0.1, 1 / 3, 2.5, 1, 0.7, 0, -1, Number.NaN),
  fc.double({ min: 0.01, max: 100, noNaN: true })
)
const extreme = fc.oneof(weight, fc.constantFrom(1e6 + 0.3, 1e-3))
const respondents = fc.array(fc.tuple(group, item, item, item, weight), { minLength: 2, maxLength: 200 })
const extremes = fc.array(fc.tuple(group, item, item, item, extreme), { minLength: 2, maxLength: 200 })
const blankable = (x: number) => (x === SYSTEM_MISSING ? null : x)
const surveyOf = (rows: ReadonlyArray<readonly [number, number, number, number, number]>) =>
  makeDataset([
    codes("g", rows.map(([g]) => blankable(g))),
    ...["i1", "i2", "i3"].map((name, j) => codes(name, rows.map((r) => blankable(r[j + 1])))),
    numeric("w", rows.map((r) => r[4]))
  ])

/** Whether an item, the total or a total without one item is constant over the complete cases (of Cronbach's alpha). */
const constantScore = (rows: ReadonlyArray<ReadonlyArray<number>>, k: number, weighted: boolean): boolean => {
  const complete = rows.filter((r) =>
    (!weighted || r[4] > 0) && r.slice(1, 1 + k).every((x) => x !== 8 && x !== SYSTEM_MISSING)
  )
  const scores = (pick: (r: ReadonlyArray<number>) => number) => new Set(complete.map(pick)).size <= 1
  const sum = (r: ReadonlyArray<number>, skip: number) =>
    r.slice(1, 1 + k).reduce((a, x, j) => (j === skip ? a : a + x), 0)
  return scores((r) => sum(r, -1)) ||
    Array.from({ length: k }, (_, j) => scores((r) => r[1 + j]) || scores((r) => sum(r, j))).some(Boolean)
}

describe("likert from the cells (no cases rebuilt) equals likert on the cases", () => {
  it("within 1e-12 over generated data, weights and missing codes, reversed or not", () => {
    let compared = 0
    fc.assert(
      fc.property(respondents, fc.boolean(), fc.boolean(), fc.integer({ min: 1, max: 3 }), (rows, w, reverse, k) => {
        const data = surveyOf(rows)
        const items = ["i1", "i2", "i3"].slice(0, k)
        const opts = {
          missing: { g: [9], i1: [8], i2: [8], i3: [8] },
          reverse,
          ...(w ? { weight: "w", weightMode: "frequency" as const } : {})
        }
        const cells = counted(memoryCounter(data), undefined, { items }, "g", opts)
        const cases = likert(data, undefined, { items }, "g", opts)
        expect(Either.isRight(cells), JSON.stringify(cells)).toBe(Either.isRight(cases))
        if (Either.isLeft(cells) && Either.isLeft(cases)) closeDeep(cells.left.message, cases.left.message, "error")
        if (Either.isRight(cells) && Either.isRight(cases)) {
          compared++
          if (constantScore(rows, k, w)) {
            // alpha (or alpha if deleted, or an item-rest r) is 0/0 in exact arithmetic: either path's rounding
            // noise decides between NaN and a huge number; the rest must still agree
            closeDeep(cells.right.cronbach?.n, cases.right.cronbach?.n, "likert.cronbach.n")
            closeDeep({ ...cells.right, cronbach: 0 }, { ...cases.right, cronbach: 0 }, "likert")
          } else closeDeep(cells.right, cases.right, "likert")
        }
      }),
      { numRuns: 300, seed: 20261205 }
    )
    expect(compared).toBeGreaterThan(100)
  })

  it("within 1e-12 on counts, percents, means and n with weights from 1e-3 to 1e6", () => {
    let compared = 0
    fc.assert(
      fc.property(extremes, (rows) => {
        const data = surveyOf(rows)
        const opts = { missing: { g: [9], i1: [8], i2: [8], i3: [8] }, weight: "w", weightMode: "frequency" as const }
        const cells = counted(memoryCounter(data), undefined, { items: ["i1", "i2", "i3"] }, "g", opts)
        const cases = likert(data, undefined, { items: ["i1", "i2", "i3"] }, "g", opts)
        expect(Either.isRight(cells)).toBe(Either.isRight(cases))
        if (Either.isRight(cells) && Either.isRight(cases)) {
          compared++
          const summary = (r: typeof cases.right) => ({
            weight: r.weight,
            cronbachN: r.cronbach?.n,
            items: r.items.map((it) => ({
              missing: it.missing,
              cells: [it.total, ...it.byGroup].map((c) => [c.n, c.distribution, c.percents, c.mean])
            }))
          })
          closeDeep(summary(cells.right), summary(cases.right), "likert")
        }
      }),
      { numRuns: 200, seed: 20261205 }
    )
    expect(compared).toBeGreaterThan(50)
  })
})

// The published Table 4 (hcmc-2024 difficulty by level) and R's kruskal.test (packages/stats/scripts/likert.R).
const published = JSON.parse(
  readFileSync(new URL("../../domain/data/hcmc-2024-published-tables.json", import.meta.url), "utf8")
)
const table4 = published.tables.find((t: any) => t.id === "table4-difficulty")
const rFixture = JSON.parse(readFileSync(new URL("../../stats/test/fixtures/likert.json", import.meta.url), "utf8"))
const responseCode: Record<string, number> = { difficult: 1, normal: 2, not_difficult: 3 }
const bases: Array<number> = table4.bases
const levelColumn = bases.flatMap((b, j) => Array.from({ length: b }, () => j + 1))
const itemColumn = (it: any) =>
  bases.flatMap((_, j) =>
    it.rows.flatMap((row: any) => Array.from({ length: row.counts[j] }, () => responseCode[row.response]))
  )
const ds = dataset(codes("level", levelColumn), ...table4.items.map((it: any) => codes(it.key, itemColumn(it))))

describe("likert from the cells on the paper's Table 4 (R's kruskal.test)", () => {
  const codebook = Either.getOrThrow(builtinCodebook("hcmc-2024"))
  const r = Either.getOrThrow(counted(memoryCounter(ds), codebook, { set: "difficulty" }, "level"))

  it("reproduces the published counts and R's Kruskal-Wallis for every item", () => {
    expect(r.items).toHaveLength(table4.items.length)
    expect(r.items.length).toBeGreaterThan(0)
    r.items.forEach((it, j) => {
      expect(it.total.n).toBe(1096)
      expect(it.total.distribution).toEqual(table4.items[j].rows.map((row: any) => row.total.count))
      const ref = rFixture.kruskalWallis.find((k: any) => k.id === `table4-${it.name}`)
      expect(ref).toBeDefined()
      expect(relClose(it.kruskalWallis.statistic, ref.statistic, 1e-9)).toBe(true)
      expect(relClose(it.kruskalWallis.p, ref.p, 1e-9)).toBe(true)
      expect(relClose(it.kruskalWallis.tiesCorrection, ref.tiesCorrection, 1e-12)).toBe(true)
    })
    closeDeep(r, Either.getOrThrow(likert(ds, codebook, { set: "difficulty" }, "level")), "table4")
  })
})

// The PSPP-made weighted survey (scripts/weighted.sh) and R's frequency-weighted references (weighted.json).
const dir = new URL("./fixtures/weighted/", import.meta.url)
const ref = JSON.parse(readFileSync(new URL("weighted.json", dir), "utf8"))
const lines = readFileSync(new URL("trongso.csv", dir), "utf8").trim().split("\n")
const header = lines[0].split(",").map((h) => h.replace(/"/g, ""))
const col = (name: string) => lines.slice(1).map((l) => l.split(",")[header.indexOf(name)])
const kk = ["kk1", "kk2", "kk3", "kk4"]
const weighted = dataset(
  ...["capbac", ...kk].map((name) => codes(name, col(name).map((x) => (x === "" ? null : Number(x))))),
  numeric("trongso", col("trongso").map((x) => (x === "" ? Number.NaN : Number(x))))
)

describe("likert from the cells, frequency-weighted (R's references for the PSPP survey)", () => {
  it("matches R's weighted means, SDs, Kruskal-Wallis and Cronbach's alpha", () => {
    const opts = {
      weight: "trongso",
      weightMode: "frequency" as const,
      missing: Object.fromEntries(kk.map((k) => [k, [9]]))
    }
    const r = Either.getOrThrow(counted(memoryCounter(weighted), undefined, { items: kk }, "capbac", opts))
    const close = (a: number, b: number, tol = 1e-10) => expect(relClose(a, b, tol), `${a} vs ${b}`).toBe(true)
    expect(ref.likert).toHaveLength(4)
    r.items.forEach((it, j) => {
      const e = ref.likert[j]
      expect(it.name).toBe(e.name)
      close(it.total.n, e.total.n)
      close(it.total.mean, e.total.mean, 1e-12)
      close(it.total.sd, e.total.sd, 1e-12)
      it.byGroup.forEach((g, i) => close(g.mean, e.byGroup[i].mean, 1e-12))
      close(it.kruskalWallis.statistic, e.kruskalWallis.statistic)
      close(it.kruskalWallis.p, e.kruskalWallis.p)
    })
    close(r.cronbach!.alpha, ref.cronbach.alpha)
    close(r.cronbach!.n, ref.cronbach.n)
    r.cronbach!.itemRestCorrelation.forEach((a, j) => close(a, ref.cronbach.itemRestCorrelation[j]))
    closeDeep(r, Either.getOrThrow(likert(weighted, undefined, { items: kk }, "capbac", opts)), "trongso")
  })
})
