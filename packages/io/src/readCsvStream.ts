import { isAscii } from "node:buffer"
import type * as Either from "effect/Either"
import { BlockReader, type ReadAt, RowEstimate } from "./blockReader.js"
import { CsvSession } from "./csvSession.js"
import { fallbackWarning, hasUtf8Bom, Utf8ErrorFinder } from "./decodeText.js"
import { detectDelimiter } from "./delimiter.js"
import type { DataFileError } from "./errors.js"
import { scanPlainRows } from "./plainRows.js"
import { firstLines } from "./readCsv.js"
import { type CsvSink, scanCsv } from "./scanner.js"
import type { CsvReadOptions, CsvReadResult } from "./types.js"

/** Files larger than this are streamed by `readCsvFile` (the memory budget of the text; see README). */
export const STREAM_THRESHOLD_BYTES = 16 * 1024 * 1024
/**
 * Bytes read at a time when streaming: larger chunks left more garbage strings alive between major GCs (measured:
 * peak RSS 188 MiB with 256 KiB, 278 MiB with 4 MiB chunks on a 50 MB file).
 */
export const STREAM_CHUNK_BYTES = 256 * 1024

export type { ReadAt }

const LF = 10
const CR = 13
const QUOTE = 34

/** Whether a (short) string is ASCII. */
const isAsciiText = (text: string): boolean => {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false
  return true
}

/** Passes over a whole file in chunks. */
const eachChunk = async (
  read: ReadAt,
  chunkBytes: number,
  visit: (bytes: Uint8Array, position: number) => boolean | void
): Promise<void> => {
  const buffer = new Uint8Array(chunkBytes)
  for (let position = 0;;) {
    const got = await read(buffer, position)
    if (got === 0) return
    if (visit(buffer.subarray(0, got), position) === false) return
    position += got
  }
}

/** Records whose line break lies in the text, as `scanCsv` sees them: the index after the last one. */
class LastRecordEnd implements CsvSink {
  end = 0
  field(): void {}
  malformed(): void {}
  endRecord(_line: number, _fields: number, next: number): void {
    if (next > 0) this.end = next
  }
}

/**
 * Where a chunk of text can be cut so that the part before holds only whole records: just after the last
 * line break outside a quoted field (found by a dry run of the scanner when the text holds a quote), never
 * after a CR that ends the text (its LF may come with the next chunk). 0 when there is no such place yet.
 */
const safeCut = (text: string, delimiter: string): number => {
  let cut: number
  if (text.indexOf("\"") < 0) {
    // lastIndexOf("\r") would scan the whole text of a file without CRs: look for one after the last LF only
    const lf = text.lastIndexOf("\n")
    cut = Math.max(lf, text.indexOf("\r", lf + 1) >= 0 ? text.lastIndexOf("\r") : -1) + 1
  } else {
    const probe = new LastRecordEnd()
    scanCsv(text, delimiter, probe)
    cut = probe.end
  }
  if (cut === text.length && text.charCodeAt(cut - 1) === CR) {
    // step back before the CR (and any CRs/LFs just before it that end records too)
    cut = Math.max(text.lastIndexOf("\n", cut - 2), text.lastIndexOf("\r", cut - 2)) + 1
    if (text.indexOf("\"") >= 0) {
      const probe = new LastRecordEnd()
      scanCsv(text.slice(0, cut), delimiter, probe)
      cut = probe.end
    }
  }
  return cut
}

/** Line breaks in the file (LF, or CR when there is no LF) minus the header: the usual file's data rows. */
const countDataLines = async (read: ReadAt, chunkBytes: number, ascii?: { all: boolean }): Promise<number> => {
  let lf = 0
  let cr = 0
  let last = -1
  await eachChunk(read, chunkBytes, (bytes) => {
    if (ascii !== undefined && ascii.all && !isAscii(bytes)) ascii.all = false
    for (let i = bytes.indexOf(LF); i >= 0; i = bytes.indexOf(LF, i + 1)) lf++
    if (lf === 0) { for (let i = bytes.indexOf(CR); i >= 0; i = bytes.indexOf(CR, i + 1)) cr++ }
    last = bytes[bytes.length - 1]
  })
  const breaks = lf > 0 ? lf : cr
  const closed = last === (lf > 0 ? LF : CR)
  return Math.max(1, breaks + (last >= 0 && !closed ? 1 : 0) - 1)
}

