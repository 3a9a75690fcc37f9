import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import ExcelJS from "exceljs"
import { afterAll, describe, expect } from "vitest"
import { loadExcerpts, parseCsvRecords } from "../src/index.js"

const dir = mkdtempSync(join(tmpdir(), "danvan-excerpts-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const file = (name: string, content: string | Uint8Array) => {
  const p = join(dir, name)
  writeFileSync(p, content)
  return p
}
const load = (path: string) => Effect.either(loadExcerpts(path))

describe("loadExcerpts", () => {
  it.effect("CSV: quoted quotes with commas, doubled quotes and line breaks; BOM; header names case-insensitive; NFC", () =>
    Effect.gen(function*() {
      const nfd = "Nữ".normalize("NFD")
      const path = file(
        "e.csv",
        `\uFEFFText,Theme,Sex,Role,Age\r\n"Công tác dân vận, nói chung, ""đổi mới""",content,Nam,cán bộ,37\r\n"Dòng một\r\ndòng hai",difficulty,${nfd},cán bộ Đảng,44\r\n\r\n`
      )
      const r = yield* load(path)
      expect(r._tag).toBe("Right")
      if (r._tag !== "Right") return yield* Effect.die("expected the excerpts to be read")
      expect(r.right.length).toBe(2)
      expect(r.right[0]).toEqual({
        row: 2,
        text: "Công tác dân vận, nói chung, \"đổi mới\"",
        theme: "content",
        attributes: {
          text: "Công tác dân vận, nói chung, \"đổi mới\"",
          theme: "content",
          sex: "Nam",
          role: "cán bộ",
          age: "37"
        }
      })
      expect(r.right[1].row).toBe(3)
      expect(r.right[1].text).toBe("Dòng một\r\ndòng hai")
      expect(r.right[1].attributes.sex).toBe("Nữ".normalize("NFC"))
    }))

  it("semicolon-separated CSV (Excel in a comma-decimal locale)", () => {
    expect(parseCsvRecords("text;age\n\"a; b\";37\n")).toEqual([
      { line: 1, fields: ["text", "age"] },
      { line: 2, fields: ["a; b", "37"] }
    ])
  })

  it.effect("XLSX: the first sheet, numbers as text", () =>
    Effect.gen(function*() {
      const wb = new ExcelJS.Workbook()
      const ws = wb.addWorksheet("Quotes")
      ws.addRow(["text", "theme", "sex", "age"])
      ws.addRow(["Trích đoạn", "content", "Nữ", 44])
      const r = yield* load(file("e.xlsx", new Uint8Array(yield* Effect.promise(() => wb.xlsx.writeBuffer()))))
      expect(r._tag === "Right" && r.right).toEqual([{
        row: 2,
        text: "Trích đoạn",
        theme: "content",
        attributes: { text: "Trích đoạn", theme: "content", sex: "Nữ", age: "44" }
      }])
    }))

  it.effect("all or nothing: no text column, a row without a quote, a row with too many fields, a missing file", () =>
    Effect.gen(function*() {
      const noText = yield* load(file("a.csv", "quote,theme\nabc,x\n"))
      expect(noText._tag === "Left" && noText.left.message).toContain("expected a column named text")
      const empty = yield* load(file("b.csv", "text,theme\nabc,x\n,y\n"))
      expect(empty._tag === "Left" && empty.left.message).toContain("row 3, column \"text\"")
      const ragged = yield* load(file("c.csv", "text,theme\nabc,x,extra\n"))
      expect(ragged._tag === "Left" && ragged.left.message).toContain("row 2: 3 fields — expected 2 fields")
      const missing = yield* load(join(dir, "nosuch.csv"))
      expect(missing._tag === "Left" && missing.left.message).toContain("nosuch.csv")
    }))
})
