import { builtinCodebook, SYSTEM_MISSING } from "@danvan/domain"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import ExcelJS from "exceljs"
import { describe, expect, it } from "vitest"
import { readXlsx } from "../src/index.js"

const codebook = Either.getOrThrow(builtinCodebook("hcmc-2024"))

/** Builds a workbook in memory: each sheet is rows of cell values (exceljs cell values). */
const workbook = async (
  sheets: Record<string, Array<Array<ExcelJS.CellValue>>>,
  edit?: (wb: ExcelJS.Workbook) => void
): Promise<Uint8Array> => {
  const wb = new ExcelJS.Workbook()
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name)
    rows.forEach((row) => ws.addRow(row))
  }
  edit?.(wb)
  return new Uint8Array(await wb.xlsx.writeBuffer())
}

const read = (
  bytes: Uint8Array,
  options: { sheet?: string; withCodebook?: boolean; numericColumns?: Array<string> } = {}
) =>
  Effect.runPromise(
    Effect.either(
      readXlsx(bytes, {
        fileName: "survey.xlsx",
        ...(options.sheet !== undefined ? { sheet: options.sheet } : {}),
        ...(options.withCodebook === true ? { codebook } : {}),
        ...(options.numericColumns !== undefined ? { numericColumns: options.numericColumns } : {})
      })
    )
  )

describe("readXlsx", () => {
  it("reads the first sheet: header row, numeric and text cells, blanks as system-missing", async () => {
    const bytes = await workbook({
      Data: [["level", "sex", "weight"], [1, 2, 1.25], ["3", null, 0.8], [2, 9, { formula: "1/2", result: 0.5 }]],
      Other: [["x"], [1]]
    })
    const result = Either.getOrThrow(await read(bytes, { withCodebook: true, numericColumns: ["weight"] }))
    expect(result.sheet).toBe("Data")
    expect(result.dataset.codebookId).toBe("hcmc-2024")
    expect(result.dataset.columns.map((c) => [c.name, c.type, Array.from(c.values)])).toEqual([
      ["level", "codes", [1, 3, 2]],
      ["sex", "codes", [2, SYSTEM_MISSING, 9]],
      ["weight", "numeric", [1.25, 0.8, 0.5]]
    ])
  })

  it("reads a named sheet and says which sheets exist when the name is wrong", async () => {
    const bytes = await workbook({ Notes: [["a"], ["b"]], "Dữ liệu": [["level"], [1], [2]] })
    expect(Either.getOrThrow(await read(bytes, { sheet: "Dữ liệu" })).dataset.rowCount).toBe(2)
    const bad = await read(bytes, { sheet: "Data" })
    expect(Either.isLeft(bad) && bad.left.message).toBe(
      "data file survey.xlsx: 1 problem, nothing was read:\n  no sheet named \"Data\" — expected one of the sheets \"Notes\", \"Dữ liệu\""
    )
  })

  it("names file, sheet, row, cell, value and expectation for bad cells and formulas without cached values", async () => {
    const bytes = await workbook({ Data: [["level", "sex"], [1, 2], [4, { formula: "A2+1" }], [true, 1]] })
    const result = await read(bytes, { withCodebook: true })
    expect(Either.isLeft(result) && result.left.message).toBe(
      [
        "data file survey.xlsx (sheet \"Data\"): 3 problems, nothing was read:",
        "  row 3, cell B3, column \"sex\": value \"formula =A2+1 without a cached value\" — expected a value: open and save the workbook in Excel or LibreOffice so formulas are computed, or paste values",
        "  row 3, cell A3, column \"level\": value \"4\" — expected one of 1 (City), 2 (District), 3 (Ward/Commune) or missing 9",
        "  row 4, cell A4, column \"level\": value \"TRUE\" — expected a number or code, not a TRUE/FALSE cell"
      ].join("\n")
    )
  })

  it("rejects merged header cells and columns without a header", async () => {
    const merged = await workbook(
      { Data: [["level", "", "sex"], [1, 2, 1]] },
      (wb) => wb.getWorksheet("Data")!.mergeCells("A1:B1")
    )
    const m = await read(merged)
    expect(Either.isLeft(m) && m.left.problems.map((p) => p.value)).toEqual([
      "merged header cells A1:B1",
      "column 2 has no name"
    ])
    const gap = await workbook({ Data: [["level", null, "sex"], [1, 5, 1]] })
    const g = await read(gap)
    expect(Either.isLeft(g) && g.left.problems).toEqual([{
      row: 1,
      column: "",
      value: "column 2 has no name",
      expected: "a name for every column in the header row"
    }])
  })

  it("skips empty rows and reports a sheet without data", async () => {
    const bytes = await workbook({ Data: [["level"], [1], [null], [3]] })
    expect(Array.from(Either.getOrThrow(await read(bytes)).dataset.columns[0].values)).toEqual([1, 3])
    const empty = await read(await workbook({ Data: [["level"]] }))
    expect(Either.isLeft(empty) && empty.left.problems[0].value).toBe("the sheet has a header row but no data rows")
  })

  it("rejects bytes that are not a workbook", async () => {
    const result = await read(new TextEncoder().encode("level\n1\n"))
    expect(Either.isLeft(result) && result.left.problems[0].value).toMatch(/^not a readable \.xlsx workbook/)
  })
})
