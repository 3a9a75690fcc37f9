import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { readCsv, readCsvFile } from "../src/index.js"
import { readCsvStream, STREAM_THRESHOLD_BYTES } from "../src/readCsvStream.js"
import { bytesOf, hcmc } from "./helpers.js"

/** A ReadAt over bytes in memory. */
const reader = (bytes: Uint8Array) => async (into: Uint8Array, position: number): Promise<number> => {
  const got = Math.max(0, Math.min(into.length, bytes.length - position))
  into.set(bytes.subarray(position, position + got))
  return got
}

/** What a read produced, in comparable form. */
const outcome = (
  result: Either.Either<
    {
      dataset: {
        columns: ReadonlyArray<{ name: string; type: string; values: ArrayLike<number> }>
        rowCount: number
        codebookId?: string
      }
      encoding: string
      delimiter: string
      warnings: ReadonlyArray<unknown>
    },
    { message: string }
  >
) =>
  Either.isRight(result)
    ? {
      rows: result.right.dataset.rowCount,
      codebookId: result.right.dataset.codebookId,
      columns: result.right.dataset.columns.map((c) => ({ name: c.name, type: c.type, values: Array.from(c.values) })),
      encoding: result.right.encoding,
      delimiter: result.right.delimiter,
      warnings: result.right.warnings
    }
    : { error: result.left.message }

const w1258 = (text: string) =>
  Uint8Array.from(Array.from(text, (ch) => (ch === "ư" ? 0xfd : ch === "ờ" ? 0xf5 : ch.charCodeAt(0))))

// Files that exercise every place a chunk boundary can fall: quoted fields with delimiters, doubled quotes
// and line breaks, CRLF split across chunks, CR-only files, blank lines, BOM, non-ASCII (NFD -> NFC),
// windows-1258, bad cells (problems with line numbers), malformed quotes, empty and header-only files.
const inputs: Array<{ name: string; bytes: Uint8Array; options?: object }> = [
  { name: "plain LF", bytes: bytesOf("level,sex\n1,2\n3,\n,1\n") },
  { name: "CRLF, no final break", bytes: bytesOf("a,b\r\n1,2\r\n3,4\r\n5,6") },
  { name: "CR only", bytes: bytesOf("a;b\r1;2\r3;4\r") },
  {
    name: "quoted with breaks",
    bytes: bytesOf("id,note,x\n1,\"a\r\nb, \"\"c\"\"\",2\n2,\"\",3\n\n3,\"line1\nline2\nline3\",4\n")
  },
  { name: "blank lines and spaces", bytes: bytesOf(" level , sex\n\n1,2\n\r\n2,1\n   \n") },
  {
    name: "BOM and NFD text",
    bytes: bytesOf("\uFEFFname,level\nPhu\u031Bo\u031B\u0300ng,1\nx,2\n".replace("name", "ten")),
    options: { numericColumns: [] }
  },
  {
    name: "problems on many lines",
    bytes: bytesOf("level,sex\n1,2\n4,1\n2,x\n3\n\"2\"x,1\n1,\"open\n"),
    options: { codebook: hcmc }
  },
  {
    name: "windows-1258",
    bytes: new Uint8Array([...w1258("a,b\n1,2\n"), 0xfd, 0x2c, 0x31, 0x0a, ...w1258("3,4\n")]),
    options: { numericColumns: [] }
  },
  { name: "BOM then invalid UTF-8", bytes: new Uint8Array([0xef, 0xbb, 0xbf, ...w1258("a,b\n1,2\n3,"), 0xf5, 0x0a]) },
  { name: "decimal comma", bytes: bytesOf("w;level\n1,25;1\n0,8;2\n;3\n"), options: { numericColumns: ["w"] } },
  { name: "empty", bytes: bytesOf("") },
  { name: "header only", bytes: bytesOf("a,b\n") },
  { name: "tab delimited", bytes: bytesOf("a\tb\n1\t2\n3\t4\n") }
]

describe("readCsvStream", () => {
  it("gives exactly readCsv's result (dataset, warnings or problems) for every chunk size", async () => {
    for (const { name, bytes, options } of inputs) {
      const o = { fileName: "survey.csv", ...options }
      const want = outcome(readCsv(bytes, o))
      for (const chunk of [1, 2, 3, 5, 7, 16, 64, 1 << 16]) {
        const got = outcome(await readCsvStream(reader(bytes), o, chunk))
        expect(got, `${name}, chunks of ${chunk} bytes`).toEqual(want)
        // given the file's size, the rows are estimated from the first block instead of counted
        const sized = outcome(await readCsvStream(reader(bytes), o, chunk, bytes.length))
        expect(sized, `${name}, chunks of ${chunk} bytes, size given`).toEqual(want)
      }
    }
  })

  it("readCsvFile streams files above the threshold, with the same dataset", async () => {
    const dir = mkdtempSync(join(tmpdir(), "danvan-stream-"))
    try {
      const lines = ["id,level,code"]
      // quoted cells send every chunk through the scanner's dry run that finds where to cut
      for (let k = 0, size = 0; size < STREAM_THRESHOLD_BYTES + 1000; k++) {
        lines.push(`${k},${1 + (k % 3)}," ${k % 7}"`)
        size += lines[lines.length - 1].length + 1
      }
      const text = lines.join("\n") + "\n"
      const path = join(dir, "big.csv")
      writeFileSync(path, text)
      const streamed = await Effect.runPromise(readCsvFile(path, { numericColumns: [] }))
      const whole = readCsv(bytesOf(text), { fileName: path })
      expect(outcome(Either.right(streamed))).toEqual(outcome(whole))
      expect(streamed.dataset.rowCount).toBe(lines.length - 1)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
