import { describe, expect, it } from "vitest"
import { appendCsvColumn } from "../src/appendCsvColumn.js"

const bytes = (s: string) => new TextEncoder().encode(s)

describe("appendCsvColumn", () => {
  it("keeps every field (text, quoted delimiters and line breaks) and appends the column", () => {
    const out = appendCsvColumn(bytes("id,name,w\n1,An,1.50\n2,\"Bình, B\",2\n\n3,\"x\ny\",\n"), "r", ["1", "2", "3"])
    expect(out).toBe("id,name,w,r\r\n1,An,1.50,1\r\n2,\"Bình, B\",2,2\r\n3,\"x\ny\",,3\r\n")
  })
  it("keeps a semicolon delimiter", () => {
    expect(appendCsvColumn(bytes("a;b\n1;2,5\n"), "r", ["7"])).toBe("a;b;r\r\n1;2,5;7\r\n")
  })
  it("refuses a record count that differs", () => {
    expect(appendCsvColumn(bytes("a\n1\n2\n"), "r", ["1"])).toEqual({
      error: "the file has 2 data records but 1 values were given"
    })
  })
})
