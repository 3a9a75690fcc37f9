/**
 * Recognises files that are not CSV text but are often passed to a CSV reader by mistake, so the user gets
 * one clear problem instead of hundreds of garbled cells. Returns what the file looks like, or undefined.
 *
 * @example
 * sniffNonCsv(Uint8Array.of(0x50, 0x4b, 0x03, 0x04)) // "an Excel workbook (.xlsx) or another ZIP archive"
 */
export const sniffNonCsv = (bytes: Uint8Array): string | undefined => {
  const starts = (...sig: Array<number>) => sig.every((b, k) => bytes[k] === b)
  if (starts(0xff, 0xfe) || starts(0xfe, 0xff)) {
    return "UTF-16 text (Excel's \"Unicode Text\"); save it as \"CSV UTF-8\" instead"
  }
  if (starts(0x50, 0x4b, 0x03, 0x04)) return "an Excel workbook (.xlsx) or another ZIP archive"
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) return "an old Excel workbook (.xls)"
  if (starts(0x24, 0x46, 0x4c, 0x32) || starts(0x24, 0x46, 0x4c, 0x33)) return "an SPSS data file (.sav)"
  if (starts(0x25, 0x50, 0x44, 0x46)) return "a PDF document"
  const probe = Math.min(bytes.length, 4096)
  for (let i = 0; i < probe; i++) if (bytes[i] === 0) return "a binary file (it contains NUL bytes)"
  return undefined
}
