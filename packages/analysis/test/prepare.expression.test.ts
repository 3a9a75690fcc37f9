import { describe, expect, it } from "vitest"
import {
  compileExpression,
  type Env,
  ExpressionError,
  ExpressionSyntaxError,
  expressionType,
  parseExpression
} from "../src/index.js"
import { codes, numeric } from "./helpers.js"

const cols = [
  codes("q1", [1, 2, 9, null, 4]),
  codes("q2", [2, 2, 3, 1, null]),
  codes("q3", [3, 1, 1, 1, null]),
  numeric("age", [25, 40.5, NaN, 61, 33])
]
const env: Env = {
  order: cols.map((c) => c.name),
  has: (n) => cols.some((c) => c.name === n),
  column: (n) => {
    const c = cols.find((x) => x.name === n)!
    return {
      type: c.type,
      values: c.values,
      missing: n === "q1" ? { values: [9], ranges: [] } : { values: [], ranges: [] }
    }
  }
}
const run = (text: string): Array<number | null> => {
  const e = parseExpression(text)
  expressionType(e, env)
  const f = compileExpression(e, env)
  return [0, 1, 2, 3, 4].map((r) => {
    const x = f(r)
    return Number.isNaN(x) ? null : x
  })
}

describe("expression language", () => {
  it("does arithmetic with missing propagating (user-missing 9 and blanks are missing)", () => {
    expect(run("q1 + q2 * 2")).toEqual([5, 6, null, null, null])
    expect(run("(q1 + q2) / 2")).toEqual([1.5, 2, null, null, null])
    expect(run("-q2 ** 2")).toEqual([-4, -4, -9, -1, null])
    expect(run("q2 / (q3 - 1)")).toEqual([1, null, null, null, null])
  })

  it("compares and combines with three-valued logic", () => {
    expect(run("q1 >= 2")).toEqual([0, 1, null, null, 1])
    expect(run("q1 >= 2 and age < 50")).toEqual([0, 1, null, 0, 1])
    expect(run("q1 = 1 or q2 = 1")).toEqual([1, 0, null, 1, null])
    expect(run("q1 = 9 and q2 = 1")).toEqual([0, 0, 0, null, 0])
    expect(run("not (q2 <> 2)")).toEqual([1, 1, 0, 0, null])
    expect(run("q2 in (1, 3 thru 5)")).toEqual([0, 0, 1, 1, null])
  })

  it("has SPSS's functions: MEAN.n, SUM, MIN, MAX, ANY, RANGE, MISSING, SYSMIS, VALUE", () => {
    expect(run("MEAN(q1, q2, q3)")).toEqual([2, 5 / 3, 2, 1, 4])
    expect(run("MEAN.3(q1 to q3)")).toEqual([2, 5 / 3, null, null, null])
    expect(run("SUM.2(q1, q2, q3)")).toEqual([6, 5, 4, 2, null])
    expect(run("MIN(q1, q2, q3)")).toEqual([1, 1, 1, 1, 4])
    expect(run("MAX(q1 to q3)")).toEqual([3, 2, 3, 1, 4])
    expect(run("ANY(q2, 1, 3)")).toEqual([0, 0, 1, 1, null])
    expect(run("RANGE(age, 30, 50)")).toEqual([0, 1, null, 0, 1])
    expect(run("MISSING(q1)")).toEqual([0, 0, 1, 1, 0])
    expect(run("SYSMIS(q1)")).toEqual([0, 0, 0, 1, 0])
    expect(run("VALUE(q1)")).toEqual([1, 2, 9, null, 4])
    expect(run("rnd(age / 10)")).toEqual([3, 4, null, 6, 3])
  })

  it("names the position and the variable of an unknown name or a type mismatch", () => {
    const unknown = () => expressionType(parseExpression("q1 + q9"), env)
    expect(unknown).toThrow(ExpressionError)
    try {
      unknown()
    } catch (e) {
      expect((e as ExpressionError).pos).toBe(6)
      expect((e as ExpressionError).variable).toBe("q9")
    }
    expect(() => expressionType(parseExpression("q1 and q2 = 1"), env)).toThrow(
      /at character 1: type mismatch: "and" needs a logical value/
    )
    expect(() => expressionType(parseExpression("(q1 = 1) + 2"), env)).toThrow(/type mismatch/)
    expect(() => expressionType(parseExpression("MEAN(q3 to q1)"), env)).toThrow(/comes before/)
  })

  it("reports syntax errors with the character position and never evaluates code", () => {
    expect(() => parseExpression("q1 + ")).toThrow(ExpressionSyntaxError)
    expect(() => parseExpression("q1 + ")).toThrow(
      /at character 6: expected a number, a variable or "\(", found the end/
    )
    expect(() => parseExpression("process.exit(1)")).toThrow(/unknown function "process.exit"/)
    expect(() => parseExpression("q1 ; q2")).toThrow(/at character 4: unexpected character ";"/)
    expect(() => parseExpression("ANY.2(q1, 1)")).toThrow(/takes no ".n" suffix/)
  })
})

describe("expression parser on arbitrary input", () => {
  it("either parses or throws ExpressionSyntaxError with a position inside the text (2,000 generated strings)", () => {
    const pieces = [
      "q1",
      "age",
      "1",
      "2.5",
      "(",
      ")",
      ",",
      "+",
      "-",
      "*",
      "/",
      "**",
      "=",
      "<>",
      "<=",
      "and",
      "or",
      "not",
      "in",
      "thru",
      "to",
      "MEAN.2",
      "ANY",
      "MISSING",
      ";",
      "'",
      "$",
      " "
    ]
    let state = 20260105
    const next = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) >>> 8) / 16777216
    const inputs = Array.from(
      { length: 2000 },
      () =>
        Array.from({ length: 1 + Math.floor(next() * 8) }, () => pieces[Math.floor(next() * pieces.length)]).join(" ")
    )
    expect(inputs).toHaveLength(2000)
    let parsed = 0
    for (const text of inputs) {
      try {
        parseExpression(text)
        parsed++
      } catch (e) {
        expect(e, text).toBeInstanceOf(ExpressionSyntaxError)
        expect((e as ExpressionSyntaxError).pos).toBeGreaterThanOrEqual(1)
        expect((e as ExpressionSyntaxError).pos).toBeLessThanOrEqual(text.length + 1)
      }
    }
    expect(parsed).toBeGreaterThan(0)
  })
})