/** The data rows: counted up front, or estimated from the file's size and first block. */
type RowsHint = number | RowEstimate

/**
 * One pass over the file as `encoding`; undefined when UTF-8 decoding fails (the caller falls back), or with
 * `asciiOnly` at the first block that is not ASCII.
 */
const scanPass = async (
  read: ReadAt,
  options: CsvReadOptions,
  encoding: "utf-8" | "windows-1258",
  hint: RowsHint,
  chunkBytes: number,
  warningOffset?: { offset: number; byte: number },
  bomBytes = 0,
  asciiOnly = false
): Promise<Either.Either<CsvReadResult, DataFileError> | undefined> => {
  const session = new CsvSession(options)
  if (warningOffset !== undefined) {
    session.warn("ENCODING_FALLBACK", fallbackWarning(warningOffset.byte, warningOffset.offset).message)
  }
  const decoder = new TextDecoder(encoding, { fatal: encoding === "utf-8" })
  let rowsHint = typeof hint === "number" ? hint : 1024
  let carry = ""
  let line = 1
  let delimiter: string | undefined
  let builder: ReturnType<CsvSession["builder"]> | undefined
  // whether bytes since the last cut held non-ASCII (else the text is already NFC)
  let nonAscii = false
  let textCuts = false

  /** Scans the whole records of `carry + text` (all of it when `final`), keeping the rest. */
  const feed = (text: string, final: boolean): void => {
    let all = carry + text
    if (delimiter === undefined) {
      if (!final && all.search(/[\r\n]/) < 0) {
        carry = all
        return
      }
      const found = detectDelimiter(all)
      delimiter = found.delimiter
      if (found.note !== undefined) session.warn("DELIMITER", found.note)
      builder = session.builder(delimiter, rowsHint)
    }
    const cut = final ? all.length : safeCut(all, delimiter)
    let piece = all.slice(0, cut)
    carry = all.slice(cut)
    all = ""
    // a piece starts and ends at a line break, which NFC never composes across
    if (nonAscii) piece = piece.normalize("NFC")
    nonAscii = carry.length > 0 && !isAsciiText(carry)
    line = scanCsv(piece, delimiter, builder!, line)
  }

  /** Scans the block's whole records; returns where the bytes kept for the next block start. */
  const scanBlock = (block: Uint8Array): number => {
    // Byte cuts while no quote has been seen: decode exactly the bytes up to the last LF (a LF byte is never
    // part of a multi-byte character), so each piece is a fresh flat string of whole records. Profiled:
    // scanning slices of concatenated strings cost ~40% more CPU than scanning flat ones.
    if (!textCuts && block.indexOf(QUOTE) < 0) {
      const lf = block.lastIndexOf(LF)
      if (lf >= 0) {
        const head = block.subarray(0, lf + 1)
        // ASCII without quotes once the header is read: scanned as bytes, never decoded (the decoder holds
        // no partial character at a LF; ASCII decodes the same as UTF-8 and windows-1258, and is NFC)
        if (carry === "" && isAscii(head)) {
          if (builder === undefined) {
            // the first lines (the header) are here whole: the text path would find the same delimiter
            const found = detectDelimiter(firstLines(head))
            delimiter = found.delimiter
            if (found.note !== undefined) session.warn("DELIMITER", found.note)
            builder = session.builder(delimiter, rowsHint)
          }
          line = scanPlainRows(head, delimiter!.charCodeAt(0), builder, line)
          return lf + 1
        }
        if (!isAscii(head)) nonAscii = true
        feed(decoder.decode(head, { stream: true }), false)
        return lf + 1
      }
    }
    // from here on text may be carried between chunks (and the decoder may hold part of a character)
    textCuts = true
    if (!isAscii(block)) nonAscii = true
    feed(decoder.decode(block, { stream: true }), false)
    return block.length
  }

  // decodeText drops a BOM before the windows-1258 fallback as well (a mixed-encoding file): start after it
  const blocks = new BlockReader(read, chunkBytes, encoding === "windows-1258" ? bomBytes : 0)
  let first = true
  for (let block = await blocks.next(); block !== undefined; block = await blocks.next()) {
    if (asciiOnly && !isAscii(block)) return undefined
    if (first) {
      // (a file rejected here is never read again as windows-1258)
      if (encoding === "utf-8" && session.rejectsNonCsv(block)) return session.fail()
      if (hint instanceof RowEstimate) rowsHint = hint.first(block)
      first = false
    } else if (hint instanceof RowEstimate && builder !== undefined) {
      hint.refine(builder, blocks.position - block.length)
    }
    try {
      blocks.keep(scanBlock(block))
    } catch {
      return undefined
    }
  }
  try {
    const rest = blocks.rest()
    if (!isAscii(rest)) nonAscii = true
    feed(decoder.decode(rest, { stream: true }) + decoder.decode(), true)
  } catch {
    return undefined
  }
  if (builder === undefined) builder = session.builder(",", 1) // an empty file
  return session.finish(builder, encoding, delimiter ?? ",")
}

