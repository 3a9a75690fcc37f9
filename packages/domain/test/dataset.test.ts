import { describe, expect, it } from "vitest"
import { columnNames, getColumn, makeDataset } from "../src/index.js"

describe("Dataset", () => {
  it("keeps columns in order and finds them by name", () => {
    const ds = makeDataset([
      { name: "level", type: "codes", values: Int32Array.of(1, 2, 3) },
      { name: "w", type: "numeric", values: Float64Array.of(1, 0.5, 2) }
    ])
    expect(ds.rowCount).toBe(3)
    expect(columnNames(ds)).toEqual(["level", "w"])
    expect(getColumn(ds, "w")?.type).toBe("numeric")
    expect(getColumn(ds, "nope")).toBeUndefined()
  })

  it("rejects columns of different lengths", () => {
    expect(() =>
      makeDataset([
        { name: "a", type: "codes", values: Int32Array.of(1, 2) },
        { name: "b", type: "codes", values: Int32Array.of(1) }
      ])
    ).toThrow(/column "b" has 1 rows, expected 2/)
  })
})
