import type { CellValue } from "exceljs"

/**
 * What a workbook cell holds, as the text the CSV cell decoders read (`"3"`, `"1.25"`, `""` for an empty
 * cell), or a problem when the cell holds something that is not data: a formula without a cached value
 * (the workbook was written by a program that does not compute formulas), an error value (`#N/A`), a date
 * or a TRUE/FALSE where a code or number belongs.
 *
 * @example
 * cellText(3)                            // { text: "3" }
 * cellText({ formula: "A2+1" })          // { problem: "formula =A2+1 without a cached value", expected: "…" }
 */
export const cellText = (value: CellValue): { text: string } | { problem: string; expected: string } => {
  if (value === null || value === undefined) return { text: "" }
  if (typeof value === "number") return { text: Number.isFinite(value) ? String(value) : "" }
  if (typeof value === "string") return { text: value.normalize("NFC") }
  if (typeof value === "boolean") {
    return { problem: value ? "TRUE" : "FALSE", expected: "a number or code, not a TRUE/FALSE cell" }
  }
  if (value instanceof Date) {
    return { problem: `date ${value.toISOString().slice(0, 10)}`, expected: "a number or code, not a date cell" }
  }
  if ("formula" in value || "sharedFormula" in value) {
    const formula = value.formula ?? ("sharedFormula" in value ? value.sharedFormula : "")
    if (value.result === undefined) {
      return {
        problem: `formula =${formula} without a cached value`,
        expected:
          "a value: open and save the workbook in Excel or LibreOffice so formulas are computed, or paste values"
      }
    }
    return cellText(value.result)
  }
  if ("error" in value) return { problem: `error value ${value.error}`, expected: "a number or code" }
  if ("richText" in value) return { text: value.richText.map((r) => r.text).join("").normalize("NFC") }
  if ("text" in value) return { text: String(value.text).normalize("NFC") }
  return { problem: "a cell of unknown type", expected: "a number or text" }
}

/**
 * Excel's column letters for a 1-based column number.
 *
 * @example
 * columnLetters(28) // "AB"
 */
export const columnLetters = (column: number): string => {
  let out = ""
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out
  return out
}
