import { isAscii } from "node:buffer"
import type { IoWarning } from "./errors.js"

const utf8 = new TextDecoder("utf-8", { fatal: true })
const windows1258 = new TextDecoder("windows-1258")

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
export const decodeText = (bytes: Uint8Array): { text: string; encoding: "utf-8" | "windows-1258"; warnings: IoWarning[] } => {
  try {
    const text = utf8.decode(bytes)
    // ASCII text is already NFC; skipping the normalisation pass saves time on large files of codes.
    return { text: isAscii(bytes) ? text : text.normalize("NFC"), encoding: "utf-8", warnings: [] }
  } catch {
    const offset = firstInvalidUtf8(bytes)
    return {
      // A UTF-8 byte order mark on a file with other invalid bytes (mixed encodings) must not become "ï»¿".
      text: windows1258.decode(hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes).normalize("NFC"),
      encoding: "windows-1258",
      warnings: [
        {
          code: "ENCODING_FALLBACK",
          message: `not valid UTF-8 (byte 0x${bytes[offset].toString(16).toUpperCase().padStart(2, "0")} at offset ${offset}); decoded as windows-1258 (Vietnamese ANSI). Save the file as "CSV UTF-8" to avoid this guess`
        }
      ]
    }
  }
}

const hasUtf8Bom = (bytes: Uint8Array): boolean => bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf

/**
 * Offset of the first byte that starts an invalid UTF-8 sequence, for the warning (lead and continuation
 * bytes only; overlong forms are not looked for). Returns 0 when nothing is found.
 */
const firstInvalidUtf8 = (bytes: Uint8Array): number => {
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i]
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1
    if (need < 0 || i + need >= bytes.length + (need === 0 ? 1 : 0)) return i
    for (let k = 1; k <= need; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i
    i += need + 1
  }
  return 0
}
