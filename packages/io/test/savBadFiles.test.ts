import { readFileSync } from "node:fs"
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { DataFileError, readSav, writeSav } from "../src/index.js"

const dir = new URL("./fixtures/sav/", import.meta.url)
const load = (file: string) => new Uint8Array(readFileSync(new URL(file, dir)))
const bytecode = load("survey-utf8-bytecode.sav")
const zsav = load("survey-utf8.zsav")
const uncompressed = load("survey-utf8-uncompressed.sav")

const error = (bytes: Uint8Array, fileName = "bad.sav"): DataFileError => {
  const result = readSav(bytes, { fileName })
  if (Either.isRight(result)) throw new Error("expected a DataFileError")
  return result.left
}
const patchInt32 = (bytes: Uint8Array, at: number, v: number) => {
  const copy = bytes.slice()
  new DataView(copy.buffer).setInt32(at, v, true)
  return copy
}

describe("readSav on broken files", () => {
  it("rejects a file that is not a system file", () => {
    const e = error(new TextEncoder().encode("level,sex\n1,2\n"), "survey.csv")
    expect(e.message).toBe(
      "data file survey.csv: 1 problem, nothing was read:\n  byte 0: signature \"leve\" — expected \"$FL2\" (an SPSS .sav file) or \"$FL3\" (.zsav)"
    )
  })

  it("names the offset where a truncated header or dictionary ends", () => {
    expect(error(bytecode.slice(0, 100)).problems[0]).toEqual({
      row: 0,
      column: "",
      offset: 92,
      value: "the file ends after 8 more bytes",
      expected: "17 bytes of the creation date and time"
    })
    expect(error(bytecode.slice(0, 1000)).problems[0].value).toMatch(/^the file ends after \d+ more bytes?$/)
  })

  it("rejects an unknown record type", () => {
    expect(error(patchInt32(bytecode, 176, 5)).problems[0]).toMatchObject({ offset: 176, value: "record type 5" })
  })

  it("rejects compressed data that ends inside a case, naming the case", () => {
    const e = error(bytecode.slice(0, bytecode.length - 40))
    expect(e.problems[0].row).toBeGreaterThan(190)
    expect(e.problems[0].value).toMatch(/^the data ends inside case \d+ at variable \w+/)
    const raw = error(uncompressed.slice(0, uncompressed.length - 12))
    expect(raw.problems[0]).toMatchObject({ row: 200, value: expect.stringContaining("the data ends inside case 200") })
  })

  it("reads a file whose declared case count disagrees with the data, with a warning", () => {
    for (const declared of [150, 250]) {
      const result = Either.getOrThrow(readSav(patchInt32(bytecode, 80, declared), { fileName: "count.sav" }))
      expect(result.dataset.rowCount).toBe(200)
      expect(result.warnings.map((w) => w.message)).toContain(
        `count.sav: the header declares ${declared} cases but the data holds 200; read 200`
      )
    }
  })

  it("skips an unknown extension record with a warning", () => {
    // The first extension record after the value labels is subtype 3 (machine integer info): relabel it 99.
    const at = findExtension(bytecode, 3)
    const result = Either.getOrThrow(readSav(patchInt32(bytecode, at + 4, 99), { fileName: "ext.sav" }))
    expect(result.warnings[0].message).toBe(
      `ext.sav: extension record subtype 99 at byte ${at} skipped (not one danvan reads)`
    )
  })

  it("reads big-endian files like little-endian ones", () => {
    const little = Either.getOrThrow(readSav(bytecode, { fileName: "le.sav" }))
    const big = Either.getOrThrow(
      readSav(writeSav(little.dataset, little.codebook, { byteOrder: "big-endian" }).bytes, { fileName: "be.sav" })
    )
    expect(big.file.byteOrder).toBe("big-endian")
    expect(big.dataset.columns).toEqual(little.dataset.columns)
  })
})

/** Offset of the first type 7 record of `subtype` (scanning 4-byte aligned words after the header). */
const findExtension = (bytes: Uint8Array, subtype: number): number => {
  const view = new DataView(bytes.buffer, bytes.byteOffset)
  for (let at = 176; at + 8 <= bytes.length; at += 4) {
    if (view.getInt32(at, true) === 7 && view.getInt32(at + 4, true) === subtype) return at
  }
  throw new Error("not found")
}

/** mulberry32: a tiny seeded generator, so the fuzz cases are the same on every run. */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

describe("readSav fuzzing", () => {
  it.each(
    [
      ["survey-utf8-bytecode.sav", bytecode, 1],
      ["survey-utf8.zsav", zsav, 2]
    ] as const
  )("300 mutations of %s give a result or a DataFileError, never a throw", (_, original, seed) => {
    const next = random(seed)
    const int = (n: number) => Math.floor(next() * n)
    const extremes = [0, -1, 1, 2, 3, 7, 999, 0x7fffffff, -0x80000000, 255, 256, 65536]
    const dictionaryEnd = 4600 // the fixtures' dictionaries end around here; mutate them more often
    let errors = 0
    for (let k = 0; k < 300; k++) {
      let bytes = original.slice()
      const kind = k % 4
      if (kind === 0) { for (let m = 1 + int(8); m > 0; m--) bytes[int(bytes.length)] = int(256) }
      else if (kind === 1) bytes = bytes.slice(0, int(bytes.length))
      else if (kind === 2) {
        new DataView(bytes.buffer).setInt32(4 * int(dictionaryEnd / 4), extremes[int(extremes.length)], true)
      } else for (let m = 1 + int(4); m > 0; m--) bytes[int(dictionaryEnd)] = int(256)
      const result = readSav(bytes, { fileName: "fuzz.sav" })
      if (Either.isLeft(result)) {
        errors++
        expect(result.left).toBeInstanceOf(DataFileError)
        expect(result.left.problems[0].value).not.toContain("internal reader error")
        expect(result.left.problems[0].offset).toBeGreaterThanOrEqual(0)
      }
    }
    expect(errors).toBeGreaterThan(30)
  })
})
