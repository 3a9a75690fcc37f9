import { readFileSync } from "node:fs"
import { makeDataset, SYSTEM_MISSING } from "@danvan/domain"
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as fc from "fast-check"
import { memoryCounter, multipleResponse, multipleResponseCounted } from "../src/index.js"
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

const counted = (...args: Parameters<typeof multipleResponseCounted>) =>
  Effect.runSync(Effect.either(multipleResponseCounted(...args)))

// A group with a missing code and blanks, three ticks (blanks, 7 = user-missing), weights with fractions, blanks,
// zeros and negatives. A weight of 1e6 next to 0.01 makes the chi-squares ill-conditioned (expected counts that
// cancel to a few digits), where no two summation orders agree to 1e-12: the generated weights stay within a
// ratio of 1e4, and the extreme ones are checked on the counts below.
const group = fc.constantFrom(1, 2, 3, 1, 2, 3, 9, SYSTEM_MISSING)
const tick = fc.constantFrom(0, 1, 0, 1, 1, 0, 7, SYSTEM_MISSING)
const weight = fc.oneof(
  fc.constantFrom(0.1, 1 / 3, 2.5, 1, 0.7, 0, -1, Number.NaN),
  fc.double({ min: 0.01, max: 100, noNaN: true })
)
const ticks = fc.array(fc.tuple(group, tick, tick, tick, weight), { minLength: 4, maxLength: 200 })
const extremes = fc.array(fc.tuple(group, tick, tick, tick, fc.oneof(weight, fc.constantFrom(1e6 + 0.3, 1e-3))), {
  minLength: 4,
  maxLength: 200
})
const blankable = (x: number) => (x === SYSTEM_MISSING ? null : x)
const surveyOf = (rows: ReadonlyArray<readonly [number, number, number, number, number]>) =>
  makeDataset([
    codes("g", rows.map(([g]) => blankable(g))),
    ...["i1", "i2", "i3"].map((name, j) => codes(name, rows.map((r) => blankable(r[j + 1])))),
    numeric("w", rows.map((r) => r[4]))
  ])

describe("multiple response from the cells (no cases rebuilt) equals multipleResponse on the cases", () => {
  it("within 1e-12 over generated data, weights and missing codes (rs2 and Bonferroni)", () => {
    let compared = 0
    fc.assert(
      fc.property(ticks, fc.boolean(), fc.constantFrom("rs2" as const, "bonferroni" as const), (rows, w, method) => {
        const data = surveyOf(rows)
        const opts = {
          method,
          missing: { g: [9], i1: [7], i2: [7], i3: [7] },
          ...(w ? { weight: "w", weightMode: "frequency" as const } : {})
        }
        const cells = counted(memoryCounter(data), undefined, "g", ["i1", "i2", "i3"], opts)
        const cases = multipleResponse(data, undefined, "g", ["i1", "i2", "i3"], opts)
        expect(Either.isRight(cells), JSON.stringify(cells)).toBe(Either.isRight(cases))
        if (Either.isLeft(cells) && Either.isLeft(cases)) closeDeep(cells.left.message, cases.left.message, "error")
        if (Either.isRight(cells) && Either.isRight(cases)) {
          compared++
          closeDeep(cells.right, cases.right, "mr")
        }
      }),
      { numRuns: 300, seed: 20261205 }
    )
    expect(compared).toBeGreaterThan(60)
  })

  it("within 1e-12 on n (total, missing, by group) and counts with weights from 1e-3 to 1e6", () => {
    let compared = 0
    fc.assert(
      fc.property(extremes, (rows) => {
        const data = surveyOf(rows)
        const opts = { missing: { g: [9], i1: [7], i2: [7], i3: [7] }, weight: "w", weightMode: "frequency" as const }
        const cells = counted(memoryCounter(data), undefined, "g", ["i1", "i2", "i3"], opts)
        const cases = multipleResponse(data, undefined, "g", ["i1", "i2", "i3"], opts)
        expect(Either.isRight(cells)).toBe(Either.isRight(cases))
        if (Either.isRight(cells) && Either.isRight(cases)) {
          compared++
          // not n.valid (= weight.sum): the cases path subtracts missing from total and loses digits there
          const summary = (r: typeof cases.right) => ({
            n: { ...r.n, valid: 0 },
            items: r.items.map((it) => [it.counts, it.percentOfCases, it.percentOfResponses, it.total])
          })
          closeDeep(summary(cells.right), summary(cases.right), "mr")
        }
      }),
      { numRuns: 200, seed: 20261205 }
    )
    expect(compared).toBeGreaterThan(40)
  })
})

// R's values (packages/stats/scripts/mmi.R: chisq.test, p.adjust and a direct 2^c joint-multinomial Rao-Scott).
const fixture = JSON.parse(readFileSync(new URL("../../stats/test/fixtures/mmi.json", import.meta.url), "utf8"))
const first = fixture.datasets[0]
const itemNames = ["p1", "p2", "p3", "p4"]
const rows: Array<Array<number>> = first.rows
const ds = dataset(
  codes("level", [...rows.map((r) => r[0] + 1), 1, 2]),
  ...itemNames.map((name, j) => codes(name, [...rows.map((r) => r[j + 1]), j === 0 ? 9 : 1, j === 1 ? null : 0]))
)

describe("multiple response from the cells against R (mmi.json, first dataset)", () => {
  it("matches R's counts, per-item tests, MMI Bonferroni and second-order Rao-Scott", () => {
    expect(rows).toHaveLength(300)
    const r = Either.getOrThrow(counted(memoryCounter(ds), undefined, "level", itemNames, { missing: { p1: [9] } }))
    expect(r.n).toEqual({ valid: 300, missing: 2, total: 302, byGroup: first.groupN })
    expect(r.items.map((i) => i.counts)).toEqual(itemNames.map((_, j) => first.counts.map((row: any) => row[j])))
    r.items.forEach((item, j) => {
      expect(relClose(item.statistic, first.items.statistic[j], 1e-10)).toBe(true)
      expect(relClose(item.p, first.items.p[j], 1e-9)).toBe(true)
      expect(relClose(item.pHolm, first.items.pHolm[j], 1e-9)).toBe(true)
    })
    expect(relClose(r.sumStatistic, first.mmi.sumStatistic, 1e-10)).toBe(true)
    expect(relClose(r.bonferroni.p, first.mmi.bonferroni.p, 1e-9)).toBe(true)
    expect(relClose(r.rs2.statistic, first.mmi.rs2.statistic, 1e-10)).toBe(true)
    expect(relClose(r.rs2.df, first.mmi.rs2.df, 1e-10)).toBe(true)
    expect(relClose(r.rs2.p, first.mmi.rs2.p, 1e-9)).toBe(true)
  })

  it("the bootstrap still resamples cases rebuilt from the cells (same p for the same seed)", () => {
    const opts = { missing: { p1: [9] }, method: "bootstrap" as const, B: 99, seed: 7 }
    const a = Either.getOrThrow(counted(memoryCounter(ds), undefined, "level", itemNames, opts))
    const b = Either.getOrThrow(counted(memoryCounter(ds), undefined, "level", itemNames, opts))
    expect(a.bootstrap?.B).toBe(99)
    expect(a.bootstrap?.p).toBeGreaterThan(0)
    expect(b.bootstrap).toStrictEqual(a.bootstrap)
    closeDeep({ ...a, bootstrap: 0 }, {
      ...Either.getOrThrow(multipleResponse(ds, undefined, "level", itemNames, opts)),
      bootstrap: 0
    }, "mr")
  })
})
