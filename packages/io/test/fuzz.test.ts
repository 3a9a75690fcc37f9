import { readFileSync } from "node:fs"
import { hcmc2024Json, parseCodebook, SYSTEM_MISSING } from "@danvan/domain"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Exit from "effect/Exit"
import ExcelJS from "exceljs"
import fc from "fast-check"
import { beforeAll, describe, expect, it } from "vitest"
import { readCsv, readDataBytes, readSav, readXlsx } from "../src/index.js"

// Seeded property tests of the readers (issue 20): whatever the bytes, a reader answers with its result or its
// user-facing error (a message naming the file), never an exception. Fixed seed and run counts for CI; the long
// run (`node scripts/fuzz.mjs`) sets FUZZ_SEED and FUZZ_RUNS.

const SEED = Number(process.env["FUZZ_SEED"] ?? 20)
const runs = (n: number) => ({
  seed: SEED,
  numRuns: Math.round(n * Number(process.env["FUZZ_SCALE"] ?? 1)),
  endOnFailure: true
})

const savFixture = new Uint8Array(readFileSync(new URL("./fixtures/sav/survey-utf8-bytecode.sav", import.meta.url)))
const zsavFixture = new Uint8Array(readFileSync(new URL("./fixtures/sav/survey-utf8.zsav", import.meta.url)))
let xlsxFixture: Uint8Array

beforeAll(async () => {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet("Data")
  ws.addRow(["level", "people_trust_limited", "w"])
  for (let i = 0; i < 30; i++) ws.addRow([(i % 3) + 1, (i % 2) + 1, 0.5 + i / 10])
  xlsxFixture = new Uint8Array(await wb.xlsx.writeBuffer())
})

/** Flips, overwrites, truncates or extends a file's bytes: the mutations the fuzzing run used. */
const mutated = (original: () => Uint8Array) =>
  fc
    .record({
      edits: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
      cut: fc.option(fc.nat(), { nil: undefined })
    })
    .map(({ edits, cut }) => {
      const base = original()
      const bytes = base.slice(0, cut === undefined ? base.length : cut % (base.length + 1))
      for (const [at, value] of edits) if (bytes.length > 0) bytes[at % bytes.length] = value
      return bytes
    })

const isUserError = (e: unknown): boolean =>
  typeof e === "object" &&
  e !== null &&
  ["DataFileError", "FileReadError"].includes(String((e as { _tag?: unknown })._tag)) &&
  typeof (e as { message?: unknown }).message === "string"

/** The reader's Effect ends in success or a user error (never a defect). */
const settles = async (effect: Effect.Effect<unknown, unknown>) => {
  const exit = await Effect.runPromiseExit(effect)
  if (Exit.isFailure(exit)) {
    const failure = exit.cause._tag === "Fail" ? exit.cause.error : undefined
    expect(isUserError(failure), String(exit.cause)).toBe(true)
  }
}

