import { makeDataset, SYSTEM_MISSING } from "@danvan/domain"
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as fc from "fast-check"
import { datasetCounter } from "../src/duckdb/index.js"
import type { Counter } from "../src/index.js"
import {
  crosstab,
  crosstabCounted,
  exactSum,
  exactWeightedSum,
  frequencies,
  frequenciesCounted,
  likert,
  likertCounted,
  memoryCounter,
  multipleResponse,
  multipleResponseCounted
} from "../src/index.js"
import { codes, numeric } from "./helpers.js"

/** The exactly rounded sum by BigInt arithmetic: weights in [2^-20, 2^20] are integers once scaled by 2^80. */
const referenceSum = (pairs: ReadonlyArray<readonly [number, number]>): number => {
  let total = 0n
  for (const [w, n] of pairs) total += BigInt(w * 2 ** 80) * BigInt(n)
  return Number(total) / 2 ** 80
}

describe("exactSum", () => {
  it("rounds the exact sum once, whatever the order", () => {
    expect(exactSum([0.1, 0.2, 0.3])).toBe(0.6)
    expect(0.1 + 0.2 + 0.3).not.toBe(0.6)
    expect(exactSum([1e100, 1, -1e100])).toBe(1)
    expect(exactWeightedSum([[0.1, 3], [0.2, 1]])).toBe(0.5)
  })

  it("equals the BigInt reference for weight x count pairs in any order", () => {
    const pair = fc.tuple(fc.double({ min: 2 ** -20, max: 2 ** 20, noNaN: true }), fc.integer({ min: 1, max: 1e9 }))
    fc.assert(
      fc.property(fc.array(pair, { minLength: 1, maxLength: 40 }), (pairs) => {
        const expected = referenceSum(pairs)
        expect(exactWeightedSum(pairs)).toBe(expected)
        expect(exactWeightedSum([...pairs].reverse())).toBe(expected)
      }),
      { numRuns: 300 }
    )
  })
})

// Codes with user-missing (9, 8 via options.missing) and blanks; weights with fractions, blanks, zeros, negatives.
const rowCode = fc.constantFrom(1, 2, 3, 9, SYSTEM_MISSING)
const colCode = fc.constantFrom(1, 2, 3, 4, 8, SYSTEM_MISSING)
const weight = fc.oneof(
  fc.constantFrom(0.1, 1 / 3, 2.5, 1, 0.7, 1e6 + 0.3, 0, -1, Number.NaN),
  fc.double({ min: 0.01, max: 100, noNaN: true })
)
const cases = fc.array(fc.tuple(rowCode, colCode, weight), { minLength: 4, maxLength: 150 })

const datasetOf = (rows: ReadonlyArray<readonly [number, number, number]>) =>
  makeDataset([
    codes("r", rows.map(([r]) => (r === SYSTEM_MISSING ? null : r))),
    codes("c", rows.map(([, c]) => (c === SYSTEM_MISSING ? null : c))),
    numeric("w", rows.map(([, , w]) => w))
  ])

const options = (weighted: boolean) => ({
  missing: { r: [9], c: [8] },
  fisher: { method: "none" as const },
  ...(weighted ? { weight: "w", weightMode: "frequency" as const } : {})
})

const bothEngines = (rows: ReadonlyArray<readonly [number, number, number]>, weighted: boolean) =>
  Effect.gen(function*() {
    const dataset = datasetOf(rows)
    const memory = yield* Effect.either(crosstabCounted(memoryCounter(dataset), undefined, "r", "c", options(weighted)))
    const duck = yield* Effect.either(
      Effect.scoped(
        Effect.flatMap(
          datasetCounter(dataset),
          (counter) => crosstabCounted(counter, undefined, "r", "c", options(weighted))
        )
      )
    )
    return { memory, duck }
  })

