import { SYSTEM_MISSING } from "@danvan/domain"
import { describe, expect, it } from "vitest"
import { hcmc, read, reject } from "./helpers.js"

const values = (text: string, name: string, options = {}) => {
  const column = read(text, options).dataset.columns.find((c) => c.name === name)
  if (column === undefined) throw new Error(`no column ${name}`)
  return Array.from(column.values)
}

describe("readCsv: format", () => {
  it("reads columns in file order into Int32Arrays, blank cells as SYSTEM_MISSING", () => {
    const { dataset, delimiter, encoding } = read("level,sex\n1,2\n3,\n,1\n")
    expect(delimiter).toBe(",")
    expect(encoding).toBe("utf-8")
    expect(dataset.rowCount).toBe(3)
    expect(dataset.codebookId).toBeUndefined()
    expect(dataset.columns[0]).toEqual({ name: "level", type: "codes", values: Int32Array.of(1, 3, SYSTEM_MISSING) })
    expect(dataset.columns[1].values).toEqual(Int32Array.of(2, SYSTEM_MISSING, 1))
  })

  it("accepts CRLF, LF and no final line break alike", () => {
    for (const text of ["a,b\r\n1,2\r\n3,4\r\n", "a,b\n1,2\n3,4", "a,b\r\n1,2\r\n3,4"]) {
      expect(values(text, "b")).toEqual([2, 4])
    }
  })

  it("trims header names and skips empty lines", () => {
    const { dataset } = read(" level , sex\n\n1,2\n\r\n2,1\n   \n")
    expect(dataset.columns.map((c) => c.name)).toEqual(["level", "sex"])
    expect(dataset.rowCount).toBe(2)
  })

  it("reads quoted fields holding delimiters, doubled quotes and line breaks", () => {
    const { dataset } = read("\"level\",\"note, with \"\"comma\"\"\"\n\"1\", \"2\"\n\"3\",\"4\"\n")
    expect(dataset.columns.map((c) => c.name)).toEqual(["level", "note, with \"comma\""])
    expect(Array.from(dataset.columns[1].values)).toEqual([2, 4])
  })

  it("counts the lines inside quoted fields for row numbers", () => {
    const error = reject("id,\"multi\nline\r\nname\"\n1,\"2\"\n2,\"line one\nline two\"\n3,x\n", { typeColumns: false })
    expect(error.problems).toEqual([
      { row: 5, column: "multi\nline\r\nname", value: "line one\nline two", expected: "an integer code" },
      { row: 7, column: "multi\nline\r\nname", value: "x", expected: "an integer code" }
    ])
  })

  it("detects ; and tab delimiters from the header line", () => {
    const semicolon = read("level;sex\n1;2\n")
    expect(semicolon.delimiter).toBe(";")
    expect(semicolon.warnings).toEqual([])
    expect(Array.from(semicolon.dataset.columns[1].values)).toEqual([2])
    const tab = read("level\tsex\n1\t2\n3\t\n")
    expect(tab.delimiter).toBe("\t")
    expect(Array.from(tab.dataset.columns[1].values)).toEqual([2, SYSTEM_MISSING])
  })

  it("warns when the delimiter is a guess", () => {
    const { dataset, delimiter, warnings } = read("a;b,c\n1;2\n")
    expect(delimiter).toBe(";")
    expect(dataset.columns.map((c) => c.name)).toEqual(["a", "b,c"])
    expect(warnings).toEqual([{
      code: "DELIMITER",
      message: "survey.csv: the header line holds \",\" and \";\" equally often; columns were split on \";\""
    }])
    expect(read("level\n1\n").warnings[0].message).toContain("no delimiter")
  })

  it("drops unnamed columns after the last named one (a trailing delimiter) with a warning", () => {
    const { dataset, warnings } = read("level;sex;\n1;2;\n")
    expect(dataset.columns.map((c) => c.name)).toEqual(["level", "sex"])
    expect(warnings.map((w) => w.code)).toEqual(["DELIMITER"])
    const error = reject("level;sex;\n1;2;x\n")
    expect(error.problems).toEqual([{
      row: 2,
      column: "(unnamed column 3)",
      value: "x",
      expected: "a blank cell (the column has no name in the header)"
    }])
  })
})

