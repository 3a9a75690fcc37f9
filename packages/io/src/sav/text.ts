import { trimRight } from "./cursor.js"
import type { Decoder } from "./encoding.js"

/**
 * Decodes a system file's text in its declared encoding, normalised to NFC (windows-1258 writes tone marks as
 * combining characters). Bytes that are not valid in the encoding become U+FFFD and are counted, so the
 * reader can warn once with the first places where it happened.
 *
 * @example
 * const text = new SavText(new TextDecoder("windows-1258", { fatal: true }), new TextDecoder("windows-1258"))
 * text.decode(bytes, "variable q1, label")
 */
export class SavText {
  /** Where undecodable bytes were met (first few), and how often in all. */
  readonly badPlaces: Array<string> = []
  badCount = 0

  constructor(
    private readonly fatal: Decoder,
    private readonly lenient: Decoder
  ) {}

  get encoding(): string {
    return this.lenient.encoding
  }

  /** Decodes trimmed of trailing spaces; `where` names the place for the warning ("variable x, case 12"). */
  decode(bytes: Uint8Array, where: string): string {
    return this.decodeExact(trimRight(bytes), where)
  }

  /** Decodes as is (no trimming). */
  decodeExact(bytes: Uint8Array, where: string): string {
    let ascii = true
    for (let k = 0; k < bytes.length; k++) {
      if (bytes[k] >= 0x80) {
        ascii = false
        break
      }
    }
    // Pure ASCII reads the same in every encoding SPSS writes and is already NFC.
    if (ascii) return String.fromCharCode.apply(null, bytes as unknown as Array<number>)
    try {
      return this.fatal.decode(bytes).normalize("NFC")
    } catch {
      this.badCount++
      if (this.badPlaces.length < 5) this.badPlaces.push(where)
      return this.lenient.decode(bytes).normalize("NFC")
    }
  }
}
