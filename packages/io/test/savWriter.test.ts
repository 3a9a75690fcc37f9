import { readFileSync } from "node:fs"
import type { Codebook, Column, Dataset } from "@danvan/domain"
import { decodeCodebook, makeDataset, SYSTEM_MISSING } from "@danvan/domain"
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { readSav, writeSav } from "../src/index.js"

const dir = new URL("./fixtures/sav/", import.meta.url)
const input = JSON.parse(readFileSync(new URL("writer-input.json", dir), "utf8")) as {
  codebook: unknown
  types: Record<string, "codes" | "numeric">
  columns: Record<string, Array<number | null>>
}
const codebook: Codebook = Either.getOrThrow(decodeCodebook(input.codebook, "writer-input.json"))
const dataset: Dataset = makeDataset(
  Object.entries(input.columns).map(([name, values]): Column =>
    input.types[name] === "codes"
      ? { name, type: "codes", values: Int32Array.from(values, (v) => (v === null ? SYSTEM_MISSING : v)) }
      : { name, type: "numeric", values: Float64Array.from(values, (v) => (v === null ? NaN : v)) }
  ),
  codebook.id
)
const date = new Date(Date.UTC(2026, 0, 1, 12, 0, 0))

describe("writeSav", () => {
  it("still writes the bytes whose PSPP listing is committed (writer-output.sav)", () => {
    const { bytes, warnings } = writeSav(dataset, codebook, { date })
    expect(warnings).toEqual([])
    expect(Buffer.from(bytes).equals(readFileSync(new URL("writer-output.sav", dir)))).toBe(true)
  })

  it.each(["none", "bytecode", "zlib"] as const)("reads back identically with compression %s", (compression) => {
    const { bytes } = writeSav(dataset, codebook, { date, compression })
    const back = readSav(bytes, { fileName: "writer-test.sav" })
    if (Either.isLeft(back)) throw new Error(back.left.message)
    const { dataset: d, codebook: c, file } = back.right
    expect(file.compression).toBe(compression)
    expect(file.format).toBe(compression === "zlib" ? "zsav" : "sav")
    // age is integral but has no value labels and a scale measure: it comes back as numbers.
    expect(d.columns.map((col) => [col.name, col.type])).toEqual(
      dataset.columns.map((col) => [col.name, col.name === "age" ? "numeric" : col.type])
    )
    for (const col of dataset.columns) {
      const got = d.columns.find((x) => x.name === col.name)!
      const expected = Array.from(
        col.values,
        (v) => (col.type === "codes" && v === SYSTEM_MISSING ? (got.type === "codes" ? SYSTEM_MISSING : NaN) : v)
      )
      expect(Array.from(got.values)).toEqual(expected)
    }
    for (const v of codebook.variables) {
      const got = c.variables.find((x) => x.name === v.name)!
      expect(got.label.vi).toBe(v.label.vi)
      expect(got.measure).toBe(v.measure)
      expect(got.missing).toEqual(v.missing)
      expect(got.values.map((x) => [x.code, x.label.vi])).toEqual(v.values.map((x) => [x.code, x.label.vi]))
    }
    expect(c.multipleResponseSets).toEqual(
      codebook.multipleResponseSets.map((s) => ({ ...s, label: { vi: s.label.vi, en: s.label.vi } }))
    )
    expect(c.weightVariable).toBe("weight")
    expect(c.title.vi).toBe(codebook.title.vi)
  })

  it("writes the English labels with lang: en", () => {
    const back = Either.getOrThrow(
      readSav(writeSav(dataset, codebook, { date, lang: "en" }).bytes, { fileName: "en.sav" })
    )
    expect(back.codebook.variables[0].label.en).toBe("Cadre level")
    expect(back.codebook.variables[0].values[0].label.en).toBe("City")
  })

  it("warns when the missing codes do not fit SPSS's limits", () => {
    const wide = {
      ...codebook,
      variables: codebook.variables.map((
        v
      ) => (v.name === "level" ? { ...v, missing: { values: [7, 8, 9, 10], ranges: [] } } : v))
    }
    expect(writeSav(dataset, wide, { date }).warnings.map((w) => w.message)).toEqual([
      "variable level: only the first 3 of 4 missing codes written (an SPSS limit)"
    ])
  })
})
