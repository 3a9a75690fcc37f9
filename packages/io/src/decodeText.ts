import { isAscii } from "node:buffer"
import { detectLegacyEncoding, fromLegacy, type LegacyEncoding } from "./encoding/legacy.js"
import type { IoWarning } from "./errors.js"

const utf8 = new TextDecoder("utf-8", { fatal: true })
const windows1258 = new TextDecoder("windows-1258")
const latin1 = new TextDecoder("latin1")

/**
 * Decodes a text file's bytes: UTF-8 (a byte order mark is dropped); when the bytes are not valid UTF-8,
 * windows-1258 (the Vietnamese ANSI code page of older Excel and SPSS installs) with an `ENCODING_FALLBACK`
 * warning. The text is normalised to NFC, so the combining tone marks of windows-1258 (and of NFD input)
 * are composed: "Phường" always compares equal, however it was typed or saved.
 *
 * The warning's message does not know the file name; `readCsv` prefixes it.
 *
 * @example
 * decodeText(new TextEncoder().encode("\uFEFFlevel\n1\n"))
 * // { text: "level\n1\n", encoding: "utf-8", warnings: [] }
 */
export const decodeText = (
  bytes: Uint8Array,
  named: TextEncodingName = "auto"
): { text: string; encoding: "utf-8" | "windows-1258" | LegacyEncoding; warnings: IoWarning[] } => {
  if (named === "tcvn3" || named === "vni") {
    const valid = validUtf8(bytes)
    const raw = valid ?? latin1.decode(hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes)
    return { text: fromLegacy(raw, named), encoding: named, warnings: [legacyWarning(named, true)] }
  }
  if (named === "windows-1258") {
    return {
      text: windows1258.decode(hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes).normalize("NFC"),
      encoding: "windows-1258",
      warnings: []
    }
  }
  const valid = validUtf8(bytes)
  if (valid !== undefined) {
    // ASCII text is already NFC; skipping the normalisation pass saves time on large files of codes.
    if (isAscii(bytes)) return { text: valid, encoding: "utf-8", warnings: [] }
    const legacy = named === "auto" ? detectLegacyEncoding(valid) : undefined
    if (legacy !== undefined) {
      return { text: fromLegacy(valid, legacy), encoding: legacy, warnings: [legacyWarning(legacy, false)] }
    }
    return { text: valid.normalize("NFC"), encoding: "utf-8", warnings: [] }
  }
  const offset = firstInvalidUtf8(bytes)
  const body = hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes
  const legacy = named === "auto" ? detectLegacyEncoding(latin1.decode(body)) : undefined
  if (legacy !== undefined) {
    return { text: fromLegacy(latin1.decode(body), legacy), encoding: legacy, warnings: [legacyWarning(legacy, false)] }
  }
  return {
    // A UTF-8 byte order mark on a file with other invalid bytes (mixed encodings) must not become "ï»¿".
    text: windows1258.decode(body).normalize("NFC"),
    encoding: "windows-1258",
    warnings: [fallbackWarning(bytes[offset], offset)]
  }
}

/** The text encodings a reader may be told to use (`--encoding`); `auto` detects. */
export type TextEncodingName = "auto" | "utf-8" | "windows-1258" | LegacyEncoding

const validUtf8 = (bytes: Uint8Array): string | undefined => {
  try {
    return utf8.decode(bytes)
  } catch {
    return undefined
  }
}

/**
 * The `LEGACY_ENCODING` warning: the text was in TCVN3 or VNI and was converted to Unicode.
 *
 * @example
 * legacyWarning("tcvn3", false).message // "text in TCVN3 (ABC, .VnTime fonts) detected; converted to Unicode …"
 */
