/**
 * Which TextDecoder label reads a system file's text. The character-encoding record (subtype 20) names the
 * encoding directly; older files only give a Windows code page number in the machine integer record
 * (subtype 3, "character code"), mapped here to the WHATWG label TextDecoder knows.
 */
const CODE_PAGES: Readonly<Record<number, string>> = {
  2: "windows-1252", // 7-bit ASCII: a superset reads it
  3: "windows-1252", // "8-bit ASCII": SPSS wrote the machine's ANSI code page, Latin-1 in practice
  437: "ibm866", // no DOS 437 decoder in WHATWG; 866 shares the ASCII half
  874: "windows-874",
  932: "shift_jis",
  936: "gbk",
  949: "euc-kr",
  950: "big5",
  20127: "windows-1252",
  20932: "euc-jp",
  28591: "iso-8859-1",
  28592: "iso-8859-2",
  28595: "iso-8859-5",
  28597: "iso-8859-7",
  28605: "iso-8859-15",
  51949: "euc-kr",
  65001: "utf-8"
}

/**
 * The TextDecoder label for a Windows code page number, or undefined when there is none.
 *
 * @example
 * codePageLabel(1258)  // "windows-1258"
 * codePageLabel(65001) // "utf-8"
 */
export const codePageLabel = (codePage: number): string | undefined => {
  if (codePage >= 1250 && codePage <= 1258) return `windows-${codePage}`
  return CODE_PAGES[codePage]
}

/**
 * What the reader needs of a TextDecoder (the global's type is not in the ES lib).
 *
 * @example
 * const d: Decoder = new TextDecoder("windows-1258")
 */
export interface Decoder {
  decode(bytes: Uint8Array): string
  readonly encoding: string
}

/**
 * A TextDecoder for an encoding name as SPSS and PSPP write it ("UTF-8", "WINDOWS-1258", "CP1258",
 * "ISO-8859-1", "windows-1252"), or undefined when TextDecoder does not know it.
 *
 * @example
 * decoderFor("WINDOWS-1258")?.encoding // "windows-1258"
 * decoderFor("CP1258")?.encoding       // "windows-1258"
 */
export const decoderFor = (name: string, fatal = false): Decoder | undefined => {
  const trimmed = name.trim().toLowerCase()
  const cp = /^(?:cp|ms|ibm)-?(\d+)$/.exec(trimmed)
  const label = cp !== null ? codePageLabel(Number(cp[1])) ?? trimmed : trimmed
  try {
    return new TextDecoder(label, { fatal })
  } catch {
    return undefined
  }
}
