import { readFileSync } from "node:fs"
import { findVariable } from "@danvan/domain"
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { readSav } from "../src/index.js"
import { codePageLabel, decoderFor } from "../src/sav/encoding.js"
import { parseMrSets } from "../src/sav/mrsets.js"
import { SavText } from "../src/sav/text.js"
import { codebookIdFor } from "../src/sav/toCodebook.js"

const utf8 = new SavText(new TextDecoder("utf-8", { fatal: true }), new TextDecoder("utf-8"))
const record = (text: string) => ({
  offset: 1000,
  subtype: 19,
  size: 1,
  count: 0,
  data: new TextEncoder().encode(text)
})

describe("parseMrSets", () => {
  it("reads dichotomy (D), extended dichotomy (E, subtype 19) and category (C) sets; lengths count bytes", () => {
    const text = "$a=D1 1 12 Mục đích q1 q2\n$b=E 11 3 yes 5 Label x y z\n$c=C 0  m1 m2\n"
    expect(parseMrSets(record(text), utf8)).toEqual([
      { name: "a", label: "Mục đích", type: "dichotomy", countedValue: "1", items: ["q1", "q2"] },
      { name: "b", label: "Label", type: "dichotomy", countedValue: "yes", items: ["x", "y", "z"] },
      { name: "c", label: "", type: "category", items: ["m1", "m2"] }
    ])
  })

  it("names the byte of a malformed set", () => {
    expect(() => parseMrSets(record("$a=X 1 q"), utf8)).toThrow("byte 1020")
  })
})

describe("encodings", () => {
  it("maps code pages and SPSS's names to TextDecoder labels", () => {
    expect([codePageLabel(1258), codePageLabel(65001), codePageLabel(1252), codePageLabel(936), codePageLabel(12345)])
      .toEqual(["windows-1258", "utf-8", "windows-1252", "gbk", undefined])
    expect(decoderFor("WINDOWS-1258")?.encoding).toBe("windows-1258")
    expect(decoderFor("CP1258")?.encoding).toBe("windows-1258")
    expect(decoderFor("no-such-encoding")).toBeUndefined()
  })

  it("decodes windows-1258 combining tone marks to NFC and counts undecodable UTF-8", () => {
    const cp1258 = new SavText(new TextDecoder("windows-1258", { fatal: true }), new TextDecoder("windows-1258"))
    expect(cp1258.decode(Uint8Array.of(0x50, 0x68, 0xfd, 0xf5, 0xcc, 0x6e, 0x67, 0x20, 0x20), "x")).toBe("Phường")
    const text = new SavText(new TextDecoder("utf-8", { fatal: true }), new TextDecoder("utf-8"))
    expect(text.decode(Uint8Array.of(0x76, 0xe1, 0xba), "variable v, case 3")).toBe("v\uFFFD")
    expect([text.badCount, text.badPlaces]).toEqual([1, ["variable v, case 3"]])
  })

  it("derives codebook ids from file names", () => {
    expect(codebookIdFor("data/Khảo sát Đà Nẵng 2024.sav")).toBe("khao-sat-da-nang-2024")
    expect(codebookIdFor("___.sav")).toBe("sav")
  })
})

