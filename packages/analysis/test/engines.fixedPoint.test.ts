import { makeDataset, SYSTEM_MISSING } from "@danvan/domain"
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as fc from "fast-check"
import { exponentOf } from "../src/duckdb/fixedPoint.js"
import {
  datasetCounter,
  duckdbConnection,
  duckdbCounter,
  fixedPointWeight,
  planWeightSum
} from "../src/duckdb/index.js"
import type { Counter } from "../src/index.js"
import { crosstabCounted, exactWeightedSum, frequenciesCounted, memoryCounter } from "../src/index.js"
import { codes, numeric } from "./helpers.js"

/** The weights' exact fixed-point sum as DuckDB computes it (w x 2^scale, integers), in BigInt. */
const fixedSum = (weights: ReadonlyArray<number>, scale: number): bigint =>
  weights.reduce((a, w) => a + BigInt(w * 2 ** scale), 0n)

describe("fixed-point weight sums (fixedPoint.ts)", () => {
  it("plan BIGINT for close weights, HUGEINT for wider ones, the (cell, weight) grouping beyond", () => {
    expect(planWeightSum(0.5, 2, 1e8)).toStrictEqual({ kind: "fixed", scale: 53, type: "BIGINT" })
    expect(planWeightSum(2 ** -20, 2 ** 20, 1e8)).toStrictEqual({ kind: "fixed", scale: 72, type: "HUGEINT" })
    expect(planWeightSum(3, 2 ** 62, 10)).toStrictEqual({ kind: "fixed", scale: 51, type: "HUGEINT" })
    expect(planWeightSum(2 ** 60, 2 ** 62, 10)).toStrictEqual({ kind: "fixed", scale: 0, type: "BIGINT" })
    expect(planWeightSum(null, -1, 10)).toStrictEqual({ kind: "fixed", scale: 0, type: "BIGINT" })
    expect(planWeightSum(1e-30, 1e30, 1e8).kind).toBe("pairs")
    // the row count's bits count: 2^-30..2^30 fits 10 rows, not 2^40
    expect(planWeightSum(2 ** -30, 2 ** 30, 10).kind).toBe("fixed")
    expect(planWeightSum(2 ** -30, 2 ** 30, 2 ** 40).kind).toBe("pairs")
    expect(planWeightSum(5e-324, 1, 10)).toStrictEqual({ kind: "pairs", reason: "a weight is subnormal" })
    expect(planWeightSum(1, Infinity, 10).kind).toBe("pairs")
    expect(planWeightSum(1, Number.NaN, 10).kind).toBe("pairs")
    expect([exponentOf(1), exponentOf(0.75), exponentOf(2 ** 60 + 2 ** 8), exponentOf(Number.MAX_VALUE)])
      .toStrictEqual([0, -1, 60, 1023])
  })

  it("round the fixed-point sum to the same double as exactWeightedSum, over wide exponent ranges", () => {
    const weight = fc.tuple(fc.double({ min: 1, max: 2, noNaN: true }), fc.integer({ min: -60, max: 60 }))
      .map(([m, e]) => m * 2 ** e)
    let fixed = 0
    fc.assert(
      fc.property(fc.array(weight, { minLength: 1, maxLength: 60 }), (weights) => {
        const plan = planWeightSum(Math.min(...weights), Math.max(...weights), weights.length)
        if (plan.kind === "pairs") return
        fixed++
        const expected = exactWeightedSum(weights.map((w) => [w, 1] as const))
        expect(fixedPointWeight(fixedSum(weights, plan.scale), plan.scale)).toBe(expected)
      }),
      { numRuns: 400 }
    )
    expect(fixed).toBeGreaterThan(100)
  })
})

// Weights over many binades (mantissa in [1, 2) times 2^e), most of them distinct; some far apart enough to
// force the (cell, weight) grouping; blanks, zeros and negatives as in engines.test.ts.
const code = fc.constantFrom(1, 2, 3, 9, SYSTEM_MISSING)
const weightIn = (lo: number, hi: number) =>
  fc.tuple(fc.double({ min: 1, max: 2, noNaN: true, maxExcluded: true }), fc.integer({ min: lo, max: hi }))
    .map(([m, e]) => m * 2 ** e)
const weight = fc.oneof(
  { arbitrary: weightIn(-5, 5), weight: 6 },
  { arbitrary: weightIn(-40, 40), weight: 2 },
  { arbitrary: fc.constantFrom(1e-300, 1e300, 0, -2.5, Number.NaN), weight: 1 }
)
const cases = fc.array(fc.tuple(code, code, weight), { minLength: 4, maxLength: 200 })

