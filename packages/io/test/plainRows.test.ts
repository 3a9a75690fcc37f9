import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { readCsv } from "../src/index.js"
import { readAsciiCsvStream, readCsvStream } from "../src/readCsvStream.js"
import { bytesOf, hcmc } from "./helpers.js"

// The generated row parser (rowParser.ts) reads the usual record of an ASCII file without quotes; any record
// with an unusual cell goes cell by cell (plainRows.ts). These files are long enough for the parser to run
// for thousands of rows, with the unusual cells in the middle: a column turning numeric or text after many
// rows of codes, codes of 10 digits, signs, pads, blank and short lines, codebook codes out of range. The
// same file with a quoted header name takes the text path: the reference for the byte path, whole and
// streamed (blocks straddle records at every chunk size, with and without the file's size given).

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
      warnings: result.right.warnings
    }
    : { error: result.left.message, problems: result.left.problems, total: result.left.totalProblems }

/** Deterministic uniform [0, 1). */
const lcg = (seed: number) => {
  let state = seed >>> 0
  return () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) >>> 8) / 16777216
}

interface Shape {
  readonly seed: number
  readonly delimiter: string
  readonly eol: string
  readonly finalBreak: boolean
  /** Unusual cells and lines (else only codes, plain decimals and blanks). */
  readonly unusual: boolean
  /** A delimiter after the last cell of every line (an unnamed, ignored column whose cells must be blank). */
  readonly trailing?: boolean
}

/**
 * id, level, sex, w, note, big, neg (0 or -1): ~2,500 rows; note turns numeric at row 1,200 and text at 2,000
 * (if unusual).
 */
const longFile = ({ delimiter, eol, finalBreak, seed, trailing, unusual }: Shape): string => {
  const next = lcg(seed)
  const lines = [["id", "level", "sex", "w", "note", "big", "neg", ...(trailing ? [""] : [])].join(delimiter)]
  const rows = 2400 + Math.floor(next() * 200)
  const rare = (usual: string, others: ReadonlyArray<string>): string =>
    unusual && next() < 0.01 ? others[Math.floor(next() * others.length)] : usual
  for (let k = 1; k <= rows; k++) {
    if (unusual && next() < 0.003) {
      lines.push(["", "   ", "1", `${k}${delimiter}2`][Math.floor(next() * 4)])
      continue
    }
    const level = next() < 0.05 ? "" : String(1 + Math.floor(next() * 3))
    const w = next() < 0.03 ? "" : (0.5 + next()).toFixed(3)
    let note = String(1 + Math.floor(next() * 5))
    if (unusual && k === 1200) note = delimiter === "," ? "2.5" : "2,5"
    if (unusual && k === 2000) note = "some text"
    const big = String(Math.floor(next() * 1e6))
    const cells = [
      String(k),
      rare(level, [" 2 ", "3.0", "-1", "+2", "\t1", "4", "300"]),
      rare(next() < 0.5 ? "1" : "2", ["9", "00", "7", "1234567890", "9999999999"]),
      rare(w, ["1e3", "-0.25", ".5", "12345678901234567.5", "x"]),
      note,
      rare(big, ["123456789", "1234567890", "-5", ""]),
      rare(next() < 0.5 ? "0" : "-1", ["-0", " 1", "-", "-1234567890", "+1"])
    ]
    if (trailing) cells.push(rare("", [" ", "x"]))
    if (unusual && next() < 0.002) cells.pop()
    if (unusual && next() < 0.002) cells.push("5")
    lines.push(cells.join(delimiter))
  }
  return lines.join(eol) + (finalBreak ? eol : "")
}

const shapes: ReadonlyArray<Shape> = [
  { seed: 1, delimiter: ",", eol: "\n", finalBreak: true, unusual: false },
  { seed: 2, delimiter: ",", eol: "\n", finalBreak: false, unusual: true },
  { seed: 3, delimiter: ",", eol: "\r\n", finalBreak: true, unusual: true },
  { seed: 4, delimiter: ";", eol: "\n", finalBreak: true, unusual: true },
  { seed: 5, delimiter: "\t", eol: "\r\n", finalBreak: false, unusual: false },
  { seed: 6, delimiter: ",", eol: "\r", finalBreak: true, unusual: true },
  { seed: 7, delimiter: ",", eol: "\n", finalBreak: true, unusual: false, trailing: true },
  { seed: 8, delimiter: ";", eol: "\r\n", finalBreak: false, unusual: true, trailing: true }
]

