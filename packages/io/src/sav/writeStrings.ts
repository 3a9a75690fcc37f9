import type { IoWarning } from "../errors.js"
import { utf8Prefix } from "./byteWriter.js"
import type { TextColumn } from "./types.js"

/** The longest string SPSS holds without the very-long-string record; danvan writes no longer one. */
export const MAX_STRING_WIDTH = 255

/**
 * A text column ready for the .sav writer: its width in bytes (1 to 255) and each case's UTF-8 bytes
 * padded with spaces to whole 8-byte segments.
 */
export interface SavString {
  readonly name: string
  readonly width: number
  readonly segments: number
  readonly cells: ReadonlyArray<Uint8Array>
}

/**
 * The first value longer than 255 UTF-8 bytes, if any (`row` counts the first case as 1), so a caller can
 * refuse to write it.
 *
 * @example
 * tooLongString([{ name: "note", values: ["x".repeat(300)] }]) // { name: "note", row: 1, bytes: 300 }
 */
export const tooLongString = (
  columns: ReadonlyArray<TextColumn>
): { name: string; row: number; bytes: number } | undefined => {
  const encoder = new TextEncoder()
  for (const c of columns) {
    for (let i = 0; i < c.values.length; i++) {
      const bytes = encoder.encode(c.values[i].normalize("NFC")).length
      if (bytes > MAX_STRING_WIDTH) return { name: c.name, row: i + 1, bytes }
    }
  }
  return undefined
}

/** Encodes text columns as SPSS strings; a value over 255 bytes is cut at a character boundary, with a warning. */
export const savStrings = (
  columns: ReadonlyArray<TextColumn>,
  rowCount: number,
  warn: (warning: IoWarning) => void
): Array<SavString> =>
  columns.map((c) => {
    if (c.values.length !== rowCount) {
      throw new Error(`text column "${c.name}" has ${c.values.length} rows, expected ${rowCount}`)
    }
    const encoded = c.values.map((v) => utf8Prefix(v, MAX_STRING_WIDTH))
    const long = tooLongString([c])
    if (long !== undefined) {
      warn({
        code: "FILE_STRUCTURE",
        message:
          `variable ${c.name}, case ${long.row}: text of ${long.bytes} bytes cut to ${MAX_STRING_WIDTH} (an SPSS limit)`
      })
    }
    const width = Math.max(1, ...encoded.map((b) => b.length))
    const segments = Math.ceil(width / 8)
    const cells = encoded.map((b) => {
      const cell = new Uint8Array(segments * 8).fill(32)
      cell.set(b)
      return cell
    })
    return { name: c.name, width, segments, cells }
  })

/** The 8-byte segment `s` of a cell, and whether it is all spaces (bytecode 254). */
export const segmentOf = (cell: Uint8Array, s: number): { bytes: Uint8Array; blank: boolean } => {
  const bytes = cell.subarray(s * 8, s * 8 + 8)
  return { bytes, blank: bytes.every((b) => b === 32) }
}
