import * as Effect from "effect/Effect"
import * as ExcelJS from "exceljs"
import { describe, expect, it } from "vitest"
import { readXlsx } from "../src/index.js"
import { hcmc, read, reject } from "./helpers.js"

describe("columns no codebook describes are typed from their contents", () => {
  it("reads decimals as numbers, text and dates out of the dataset, each with the cell that decided it", () => {
    const { dataset } = read("level,age,city,born\n1,34.5,Hà Nội,1990-05-01\n2,22,Huế,1/2/1985\n,,,\n")
    expect(dataset.columns.map((c) => [c.name, c.type])).toEqual([["level", "codes"], ["age", "numeric"]])
    expect(Array.from(dataset.columns[1].values)).toEqual([34.5, 22, Number.NaN])
    expect(dataset.typing).toEqual([
      { name: "age", type: "numeric", row: 2, value: "34.5", file: "survey.csv" },
      { name: "city", type: "text", row: 2, value: "Hà Nội", file: "survey.csv" },
      { name: "born", type: "date", row: 2, value: "1990-05-01", file: "survey.csv" }
    ])
  })

  it("turns a column numeric when a decimal comes after integer codes, keeping blanks as NaN", () => {
    const { dataset } = read("w;level\n1;1\n;2\n0,5;3\n", {})
    expect(dataset.columns[0].type).toBe("numeric")
    expect(Array.from(dataset.columns[0].values)).toEqual([1, Number.NaN, 0.5])
    expect(dataset.typing).toEqual([{ name: "w", type: "numeric", row: 4, value: "0,5", file: "survey.csv" }])
  })

  it("a numeric column that later holds text becomes a text column", () => {
    const { dataset } = read("x,level\n1.5,1\nabc,2\n")
    expect(dataset.columns.map((c) => c.name)).toEqual(["level"])
    expect(dataset.typing).toEqual([{ name: "x", type: "text", row: 3, value: "abc", file: "survey.csv" }])
  })

  it("a file of integer codes has no typing", () => {
    expect(read("a,b\n1,2\n").dataset.typing).toBeUndefined()
  })

  it("codebook variables are still checked against their codes", () => {
    const error = reject("level,age\n1.5,34.5\n", { codebook: hcmc })
    expect(error.problems.map((p) => p.column)).toEqual(["level"])
  })

  it("columns: parses only the columns named (and the numeric ones), the others are skipped unchecked", () => {
    const { dataset } = read("level,note,w\n1,any text,1.5\n2,\"x,y\",2\n", {
      columns: ["level"],
      numericColumns: ["w"]
    })
    expect(dataset.columns.map((c) => c.name)).toEqual(["level", "w"])
    expect(dataset.typing).toBeUndefined()
  })

  it("xlsx: a date cell in an untyped column makes it a date column", async () => {
    const wb = new ExcelJS.Workbook()
    const sheet = wb.addWorksheet("Data")
    sheet.addRow(["level", "born", "age"])
    sheet.addRow([1, new Date(Date.UTC(1990, 4, 1)), 34.5])
    sheet.addRow([2, new Date(Date.UTC(1985, 1, 1)), 22])
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer())
    const result = await Effect.runPromise(readXlsx(bytes, { fileName: "s.xlsx" }))
    expect(result.dataset.columns.map((c) => [c.name, c.type])).toEqual([["level", "codes"], ["age", "numeric"]])
    expect(result.dataset.typing?.map((t) => [t.name, t.type, t.value])).toEqual([["born", "date", "1990-05-01"], [
      "age",
      "numeric",
      "34.5"
    ]])
  })
})