export const legacyWarning = (encoding: LegacyEncoding, named: boolean): IoWarning => ({
  code: "LEGACY_ENCODING",
  message: `text in ${encoding === "tcvn3" ? "TCVN3 (ABC, .VnTime fonts)" : "VNI Windows (VNI-Times fonts)"} ${
    named ? "as named" : "detected"
  }; converted to Unicode (NFC). Check a few labels; name the encoding with --encoding tcvn3|vni|windows-1258 if the guess is wrong`
})

/**
 * The `ENCODING_FALLBACK` warning for the first invalid UTF-8 byte `byte` at `offset`.
 *
 * @example
 * fallbackWarning(0xe0, 12).message // 'not valid UTF-8 (byte 0xE0 at offset 12); decoded as windows-1258 ...'
 */
export const fallbackWarning = (byte: number, offset: number): IoWarning => ({
  code: "ENCODING_FALLBACK",
  message: `not valid UTF-8 (byte 0x${
    byte.toString(16).toUpperCase().padStart(2, "0")
  } at offset ${offset}); decoded as windows-1258 (Vietnamese ANSI). Save the file as "CSV UTF-8" to avoid this guess`
})

/**
 * Whether the bytes start with a UTF-8 byte order mark.
 *
 * @example
 * hasUtf8Bom(Uint8Array.of(0xef, 0xbb, 0xbf, 0x61)) // true
 */
export const hasUtf8Bom = (bytes: Uint8Array): boolean => bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf

/**
 * Finds the first invalid UTF-8 sequence in bytes fed chunk by chunk (the same rules as `decodeText`'s
 * warning: lead and continuation bytes only), for a reader that streams a file.
 *
 * @example
 * const finder = new Utf8ErrorFinder()
 * finder.feed(Uint8Array.of(0x61, 0xc3), 0)
 * finder.feed(Uint8Array.of(0x28), 2)
 * finder.end() // { offset: 1, byte: 0xc3 }
 */
export class Utf8ErrorFinder {
  private need = 0
  private lead = 0
  private leadByte = 0
  private firstByte = 0
  private found: { offset: number; byte: number } | undefined

  /** Feeds `bytes`, the file's bytes from offset `base` on. */
  feed(bytes: Uint8Array, base: number): void {
    if (base === 0 && bytes.length > 0) this.firstByte = bytes[0]
    for (let i = 0; i < bytes.length && this.found === undefined; i++) {
      const b = bytes[i]
      if (this.need > 0) {
        if ((b & 0xc0) !== 0x80) this.found = { offset: this.lead, byte: this.leadByte }
        else this.need--
        continue
      }
      const need = b < 0x80
        ? 0
        : b >= 0xc2 && b <= 0xdf
        ? 1
        : b >= 0xe0 && b <= 0xef
        ? 2
        : b >= 0xf0 && b <= 0xf4
        ? 3
        : -1
      if (need < 0) this.found = { offset: base + i, byte: b }
      this.need = Math.max(0, need)
      this.lead = base + i
      this.leadByte = b
    }
  }

  /** The first invalid sequence (a sequence cut short by the end counts), or offset 0 when none was found. */
  end(): { offset: number; byte: number } {
    if (this.found === undefined && this.need > 0) this.found = { offset: this.lead, byte: this.leadByte }
    return this.found ?? { offset: 0, byte: this.firstByte }
  }
}

/**
 * Offset of the first byte that starts an invalid UTF-8 sequence, for the warning (lead and continuation
 * bytes only; overlong forms are not looked for). Returns 0 when nothing is found.
 */
const firstInvalidUtf8 = (bytes: Uint8Array): number => {
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i]
    const need = b < 0x80
      ? 0
      : b >= 0xc2 && b <= 0xdf
      ? 1
      : b >= 0xe0 && b <= 0xef
      ? 2
      : b >= 0xf0 && b <= 0xf4
      ? 3
      : -1
    if (need < 0 || i + need >= bytes.length + (need === 0 ? 1 : 0)) return i
    for (let k = 1; k <= need; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i
    i += need + 1
  }
  return 0
}
