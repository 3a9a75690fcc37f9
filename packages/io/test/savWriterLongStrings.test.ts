import { readFileSync } from "node:fs"
import { makeDataset } from "@danvan/domain"
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { readSav, writeSav } from "../src/index.js"
import { stringSegments } from "../src/sav/writeStrings.js"
import { parsePsppListing } from "./psppListing.js"

// writer-long-strings.sav and PSPP's listing of it come from scripts/sav-fixtures.sh (write-sav-fixture.mjs).
const dir = new URL("./fixtures/sav/", import.meta.url)
const input = JSON.parse(readFileSync(new URL("writer-long-strings-input.json", dir), "utf8")) as {
  codes: Record<string, Array<number>>
  text: Record<string, Array<string>>
  labels: Record<string, { vi: string; en: string }>
}
const dataset = makeDataset(
  Object.entries(input.codes).map(([name, values]) => ({
    name,
    type: "codes" as const,
    values: Int32Array.from(values)
  }))
)
const textColumns = Object.entries(input.text).map(([name, values]) => ({ name, values, label: input.labels[name] }))
const date = new Date(Date.UTC(2026, 0, 1, 12, 0, 0))
const bytes = (s: string) => new TextEncoder().encode(s).length

describe("writeSav with very long, labelled string variables", () => {
  it("the fixture holds a Vietnamese NFC text over 255 UTF-8 bytes (several segments)", () => {
    expect(textColumns).toHaveLength(2)
    const long = input.text.y_kien[0]
    expect(long).toBe(long.normalize("NFC"))
    expect(bytes(long)).toBe(792)
    expect(bytes(input.text.y_kien[2])).toBe(272)
  })

  it("lays a very long string out as SPSS does: 255-byte segments storing 255 bytes, the last 252 × n narrower", () => {
    expect(stringSegments(255)).toEqual([{ width: 255, slots: 32, used: 255 }])
    expect(stringSegments(300)).toEqual([{ width: 255, slots: 32, used: 255 }, { width: 48, slots: 6, used: 45 }])
    expect(stringSegments(792).map((s) => [s.width, s.used])).toEqual([[255, 255], [255, 255], [255, 255], [36, 27]])
  })

  it("still writes the bytes whose PSPP listing is committed (writer-long-strings.sav)", () => {
    const written = writeSav(dataset, undefined, { date, textColumns })
    expect(written.warnings).toEqual([])
    expect(Buffer.from(written.bytes).equals(readFileSync(new URL("writer-long-strings.sav", dir)))).toBe(true)
  })

  it("PSPP reads the labels, the A792 width and every text whole", () => {
    const tables = parsePsppListing(readFileSync(new URL("writer-long-strings.sav.listing.csv", dir), "utf8"))
    const variables = tables.get("Variables")!
    expect(variables.map((r) => [r[0], r[2], r[7]])).toEqual([
      ["Name", "Label", "Print Format"],
      ["level", "", "F8.0"],
      ["y_kien", input.labels.y_kien.vi, "A792"],
      ["ghi_chu", input.labels.ghi_chu.vi, "A15"]
    ])
    const rows = tables.get("Data List")!
    expect(rows).toHaveLength(1 + dataset.rowCount)
    expect(rows.slice(1).map((r) => r.slice(1))).toEqual(input.text.y_kien.map((v, i) => [v, input.text.ghi_chu[i]]))
  })

  it.each(["none", "bytecode", "zlib"] as const)("danvan's reader reads them back with compression %s", (c) => {
    const written = writeSav(dataset, undefined, { date, textColumns, compression: c, lang: "en" })
    const back = Either.getOrThrow(readSav(written.bytes, { fileName: "long.sav" }))
    expect(back.textColumns.map((t) => [t.name, t.values])).toEqual(textColumns.map((t) => [t.name, t.values]))
    expect(back.file.variables.map((v) => [v.name, v.width, v.label])).toEqual([
      ["level", 0, undefined],
      ["y_kien", 792, input.labels.y_kien.en],
      ["ghi_chu", 15, input.labels.ghi_chu.en]
    ])
    expect(Array.from(back.dataset.columns[0].values)).toEqual(input.codes.level)
  })
})
