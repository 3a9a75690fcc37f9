import { isAscii } from "node:buffer"
import type * as Either from "effect/Either"
import { CsvSession } from "./csvSession.js"
import { decodeText, hasUtf8Bom } from "./decodeText.js"
import { detectDelimiter } from "./delimiter.js"
import type { DataFileError } from "./errors.js"
import { scanPlainRows } from "./plainRows.js"
import { scanCsv } from "./scanner.js"
import type { CsvReadOptions, CsvReadResult } from "./types.js"

/**
 * The number of lines after the header (LF-terminated, or CR-only when there is no LF): the data rows of
 * the usual file exactly, so the column buffers are allocated once at the right size.
 */
const dataLinesHint = (text: string): number => {
  const lineBreak = text.indexOf("\n") >= 0 ? "\n" : "\r"
  let lines = 0
  for (let i = text.indexOf(lineBreak); i >= 0; i = text.indexOf(lineBreak, i + 1)) lines++
  if (text.length > 0 && !text.endsWith(lineBreak)) lines++
  return Math.max(1, lines - 1)
}

const LF = 10
const CR = 13
const QUOTE = 34

/**
 * The bytes after any UTF-8 BOM when the file is ASCII without a quote character and read as `auto` or
 * `utf-8` (the usual file of codes): such a file is scanned as bytes (`scanPlainRows`), never decoded,
 * with the same result as the text path (ASCII is valid UTF-8, holds no legacy Vietnamese and is NFC).
 */
const plainBody = (bytes: Uint8Array, encoding: CsvReadOptions["encoding"]): Uint8Array | undefined => {
  if (encoding !== undefined && encoding !== "auto" && encoding !== "utf-8") return undefined
  const body = hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes
  return body.indexOf(QUOTE) < 0 && isAscii(body) ? body : undefined
}

/** The first two lines of ASCII bytes as text (what `detectDelimiter` looks at). */
export const firstLines = (bytes: Uint8Array): string => {
  let end = 0
  for (let lines = 0; lines < 2 && end < bytes.length; end++) {
    const c = bytes[end]
    if (c === LF || (c === CR && bytes[end + 1] !== LF)) lines++
  }
  return new TextDecoder().decode(bytes.subarray(0, end))
}

/** `dataLinesHint` on ASCII bytes. */
const dataLinesHintBytes = (bytes: Uint8Array): number => {
  const lineBreak = bytes.indexOf(LF) >= 0 ? LF : CR
  let lines = 0
  for (let i = bytes.indexOf(lineBreak); i >= 0; i = bytes.indexOf(lineBreak, i + 1)) lines++
  if (bytes.length > 0 && bytes[bytes.length - 1] !== lineBreak) lines++
  return Math.max(1, lines - 1)
}

/**
 * Reads a CSV file's bytes into a columnar Dataset, all or nothing.
 *
 * - Encoding: UTF-8 (with or without BOM), else windows-1258 with an `ENCODING_FALLBACK` warning; NFC.
 * - Format: RFC 4180 (quoted fields with delimiters, doubled quotes and line breaks; CRLF, LF or CR; a final
 *   line break or not); the delimiter (`,` `;` or tab) is detected from the header line. With `;` or tab, a
 *   decimal comma is accepted in numbers (`1,25`) and integral codes (`3,0`).
 * - Header: trimmed column names; empty or duplicate names are problems.
 * - Cells: blank = system-missing (`SYSTEM_MISSING` in code columns, NaN in numeric ones). Code columns hold
 *   integers (`1`, ` 2 `, `-1`, `3.0`, `3.00`; not `1.5`, `1e3`). Columns named in `numericColumns`, and
 *   codebook variables of kind "numeric", hold finite numbers. Other codebook variables accept their listed
 *   codes and user-missing codes only.
 * - Problems carry the physical line on which the record starts (header = 1). If there is any problem the
 *   result is `Left(DataFileError)` with the first `maxProblems` (default 20) and the total count.
 *
 * Never throws on user input.
 *
 * @example
 * const codebook = Either.getOrThrow(builtinCodebook("hcmc-2024"))
 * const bytes = new TextEncoder().encode("level;sex\n1;2\n3;9\n")
 * const result = readCsv(bytes, { fileName: "survey.csv", codebook })
 * if (Either.isRight(result)) result.right.dataset.rowCount // 2
 * else console.error(result.left.message)
 */
export const readCsv = (bytes: Uint8Array, options: CsvReadOptions): Either.Either<CsvReadResult, DataFileError> => {
  const session = new CsvSession(options)
  if (session.rejectsNonCsv(bytes)) return session.fail()
  const plain = plainBody(bytes, options.encoding)
  if (plain !== undefined) {
    const { delimiter, note } = detectDelimiter(firstLines(plain))
    if (note !== undefined) session.warn("DELIMITER", note)
    const builder = session.builder(delimiter, dataLinesHintBytes(plain))
    scanPlainRows(plain, delimiter.charCodeAt(0), builder, 1)
    return session.finish(builder, "utf-8", delimiter)
  }
  const { text, encoding, warnings: encodingWarnings } = decodeText(bytes, options.encoding)
  for (const w of encodingWarnings) session.warn(w.code, w.message)
  const { delimiter, note } = detectDelimiter(text)
  if (note !== undefined) session.warn("DELIMITER", note)
  const builder = session.builder(delimiter, dataLinesHint(text))
  scanCsv(text, delimiter, builder)
  return session.finish(builder, encoding, delimiter)
}
