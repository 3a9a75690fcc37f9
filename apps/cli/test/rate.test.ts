import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { run, STACK_FRAME } from "./run.js"

/** R's prop.test(correct = FALSE) and binom.test intervals (packages/stats/scripts/rates.R). */
const rFixture: {
  intervals: Array<
    {
      x: number
      n: number
      level: number
      estimate: number
      wilson: [number, number]
      clopperPearson: [number, number]
    }
  >
} = JSON.parse(readFileSync(new URL("../../../packages/stats/test/fixtures/rates.json", import.meta.url), "utf8"))

const r = (x: number, n: number, level: number) =>
  rFixture.intervals.find((i) => i.x === x && i.n === n && Math.abs(i.level - level) < 1e-12)!

describe("rate", () => {
  for (const [x, n, level] of [[19183, 21727, 0.95], [319, 411, 0.99], [0, 411, 0.95]] as const) {
    it(`${x} of ${n} at ${level}: --format json gives R's Wilson and Clopper-Pearson intervals`, () => {
      const out = run(["rate", String(x), String(n), "--level", String(level), "--format", "json"])
      expect(out.code).toBe(0)
      const json = JSON.parse(out.stdout)
      const ref = r(x, n, level)
      expect(json).toMatchObject({ kind: "rate", x, n, level })
      expect(json.estimate).toBeCloseTo(ref.estimate, 14)
      const close = (a: number, b: number) =>
        expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(Math.abs(b), 1e-300))
      close(json.intervals.wilson.lower, ref.wilson[0])
      close(json.intervals.wilson.upper, ref.wilson[1])
      close(json.intervals.clopperPearson.lower, ref.clopperPearson[0])
      close(json.intervals.clopperPearson.upper, ref.clopperPearson[1])
    })
  }

  it("text shows both intervals in percent", () => {
    const out = run(["rate", "19183", "21727"])
    expect(out.code).toBe(0)
    expect(out.stdout).toContain("95% confidence interval")
    expect(out.stdout).toMatch(/Wilson score\s+88\.29\s+87\.86\s+88\.71/)
    expect(out.stdout).toMatch(/Clopper-Pearson \(exact\)\s+88\.29\s+87\.86\s+88\.72/)
  })

  it("x > n or a level outside (0, 1): exit 1 with a clear message, no stack trace", () => {
    const big = run(["rate", "500", "411"])
    expect(big.code).toBe(1)
    expect(big.stderr).toBe("danvan: error: the count x = 500 is larger than the number of cases n = 411\n")
    const level = run(["rate", "5", "10", "--level", "95"])
    expect(level.code).toBe(1)
    expect(level.stderr).toBe("danvan: error: the confidence level must be between 0 and 1 (e.g. 0.95), got 95\n")
    expect(big.stderr + level.stderr).not.toMatch(STACK_FRAME)
  })
})