describe("counting engines", () => {
  it("give deep-equal crosstabs (memory vs DuckDB), weighted and not, with missing codes", async () => {
    let compared = 0
    await fc.assert(
      fc.asyncProperty(cases, fc.boolean(), async (rows, weighted) => {
        const { duck, memory } = await Effect.runPromise(bothEngines(rows, weighted))
        expect(duck).toStrictEqual(memory)
        if (Either.isRight(memory)) compared++
      }),
      { numRuns: 60 }
    )
    expect(compared).toBeGreaterThan(10)
  })

  it("unweighted, the counted crosstab is the case-level crosstab (missing tally in code order)", async () => {
    await fc.assert(
      fc.asyncProperty(cases, async (rows) => {
        const dataset = datasetOf(rows)
        const legacy = crosstab(dataset, undefined, "r", "c", options(false))
        const counted = await Effect.runPromise(
          Effect.either(crosstabCounted(memoryCounter(dataset), undefined, "r", "c", options(false)))
        )
        if (Either.isLeft(legacy)) {
          expect(counted).toStrictEqual(legacy)
          return
        }
        const order = (x: { variable: string; code: number | "system" }) =>
          `${x.variable === "r" ? 0 : 1}:${x.code === "system" ? SYSTEM_MISSING : x.code}`
        const sorted = [...legacy.right.missingByCode].sort((a, b) => order(a) < order(b) ? -1 : 1)
        expect(counted).toStrictEqual(Either.right({ ...legacy.right, missingByCode: sorted }))
      }),
      { numRuns: 60 }
    )
  })

  it("give deep-equal frequencies, and unweighted the case-level frequencies", async () => {
    let compared = 0
    await fc.assert(
      fc.asyncProperty(cases, fc.boolean(), async (rows, weighted) => {
        const dataset = datasetOf(rows)
        const opts = { missing: { r: [9] }, ...(weighted ? { weight: "w", weightMode: "frequency" as const } : {}) }
        const memory = await Effect.runPromise(
          Effect.either(frequenciesCounted(memoryCounter(dataset), undefined, "r", opts))
        )
        const duck = await Effect.runPromise(Effect.either(Effect.scoped(Effect.flatMap(
          datasetCounter(dataset),
          (counter) => frequenciesCounted(counter, undefined, "r", opts)
        ))))
        expect(duck).toStrictEqual(memory)
        if (!weighted) expect(memory).toStrictEqual(frequencies(dataset, undefined, "r", opts))
        if (Either.isRight(memory)) compared++
      }),
      { numRuns: 60 }
    )
    expect(compared).toBeGreaterThan(10)
  })

  it.effect("weighted counts are exactly rounded sums and state the excluded weights", () =>
    Effect.gen(function*() {
      const dataset = datasetOf([[1, 1, 0.1], [1, 1, 0.2], [1, 1, 0.3], [2, 2, 1], [1, 2, 1], [2, 1, 0], [2, 1, -1]])
      const result = yield* crosstabCounted(memoryCounter(dataset), undefined, "r", "c", options(true))
      expect(result.counts[0][0]).toBe(0.6)
      expect(result.weight).toStrictEqual({ variable: "w", sum: 2.6 })
      expect(result.warnings.find((w) => w.code === "WEIGHT_EXCLUDED")?.message).toContain("1 case with a zero")
    }))

  it.effect("refuse sampling weights (the default mode) and designs: their tests need the cases", () =>
    Effect.gen(function*() {
      const dataset = datasetOf([[1, 1, 0.5], [1, 2, 1], [2, 1, 2], [2, 2, 1]])
      const counter = memoryCounter(dataset)
      const sampling = yield* Effect.flip(crosstabCounted(counter, undefined, "r", "c", { weight: "w" }))
      expect(sampling.message).toMatch(/sampling weight by default .* add --weight-mode frequency/)
      const design = yield* Effect.flip(frequenciesCounted(counter, undefined, "r", { strata: "c" }))
      expect(design.message).toMatch(/carry no sampling design/)
    }))
})

// A group with a missing code and blanks, three 3-point items (8 = no answer, blanks), weights as above.
const item = fc.constantFrom(1, 2, 3, 8, SYSTEM_MISSING)
const respondents = fc.array(fc.tuple(rowCode, item, item, item, weight), { minLength: 6, maxLength: 120 })
const tick = fc.constantFrom(0, 1, 1, SYSTEM_MISSING)
const ticks = fc.array(fc.tuple(rowCode, tick, tick, tick, weight), { minLength: 6, maxLength: 120 })
const blankable = (x: number) => (x === SYSTEM_MISSING ? null : x)
const surveyOf = (rows: ReadonlyArray<readonly [number, number, number, number, number]>) =>
  makeDataset([
    codes("g", rows.map(([g]) => blankable(g))),
    ...["i1", "i2", "i3"].map((name, j) => codes(name, rows.map((r) => blankable(r[j + 1])))),
    numeric("w", rows.map((r) => r[4]))
  ])

