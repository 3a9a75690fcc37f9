/**
 * PSPP's CSV output (`pspp -o listing.csv`) split into its tables: each starts with a `Table: NAME` line and
 * ends at a blank line; cells follow RFC 4180 (quoted cells may hold commas, quotes and line breaks).
 *
 * @example
 * parsePsppListing("Table: File Label\nLabel,Khảo sát\n").get("File Label") // [["Label", "Khảo sát"]]
 */
export const parsePsppListing = (text: string): Map<string, Array<Array<string>>> => {
  const tables = new Map<string, Array<Array<string>>>()
  const rows = parseCsv(text)
  let current: Array<Array<string>> | undefined
  for (const row of rows) {
    if (row.length === 1 && row[0].startsWith("Table: ")) {
      current = []
      tables.set(row[0].slice(7), current)
    } else if (row.length === 1 && row[0] === "") current = undefined
    else current?.push(row)
  }
  return tables
}

const parseCsv = (text: string): Array<Array<string>> => {
  const rows: Array<Array<string>> = []
  let row: Array<string> = []
  let cell = ""
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === "\"" && text[i + 1] === "\"") {
        cell += "\""
        i++
      } else if (c === "\"") quoted = false
      else cell += c
    } else if (c === "\"") quoted = true
    else if (c === ",") {
      row.push(cell)
      cell = ""
    } else if (c === "\n") {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ""
    } else if (c !== "\r") cell += c
  }
  if (cell !== "" || row.length > 0) rows.push([...row, cell])
  return rows
}

/**
 * A number as PSPP lists it with `decimals` places: `.625`, `-.5`, `1.000`, `.` for system-missing.
 *
 * @example
 * psppNumber(0.625, 3) // ".625"
 */
export const psppNumber = (x: number, decimals: number): string => {
  if (Number.isNaN(x)) return "."
  const s = x.toFixed(decimals)
  return s.replace(/^(-?)0\./, "$1.")
}
