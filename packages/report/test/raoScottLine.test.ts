import { describe, expect, it } from "vitest"
import { raoScottLine } from "../src/text/design.js"

const tests = {
  raoScott: { statistic: 0.58712, df1: 3.4106, df2: 47.8, p: 0.64812 },
  raoScottChisq: { statistic: 3.5201, df: 6, p: 0.00004 }
}

describe("raoScottLine", () => {
  it("keeps the decimal point in terminal text", () => {
    expect(raoScottLine(tests, "en")).toBe(
      "Rao-Scott F (second order) = 0.587, df = 3.41, 47.80, p = .648; " +
        "Rao-Scott chi-square (first order) = 3.520, df = 6, p < .001"
    )
  })
  it("writes a decimal comma in a Vietnamese report, the parts split by \"; \" so df reads as two numbers", () => {
    expect(raoScottLine(tests, "vi", "comma")).toBe(
      "Rao-Scott F (bậc hai) = 0,587; df = 3,41; 47,80; p = 0,648. " +
        "Rao-Scott khi bình phương (bậc một) = 3,520; df = 6; p < 0,001"
    )
  })
})