const datasetOf = (rows: ReadonlyArray<readonly [number, number, number]>) =>
  makeDataset([
    codes("r", rows.map(([r]) => (r === SYSTEM_MISSING ? null : r))),
    codes("c", rows.map(([, c]) => (c === SYSTEM_MISSING ? null : c))),
    numeric("w", rows.map(([, , w]) => w))
  ])

const crosstabOptions = {
  missing: { r: [9], c: [9] },
  fisher: { method: "none" as const },
  weight: "w",
  weightMode: "frequency" as const
}

/** Which weighted query ran: the fixed-point sum (BIGINT or HUGEINT) or the (cell, weight) grouping. */
const kindOf = (sqls: ReadonlyArray<string>): string =>
  sqls.some((s) => /AS DOUBLE\), count\(\*\) FROM .* GROUP BY ALL$/.test(s))
    ? "pairs"
    : sqls.some((s) => / AS HUGEINT\)/.test(s))
    ? "HUGEINT"
    : "BIGINT"

const onDuckdb = <A, E>(dataset: ReturnType<typeof datasetOf>, f: (c: Counter) => Effect.Effect<A, E>) => {
  const sqls: Array<string> = []
  return Effect.runPromise(
    Effect.either(Effect.scoped(Effect.flatMap(datasetCounter(dataset, "the data", { trace: (s) => sqls.push(s) }), f)))
  ).then((result) => ({ result, kind: kindOf(sqls) }))
}

describe("counting engines, weights over wide exponent ranges", () => {
  it("give deep-equal crosstabs and frequencies through every weighted query", async () => {
    const kinds = new Map<string, number>()
    await fc.assert(
      fc.asyncProperty(cases, async (rows) => {
        const dataset = datasetOf(rows)
        const crosstab = (c: Counter) => crosstabCounted(c, undefined, "r", "c", crosstabOptions)
        const duck = await onDuckdb(dataset, crosstab)
        expect(duck.result).toStrictEqual(await Effect.runPromise(Effect.either(crosstab(memoryCounter(dataset)))))
        kinds.set(duck.kind, (kinds.get(duck.kind) ?? 0) + 1)
        const freq = (c: Counter) =>
          frequenciesCounted(c, undefined, "r", { missing: { r: [9] }, weight: "w", weightMode: "frequency" })
        expect((await onDuckdb(dataset, freq)).result)
          .toStrictEqual(await Effect.runPromise(Effect.either(freq(memoryCounter(dataset)))))
      }),
      { numRuns: 80 }
    )
    // every path ran: the fixed-point sums and the fallback for weights too far apart
    expect([...kinds.keys()].sort()).toStrictEqual(["BIGINT", "HUGEINT", "pairs"])
  })

  it("fall back to the (cell, weight) grouping for weights 1e-300 and 1e300, with the same result", async () => {
    const rows: Array<readonly [number, number, number]> = [[1, 1, 1e-300], [1, 2, 1e300], [2, 1, 1], [2, 2, 3]]
    const dataset = datasetOf([...rows, ...rows])
    const crosstab = (c: Counter) => crosstabCounted(c, undefined, "r", "c", crosstabOptions)
    const duck = await onDuckdb(dataset, crosstab)
    expect(duck.kind).toBe("pairs")
    const memory = await Effect.runPromise(Effect.either(crosstab(memoryCounter(dataset))))
    expect(Either.isRight(memory)).toBe(true)
    expect(duck.result).toStrictEqual(memory)
  })

  it.effect("fall back when a NaN weight (blank to danvan) makes the integer cast fail", () =>
    Effect.scoped(Effect.gen(function*() {
      const connection = yield* duckdbConnection
      yield* Effect.promise(() =>
        connection.run(
          "CREATE TABLE t AS SELECT * FROM (VALUES (1, 1, 0.5), (1, 2, 'nan'::DOUBLE), (2, 1, 1.5), (2, 2, 2.25), " +
            "(1, 1, 0.75), (2, 2, 'nan'::DOUBLE)) v(r, c, w)"
        )
      )
      const sqls: Array<string> = []
      const counter = yield* duckdbCounter(connection, "t", "t", { trace: (s) => sqls.push(s) })
      const duck = yield* crosstabCounted(counter, undefined, "r", "c", crosstabOptions)
      expect(kindOf(sqls)).toBe("pairs")
      const memory = yield* crosstabCounted(
        memoryCounter(datasetOf([[1, 1, 0.5], [1, 2, Number.NaN], [2, 1, 1.5], [2, 2, 2.25], [1, 1, 0.75], [
          2,
          2,
          Number.NaN
        ]])),
        undefined,
        "r",
        "c",
        crosstabOptions
      )
      expect(duck).toStrictEqual(memory)
      expect(duck.counts).toStrictEqual([[1.25, 0], [1.5, 2.25]])
    })))
})
