import { readFileSync } from "node:fs"
import { SYSTEM_MISSING } from "@danvan/domain"
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import type { SavReadResult, SavVariable } from "../src/index.js"
import { readSav } from "../src/index.js"
import { parsePsppListing, psppNumber } from "./psppListing.js"

const dir = new URL("./fixtures/sav/", import.meta.url)
// writer-output.sav is our writer's output (scripts/write-sav-fixture.mjs), listed by PSPP like the others.
const FIXTURES = [
  { file: "survey-utf8-uncompressed.sav", compression: "none", encoding: "utf-8", cases: 200, labels: 29, sets: 2 },
  { file: "survey-utf8-bytecode.sav", compression: "bytecode", encoding: "utf-8", cases: 200, labels: 29, sets: 2 },
  { file: "survey-utf8.zsav", compression: "zlib", encoding: "utf-8", cases: 200, labels: 29, sets: 2 },
  {
    file: "survey-cp1258-bytecode.sav",
    compression: "bytecode",
    encoding: "windows-1258",
    cases: 200,
    labels: 29,
    sets: 2
  },
  { file: "writer-output.sav", compression: "bytecode", encoding: "utf-8", cases: 60, labels: 15, sets: 1 }
] as const

const read = (file: string): SavReadResult => {
  const result = readSav(readFileSync(new URL(file, dir)), { fileName: file })
  if (Either.isLeft(result)) throw new Error(result.left.message)
  return result.right
}

/** A cell as PSPP's LIST shows it: numbers with the print format's decimals; U+FFFD as "?". */
const cell = (r: SavReadResult, v: SavVariable, i: number): string => {
  const text = r.textColumns.find((c) => c.name === v.name)
  if (text !== undefined) return text.values[i].replace(/\uFFFD/g, "?")
  const column = r.dataset.columns.find((c) => c.name === v.name)!
  const x = column.values[i]
  return psppNumber(column.type === "codes" && x === SYSTEM_MISSING ? NaN : x, v.decimals)
}

const LOWEST = -Number.MAX_VALUE
const missingText = (v: SavVariable): string => {
  const num = (
    x: number
  ) => (x <= LOWEST * 0.999 ? "LOWEST" : x >= Number.MAX_VALUE * 0.999 ? "HIGHEST" : psppNumber(x, v.decimals))
  const parts = v.missing.range === undefined ? [] : [`${num(v.missing.range.low)} THRU ${num(v.missing.range.high)}`]
  for (const x of v.missing.values) parts.push(typeof x === "number" ? num(x) : `"${x}"`)
  return parts.join("; ")
}

it("reads the five PSPP-listed fixtures", () => expect(FIXTURES).toHaveLength(5))

describe.each(FIXTURES)(
  "readSav $file against PSPP's listing",
  ({ file, compression, encoding, cases, labels, sets }) => {
    const r = read(file)
    const listing = parsePsppListing(readFileSync(new URL(`${file}.listing.csv`, dir), "utf8"))
    const variables = r.file.variables

    it("reads the header and encoding", () => {
      expect(r.file.compression).toBe(compression)
      expect(r.file.encoding).toBe(encoding)
      expect(r.file.byteOrder).toBe("little-endian")
      expect(r.dataset.rowCount).toBe(cases)
      expect(r.file.declaredCases).toBe(cases)
      expect(listing.get("File Label")).toEqual([["Label", r.file.fileLabel]])
    })

    it("has the variables, labels, measures, widths and missing values PSPP lists", () => {
      const rows = listing.get("Variables")!
      const header = rows[0]
      const col = (name: string) => header.indexOf(name)
      expect(rows.slice(1).map((row) => row[col("Name")])).toEqual(variables.map((v) => v.name))
      rows.slice(1).forEach((row, k) => {
        const v = variables[k]
        expect(v.label ?? "").toBe(row[col("Label")])
        expect(v.measure).toBe(row[col("Measurement Level")].toLowerCase())
        expect(row[col("Print Format")]).toMatch(
          v.width === 0 ? new RegExp(`^F\\d+\\.${v.decimals}$`) : new RegExp(`^A${v.width}$`)
        )
        // PSPP quotes string missing values padded to 8 bytes; compare them trimmed.
        expect(missingText(v)).toBe(row[col("Missing Values")].replace(/"([^"]*?) *"/g, "\"$1\""))
      })
    })

    it("has the value labels PSPP lists (string and long-string labels included)", () => {
      const rows = listing.get("Value Labels")!.slice(1).filter((row) => row.length === 3) // not the footnote
      expect(rows).toHaveLength(labels)
      const listed: Array<string> = []
      let owner = ""
      for (const [name, value, label] of rows) {
        if (name !== "") owner = name
        listed.push(`${owner}|${value.replace(/\[a\]$/, "")}|${label}`)
      }
      const ours = variables.flatMap((v) =>
        v.valueLabels.map((vl) =>
          `${v.label ?? v.name}|${
            typeof vl.value === "number" ? psppNumber(vl.value, v.decimals) : vl.value
          }|${vl.label}`
        )
      )
      expect(ours.sort()).toEqual(listed.sort())
    })

    it("lists every case exactly as PSPP does (long strings joined before decoding)", () => {
      const rows = listing.get("Data List")!
      expect(rows).toHaveLength(cases + 1)
      expect(rows[0]).toEqual(variables.map((v) => v.name))
      expect(rows.length - 1).toBe(r.dataset.rowCount)
      for (let i = 0; i < r.dataset.rowCount; i++) {
        // PSPP pads a system-missing "." to the column width.
        expect(variables.map((v) => cell(r, v, i))).toEqual(
          rows[i + 1].map((x, k) => (variables[k].width === 0 ? x.trim() : x))
        )
      }
    })

    it("has PSPP's multiple-response sets and documents", () => {
      const rows = listing.get("Multiple Response Sets")!.slice(1)
      expect(rows).toHaveLength(sets)
      expect(
        r.file.mrSets.map((
          s
        ) => [
          `$${s.name}`,
          s.label,
          s.type === "dichotomy" ? "Dichotomies" : "Categories",
          s.countedValue ?? "",
          s.items.join("\n")
        ])
      ).toEqual(rows)
      const documents = listing.get("Documents")![0][0]
      expect(r.file.documents.join("\n")).toBe(documents === "(none)" ? "" : documents)
    })
  }
)

