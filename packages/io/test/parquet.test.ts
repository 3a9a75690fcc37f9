import { mkdtempSync, readdirSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { makeDataset, SYSTEM_MISSING } from "@danvan/domain"
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { readDataFile, readParquet, writeDataFile } from "../src/index.js"

const dir = mkdtempSync(join(tmpdir(), "danvan-parquet-"))

const dataset = makeDataset([
  { name: "level", type: "codes", values: Int32Array.of(1, 2, 3, SYSTEM_MISSING, 2) },
  { name: "q1", type: "codes", values: Int32Array.of(9, 1, SYSTEM_MISSING, 2, 1) },
  { name: "weight", type: "numeric", values: Float64Array.of(0.5, 1 / 3, Number.NaN, 2, 1e6 + 0.25) }
])

describe("Parquet", () => {
  it.effect("round-trips a Dataset (codes, blanks, numbers) through writeDataFile and readDataFile", () =>
    Effect.gen(function*() {
      const path = join(dir, "round.parquet")
      expect(yield* writeDataFile(path, dataset, undefined)).toStrictEqual([])
      const read = yield* readDataFile(path)
      expect(read.format).toBe("parquet")
      expect(read.dataset).toStrictEqual(dataset)
      expect(readdirSync(dir).filter((f) => f.includes(".tmp-"))).toStrictEqual([])
    }))

  it.effect("reads only the columns asked for, integer columns as numbers when told", () =>
    Effect.gen(function*() {
      const path = join(dir, "cols.parquet")
      yield* writeDataFile(path, dataset, undefined)
      const read = yield* readParquet(path, { columns: ["q1"], numericColumns: ["level"] })
      expect(read.columns.map((c) => [c.name, c.type])).toStrictEqual([["level", "numeric"], ["q1", "codes"]])
      expect(Array.from(read.columns[0].values)).toStrictEqual([1, 2, 3, Number.NaN, 2])
    }))

  it.effect("a broken file is a DataFileError naming it; a missing one a FileReadError", () =>
    Effect.gen(function*() {
      const broken = join(dir, "broken.parquet")
      writeFileSync(broken, "PAR1 this is not a parquet file")
      const error = yield* Effect.flip(readDataFile(broken))
      expect(error._tag).toBe("DataFileError")
      expect(error.message).toContain(`data file ${broken}`)
      expect(error.message).toContain("not readable as Parquet")
      const missing = yield* Effect.flip(readDataFile(join(dir, "nope.parquet")))
      expect(missing._tag).toBe("FileReadError")
      expect(missing.message).toContain("nope.parquet: no such file")
    }))
})
