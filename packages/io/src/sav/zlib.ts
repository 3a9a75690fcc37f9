import { inflateSync } from "node:zlib"
import { Cursor, SavFormatError } from "./cursor.js"

/**
 * The bytecode stream of a .zsav file: the zlib header at `dataOffset` points to a trailer that lists the
 * deflated blocks; each is inflated (never past its declared size, so a corrupt file cannot balloon) and
 * the pieces joined. Offsets inside the result map back to the file through `blocks` for messages.
 *
 * @example
 * const stream = inflateZsav(bytes, dictionary.dataOffset, true)
 */
export const inflateZsav = (bytes: Uint8Array, dataOffset: number, little: boolean): Uint8Array => {
  const cursor = new Cursor(bytes, little)
  cursor.pos = dataOffset
  const headerOffset = cursor.int64("the zlib header offset")
  const trailerOffset = cursor.int64("the zlib trailer offset")
  const trailerLength = cursor.int64("the zlib trailer length")
  if (headerOffset !== dataOffset) {
    throw new SavFormatError(dataOffset, `zlib header offset ${headerOffset}`, `${dataOffset}, where the header is`)
  }
  if (
    trailerOffset < cursor.pos || trailerOffset > bytes.length || trailerLength < 24 ||
    trailerOffset + trailerLength > bytes.length
  ) {
    throw new SavFormatError(
      dataOffset + 8,
      `zlib trailer at ${trailerOffset} of ${trailerLength} bytes`,
      `a trailer inside the file's ${bytes.length} bytes`
    )
  }
  cursor.pos = trailerOffset
  cursor.int64("the trailer bias")
  cursor.int64("the trailer zero")
  cursor.int32("the block size")
  const blockCountAt = cursor.pos
  const blocks = cursor.int32("the number of blocks")
  if (blocks < 0 || 24 + blocks * 24 !== trailerLength) {
    throw new SavFormatError(
      blockCountAt,
      `${blocks} blocks`,
      `${Math.floor((trailerLength - 24) / 24)} blocks, as the trailer length ${trailerLength} says`
    )
  }
  const pieces: Array<Uint8Array> = []
  let total = 0
  let expectedCompressed = dataOffset + 24
  for (let k = 0; k < blocks; k++) {
    const entryAt = cursor.pos
    cursor.int64("a block's uncompressed offset")
    const compressedOffset = cursor.int64("a block's compressed offset")
    const uncompressedSize = cursor.int32("a block's uncompressed size")
    const compressedSize = cursor.int32("a block's compressed size")
    if (
      compressedOffset !== expectedCompressed || compressedSize < 0 || compressedOffset + compressedSize > trailerOffset
    ) {
      throw new SavFormatError(
        entryAt,
        `block ${k + 1} at ${compressedOffset} of ${compressedSize} bytes`,
        `a block starting at ${expectedCompressed} and ending before the trailer at ${trailerOffset}`
      )
    }
    let inflated: Uint8Array
    try {
      inflated = inflateSync(bytes.subarray(compressedOffset, compressedOffset + compressedSize), {
        maxOutputLength: Math.max(1, uncompressedSize)
      })
    } catch (e) {
      throw new SavFormatError(
        compressedOffset,
        `zlib block ${k + 1} does not inflate (${(e as Error).message})`,
        `${uncompressedSize} bytes of deflated case data`
      )
    }
    if (inflated.length !== uncompressedSize) {
      throw new SavFormatError(
        compressedOffset,
        `zlib block ${k + 1} inflates to ${inflated.length} bytes`,
        `${uncompressedSize} bytes, as the trailer says`
      )
    }
    pieces.push(inflated)
    total += inflated.length
    expectedCompressed = compressedOffset + compressedSize
  }
  const out = new Uint8Array(total)
  let at = 0
  for (const p of pieces) {
    out.set(p, at)
    at += p.length
  }
  return out
}
