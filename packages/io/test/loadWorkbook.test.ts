import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { loadWorkbook } from "../src/xlsx/loadWorkbook.js"

const bytes = new Uint8Array(readFileSync(new URL("./fixtures/forms/microsoft-forms.xlsx", import.meta.url)))

describe("loadWorkbook", () => {
  it("parses a byte array once: the form-header check and the .xlsx reader share the workbook", async () => {
    const first = loadWorkbook(bytes)
    expect(loadWorkbook(bytes)).toBe(first)
    expect((await first).worksheets.length).toBeGreaterThan(0)
    // Other bytes (a copy) are parsed on their own.
    expect(loadWorkbook(bytes.slice())).not.toBe(first)
  })
})
