import { SYSTEM_MISSING } from "@danvan/domain"
import { describe, expect, it } from "vitest"
import { codeRange, distinctCodes, mapCodes, memoCodes } from "../src/codeLookup.js"

// The per-code lookups must give what the per-row code they replace gives (issue 23).
const narrow = Int32Array.of(3, SYSTEM_MISSING, 1, 9, 3, -2, 9, 1)
const wide = Int32Array.of(5, 200_000, SYSTEM_MISSING, -70_000, 5)

describe("codeLookup", () => {
  it("finds the code range without blanks", () => {
    expect(codeRange(narrow)).toEqual({ min: -2, max: 9 })
    expect(codeRange(Int32Array.of(SYSTEM_MISSING))).toBeUndefined()
  })

  it("lists the distinct codes of narrow and wide columns", () => {
    expect(distinctCodes(narrow).sort((a, b) => a - b)).toEqual([-2, 1, 3, 9])
    expect(distinctCodes(wide).sort((a, b) => a - b)).toEqual([-70_000, 5, 200_000])
    expect(distinctCodes(Int32Array.of())).toEqual([])
  })

  it("maps codes as Array.from does, blanks included", () => {
    const f = (c: number) => (c === SYSTEM_MISSING ? NaN : c === 9 ? NaN : c * 10)
    for (const codes of [narrow, wide]) {
      expect(Array.from(mapCodes(codes, f, Float64Array))).toEqual(Array.from(codes, f))
      expect(Array.from(mapCodes(codes, (c) => (c > 2 ? 1 : -1), Int32Array))).toEqual(
        Array.from(codes, (c) => (c > 2 ? 1 : -1))
      )
    }
  })

  it("remembers a predicate's answers, inside and outside its cache", () => {
    let calls = 0
    const isMissing = memoCodes((c) => {
      calls++
      return c === 9 || c === 99_999
    })
    expect([9, 9, 1, 1, 99_999, 99_999, -500].map(isMissing)).toEqual([true, true, false, false, true, true, false])
    expect(calls).toBe(5)
  })
})