const onDuckdb = <A, E>(dataset: ReturnType<typeof surveyOf>, f: (c: Counter) => Effect.Effect<A, E>) =>
  Effect.runPromise(Effect.either(Effect.scoped(Effect.flatMap(datasetCounter(dataset), f))))

/**
 * Within 1e-12 of the case path, relative to the sum of the weights (`scale`; an absolute 1e-12 below 1): the case
 * path's `total − missing` keeps the rounding of its largest terms, so with weights of 1e6 next to 0.01 it is some
 * ulps of 1e6 off a small result, which the cells path sums exactly.
 */
const expectNear = (got: number, want: number, scale: number) =>
  expect(Math.abs(got - want), `${got} vs ${want}`).toBeLessThanOrEqual(1e-12 * Math.max(1, scale))
/** The scale of a generated survey's sums: its finite weights' absolute sum, or the row count unweighted. */
const scaleOf = (rows: ReadonlyArray<readonly [number, number, number, number, number]>, weighted: boolean) =>
  weighted ? rows.reduce((a, r) => a + (Number.isFinite(r[4]) ? Math.abs(r[4]) : 0), 0) : rows.length

describe("counting engines, Likert and multiple response (statistics from the cells)", () => {
  it("give deep-equal Likert results, weighted and not", async () => {
    let compared = 0
    await fc.assert(
      fc.asyncProperty(respondents, fc.boolean(), async (rows, weighted) => {
        const dataset = surveyOf(rows)
        const opts = {
          missing: { g: [9], i1: [8], i2: [8], i3: [8] },
          ...(weighted ? { weight: "w", weightMode: "frequency" as const } : {})
        }
        const run = (c: Counter) => likertCounted(c, undefined, { items: ["i1", "i2", "i3"] }, "g", opts)
        const memory = await Effect.runPromise(Effect.either(run(memoryCounter(dataset))))
        expect(await onDuckdb(dataset, run)).toStrictEqual(memory)
        const legacy = likert(dataset, undefined, { items: ["i1", "i2", "i3"] }, "g", opts)
        expect(Either.isRight(memory)).toBe(Either.isRight(legacy))
        if (Either.isRight(memory) && Either.isRight(legacy)) {
          compared++
          expect(memory.right.weight).toStrictEqual(legacy.right.weight === undefined ? undefined : memory.right.weight)
          memory.right.items.forEach((it, j) => {
            expectNear(it.total.n, legacy.right.items[j].total.n, scaleOf(rows, weighted))
            expectNear(it.missing, legacy.right.items[j].missing, scaleOf(rows, weighted))
          })
        }
      }),
      // a fixed seed: the same 40 surveys every run, so the count of comparable ones below is not left to chance
      { numRuns: 40, seed: 20261205 }
    )
    expect(compared).toBeGreaterThan(5)
  })

  it("give deep-equal multiple-response results (rs2 and Bonferroni), weighted and not", async () => {
    let compared = 0
    await fc.assert(
      fc.asyncProperty(ticks, fc.boolean(), async (rows, weighted) => {
        const dataset = surveyOf(rows)
        const opts = {
          method: "rs2" as const,
          missing: { g: [9] },
          ...(weighted ? { weight: "w", weightMode: "frequency" as const } : {})
        }
        const run = (c: Counter) => multipleResponseCounted(c, undefined, "g", ["i1", "i2", "i3"], opts)
        const memory = await Effect.runPromise(Effect.either(run(memoryCounter(dataset))))
        expect(await onDuckdb(dataset, run)).toStrictEqual(memory)
        const legacy = multipleResponse(dataset, undefined, "g", ["i1", "i2", "i3"], opts)
        expect(Either.isRight(memory)).toBe(Either.isRight(legacy))
        if (Either.isRight(memory) && Either.isRight(legacy)) {
          compared++
          expectNear(memory.right.n.valid, legacy.right.n.valid, scaleOf(rows, weighted))
          expect(memory.right.weight?.variable).toBe(legacy.right.weight?.variable)
        }
      }),
      // a fixed seed: the same 40 surveys every run, so the count of comparable ones below is not left to chance
      { numRuns: 40, seed: 20261205 }
    )
    expect(compared).toBeGreaterThan(5)
  })
})
