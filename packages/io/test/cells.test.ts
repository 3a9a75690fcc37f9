import { SYSTEM_MISSING } from "@danvan/domain"
import { describe, expect, it } from "vitest"
import { parseCode, parseNumber } from "../src/cells.js"
import { scanCsv } from "../src/scanner.js"

const code = (s: string, decimalComma = false) => parseCode(s, 0, s.length, decimalComma)
const num = (s: string, decimalComma = false) => parseNumber(s, 0, s.length, decimalComma)

describe("parseCode", () => {
  it("accepts integers, surrounding spaces, signs and all-zero fractions", () => {
    expect(
      ["1", " 2 ", "-1", "+3", "0", "-0", "007", "3.0", "3.00", "\u00a05\u00a0", "2147483647", "-2147483647"].map((s) =>
        code(s)
      )
    ).toEqual([
      1,
      2,
      -1,
      3,
      0,
      -0,
      7,
      3,
      3,
      5,
      2147483647,
      -2147483647
    ])
    expect(code("3,0", true)).toBe(3)
  })

  it("reads blank cells as SYSTEM_MISSING", () => {
    expect(code("")).toBe(SYSTEM_MISSING)
    expect(code("   ")).toBe(SYSTEM_MISSING)
  })

  it("rejects fractions, exponents, words, separators and out-of-range values", () => {
    for (
      const s of [
        "1.5",
        "3.",
        ".0",
        "1e3",
        "x",
        "-",
        "+",
        "1 2",
        "1,000",
        "3,0",
        "2147483648",
        "-2147483648",
        "0x10",
        "Infinity"
      ]
    ) {
      expect(code(s), s).toBeNaN()
    }
  })
})

describe("parseNumber", () => {
  it("accepts decimal notation with an optional exponent", () => {
    expect(["1.25", " -3 ", ".5", "1.", "1.2E-3", "+7"].map((s) => num(s))).toEqual([1.25, -3, 0.5, 1, 0.0012, 7])
    expect(num("1,25", true)).toBe(1.25)
  })

  it("reads a blank as NaN and rejects everything else", () => {
    expect(num(" ")).toBeNaN()
    for (const s of ["x", "1,25", "NaN", "Infinity", "1e999", "0x10", "1.2.3", "1 000"]) {
      expect(num(s), s).toBeUndefined()
    }
    expect(num("1.000,5", true)).toBeUndefined()
  })
})

describe("scanCsv", () => {
  const scan = (text: string, delimiter = ",") => {
    const records: Array<{ line: number; fields: Array<string> }> = []
    let fields: Array<string> = []
    const problems: Array<string> = []
    scanCsv(text, delimiter, {
      field: (t, start, end) => fields.push(t.slice(start, end)),
      endRecord: (line) => {
        records.push({ line, fields })
        fields = []
      },
      malformed: (line, k, raw, expected) => problems.push(`${line}:${k}:${raw}:${expected}`)
    })
    return { records, problems }
  }

  it("splits records and fields, keeping empty fields", () => {
    expect(scan("a,b,\n,1,2").records).toEqual([
      { line: 1, fields: ["a", "b", ""] },
      { line: 2, fields: ["", "1", "2"] }
    ])
  })

  it("unquotes, undoubles quotes and keeps line breaks inside quotes while counting lines", () => {
    expect(scan("\"a \"\"x\"\"\",\"b\r\nc\"\r\n1,\"2\n\n3\"\n4\r5\n").records).toEqual([
      { line: 1, fields: ["a \"x\"", "b\r\nc"] },
      { line: 3, fields: ["1", "2\n\n3"] },
      { line: 6, fields: ["4"] },
      { line: 7, fields: ["5"] }
    ])
  })

  it("ignores spaces around quoted fields", () => {
    expect(scan(" \"a\" , \"b\"\n").records[0].fields).toEqual(["a", "b"])
  })

  it("reports unclosed quotes and text after a closing quote", () => {
    expect(scan("a,\"b\"c,d\n\"x").problems).toEqual([
      "1:1:\"b\"c:the delimiter or a line break right after a closing quote",
      "2:0:\"x:a closing quote (\") before the end of the file"
    ])
  })

  it("uses the given delimiter only", () => {
    expect(scan("a;b,c\tD\n", ";").records[0].fields).toEqual(["a", "b,c\tD"])
    expect(scan("a;b,c\tD\n", "\t").records[0].fields).toEqual(["a;b,c", "D"])
  })
})
