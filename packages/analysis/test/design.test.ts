import { makeDataset, SYSTEM_MISSING } from "@danvan/domain"
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { analysisDesign } from "../src/design.js"

const dataset = makeDataset([
  { name: "tinh", type: "codes", values: Int32Array.of(7, 7, 9, 9) },
  { name: "xa", type: "codes", values: Int32Array.of(1, 2, 1, SYSTEM_MISSING) },
  { name: "w", type: "numeric", values: Float64Array.of(1.5, 2, 0, 1) },
  { name: "N", type: "numeric", values: Float64Array.of(40, 40, 12, 12) }
])
const message = (e: Either.Either<unknown, { message: string }>) => Either.isLeft(e) ? e.left.message : "no error"

describe("analysisDesign", () => {
  it("is unweighted with no weight and no design", () => {
    expect(Either.getOrThrow(analysisDesign(dataset, undefined, {})).mode).toBe("unweighted")
  })
  it("takes weights alone as sampling weights, each case its own PSU", () => {
    const d = Either.getOrThrow(analysisDesign(dataset, undefined, { weight: "w" }))
    expect(d.mode).toBe("sampling")
    if (d.mode !== "sampling") return
    expect(Array.from(d.weights!.values)).toEqual([1.5, 2, 0, 1])
    expect(d.survey).toEqual({ lonelyPsu: "fail" })
  })
  it("keeps SPSS frequency weights on request", () => {
    expect(Either.getOrThrow(analysisDesign(dataset, undefined, { weight: "w", weightMode: "frequency" })).mode)
      .toBe("frequency")
  })
  it("turns strata and fpc into dense indices and values", () => {
    const d = Either.getOrThrow(analysisDesign(dataset, undefined, { strata: "tinh", fpc: "N", lonelyPsu: "adjust" }))
    if (d.mode !== "sampling") throw new Error(d.mode)
    expect(Array.from(d.strata!.values)).toEqual([0, 0, 1, 1])
    expect(Array.from(d.fpc!.values)).toEqual([40, 40, 12, 12])
    expect(d.weights).toBeUndefined()
  })
  it("names the data row of a blank cluster", () => {
    expect(message(analysisDesign(dataset, undefined, { cluster: "xa" }))).toMatch(/"xa" is blank in data row 5/)
  })
  it("refuses a design with frequency weights, and unknown columns", () => {
    expect(message(analysisDesign(dataset, undefined, { weight: "w", strata: "tinh", weightMode: "frequency" })))
      .toMatch(/frequency weights have no sampling design/)
    expect(message(analysisDesign(dataset, undefined, { strata: "huyen" }))).toMatch(/unknown stratum variable "huyen"/)
  })
})
