// Writes test/fixtures/sav/writer-output.sav with our writer (run `npx tsup` in packages/io first), so that
// sav-fixtures.sh can commit PSPP's listing of it. test/savWriter.test.ts checks that the writer still
// produces these exact bytes and that the listing matches what our reader reads back.
import { readFileSync, writeFileSync } from "node:fs"
import { decodeCodebook, makeDataset, SYSTEM_MISSING } from "@danvan/domain"
import { writeSav } from "../dist/index.js"

const dir = new URL("../test/fixtures/sav/", import.meta.url)
const input = JSON.parse(readFileSync(new URL("writer-input.json", dir), "utf8"))
const codebook = decodeCodebook(input.codebook, "writer-input.json")
if (codebook._tag === "Left") throw new Error(codebook.left.message)
const dataset = makeDataset(
  Object.entries(input.columns).map(([name, values]) =>
    input.types[name] === "codes"
      ? { name, type: "codes", values: Int32Array.from(values, (v) => (v === null ? SYSTEM_MISSING : v)) }
      : { name, type: "numeric", values: Float64Array.from(values, (v) => (v === null ? NaN : v)) }
  ),
  codebook.right.id
)
const { bytes } = writeSav(dataset, codebook.right, { date: new Date(Date.UTC(2026, 0, 1, 12, 0, 0)) })
writeFileSync(new URL("writer-output.sav", dir), bytes)

// String variables (Vietnamese text, one wider than 8 bytes) beside a code column: writer-strings.sav.
const strings = JSON.parse(readFileSync(new URL("writer-strings-input.json", dir), "utf8"))
const stringData = makeDataset(
  Object.entries(strings.codes).map(([name, values]) => ({
    name,
    type: "codes",
    values: Int32Array.from(values, (v) => (v === null ? SYSTEM_MISSING : v))
  }))
)
const textColumns = Object.entries(strings.text).map(([name, values]) => ({ name, values }))
const written = writeSav(stringData, undefined, { date: new Date(Date.UTC(2026, 0, 1, 12, 0, 0)), textColumns })
writeFileSync(new URL("writer-strings.sav", dir), written.bytes)

// Labelled string variables, one a very long string (792 UTF-8 bytes of Vietnamese: four segments) and one of
// 273 bytes (two): writer-long-strings.sav.
const longInput = JSON.parse(readFileSync(new URL("writer-long-strings-input.json", dir), "utf8"))
const longData = makeDataset(
  Object.entries(longInput.codes).map(([name, values]) => ({ name, type: "codes", values: Int32Array.from(values) }))
)
const longText = Object.entries(longInput.text).map(([name, values]) => ({
  name,
  values,
  label: longInput.labels[name]
}))
const longWritten = writeSav(longData, undefined, {
  date: new Date(Date.UTC(2026, 0, 1, 12, 0, 0)),
  textColumns: longText
})
writeFileSync(new URL("writer-long-strings.sav", dir), longWritten.bytes)