describe("codebook derived from a .sav file", () => {
  const r = read("survey-utf8-bytecode.sav")
  const { codebook, dataset } = r
  const variable = (name: string) => codebook.variables.find((v) => v.name === name)!

  it("turns value labels into categories and user-missing values into missing codes", () => {
    expect(codebook.id).toBe("survey-utf8-bytecode")
    expect(codebook.title).toEqual({ vi: "Khảo sát cán bộ dân vận", en: "Khảo sát cán bộ dân vận" })
    const level = variable("level")
    expect(level.kind).toBe("single")
    expect(level.measure).toBe("ordinal")
    expect(level.label).toEqual({ vi: "Cấp cán bộ", en: "Cấp cán bộ" })
    expect(level.values.map((v) => [v.code, v.label.vi])).toEqual([[1, "Thành phố"], [2, "Quận/Huyện"], [
      3,
      "Phường/Xã"
    ], [9, "Không trả lời"]])
    expect(level.missing).toEqual({ values: [9], ranges: [] })
    expect(variable("kho_khan_chinh_sach").missing).toEqual({ values: [], ranges: [{ low: 8, high: 9 }] })
    expect(variable("age").missing).toEqual({ values: [999], ranges: [{ low: expect.any(Number), high: 0 }] })
    expect(variable("age").missing.ranges[0].low).toBeLessThan(-1e307)
  })

  it("reads labelled and nominal integral variables as codes, others as numbers", () => {
    const types = Object.fromEntries(dataset.columns.map((c) => [c.name, c.type]))
    expect(types).toEqual({
      id: "numeric",
      level: "codes",
      q1: "codes",
      q2: "codes",
      q3: "codes",
      kho_khan_chinh_sach: "codes",
      age: "numeric",
      weight: "numeric",
      m1: "codes",
      m2: "codes"
    })
    expect(variable("weight").kind).toBe("numeric")
    expect(variable("weight").measure).toBe("scale")
    const q3 = dataset.columns.find((c) => c.name === "q3")!
    expect(q3.values[40]).toBe(SYSTEM_MISSING) // case 41: system-missing
  })

  it("turns the dichotomy set into a multiple-response set and the category set into an indicator set", () => {
    expect(codebook.multipleResponseSets).toEqual([
      {
        name: "muc_dich",
        label: { vi: "Mục đích công tác dân vận", en: "Mục đích công tác dân vận" },
        items: ["q1", "q2", "q3"],
        countedValue: 1
      }
    ])
    expect(variable("q1").kind).toBe("multiple-response-item")
    expect(codebook.indicatorSets).toEqual([{
      name: "phuong_phap",
      label: { vi: "Phương pháp", en: "Phương pháp" },
      kind: "multiple-response",
      items: ["m1", "m2"]
    }])
  })

  it("returns string variables as text columns and warns about the truncated UTF-8 letter", () => {
    expect(r.textColumns.map((c) => c.name)).toEqual(["ten_don_vi", "tinh", "ghi_chu_dai"])
    const note = r.textColumns[2].values[24]
    expect(new TextEncoder().encode(note.replace(/\uFFFD$/, "")).length).toBeLessThanOrEqual(400)
    expect(note.startsWith("Ý kiến số 25: Dân vận khéo")).toBe(true)
    expect(r.warnings.find((w) => w.code === "UNDECODABLE_TEXT")?.message).toContain("variable ghi_chu_dai, case 25")
  })
})
