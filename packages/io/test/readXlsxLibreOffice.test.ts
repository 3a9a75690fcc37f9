import { readFileSync } from "node:fs"
import { builtinCodebook, SYSTEM_MISSING } from "@danvan/domain"
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { readXlsx } from "../src/index.js"

// Saved by LibreOffice Calc (scripts/xlsx-fixtures.sh from scripts/xlsx/survey.fods), not by exceljs: shared
// strings, LibreOffice's styles and row attributes, a formula with its cached value, more sheets.
const bytes = new Uint8Array(readFileSync(new URL("./fixtures/xlsx/survey-libreoffice.xlsx", import.meta.url)))
const codebook = Either.getOrThrow(builtinCodebook("hcmc-2024"))

describe("readXlsx on a workbook saved by LibreOffice", () => {
  it.effect("reads the first sheet: numbers, a text code, blanks, the formula's cached value", () =>
    Effect.gen(function*() {
      const result = yield* readXlsx(bytes, {
        fileName: "survey-libreoffice.xlsx",
        codebook,
        numericColumns: ["weight"]
      })
      expect(result.sheet).toBe("Data")
      expect(result.dataset.rowCount).toBe(3)
      const column = (name: string) => result.dataset.columns.find((c) => c.name === name)
      expect(Array.from(column("level")!.values)).toEqual([1, 3, 2])
      expect(Array.from(column("sex")!.values)).toEqual([2, SYSTEM_MISSING, 9])
      expect(Array.from(column("weight")!.values)).toEqual([1.25, 0.8, 0.5])
    }))

  it.effect("reads a column of Vietnamese text (shared strings) as a text column, naming its first value", () =>
    Effect.gen(function*() {
      const result = yield* readXlsx(bytes, { fileName: "survey-libreoffice.xlsx", sheet: "Ghi chú" })
      expect(result.dataset.columns).toEqual([])
      expect(result.dataset.typing).toEqual([
        {
          name: "level",
          type: "text",
          row: 2,
          value: "Cán bộ phường",
          file: "survey-libreoffice.xlsx (sheet \"Ghi chú\")"
        }
      ])
    }))

  it.effect("with strict codes (typeColumns: false), names the sheet, cells and Vietnamese values it cannot read", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(
        readXlsx(bytes, { fileName: "survey-libreoffice.xlsx", sheet: "Ghi chú", typeColumns: false })
      )
      expect(error.message).toBe(
        [
          "data file survey-libreoffice.xlsx (sheet \"Ghi chú\"): 2 problems, nothing was read:",
          "  row 2, cell A2, column \"level\": value \"Cán bộ phường\" — expected an integer code",
          "  row 3, cell A3, column \"level\": value \"Quận/Huyện\" — expected an integer code"
        ].join("\n")
      )
    }))

  it.effect("reads another sheet by name", () =>
    Effect.gen(function*() {
      const result = yield* readXlsx(bytes, { fileName: "survey-libreoffice.xlsx", sheet: "Other" })
      expect(result.dataset.columns.map((c) => [c.name, Array.from(c.values)])).toEqual([["x", [1]]])
    }))
})