/**
 * Reads a CSV file chunk by chunk into a columnar Dataset, with exactly the result of `readCsv` on the whole
 * file (same dataset, warnings and problems), but without holding the file's bytes and text in memory: at
 * most one chunk of bytes and about two chunks of text are alive at a time, besides the columns.
 *
 * Method: given the file's size, the column buffers are sized from it and the first block's lines (grown if
 * the rows read so far project beyond them; else a first pass counts the line breaks); one pass decodes the
 * bytes as a stream (UTF-8; when that fails, a second as windows-1258 with the same `ENCODING_FALLBACK`
 * warning), cuts each chunk after its last complete record (at the last LF byte until a quote appears; after
 * that in the text, where a quoted field may span chunks), normalises each piece to NFC and scans it into
 * the columns (ASCII without quotes as bytes, `scanPlainRows`).
 *
 * @param read - reads the file's bytes at a position (e.g. a FileHandle's `read`)
 * @param options - as `readCsv`
 * @param chunkBytes - bytes per read (default STREAM_CHUNK_BYTES)
 * @param fileBytes - the file's size, when known (saves the pass that counts the lines)
 * @example
 * const handle = await open("survey.csv")
 * const result = await readCsvStream(
 *   (into, position) => handle.read(into, 0, into.length, position).then((r) => r.bytesRead),
 *   { fileName: "survey.csv" }
 * )
 * await handle.close()
 */
export const readCsvStream = async (
  read: ReadAt,
  options: CsvReadOptions,
  chunkBytes = STREAM_CHUNK_BYTES,
  fileBytes?: number
): Promise<Either.Either<CsvReadResult, DataFileError>> => {
  const rowsHint = fileBytes !== undefined ? new RowEstimate(fileBytes) : await countDataLines(read, chunkBytes)
  const utf8 = await scanPass(read, options, "utf-8", rowsHint, chunkBytes)
  if (utf8 !== undefined) return utf8
  const finder = new Utf8ErrorFinder()
  await eachChunk(read, chunkBytes, (bytes, position) => finder.feed(bytes, position))
  const head = new Uint8Array(3)
  const bomBytes = (await read(head, 0)) === 3 && hasUtf8Bom(head) ? 3 : 0
  return (await scanPass(read, options, "windows-1258", rowsHint, chunkBytes, finder.end(), bomBytes))!
}

/**
 * `readCsvStream` for a file that is ASCII throughout: resolves to undefined as soon as a non-ASCII byte is
 * met (in the pass that counts the lines, or given the file's size, in the one pass that reads it), so a
 * caller that must detect legacy encodings (`readDataFile`) reads such a file whole instead. For an ASCII
 * file the result is `readCsvStream`'s.
 *
 * @example
 * const result = await readAsciiCsvStream(read, { fileName: "survey.csv" }) // undefined for a UTF-8 file with "ư"
 */
export const readAsciiCsvStream = async (
  read: ReadAt,
  options: CsvReadOptions,
  chunkBytes = STREAM_CHUNK_BYTES,
  fileBytes?: number
): Promise<Either.Either<CsvReadResult, DataFileError> | undefined> => {
  if (fileBytes !== undefined) {
    // ASCII is valid UTF-8: the pass never falls back
    return scanPass(read, options, "utf-8", new RowEstimate(fileBytes), chunkBytes, undefined, 0, true)
  }
  const ascii = { all: true }
  const rowsHint = await countDataLines(read, chunkBytes, ascii)
  if (!ascii.all) return undefined
  return scanPass(read, options, "utf-8", rowsHint, chunkBytes)
}
