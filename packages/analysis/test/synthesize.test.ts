import type { PublishedTables } from "@danvan/domain"
import { builtinPublishedTables, getColumn, SYSTEM_MISSING } from "@danvan/domain"
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { synthesize } from "../src/index.js"

const published = Either.getOrThrow(builtinPublishedTables("hcmc-2024"))
const ds = Either.getOrThrow(synthesize(published, { seed: 42 }))
const level = getColumn(ds, "level")!.values
const maxBase = published.levels.map((_, i) => Math.max(...published.tables.map((t) => t.bases[i])))

const countAt = (name: string, code: number, levelCode: number) => {
  const values = getColumn(ds, name)!.values
  let c = 0
  for (let k = 0; k < ds.rowCount; k++) if (level[k] === levelCode && values[k] === code) c++
  return c
}

describe("synthesize", () => {
  it("reproduces every published count by level exactly (Tables 1-4)", () => {
    expect(ds.rowCount).toBe(1096)
    published.levels.forEach((l, i) => expect(countAt("level", l.code, l.code)).toBe(maxBase[i]))
    expect(maxBase).toEqual([310, 376, 410])
    let checked = 0
    expect(published.tables).toHaveLength(4)
    for (const table of published.tables) {
      for (const item of table.items) {
        published.levels.forEach((l, i) => {
          if (table.kind === "multiple-response") {
            const it = item as (typeof table.items)[number]
            expect(countAt(it.key, 1, l.code)).toBe(it.counts[i])
            expect(countAt(it.key, 0, l.code)).toBe(table.bases[i] - it.counts[i])
            expect(countAt(it.key, 9, l.code)).toBe(maxBase[i] - table.bases[i])
          } else {
            const it = item as (typeof table.items)[number]
            it.rows.forEach((row, r) => expect(countAt(it.key, r + 1, l.code)).toBe(row.counts[i]))
          }
          checked++
        })
      }
    }
    expect(checked).toBe(25 * 3)
  })

  it("is reproducible for a seed and differs for another", () => {
    const again = Either.getOrThrow(synthesize(published, { seed: 42 }))
    const other = Either.getOrThrow(synthesize(published, { seed: 43 }))
    expect(Array.from(getColumn(again, "clean_strong_party")!.values)).toEqual(
      Array.from(getColumn(ds, "clean_strong_party")!.values)
    )
    expect(Array.from(getColumn(other, "clean_strong_party")!.values)).not.toEqual(
      Array.from(getColumn(ds, "clean_strong_party")!.values)
    )
  })

  it("correlates items through the latent trait (and not with loading 0)", () => {
    const phi = (d: typeof ds, a: string, b: string) => {
      const x = getColumn(d, a)!.values
      const y = getColumn(d, b)!.values
      let n11 = 0, n1 = 0, m1 = 0
      for (let k = 0; k < d.rowCount; k++) {
        n1 += x[k]
        m1 += y[k]
        n11 += x[k] * y[k]
      }
      const n = d.rowCount
      return (n * n11 - n1 * m1) / Math.sqrt(n1 * (n - n1) * m1 * (n - m1))
    }
    expect(phi(ds, "clean_strong_party", "cadre_quality")).toBeGreaterThan(0.1)
    const flat = Either.getOrThrow(synthesize(published, { seed: 42, loading: 0 }))
    expect(Math.abs(phi(flat, "clean_strong_party", "cadre_quality"))).toBeLessThan(0.1)
  })

  it("codes a Likert item's unpublished remainder as 9 and leaves no blanks", () => {
    for (const column of ds.columns) expect(column.values.includes(SYSTEM_MISSING)).toBe(false)
  })

  it("refuses a table whose bases do not match the levels", () => {
    const broken = {
      ...published,
      tables: [{ ...published.tables[1], bases: [300, 376] }]
    } as unknown as PublishedTables
    const r = synthesize(broken)
    expect(Either.isLeft(r) && r.left.message).toBe("table \"table2-content\" has 2 bases but there are 3 levels")
  })
})
