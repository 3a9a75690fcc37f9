import { builtinCodebook } from "@danvan/domain"
import * as Either from "effect/Either"
import type { CsvReadOptions, CsvReadResult, DataFileError } from "../src/index.js"
import { readCsv } from "../src/index.js"

export const hcmc = Either.getOrThrow(builtinCodebook("hcmc-2024"))

export const bytesOf = (text: string): Uint8Array => new TextEncoder().encode(text)

type Options = Omit<CsvReadOptions, "fileName"> & { fileName?: string }

/** Reads `text` and expects success. */
export const read = (text: string | Uint8Array, options: Options = {}): CsvReadResult => {
  const result = readCsv(typeof text === "string" ? bytesOf(text) : text, { fileName: "survey.csv", ...options })
  if (Either.isLeft(result)) throw new Error(`expected the file to be read, got:\n${result.left.message}`)
  return result.right
}

/** Reads `text` and expects a DataFileError. */
export const reject = (text: string | Uint8Array, options: Options = {}): DataFileError => {
  const result = readCsv(typeof text === "string" ? bytesOf(text) : text, { fileName: "survey.csv", ...options })
  if (Either.isRight(result)) throw new Error("expected the file to be rejected")
  return result.left
}

/**
 * Windows-1258 bytes for the few characters the tests need. The table is checked against Node's
 * TextDecoder("windows-1258") in decodeText.test.ts.
 */
export const WINDOWS_1258: Readonly<Record<string, number>> = {
  "ư": 0xfd,
  "ơ": 0xf5,
  "à": 0xe0,
  "ô": 0xf4,
  "\u0300": 0xcc, // combining grave (huyền)
  "\u0301": 0xec, // combining acute (sắc)
  "\u0303": 0xde, // combining tilde (ngã)
  "\u0309": 0xd2, // combining hook above (hỏi)
  "\u0323": 0xf2 // combining dot below (nặng)
}

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/gu

const byteOf = (ch: string): number => {
  const code = ch.charCodeAt(0)
  if (code < 0x80) return code
  const byte = WINDOWS_1258[ch]
  if (byte === undefined) throw new Error(`no windows-1258 byte for ${JSON.stringify(ch)} in the test table`)
  return byte
}

/**
 * Encodes text as Windows does for code page 1258: a precomposed byte when the code page has one (à), else
 * the base letter followed by a combining tone mark (ờ = ơ + U+0300, ố = ô + U+0301).
 */
export const encodeWindows1258 = (text: string): Uint8Array => {
  const out: Array<number> = []
  for (const ch of text.normalize("NFC")) {
    if (ch.charCodeAt(0) < 0x80 || WINDOWS_1258[ch] !== undefined) {
      out.push(byteOf(ch))
      continue
    }
    const decomposed = ch.normalize("NFD")
    const tones = decomposed.match(TONES) ?? []
    const base = decomposed.replace(TONES, "").normalize("NFC")
    out.push(byteOf(base), ...tones.map(byteOf))
  }
  return Uint8Array.from(out)
}
