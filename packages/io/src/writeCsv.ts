import type { Dataset } from "@danvan/domain"
import { SYSTEM_MISSING } from "@danvan/domain"

const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replaceAll("\"", "\"\"")}"` : s)

/**
 * A dataset as RFC 4180 CSV text (comma, CRLF, header row of column names); codes as integers, numbers as
 * JavaScript prints them, blanks (system-missing) as empty cells. `readCsv` reads it back unchanged.
 *
 * @example
 * writeCsv(makeDataset([{ name: "level", type: "codes", values: Int32Array.of(1, 2) }])) // "level\r\n1\r\n2\r\n"
 */
export const writeCsv = (dataset: Dataset): string => {
  const lines: Array<string> = [dataset.columns.map((c) => quote(c.name)).join(",")]
  for (let k = 0; k < dataset.rowCount; k++) {
    lines.push(
      dataset.columns
        .map((c) => {
          const v = c.values[k]
          return c.type === "codes" ? (v === SYSTEM_MISSING ? "" : String(v)) : Number.isNaN(v) ? "" : String(v)
        })
        .join(",")
    )
  }
  return lines.join("\r\n") + "\r\n"
}
