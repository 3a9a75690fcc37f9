import { SYSTEM_MISSING } from "@danvan/domain"
import { describe, expect, it } from "vitest"
import { columnBytes, columnFromBytes } from "../src/columns.js"

// The BLOB layout of stored columns: the typed array's bytes, read back into an aligned copy.

describe("column BLOBs", () => {
  it("codes and numbers round-trip, including system-missing and NaN", () => {
    const codes = Int32Array.of(1, 2, SYSTEM_MISSING, -1, 2147483647)
    const numbers = Float64Array.of(1.5, Number.NaN, -0, 1e-300)
    expect(columnFromBytes("a", "codes", columnBytes({ name: "a", type: "codes", values: codes })).values).toEqual(
      codes
    )
    const back = columnFromBytes("w", "numeric", columnBytes({ name: "w", type: "numeric", values: numbers })).values
    expect(Array.from(back)).toEqual(Array.from(numbers))
    expect(Object.is(back[2], -0)).toBe(true)
  })

  it("a blob that is a view at an odd offset of a larger buffer reads only its own bytes", () => {
    const pool = Buffer.alloc(64, 0xff)
    const own = Buffer.from(new Uint8Array(Int32Array.of(7, 8, 9).buffer))
    own.copy(pool, 3)
    const view = pool.subarray(3, 3 + own.length)
    const column = columnFromBytes("x", "codes", view)
    expect(Array.from(column.values)).toEqual([7, 8, 9])
  })

  it("a stored column is read into a SharedArrayBuffer of its own (posted to analysis workers without copying)", () => {
    const column = columnFromBytes("x", "codes", new Uint8Array(Int32Array.of(4, 5).buffer))
    expect(column.values.buffer).toBeInstanceOf(SharedArrayBuffer)
    expect(column.values.buffer.byteLength).toBe(8)
  })
})
