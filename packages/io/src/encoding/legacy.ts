/**
 * Legacy Vietnamese encodings of the 1990s-2000s still found in Excel files typed with the .VnTime (TCVN3,
 * "ABC") and VNI-Times fonts: the text is stored as Latin-1 characters that those fonts draw as Vietnamese
 * letters. TCVN3 is one byte per letter (0xA1-0xFE); VNI Windows writes a base letter followed by a mark.
 */

/** A legacy encoding danvan converts from. */
export type LegacyEncoding = "tcvn3" | "vni"

// TCVN3 (TCVN 5712:1993 VN3): byte -> letter, for the bytes that are not ASCII. Checked against glibc's
// TCVN5712-1 table (scripts/encoding/tcvn3-iconv.sh writes it to test/fixtures/encoding/tcvn3-iconv.json).
const TCVN3_LETTERS = "ĂÂÊÔƠƯĐăâêôơưđ" + // 0xA1-0xAE
  "" // the rest below, by position
const TCVN3_PAIRS: ReadonlyArray<readonly [number, string]> = [
  ...[...TCVN3_LETTERS].map((c, k) => [0xa1 + k, c] as const),
  [0xb5, "à"],
  [0xb6, "ả"],
  [0xb7, "ã"],
  [0xb8, "á"],
  [0xb9, "ạ"],
  [0xbb, "ằ"],
  [0xbc, "ẳ"],
  [0xbd, "ẵ"],
  [0xbe, "ắ"],
  [0xc6, "ặ"],
  [0xc7, "ầ"],
  [0xc8, "ẩ"],
  [0xc9, "ẫ"],
  [0xca, "ấ"],
  [0xcb, "ậ"],
  [0xcc, "è"],
  [0xce, "ẻ"],
  [0xcf, "ẽ"],
  [0xd0, "é"],
  [0xd1, "ẹ"],
  [0xd2, "ề"],
  [0xd3, "ể"],
  [0xd4, "ễ"],
  [0xd5, "ế"],
  [0xd6, "ệ"],
  [0xd7, "ì"],
  [0xd8, "ỉ"],
  [0xdc, "ĩ"],
  [0xdd, "í"],
  [0xde, "ị"],
  [0xdf, "ò"],
  [0xe1, "ỏ"],
  [0xe2, "õ"],
  [0xe3, "ó"],
  [0xe4, "ọ"],
  [0xe5, "ồ"],
  [0xe6, "ổ"],
  [0xe7, "ỗ"],
  [0xe8, "ố"],
  [0xe9, "ộ"],
  [0xea, "ờ"],
  [0xeb, "ở"],
  [0xec, "ỡ"],
  [0xed, "ớ"],
  [0xee, "ợ"],
  [0xef, "ù"],
  [0xf1, "ủ"],
  [0xf2, "ũ"],
  [0xf3, "ú"],
  [0xf4, "ụ"],
  [0xf5, "ừ"],
  [0xf6, "ử"],
  [0xf7, "ữ"],
  [0xf8, "ứ"],
  [0xf9, "ự"],
  [0xfa, "ỳ"],
  [0xfb, "ỷ"],
  [0xfc, "ỹ"],
  [0xfd, "ý"],
  [0xfe, "ỵ"],
  // Capitals that TCVN 5712 VN1 adds in positions VN3 leaves free (files mixing the two occur).
  [0xaf, "Ằ"],
  [0xba, "Ẳ"],
  [0xbf, "Ẵ"],
  [0xc0, "Ắ"],
  [0xc1, "Ầ"],
  [0xc2, "Ẩ"],
  [0xc3, "Ẫ"],
  [0xc4, "Ấ"],
  [0xc5, "Ề"],
  [0xcd, "Ể"],
  [0xd9, "Ễ"],
  [0xda, "Ế"],
  [0xdb, "Ồ"],
  [0xe0, "Ổ"],
  [0xf0, "Ỗ"]
]

/** TCVN3 byte -> Unicode letter (the bytes 0xA1-0xFE that are Vietnamese letters). */
export const TCVN3_TABLE: ReadonlyMap<number, string> = new Map(TCVN3_PAIRS)

// VNI Windows: a letter is a base ASCII letter (or one of ô ö ñ î ì í ò ó æ for ơ ư đ ỵ and i's tones)
// followed by a mark character. Lower case; upper case uses the upper-case base and mark.
const VNI_MARKS: Readonly<Record<string, string>> = {
  "\u0300": "ø",
  "\u0301": "ù",
  "\u0309": "û",
  "\u0303": "õ",
  "\u0323": "ï"
}
const VNI_CIRCUMFLEX: Readonly<Record<string, string>> = {
  "": "â",
  "\u0300": "à",
  "\u0301": "á",
  "\u0309": "å",
  "\u0303": "ã",
  "\u0323": "ä"
}
const VNI_BREVE: Readonly<Record<string, string>> = {
  "": "ê",
  "\u0300": "è",
  "\u0301": "é",
  "\u0309": "ú",
  "\u0303": "ü",
  "\u0323": "ë"
}

