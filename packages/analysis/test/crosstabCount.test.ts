import { plainLabel, SYSTEM_MISSING, type Variable } from "@danvan/domain"
import { describe, expect, it } from "vitest"
import { countByRow, countCrosstab } from "../src/crosstabCount.js"
import type { CategoricalVariable } from "../src/variables.js"

// The dense count of crosstab (one pass into a joint count) must give what the per-row walk gives, missing
// tallies in the same order included (issue 23).

/** A deterministic LCG (24 bits), as bench/compare/data.mjs. */
const lcg = (seed: number) => {
  let state = seed >>> 0
  return () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) >>> 8) / 16777216
}

const variable = (name: string, values: ReadonlyArray<number>, missing: ReadonlyArray<number>): Variable => ({
  name,
  label: plainLabel(name),
  kind: "single",
  measure: "nominal",
  values: values.map((code) => ({ code, label: plainLabel(`c${code}`) })),
  missing: { values: missing, ranges: [] }
} as unknown as Variable)

const categorical = (name: string, codes: Int32Array, v?: Variable, extra: ReadonlyArray<number> = []) =>
  ({
    name,
    label: plainLabel(name),
    measure: "nominal" as const,
    codes,
    ...(v !== undefined ? { variable: v } : {}),
    isMissing: (c: number) => extra.includes(c) || (v !== undefined && v.missing.values.includes(c))
  }) satisfies CategoricalVariable

describe("countCrosstab", () => {
  it("gives the per-row walk's categories, table and missing tallies on random columns", () => {
    const next = lcg(23)
    const pick = (n: number) => Math.floor(next() * n)
    let cases = 0
    for (let t = 0; t < 300; t++) {
      const n = 1 + pick(60)
      const code = (lo: number, span: number, blank: number) => next() < blank ? SYSTEM_MISSING : lo + pick(span)
      const [rlo, rspan, clo, cspan] = [pick(5) - 2, 1 + pick(6), pick(3), 1 + pick(8)]
      const rb = next() * 0.3
      const cb = next() * 0.3
      const rows = Int32Array.from({ length: n }, () => code(rlo, rspan, rb))
      const cols = Int32Array.from({ length: n }, () => code(clo, cspan, cb))
      const rv = next() < 0.5 ? variable("r", [9, 1, 2, 7], [9]) : undefined
      const cv = next() < 0.5 ? variable("c", [3, 0, 8], [8, 3]) : undefined
      const row = categorical("r", rows, rv, next() < 0.5 ? [rlo] : [])
      const col = t % 10 === 0 ? row : categorical("c", cols, cv, next() < 0.5 ? [clo + 1, 40] : [])
      const dense = countCrosstab(row, col, undefined)
      const walked = countByRow(row, col, undefined)
      expect(dense).toEqual(walked)
      if (dense.table !== undefined && dense.missingByCode.length > 1) cases++
    }
    // the loop met tables with several missing codes, not only trivial ones
    expect(cases).toBeGreaterThan(50)
  })

  it("orders the missing tallies by first case, the row variable first on a tie", () => {
    const row = categorical("r", Int32Array.of(1, 2, SYSTEM_MISSING, 9, 1, 2), undefined, [9])
    const col = categorical("c", Int32Array.of(SYSTEM_MISSING, 1, 8, 2, 1, 1), undefined, [8])
    const tie = categorical("c", Int32Array.of(1, 2, 8, 2, SYSTEM_MISSING, 1), undefined, [8])
    const code = (m: { variable: string; code: number | "system" }) => `${m.variable}:${m.code}`
    expect(countCrosstab(row, col, undefined).missingByCode.map(code)).toEqual(["c:system", "c:8", "r:system", "r:9"])
    expect(countCrosstab(row, tie, undefined).missingByCode.map(code)).toEqual(["r:system", "r:9", "c:8", "c:system"])
    expect(countByRow(row, tie, undefined).missingByCode.map(code)).toEqual(["r:system", "r:9", "c:8", "c:system"])
  })

  it("falls back to the per-row walk over wide code ranges and with weights", () => {
    const row = categorical("r", Int32Array.of(1, 5_000_000, 1, SYSTEM_MISSING), undefined)
    const col = categorical("c", Int32Array.of(-5_000_000, 2, 2, 2), undefined)
    expect(countCrosstab(row, col, undefined)).toEqual(countByRow(row, col, undefined))
    // 1,000 x 1,000 codes over four cases: more cells than cases
    const sparse = categorical("s", Int32Array.of(1, 1000, 500, SYSTEM_MISSING), undefined)
    const other = categorical("o", Int32Array.of(1000, 1, 1, 1), undefined)
    expect(countCrosstab(sparse, other, undefined)).toEqual(countByRow(sparse, other, undefined))
    expect(countCrosstab(sparse, other, undefined).table?.counts.length).toBe(6)
    const w = Float64Array.of(0.5, 2, 0, 1.25)
    expect(countCrosstab(row, col, w)).toEqual(countByRow(row, col, w))
    expect(countCrosstab(row, col, w).totalWeight).toBe(3.75)
  })
})
