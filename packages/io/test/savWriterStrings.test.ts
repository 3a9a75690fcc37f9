import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { makeDataset, SYSTEM_MISSING } from "@danvan/domain"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Exit from "effect/Exit"
import { describe, expect, it } from "vitest"
import { readSav, writeDataFile, writeSav } from "../src/index.js"
import { parsePsppListing } from "./psppListing.js"

// writer-strings.sav and PSPP's listing of it come from scripts/sav-fixtures.sh (write-sav-fixture.mjs).
const dir = new URL("./fixtures/sav/", import.meta.url)
const input = JSON.parse(readFileSync(new URL("writer-strings-input.json", dir), "utf8")) as {
  codes: Record<string, Array<number | null>>
  text: Record<string, Array<string>>
}
const dataset = makeDataset(
  Object.entries(input.codes).map(([name, values]) => ({
    name,
    type: "codes" as const,
    values: Int32Array.from(values, (v) => (v === null ? SYSTEM_MISSING : v))
  }))
)
const textColumns = Object.entries(input.text).map(([name, values]) => ({ name, values }))
const date = new Date(Date.UTC(2026, 0, 1, 12, 0, 0))

describe("writeSav with string variables", () => {
  it("still writes the bytes whose PSPP listing is committed (writer-strings.sav)", () => {
    const { bytes, warnings } = writeSav(dataset, undefined, { date, textColumns })
    expect(warnings).toEqual([])
    expect(Buffer.from(bytes).equals(readFileSync(new URL("writer-strings.sav", dir)))).toBe(true)
  })

  it("PSPP lists the Vietnamese strings as written", () => {
    const tables = parsePsppListing(readFileSync(new URL("writer-strings.sav.listing.csv", dir), "utf8"))
    const variables = tables.get("Variables")!
    expect(variables.map((r) => [r[0], r[6]])).toEqual([
      ["Name", "Print Format"],
      ["level", "F8.0"],
      ["don_vi", "A46"],
      ["ghi_chu", "A15"]
    ])
    const rows = tables.get("Data List")!
    expect(rows).toHaveLength(1 + dataset.rowCount)
    expect(rows.slice(1).map((r) => r.slice(1))).toEqual(
      input.text.don_vi.map((v, i) => [v, input.text.ghi_chu[i]])
    )
  })

  it.each(["none", "bytecode", "zlib"] as const)("danvan's reader reads them back with compression %s", (c) => {
    const back = Either.getOrThrow(
      readSav(writeSav(dataset, undefined, { date, textColumns, compression: c }).bytes, { fileName: "s.sav" })
    )
    expect(back.textColumns).toEqual(textColumns)
    expect(Array.from(back.dataset.columns[0].values)).toEqual(Array.from(dataset.columns[0].values))
  })

  it("cuts a value over 32767 bytes (SPSS's limit) at a character boundary, with a warning", () => {
    const long = "ệ".repeat(11000) // 33000 UTF-8 bytes
    const { bytes, warnings } = writeSav(
      makeDataset([{ name: "id", type: "codes", values: Int32Array.of(1) }]),
      undefined,
      { date, textColumns: [{ name: "note", values: [long] }] }
    )
    expect(warnings.map((w) => w.message)).toEqual([
      "variable note, case 1: text of 33000 bytes cut to 32767 (an SPSS limit)"
    ])
    const back = Either.getOrThrow(readSav(bytes, { fileName: "long.sav" }))
    expect(back.textColumns[0].values[0]).toBe("ệ".repeat(10922))
  })
})

describe("writeDataFile with text columns", () => {
  it("refuses a text over 32767 bytes, naming column and row, and writes nothing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "danvan-strings-"))
    const path = join(dir, "long.sav")
    const values = ["ngắn", "ệ".repeat(11000)]
    const data = makeDataset([{ name: "id", type: "codes", values: Int32Array.of(1, 2) }])
    const exit = await Effect.runPromiseExit(
      writeDataFile(path, data, undefined, { textColumns: [{ name: "note", values }] })
    )
    expect(Exit.isFailure(exit)).toBe(true)
    expect(String(Exit.isFailure(exit) ? Cause.squash(exit.cause) : "")).toContain(
      "column note, row 2: a text of 33000 bytes, longer than the 32767 bytes"
    )
    expect(existsSync(path)).toBe(false)
    rmSync(dir, { recursive: true, force: true })
  })
})