describe("readCsv: codes and numbers", () => {
  it("accepts integer codes with spaces, signs and all-zero fractions", () => {
    expect(values("c\n1\n 2 \n-1\n+4\n3.0\n3.00\n007\n", "c")).toEqual([1, 2, -1, 4, 3, 3, 7])
  })

  it("accepts a decimal comma with ; or tab delimiters", () => {
    expect(values("c;w\n3,0;1,25\n", "c", { numericColumns: ["w"] })).toEqual([3])
    expect(values("c;w\n3,0;1,25\n", "w", { numericColumns: ["w"] })).toEqual([1.25])
  })

  it("rejects non-integer codes with the row, column, value and what was expected", () => {
    const error = reject("level,sex\n1,2\n1.5,x\n1e3,2\n2147483648,1\n", { typeColumns: false })
    expect(error.file).toBe("survey.csv")
    expect(error.totalProblems).toBe(4)
    expect(error.problems).toEqual([
      { row: 3, column: "level", value: "1.5", expected: "an integer code" },
      { row: 3, column: "sex", value: "x", expected: "an integer code" },
      { row: 4, column: "level", value: "1e3", expected: "an integer code" },
      { row: 5, column: "level", value: "2147483648", expected: "an integer code" }
    ])
    expect(error.message).toBe(
      [
        "data file survey.csv: 4 problems, nothing was read:",
        "  row 3, column \"level\": value \"1.5\" — expected an integer code",
        "  row 3, column \"sex\": value \"x\" — expected an integer code",
        "  row 4, column \"level\": value \"1e3\" — expected an integer code",
        "  row 5, column \"level\": value \"2147483648\" — expected an integer code"
      ].join("\n")
    )
  })

  it("reads numeric columns as Float64 (blank = NaN) and rejects text there", () => {
    const { dataset } = read("level,weight\n1,1.25\n2,\n3,2e-1\n", { numericColumns: ["weight"] })
    expect(dataset.columns[1].type).toBe("numeric")
    expect(Array.from(dataset.columns[1].values)).toEqual([1.25, NaN, 0.2])
    const error = reject("level,weight\n1,heavy\n", { numericColumns: ["weight"] })
    expect(error.problems).toEqual([{ row: 2, column: "weight", value: "heavy", expected: "a number" }])
  })

  it("rejects a numeric value such as 1.25 in a code column", () => {
    const error = reject("level,weight\n1,1.25\n", { typeColumns: false })
    expect(error.problems).toEqual([{ row: 2, column: "weight", value: "1.25", expected: "an integer code" }])
  })

  it("warns about a requested numeric column that the file lacks", () => {
    const { warnings } = read("level\n1\n", { numericColumns: ["weight"] })
    expect(warnings).toContainEqual({
      code: "VARIABLE_NOT_IN_FILE",
      message: "survey.csv: numeric column not in the file: weight"
    })
  })
})

describe("readCsv: records and header", () => {
  it("reports ragged rows with the number of fields expected", () => {
    const error = reject("level,sex,age_group\n1,2,3\n1,2\n1,2,3,4\n")
    expect(error.problems).toEqual([
      { row: 3, column: "", value: "2 fields", expected: "3 fields as in the header" },
      { row: 4, column: "", value: "4 fields", expected: "3 fields as in the header" }
    ])
    expect(error.message).toContain("  row 3: 2 fields — expected 3 fields as in the header")
  })

  it("reports empty and duplicate header names on row 1", () => {
    const error = reject("level,,level,sex\n1,2,3,4\n")
    expect(error.problems).toEqual([
      { row: 1, column: "", value: "column 2 has no name", expected: "a name for every column in the header row" },
      { row: 1, column: "level", value: "level", expected: "a column name used once (column 1 has the same name)" }
    ])
  })

  it("rejects an empty file and a header-only file", () => {
    for (const text of ["", "\n\n"]) {
      expect(reject(text).problems).toEqual([{
        row: 1,
        column: "",
        value: "the file is empty",
        expected: "a header row and at least one data row"
      }])
    }
    const headerOnly = reject("level,sex\n")
    expect(headerOnly.problems).toEqual([
      {
        row: 1,
        column: "",
        value: "the file has a header row but no data rows",
        expected: "a header row and at least one data row"
      }
    ])
    expect(headerOnly.message).toBe(
      "data file survey.csv: 1 problem, nothing was read:\n  row 1: the file has a header row but no data rows — expected a header row and at least one data row"
    )
  })

  it("reports an unclosed quote at the line where its record starts, once", () => {
    const error = reject("level,sex\n1,2\n3,\"4\n5,6\n")
    expect(error.problems).toEqual([{
      row: 3,
      column: "sex",
      value: "\"4\n5,6\n",
      expected: "a closing quote (\") before the end of the file"
    }])
  })

  it("reports text after a closing quote", () => {
    const error = reject("level,sex\n1,\"2\"x\n")
    expect(error.problems).toEqual([{
      row: 2,
      column: "sex",
      value: "\"2\"x",
      expected: "the delimiter or a line break right after a closing quote"
    }])
  })

  it("recognises files that are not CSV text", () => {
    const xlsx = reject(Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00))
    expect(xlsx.problems[0]).toMatchObject({
      row: 1,
      value: expect.stringContaining("Excel workbook (.xlsx)"),
      expected: "a CSV text file (UTF-8 or windows-1258)"
    })
    expect(reject(Uint8Array.of(0xff, 0xfe, 0x6c, 0x00)).problems[0].value).toContain("UTF-16")
  })
})

