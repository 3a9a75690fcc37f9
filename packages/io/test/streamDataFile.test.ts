import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { afterAll, describe, expect, it } from "vitest"
import { readDataBytes, readDataFile } from "../src/index.js"
import { STREAM_THRESHOLD_BYTES } from "../src/readCsvStream.js"
import { bytesOf } from "./helpers.js"

// readDataFile streams a large ASCII CSV file (streamDataFile.ts) instead of reading its bytes whole: the
// result must be exactly readDataBytes' on the same bytes, dataset or problems.

const dir = mkdtempSync(join(tmpdir(), "danvan-stream-data-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** A CSV file just over the streaming threshold; `last` replaces the last data line. */
const bigFile = (name: string, last?: string): { path: string; bytes: Uint8Array } => {
  const lines = ["id,level,district,w,note"]
  let size = 0
  for (let k = 1; size < STREAM_THRESHOLD_BYTES + 4096; k++) {
    lines.push(`${k},${1 + (k % 3)},${1 + (k % 24)},${(0.5 + (k % 7) / 8).toFixed(3)},${k % 11 === 0 ? "" : k % 5}`)
    size += lines[lines.length - 1].length + 1
  }
  if (last !== undefined) lines[lines.length - 1] = last
  const text = lines.join("\n") + "\n"
  const path = join(dir, name)
  writeFileSync(path, text)
  return { path, bytes: bytesOf(text) }
}

const outcome = async (
  effect: Effect.Effect<
    {
      dataset: { rowCount: number; columns: ReadonlyArray<{ name: string; values: ArrayLike<number> }> }
      warnings: ReadonlyArray<unknown>
    },
    { message: string }
  >
) => {
  const result = await Effect.runPromise(Effect.either(effect))
  return Either.isRight(result)
    ? {
      rows: result.right.dataset.rowCount,
      columns: result.right.dataset.columns.map((c) => ({
        name: c.name,
        sum: Array.from(c.values).reduce((a, b) => a + b, 0)
      })),
      warnings: result.right.warnings
    }
    : { error: result.left.message }
}

describe("readDataFile on a large ASCII CSV file (streamed)", () => {
  it("gives readDataBytes' dataset, with and without a column subset", async () => {
    const { path, bytes } = bigFile("plain.csv")
    for (const options of [{ columns: ["level", "district"] }, { numericColumns: ["w"] }]) {
      const streamed = await outcome(readDataFile(path, options))
      expect(streamed).toEqual(await outcome(readDataBytes(bytes, path, options)))
      expect("rows" in streamed && streamed.rows).toBeGreaterThan(100_000)
    }
  })

  it("a bad value in a used column is the same problem (file, row, column, value); in a skipped one no error", async () => {
    const { path, bytes } = bigFile("bad.csv", "999999,x,3,abc,1")
    const used = await outcome(readDataFile(path, { columns: ["level"], numericColumns: ["w"] }))
    expect(used).toEqual(await outcome(readDataBytes(bytes, path, { columns: ["level"], numericColumns: ["w"] })))
    expect("error" in used && used.error).toMatch(/bad\.csv/)
    expect("error" in used && used.error).toMatch(/"w"/)
    expect("error" in used && used.error).toMatch(/abc/)
    const skipped = await outcome(readDataFile(path, { columns: ["district"] }))
    expect("rows" in skipped).toBe(true)
  })

  it("a non-ASCII file is read whole, with the same result", async () => {
    const { path, bytes } = bigFile("vi.csv", "999999,1,3,1.5,Phường")
    const options = { numericColumns: ["w"] }
    expect(await outcome(readDataFile(path, options))).toEqual(await outcome(readDataBytes(bytes, path, options)))
  })
})
