import type { BilingualLabel } from "@danvan/domain"
import type { IoWarning } from "../errors.js"
import { utf8Prefix } from "./byteWriter.js"
import type { TextColumn } from "./types.js"

/** The longest string one SPSS variable record holds; a wider one is a very long string (several segments). */
export const SHORT_STRING_WIDTH = 255

/** The longest string SPSS holds (a very long string of up to 32767 bytes); danvan writes no longer one. */
export const MAX_STRING_WIDTH = 32767

/** Bytes of width each segment of a very long string adds (255 allocated, 3 of them SPSS's own overlap). */
const SEGMENT_WIDTH = 252

/**
 * One variable record of a string: its allocated width (1 to 255), the 8-byte slots it takes in a case, and
 * how many of the value's bytes it stores (255 for every segment but the last, as SPSS and PSPP write).
 */
export interface SavSegment {
  readonly width: number
  readonly slots: number
  readonly used: number
}

/**
 * A text column ready for the .sav writer: its width in bytes (1 to 32767), its variable label, its segments
 * (one for a width up to 255; a very long string has ceil(width / 252)) and each case's UTF-8 bytes laid over
 * the segments' slots, padded with spaces.
 */
export interface SavString {
  readonly name: string
  readonly label?: BilingualLabel
  readonly width: number
  readonly segments: ReadonlyArray<SavSegment>
  /** 8-byte slots of all segments together. */
  readonly slots: number
  readonly cells: ReadonlyArray<Uint8Array>
}

/**
 * The segments of a string of `width` bytes, as SPSS lays a very long string out (record 7 subtype 14): every
 * segment but the last is a 255-byte variable storing 255 bytes of the value; the last is `width - 252 × (n - 1)`
 * wide and stores what remains.
 *
 * @example
 * stringSegments(300) // [{ width: 255, slots: 32, used: 255 }, { width: 48, slots: 6, used: 45 }]
 */
export const stringSegments = (width: number): Array<SavSegment> => {
  if (width <= SHORT_STRING_WIDTH) return [{ width, slots: Math.ceil(width / 8), used: width }]
  const n = Math.ceil(width / SEGMENT_WIDTH)
  return Array.from({ length: n }, (_, k) => {
    const w = k < n - 1 ? SHORT_STRING_WIDTH : width - SEGMENT_WIDTH * k
    return { width: w, slots: Math.ceil(w / 8), used: Math.max(0, Math.min(255, width - 255 * k)) }
  })
}

/**
 * The first value longer than 32767 UTF-8 bytes (SPSS's limit), if any (`row` counts the first case as 1), so a
 * caller can refuse to write it.
 *
 * @example
 * tooLongString([{ name: "note", values: ["x".repeat(40000)] }]) // { name: "note", row: 1, bytes: 40000 }
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

/** A case's value laid over the segments: each segment's `used` bytes, then spaces to its last slot. */
const layOut = (value: Uint8Array, segments: ReadonlyArray<SavSegment>, slots: number): Uint8Array => {
  const cell = new Uint8Array(slots * 8).fill(32)
  let at = 0
  let from = 0
  for (const s of segments) {
    cell.set(value.subarray(from, Math.min(value.length, from + s.used)), at)
    from += s.used
    at += s.slots * 8
  }
  return cell
}

/**
 * Encodes text columns as SPSS strings (UTF-8, NFC): a width over 255 bytes becomes a very long string; a value
 * over 32767 bytes is cut at a character boundary, with a warning.
 *
 * @example
 * savStrings([{ name: "note", values: ["Cán bộ trẻ"] }], 1, console.warn)[0].width // 14
 */
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
    const width = encoded.reduce((w, b) => Math.max(w, b.length), 1)
    const segments = stringSegments(width)
    const slots = segments.reduce((n, s) => n + s.slots, 0)
    const cells = encoded.map((b) => layOut(b, segments, slots))
    return { name: c.name, ...(c.label !== undefined ? { label: c.label } : {}), width, segments, slots, cells }
  })

/** The 8-byte slot `s` of a cell, and whether it is all spaces (bytecode 254). */
export const segmentOf = (cell: Uint8Array, s: number): { bytes: Uint8Array; blank: boolean } => {
  const bytes = cell.subarray(s * 8, s * 8 + 8)
  return { bytes, blank: bytes.every((b) => b === 32) }
}
