import { builtinCodebook, makeDataset, SYSTEM_MISSING } from "@danvan/domain"
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { readCsv, writeCsv } from "../src/index.js"

describe("writeCsv", () => {
  it("writes codes, numbers and blanks, and readCsv reads them back", () => {
    const ds = makeDataset([
      { name: "level", type: "codes", values: Int32Array.of(1, 2, 9, SYSTEM_MISSING) },
      { name: "w", type: "numeric", values: Float64Array.of(1.5, Number.NaN, 2, 0.25) }
    ])
    const text = writeCsv(ds)
    expect(text).toBe("level,w\r\n1,1.5\r\n2,\r\n9,2\r\n,0.25\r\n")
    const hcmc = Either.getOrThrow(builtinCodebook("hcmc-2024"))
    const back = Either.getOrThrow(
      readCsv(new TextEncoder().encode(text), { fileName: "x.csv", codebook: hcmc, numericColumns: ["w"] })
    )
    expect(Array.from(back.dataset.columns[0].values)).toEqual(Array.from(ds.columns[0].values))
    expect(Array.from(back.dataset.columns[1].values)).toEqual(Array.from(ds.columns[1].values))
  })

  it("quotes names with commas or quotes", () => {
    const ds = makeDataset([{ name: "a,\"b\"", type: "codes", values: Int32Array.of(1) }])
    expect(writeCsv(ds)).toBe("\"a,\"\"b\"\"\"\r\n1\r\n")
  })
})