const vniPairs = (): Array<readonly [string, string]> => {
  const out: Array<readonly [string, string]> = []
  const tones = ["\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
  const add = (unicode: string, vni: string) => {
    out.push([unicode.normalize("NFC"), vni])
    out.push([unicode.normalize("NFC").toUpperCase(), vni.toUpperCase()])
  }
  for (const base of ["a", "e", "o", "u", "y"]) {
    for (const t of tones) if (!(base === "y" && t === "\u0323")) add(base + t, base + VNI_MARKS[t])
  }
  for (const [base, mark] of [["a", "\u0302"], ["e", "\u0302"], ["o", "\u0302"]] as const) {
    for (const t of ["", ...tones]) {
      add(base + mark + t, base + VNI_CIRCUMFLEX[t])
    }
  }
  for (const t of ["", ...tones]) add("a\u0306" + t, "a" + VNI_BREVE[t])
  add("ơ", "ô")
  add("ư", "ö")
  for (const t of tones) {
    add("ơ" + t, "ô" + VNI_MARKS[t])
    add("ư" + t, "ö" + VNI_MARKS[t])
  }
  add("đ", "ñ")
  add("ỵ", "î")
  for (const [u, v] of [["ì", "ì"], ["í", "í"], ["ỉ", "æ"], ["ĩ", "ó"], ["ị", "ò"]] as const) add(u, v)
  return out
}

/** VNI Windows sequence -> Unicode letter (NFC). */
export const VNI_TABLE: ReadonlyMap<string, string> = new Map(vniPairs().map(([u, v]) => [v, u]))

/**
 * TCVN3 text (Latin-1 characters standing for TCVN3 bytes) as Unicode NFC.
 *
 * @example
 * tcvn3ToUnicode("TiÕng ViÖt") // "Tiếng Việt"
 */
export const tcvn3ToUnicode = (text: string): string => {
  let out = ""
  for (const ch of text) {
    const code = ch.charCodeAt(0)
    out += code >= 0xa1 && code <= 0xfe ? TCVN3_TABLE.get(code) ?? ch : ch
  }
  return out.normalize("NFC")
}

/**
 * VNI Windows text as Unicode NFC (two-character sequences first, then single characters).
 *
 * @example
 * vniToUnicode("Tieáng Vieät") // "Tiếng Việt"
 */
export const vniToUnicode = (text: string): string => {
  let out = ""
  for (let i = 0; i < text.length;) {
    const two = VNI_TABLE.get(text.slice(i, i + 2))
    if (two !== undefined) {
      out += two
      i += 2
    } else {
      const code = text.charCodeAt(i)
      out += (code > 0x7f ? VNI_TABLE.get(text[i]) : undefined) ?? text[i]
      i++
    }
  }
  return out.normalize("NFC")
}

const UNICODE_VIETNAMESE = /[\u1ea0-\u1ef9ơưđăƠƯĐĂ]/
const VNI_SEQUENCE = /[aeouyAEOUYôöÔÖ][øùûõïâàáåãäêèéúüëØÙÛÕÏÂÀÁÅÃÄÊÈÉÚÜË]/g
const TCVN3_ONLY =
  /[\u00a1-\u00a7\u00a8-\u00ae\u00b5-\u00b9\u00bb-\u00be\u00c6-\u00cb\u00d5\u00d6\u00e5-\u00ee\u00f5-\u00f9]/g

/**
 * The legacy encoding a text seems to be in: none when it holds Unicode Vietnamese letters or too few
 * legacy sequences (at least 3, and more than the other encoding's).
 *
 * @example
 * detectLegacyEncoding("Tieáng Vieät raát hay") // "vni"
 * detectLegacyEncoding("Tiếng Việt") // undefined
 */
export const detectLegacyEncoding = (text: string): LegacyEncoding | undefined => {
  if (UNICODE_VIETNAMESE.test(text)) return undefined
  const vni = text.match(VNI_SEQUENCE)?.length ?? 0
  const tcvn = text.match(TCVN3_ONLY)?.length ?? 0
  if (vni >= 3 && vni > tcvn) return "vni"
  if (tcvn >= 3 && tcvn > vni) return "tcvn3"
  return undefined
}

/**
 * Converts text from a legacy encoding to Unicode NFC.
 *
 * @example
 * fromLegacy("Th¾ng", "tcvn3") // "Thắng"
 */
export const fromLegacy = (text: string, encoding: LegacyEncoding): string =>
  encoding === "tcvn3" ? tcvn3ToUnicode(text) : vniToUnicode(text)
