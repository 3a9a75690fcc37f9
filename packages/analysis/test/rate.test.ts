import { clopperPearsonInterval, wilsonInterval } from "@danvan/stats"
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { parseRateCount, rate, rateFromText } from "../src/index.js"

const message = (e: Either.Either<unknown, { message: string }>) => (Either.isLeft(e) ? e.left.message : "no error")

describe("rate (moved from the CLI, issue 21 item 3)", () => {
  it("returns the result object with both intervals of stats", () => {
    const r = Either.getOrThrow(rate(319, 411, 0.99))
    const w = wilsonInterval(319, 411, 0.99)
    const cp = clopperPearsonInterval(319, 411, 0.99)
    expect(r).toEqual({
      kind: "rate",
      x: 319,
      n: 411,
      estimate: w.estimate,
      level: 0.99,
      intervals: { wilson: { lower: w.lower, upper: w.upper }, clopperPearson: { lower: cp.lower, upper: cp.upper } }
    })
    expect(Either.getOrThrow(rateFromText("319", "411", 0.99))).toEqual(r)
  })

  it("refuses x > n and a bad level as BAD_OPTION", () => {
    const big = rate(500, 411)
    expect(Either.isLeft(big) && big.left.code).toBe("BAD_OPTION")
    expect(message(big)).toBe("the count x = 500 is larger than the number of cases n = 411")
  })

  it("says what is wrong with a typed count (issue 22 item 5)", () => {
    expect(message(parseRateCount("-1", "X"))).toBe("X is -1, a negative number; expected a whole number of at least 0")
    expect(message(parseRateCount("2.5", "N"))).toBe(
      "N is \"2.5\", not a whole number; expected a whole number of at least 0"
    )
    expect(message(parseRateCount("abc", "N"))).toBe(
      "N is \"abc\", not a number; expected a whole number of at least 0"
    )
    expect(message(parseRateCount("9007199254740993", "X"))).toBe(
      "X is 9007199254740993, which exceeds 2^53 - 1 = 9007199254740991, the largest count held exactly"
    )
    expect(Either.getOrThrow(parseRateCount("9007199254740991", "X"))).toBe(9007199254740991)
  })
})
