import { describe, expect, it } from "vitest"
import { designStatement } from "../src/text/design.js"
import { mrDesignStatementText } from "../src/text/mrDesign.js"

// Issue 18: one design statement for every analysis (crosstab, frequencies, describe, means, likert and mr).
const info = {
  mode: "sampling",
  weight: "trongso",
  strata: "huyen",
  cluster: "xa",
  fpc: "nxa",
  lonelyPsu: "adjust",
  psus: 18,
  strataCount: 4,
  df: 14,
  method: "Taylor linearization"
} as const

describe("designStatement", () => {
  it("states weights, strata, clusters, fpc, the lonely-PSU rule, PSUs, strata and df in English", () => {
    expect(designStatement(info, "en")).toBe(
      "Design-based (Taylor linearization): weights trongso, strata huyen, clusters xa, fpc nxa; lonely PSU: adjust; " +
        "18 PSUs, 4 strata, design df = 14."
    )
  })
  it("in Vietnamese, with either decimal mark (the numbers are whole)", () => {
    const vi = "Ước lượng theo thiết kế mẫu (tuyến tính hóa Taylor): trọng số trongso, tầng huyen, cụm xa, " +
      "hiệu chỉnh tổng thể hữu hạn nxa; tầng một PSU: adjust; 18 PSU, 4 tầng, bậc tự do thiết kế = 14."
    expect(designStatement(info, "vi", "comma")).toBe(vi)
    expect(designStatement(info, "vi", "point")).toBe(vi)
    expect(designStatement(info, "vi")!.normalize("NFC")).toBe(designStatement(info, "vi"))
  })
  it("weights alone: one stratum, each case its own PSU", () => {
    expect(designStatement({ mode: "sampling", weight: "w", psus: 163, strataCount: 1, df: 162 }, "en")).toBe(
      "Design-based (Taylor linearization): weights w; lonely PSU: fail; 163 PSUs, 1 stratum, design df = 162."
    )
  })
  it("frequency weights and unweighted results", () => {
    expect(designStatement({ mode: "frequency", weight: "w" }, "en")).toMatch(/^Frequency weights \(as SPSS WEIGHT BY/)
    expect(designStatement({ mode: "unweighted" }, "en")).toBeUndefined()
    expect(designStatement(undefined, "vi")).toBeUndefined()
  })
  it("a multiple-response result's design (degreesOfFreedom, and the DesignInfo fields) gives the same sentence", () => {
    const mr = { ...info, degreesOfFreedom: 14 }
    const result = { design: mr } as unknown as Parameters<typeof mrDesignStatementText>[0]
    for (const lang of ["en", "vi"] as const) {
      expect(mrDesignStatementText(result, lang)).toBe(designStatement(info, lang))
    }
    // an older MR result with degreesOfFreedom only still states its df
    const { df: _df, psus: _p, strataCount: _s, ...old } = mr
    expect(mrDesignStatementText({ design: old } as unknown as typeof result, "en")).toMatch(
      /lonely PSU: adjust; design df = 14\.$/
    )
  })
})