const optionSets = [
  {},
  { numericColumns: ["w"] },
  { codebook: hcmc, numericColumns: ["w"] },
  { columns: ["note", "big"] },
  // level, sex and note skipped: one-digit cells stepped over without the loop, the unusual ones with it
  { columns: ["w", "neg"] },
  { typeColumns: false, numericColumns: ["w"] }
]

describe("the generated row parser and the cell-by-cell fallback", () => {
  it("give the text path's result on long files with unusual cells, whole and streamed", async () => {
    expect(shapes).toHaveLength(8)
    let compared = 0
    for (const shape of shapes) {
      const text = longFile(shape)
      const bytes = bytesOf(text)
      const quoted = bytesOf("\"id\"" + text.slice(2))
      for (const options of optionSets) {
        const o = { fileName: "survey.csv", ...options }
        const label = `${JSON.stringify(shape)} ${JSON.stringify(options)}`
        const want = outcome(readCsv(quoted, o))
        expect(outcome(readCsv(bytes, o)), label).toEqual(want)
        for (const chunk of [97, 4096]) {
          const counted = outcome(await readCsvStream(reader(bytes), o, chunk))
          expect(counted, `${label}, ${chunk}-byte chunks`).toEqual(want)
        }
        // the rows estimated from the size: right, too few (the columns grow), too many (spare rows)
        for (const size of [bytes.length, Math.floor(bytes.length / 3), bytes.length * 3]) {
          const estimated = outcome(await readCsvStream(reader(bytes), o, 1000, size))
          expect(estimated, `${label}, estimated from ${size} bytes`).toEqual(want)
        }
        compared++
      }
    }
    expect(compared).toBe(shapes.length * optionSets.length)
  })

  it("the usual file: every row read, codes and decimals exact", () => {
    const text = longFile(shapes[0])
    const result = readCsv(bytesOf(text), { fileName: "s.csv", numericColumns: ["w"] })
    const lines = text.trim().split("\n").slice(1).map((l) => l.split(","))
    expect(lines.length).toBeGreaterThan(2000)
    expect(Either.isRight(result)).toBe(true)
    if (Either.isRight(result)) {
      const { columns, rowCount } = result.right.dataset
      expect(rowCount).toBe(lines.length)
      expect(Array.from(columns[3].values)).toEqual(lines.map((l) => (l[3] === "" ? NaN : Number(l[3]))))
      expect(Array.from(columns[5].values)).toEqual(lines.map((l) => Number(l[5])))
    }
  })

  it("a file wider than the generated parser's limit (300 columns) is read cell by cell, the same", () => {
    const names = Array.from({ length: 300 }, (_, k) => `q${k + 1}`)
    const rows = Array.from({ length: 50 }, (_, r) => names.map((_, k) => String((r * 7 + k) % 5)).join(","))
    rows[20] = rows[20].replace(/^0,/, "2.5,")
    const text = [names.join(","), ...rows].join("\n") + "\n"
    const want = outcome(readCsv(bytesOf("\"q1\"" + text.slice(2)), { fileName: "s.csv" }))
    expect(outcome(readCsv(bytesOf(text), { fileName: "s.csv" }))).toEqual(want)
    expect(Either.isRight(readCsv(bytesOf(text), { fileName: "s.csv" }))).toBe(true)
  })

  it("readAsciiCsvStream given the size: undefined at a late non-ASCII byte, else readCsv's result", async () => {
    const text = longFile(shapes[1])
    const ascii = bytesOf(text)
    const o = { fileName: "survey.csv", numericColumns: ["w"] }
    expect(outcome((await readAsciiCsvStream(reader(ascii), o, 1000, ascii.length))!)).toEqual(
      outcome(readCsv(ascii, o))
    )
    const late = bytesOf(text.slice(0, text.length - 30) + "ư" + text.slice(text.length - 30))
    expect(await readAsciiCsvStream(reader(late), o, 1000, late.length)).toBeUndefined()
  })
})
