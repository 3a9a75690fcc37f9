/**
 * CSV output for spreadsheets: UTF-8 with a byte-order mark (so Excel on Windows decodes Vietnamese labels
 * correctly instead of guessing a legacy code page), comma-separated, CRLF line ends (RFC 4180), "." decimals.
 */
export type CsvRow = ReadonlyArray<string | number>

export const BOM = "\uFEFF"

/**
 * Quotes a field when it holds a comma, quote, line break or surrounding space.
 *
 * @example
 * csvField("Quận, Huyện") // '"Quận, Huyện"'
 */
export const csvField = (value: string | number): string => {
  const s = typeof value === "number" ? (Number.isFinite(value) ? String(value) : "") : value
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, "\"\"")}"` : s
}

/**
 * A whole CSV document: BOM, rows joined by CRLF, a final CRLF. Empty rows become blank lines.
 *
 * @example
 * csvDocument([["a", 1], ["b", 2]]) // "\uFEFFa,1\r\nb,2\r\n"
 */
export const csvDocument = (rows: ReadonlyArray<CsvRow>): string =>
  BOM + rows.map((r) => r.map(csvField).join(",")).join("\r\n") + "\r\n"
