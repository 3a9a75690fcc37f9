import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { readCsv } from "../src/index.js"
import { readCsvStream } from "../src/readCsvStream.js"
import { bytesOf, hcmc } from "./helpers.js"

// ASCII files without a quote are scanned as bytes (byteScanner.ts, byteCells.ts); a file with a quote takes
// the text path. A quoted header name changes nothing else, so the same file with `"id"` in its header is
// the text path's reference for the byte path, whole (readCsv) and streamed (readCsvStream).

const reader = (bytes: Uint8Array) => async (into: Uint8Array, position: number): Promise<number> => {
  const got = Math.max(0, Math.min(into.length, bytes.length - position))
  into.set(bytes.subarray(position, position + got))
  return got
}

type Result = ReturnType<typeof readCsv>
const outcome = (result: Result) =>
  Either.isRight(result)
    ? {
      rows: result.right.dataset.rowCount,
      columns: result.right.dataset.columns.map((c) => ({ name: c.name, type: c.type, values: Array.from(c.values) })),
      typing: result.right.dataset.typing,
      encoding: result.right.encoding,
      delimiter: result.right.delimiter,
      warnings: result.right.warnings
    }
    : { error: result.left.message, problems: result.left.problems, total: result.left.totalProblems }

/** Deterministic uniform [0, 1). */
const lcg = (seed: number) => {
  let state = seed >>> 0
  return () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) >>> 8) / 16777216
}

const pick = <A>(next: () => number, xs: ReadonlyArray<A>): A => xs[Math.floor(next() * xs.length)]

/** A random survey file: codes, numbers, text, blanks, padded and bad cells, ragged rows, empty lines. */
const randomFile = (seed: number, delimiter: string, bad: boolean): string => {
  const next = lcg(seed)
  const eol = pick(next, ["\n", "\r\n", "\r"])
  const decimal = delimiter === "," ? [".5", "-0.25", "2."] : ["1,5", "-0,25"]
  const lines = [["id", "level", "w", "note", "sex"].join(delimiter)]
  const rows = 5 + Math.floor(next() * 40)
  for (let k = 1; k <= rows; k++) {
    if (next() < 0.05) {
      lines.push(pick(next, ["", "   "]))
      continue
    }
    const level = pick(next, ["1", "2", "3", "9", "", " 2 ", "3.0", "\t1", ...(bad ? ["1.5", "x", "4"] : [])])
    const w = pick(next, [
      "1.25",
      "",
      "0",
      "-3",
      "1e3",
      "0.1",
      "1.125",
      "0.001",
      "12345678901234567.5",
      ...decimal,
      ...(bad ? ["abc", "-"] : [])
    ])
    const note = next() < 0.9 ? pick(next, ["1", "2", "", "0.5"]) : pick(next, ["some text", "2024-01-02"])
    const sex = pick(next, ["1", "2", "9", "", "-1", "+2", "00"])
    const cells = [String(k), level, w, note, sex]
    if (bad && next() < 0.05) cells.pop()
    lines.push(cells.join(delimiter))
  }
  return lines.join(eol) + (next() < 0.8 ? eol : "")
}

const optionSets = [
  {},
  { numericColumns: ["w"] },
  { columns: ["level"], numericColumns: ["w"] },
  { columns: ["sex", "note"] },
  { codebook: hcmc, numericColumns: ["w"] },
  { codebook: hcmc, columns: ["level", "sex"] }
]

describe("the byte scanner (ASCII files without quotes)", () => {
  it("gives exactly the text path's result: dataset, typing, warnings or problems, whole and streamed", async () => {
    const files: Array<string> = []
    for (let seed = 1; seed <= 60; seed++) files.push(randomFile(seed, seed % 3 === 0 ? ";" : ",", seed % 2 === 0))
    expect(files).toHaveLength(60)
    let compared = 0
    for (const [k, text] of files.entries()) {
      const quoted = "\"id\"" + text.slice(2)
      for (const options of optionSets) {
        const o = { fileName: "survey.csv", ...options }
        const want = outcome(readCsv(bytesOf(quoted), o))
        expect(outcome(readCsv(bytesOf(text), o)), `file ${k}, ${JSON.stringify(options)}`).toEqual(want)
        for (const chunk of [7, 64]) {
          const streamed = outcome(await readCsvStream(reader(bytesOf(text)), o, chunk))
          expect(streamed, `file ${k} streamed in ${chunk}-byte chunks, ${JSON.stringify(options)}`).toEqual(want)
        }
        compared++
      }
    }
    expect(compared).toBe(60 * optionSets.length)
  })

  it("a bad value in a skipped column is no error; in a used column it names the file, row, column and value", () => {
    const text = "id,level,w,note\n1,2,1.5,ok\n2,x,0.5,1\n3,1.5,abc,2\n"
    const skipped = readCsv(bytesOf(text), { fileName: "s.csv", columns: ["id", "note"] })
    expect(Either.isRight(skipped)).toBe(true)
    const used = readCsv(bytesOf(text), { fileName: "s.csv", columns: ["level"], numericColumns: ["w"] })
    expect(Either.isLeft(used)).toBe(true)
    if (Either.isLeft(used)) {
      // level (no codebook) is typed from its contents: "x" makes it a text column, not a problem
      expect(used.left.problems).toEqual([{ row: 4, column: "w", value: "abc", expected: "a number" }])
      expect(used.left.message).toMatch(/s\.csv/)
      expect(used.left.message).toMatch(/row 4/)
      expect(used.left.message).toMatch(/"w"/)
      expect(used.left.message).toMatch(/abc/)
    }
    const codebook = readCsv(bytesOf("level,sex\n1,2\n7,1\n"), { fileName: "s.csv", codebook: hcmc })
    expect(outcome(codebook)).toEqual(outcome(readCsv(bytesOf("\"level\",sex\n1,2\n7,1\n"), {
      fileName: "s.csv",
      codebook: hcmc
    })))
    expect(Either.isLeft(codebook) && codebook.left.problems[0]).toMatchObject({ row: 3, column: "level", value: "7" })
  })

  it("plain numbers are the same doubles as Number(text)", () => {
    const cells = ["0.1", "0.3", "1.005", "123456789012345", "0.000001", "-7.125", "999999999999999", ".1", "5."]
    const result = readCsv(bytesOf("w\n" + cells.join("\n") + "\n"), { fileName: "s.csv", numericColumns: ["w"] })
    expect(Either.isRight(result) && Array.from(result.right.dataset.columns[0].values)).toEqual(cells.map(Number))
  })
})