describe("readCsv: problem limit", () => {
  it("keeps the first 20 problems and counts them all", () => {
    const rows = Array.from({ length: 25 }, (_, k) => `x${k}`).join("\n")
    const error = reject(`level\n${rows}\n`, { typeColumns: false })
    expect(error.totalProblems).toBe(25)
    expect(error.problems).toHaveLength(20)
    expect(error.problems[0]).toEqual({ row: 2, column: "level", value: "x0", expected: "an integer code" })
    expect(error.problems[19]).toEqual({ row: 21, column: "level", value: "x19", expected: "an integer code" })
    expect(error.message.split("\n")[0]).toBe("data file survey.csv: 25 problems, nothing was read:")
    expect(error.message.split("\n").at(-1)).toBe("  … and 5 more")
  })

  it("honours maxProblems", () => {
    const error = reject("level\nx\ny\nz\n", { maxProblems: 2, typeColumns: false })
    expect(error.problems.map((p) => p.value)).toEqual(["x", "y"])
    expect(error.totalProblems).toBe(3)
  })

  it("shortens long values in problems", () => {
    const error = reject(`level\n${"9".repeat(30)}${"a".repeat(30)}\n`, { typeColumns: false })
    expect(error.problems[0].value).toBe("9".repeat(30) + "a".repeat(10) + "…")
  })
})

describe("readCsv with the hcmc-2024 codebook", () => {
  it("accepts listed codes and the missing code 9, and sets codebookId", () => {
    const { dataset, warnings } = read("level,sex\n1,2\n3,9\n9,\n", { codebook: hcmc })
    expect(dataset.codebookId).toBe("hcmc-2024")
    expect(Array.from(dataset.columns[0].values)).toEqual([1, 3, 9])
    expect(Array.from(dataset.columns[1].values)).toEqual([2, 9, SYSTEM_MISSING])
    expect(warnings).toHaveLength(1)
    expect(warnings[0].code).toBe("VARIABLE_NOT_IN_FILE")
    expect(warnings[0].message).toMatch(
      /^survey\.csv: \d+ variables of codebook hcmc-2024 not in the file: id, age_group, position, /
    )
  })

  it("rejects a code that is not in the codebook, listing the valid codes with labels", () => {
    const error = reject("level,sex\n1,2\n4,1\n", { codebook: hcmc })
    expect(error.problems).toEqual([
      { row: 3, column: "level", value: "4", expected: "one of 1 (City), 2 (District), 3 (Ward/Commune) or missing 9" }
    ])
    expect(error.message).toContain(
      "row 3, column \"level\": value \"4\" — expected one of 1 (City), 2 (District), 3 (Ward/Commune) or missing 9"
    )
  })

  it("types columns not in the codebook from their contents, with a warning", () => {
    const { dataset, warnings } = read("stt,level,Sex\n101,1,2\n", { codebook: hcmc })
    expect(Array.from(dataset.columns[0].values)).toEqual([101])
    expect(warnings[0]).toEqual({
      code: "COLUMN_NOT_IN_CODEBOOK",
      message:
        "survey.csv: 2 columns not in codebook hcmc-2024, typed from their contents (integer codes, numbers or text): stt, Sex (the codebook has \"sex\")"
    })
  })

  it("does not list missing variables when the file has no codebook variable at all", () => {
    const { warnings } = read("a,b\n1,2\n", { codebook: hcmc })
    expect(warnings.map((w) => w.code)).toEqual(["COLUMN_NOT_IN_CODEBOOK"])
  })

  it("lets numericColumns read a column as numbers", () => {
    const { dataset } = read("level,weight\n1,1.25\n", { codebook: hcmc, numericColumns: ["weight"] })
    expect(dataset.columns[1]).toEqual({ name: "weight", type: "numeric", values: Float64Array.of(1.25) })
  })
})