describe("CSV reader", () => {
  it("any text: a dataset with equal-length columns, or a DataFileError naming the file", () => {
    const cell = fc.oneof(
      fc.integer({ min: -3, max: 99 }).map(String),
      fc.constantFrom("", " ", "\"", "\"\"", "a,b", "9.5", "\r", "\n", "\u00a0", "__proto__", "constructor"),
      fc.string({ maxLength: 6 })
    )
    const text = fc
      .array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 0, maxLength: 12 })
      .map((rows) =>
        rows.map((r) => r.join(fc.sample(fc.constantFrom(",", ";", "\t"), { seed: SEED, numRuns: 1 })[0]!)).join("\n")
      )
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ maxLength: 300 })), (t) => {
        const read = readCsv(new TextEncoder().encode(t), { fileName: "fuzz.csv" })
        if (Either.isLeft(read)) expect(read.left.message).toContain("fuzz.csv")
        else for (const c of read.right.dataset.columns) expect(c.values.length).toBe(read.right.dataset.rowCount)
      }),
      runs(300)
    )
  })

  it("any bytes (binary, BOMs, invalid UTF-8) are read or refused, never thrown", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const read = readCsv(bytes, { fileName: "fuzz.csv" })
        if (Either.isLeft(read)) expect(read.left.message).toContain("fuzz.csv")
      }),
      runs(300)
    )
  })

  it("integer grids round-trip: every code read back where it was written, blanks as system-missing", () => {
    // Two columns at least: a blank line of a one-column file is skipped as an empty line.
    const grid = fc
      .integer({ min: 2, max: 5 })
      .chain((cols) =>
        fc
          .array(
            fc.array(fc.option(fc.integer({ min: -99, max: 999 }), { nil: undefined, freq: 5 }), {
              minLength: cols,
              maxLength: cols
            }),
            { minLength: 1, maxLength: 20 }
          )
          .map((rows) => ({ cols, rows }))
      )
    fc.assert(
      fc.property(grid, ({ cols, rows }) => {
        const names = Array.from({ length: cols }, (_, j) => `v${j}`)
        const text = [
          names.join(","),
          ...rows.map((r) => r.map((v) => (v === undefined ? "" : String(v))).join(","))
        ].join("\n") +
          "\n"
        const read = Either.getOrThrow(readCsv(new TextEncoder().encode(text), { fileName: "grid.csv" }))
        expect(read.dataset.rowCount).toBe(rows.length)
        read.dataset.columns.forEach((c, j) => {
          expect(c.name).toBe(names[j])
          expect([...c.values]).toEqual(rows.map((r) => r[j] ?? (c.type === "codes" ? SYSTEM_MISSING : Number.NaN)))
        })
      }),
      runs(200)
    )
  })
})

describe(".sav reader", () => {
  it("mutated and truncated .sav and .zsav files are read or refused with a DataFileError, never thrown", () => {
    expect(savFixture.length).toBeGreaterThan(1000)
    fc.assert(
      fc.property(
        fc.oneof(
          mutated(() => savFixture),
          mutated(() => zsavFixture)
        ),
        (bytes) => {
          let read: ReturnType<typeof readSav> | undefined
          expect(() => (read = readSav(bytes, { fileName: "fuzz.sav" }))).not.toThrow()
          if (read !== undefined && Either.isLeft(read)) expect(read.left.message).toContain("fuzz.sav")
        }
      ),
      runs(300)
    )
  })
})

describe(".xlsx reader", () => {
  it("mutated workbooks and ZIP-signed garbage settle as a dataset or a DataFileError", async () => {
    const zipGarbage = fc.uint8Array({ maxLength: 300 }).map((b) => Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...b]))
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          mutated(() => xlsxFixture),
          zipGarbage
        ),
        async (bytes) => {
          await settles(readXlsx(bytes, { fileName: "fuzz.xlsx" }))
        }
      ),
      runs(60)
    )
  })

  it("readDataBytes sniffs any bytes to a reader that settles", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 200 }),
          mutated(() => savFixture),
          mutated(() => xlsxFixture)
        ),
        async (bytes) => {
          await settles(readDataBytes(bytes, "upload", { sniff: "content" }))
        }
      ),
      runs(60)
    )
  })
})

describe("codebook reader", () => {
  const valid = JSON.stringify(hcmc2024Json)
  it("any JSON, and JSON with prototype names as keys, is a codebook or a CodebookError with JSON paths", () => {
    const protoKeys = fc.constantFrom(
      "__proto__",
      "constructor",
      "toString",
      "hasOwnProperty",
      "scales",
      "variables",
      "values",
      "name"
    )
    const json = fc.oneof(
      fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
      fc
        .dictionary(protoKeys, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 })
        .map((o) => JSON.stringify(o).replace(/^\{/, `{"id": "x", "title": {"vi": "a", "en": "b"}, `)),
      fc
        .tuple(fc.nat(valid.length), fc.string({ maxLength: 4 }))
        .map(([at, s]) => valid.slice(0, at) + s + valid.slice(at + s.length)),
      fc.integer({ min: 60, max: 5000 }).map((d) => "[".repeat(d) + "]".repeat(d))
    )
    fc.assert(
      fc.property(json, (text) => {
        const parsed = parseCodebook(text, "fuzz.json")
        if (Either.isLeft(parsed)) {
          expect(parsed.left.issues.length).toBeGreaterThan(0)
          for (const issue of parsed.left.issues) expect(issue.path).toMatch(/^\$/)
        }
      }),
      runs(300)
    )
  })
})