describe("readSav with a codebook", () => {
  const bytes = readFileSync(new URL("./fixtures/sav/survey-utf8-bytecode.sav", import.meta.url))
  const own = Either.getOrThrow(readSav(bytes, { fileName: "s.sav" })).codebook

  it("checks the file's codes against the given codebook, naming case and variable", () => {
    const level = findVariable(own, "level")!
    const strict = {
      ...own,
      id: "strict",
      variables: own.variables.map((v) => (v === level
        ? { ...level, values: level.values.filter((x) => x.code !== 9), missing: { values: [], ranges: [] } }
        : v)
      )
    }
    const result = readSav(bytes, { fileName: "s.sav", codebook: strict })
    expect(Either.isLeft(result) && result.left.message).toBe(
      [
        "data file s.sav: 5 problems, nothing was read:",
        "  row 37, column \"level\": value \"9\" — expected one of 1 (Thành phố), 2 (Quận/Huyện), 3 (Phường/Xã)",
        "  row 74, column \"level\": value \"9\" — expected one of 1 (Thành phố), 2 (Quận/Huyện), 3 (Phường/Xã)",
        "  row 111, column \"level\": value \"9\" — expected one of 1 (Thành phố), 2 (Quận/Huyện), 3 (Phường/Xã)",
        "  row 148, column \"level\": value \"9\" — expected one of 1 (Thành phố), 2 (Quận/Huyện), 3 (Phường/Xã)",
        "  row 185, column \"level\": value \"9\" — expected one of 1 (Thành phố), 2 (Quận/Huyện), 3 (Phường/Xã)"
      ].join("\n")
    )
  })

  it("uses the given codebook and reads its numeric variables as numbers", () => {
    const result = Either.getOrThrow(readSav(bytes, { fileName: "s.sav", codebook: own, numericColumns: ["q1"] }))
    expect(result.codebook).toBe(own)
    expect(result.dataset.codebookId).toBe(own.id)
    expect(result.dataset.columns.find((c) => c.name === "q1")?.type).toBe("numeric")
    expect(result.dataset.columns.find((c) => c.name === "level")?.type).toBe("codes")
  })
})

describe("reading labelled variables as codes", () => {
  it("turns a labelled variable with a fractional value back into numbers, keeping earlier values", async () => {
    const { makeDataset, plainLabel, SYSTEM_MISSING } = await import("@danvan/domain")
    const { writeSav } = await import("../src/index.js")
    const variable = {
      name: "x",
      label: plainLabel("x"),
      kind: "single" as const,
      measure: "nominal" as const,
      values: [{ code: 1, label: plainLabel("one") }],
      missing: { values: [], ranges: [] }
    }
    const codebook = {
      id: "t",
      title: plainLabel("t"),
      variables: [variable, { ...variable, name: "y" }],
      multipleResponseSets: [],
      indicatorSets: []
    }
    const dataset = makeDataset([
      { name: "x", type: "numeric", values: Float64Array.of(1, NaN, 2, 1.5, 3) },
      { name: "y", type: "codes", values: Int32Array.of(1, SYSTEM_MISSING, 400, -7, 1) }
    ])
    for (const compression of ["none", "bytecode", "zlib"] as const) {
      const read = Either.getOrThrow(readSav(writeSav(dataset, codebook, { compression }).bytes, { fileName: "t.sav" }))
      expect(read.dataset.columns.map((c) => [c.name, c.type, Array.from(c.values)])).toEqual([
        ["x", "numeric", [1, NaN, 2, 1.5, 3]],
        ["y", "codes", [1, SYSTEM_MISSING, 400, -7, 1]]
      ])
    }
  })
})

describe("the encoding of a file without an encoding record", () => {
  it("falls back to the code page of the machine integer record (1258 -> windows-1258)", () => {
    const bytes = new Uint8Array(readFileSync(new URL("./fixtures/sav/survey-cp1258-bytecode.sav", import.meta.url)))
    const view = new DataView(bytes.buffer)
    const original = Either.getOrThrow(readSav(bytes, { fileName: "a.sav" }))
    let at = 176
    while (!(view.getInt32(at, true) === 7 && view.getInt32(at + 4, true) === 20)) at += 4
    view.setInt32(at + 4, 98, true) // the encoding record becomes an unknown one
    const fallback = Either.getOrThrow(readSav(bytes, { fileName: "b.sav" }))
    expect(fallback.file.encoding).toBe("windows-1258")
    expect(fallback.warnings[0].message).toBe(
      `b.sav: extension record subtype 98 at byte ${at} skipped (not one danvan reads)`
    )
    expect(fallback.codebook.variables.map((v) => v.label)).toEqual(original.codebook.variables.map((v) => v.label))
    expect(fallback.textColumns).toEqual(original.textColumns)
  })
})
