import { decodeText, type TextEncodingName } from "./decodeText.js"
import { detectDelimiter } from "./delimiter.js"
import { scanCsv } from "./scanner.js"

const quote = (s: string, delimiter: string) =>
  s.includes(delimiter) || /["\r\n]/.test(s) ? `"${s.replaceAll("\"", "\"\"")}"` : s

/**
 * A CSV file with one column added at the end, every other field kept as the file had it (text columns too, which
 * a Dataset does not hold): decoded as `readCsv` decodes it, written as UTF-8 with the file's delimiter and CRLF,
 * fields quoted where needed. `values` has one entry per data record (empty lines are skipped, as `readCsv` does);
 * returns a message instead when the record count differs.
 *
 * @example
 * appendCsvColumn(new TextEncoder().encode("id,name\n1,An\n"), "w", ["2.5"]) // "id,name,w\r\n1,An,2.5\r\n"
 */
export const appendCsvColumn = (
  bytes: Uint8Array,
  name: string,
  values: ReadonlyArray<string>,
  encoding: TextEncodingName = "auto"
): string | { readonly error: string } => {
  const { text } = decodeText(bytes, encoding)
  const { delimiter } = detectDelimiter(text)
  const records: Array<Array<string>> = []
  let current: Array<string> = []
  scanCsv(text, delimiter, {
    field: (t, start, end) => current.push(t.slice(start, end)),
    endRecord: () => {
      records.push(current)
      current = []
    },
    malformed: () => {}
  })
  if (current.length > 0) records.push(current)
  if (records.length - 1 !== values.length) {
    return { error: `the file has ${records.length - 1} data records but ${values.length} values were given` }
  }
  const lines = records.map((r, k) =>
    [...r, k === 0 ? name : values[k - 1]!].map((f) => quote(f, delimiter)).join(delimiter)
  )
  return lines.join("\r\n") + "\r\n"
}
