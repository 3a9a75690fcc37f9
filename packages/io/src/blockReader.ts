import type { DatasetBuilder } from "./datasetBuilder.js"

/** Reads up to `into.length` bytes of the file from `position`; resolves to the number read (0 at the end). */
export type ReadAt = (into: Uint8Array, position: number) => Promise<number>

const LF = 10
const CR = 13

/**
 * Reads a file chunk by chunk into one reused buffer, each chunk placed just after the bytes the caller kept
 * from the previous block (the part of a record after its last line break): no chunk is copied or
 * allocated on the way (joining each 256 KiB chunk to the previous tail cost ~5% of a streamed read).
 *
 * @example
 * const blocks = new BlockReader(read, 65536)
 * for (let block = await blocks.next(); block !== undefined; block = await blocks.next()) {
 *   const end = block.lastIndexOf(10) + 1
 *   scan(block.subarray(0, end))
 *   blocks.keep(end)
 * }
 */
export class BlockReader {
  /** File offset of the next chunk. */
  position: number
  private buffer: Uint8Array
  private kept = 0
  private length = 0

  constructor(private readonly read: ReadAt, private readonly chunkBytes: number, start = 0) {
    this.position = start
    this.buffer = new Uint8Array(chunkBytes * 2)
  }

  /** The kept bytes followed by the next chunk; undefined at the end of the file (the kept bytes remain). */
  async next(): Promise<Uint8Array | undefined> {
    if (this.buffer.length < this.kept + this.chunkBytes) {
      const bigger = new Uint8Array(2 * (this.kept + this.chunkBytes))
      bigger.set(this.buffer.subarray(0, this.kept))
      this.buffer = bigger
    }
    const got = await this.read(this.buffer.subarray(this.kept, this.kept + this.chunkBytes), this.position)
    if (got === 0) return undefined
    this.position += got
    this.length = this.kept + got
    return this.buffer.subarray(0, this.length)
  }

  /** Keeps the last block's bytes from `from` on for the next block (all consumed: `from` = its length). */
  keep(from: number): void {
    this.buffer.copyWithin(0, from, this.length)
    this.kept = this.length - from
  }

  /** The bytes kept and not yet followed by a chunk (the file's last bytes once `next` gave undefined). */
  rest(): Uint8Array {
    return this.buffer.subarray(0, this.kept)
  }
}

/**
 * The expected data rows of a file of `fileBytes` bytes from its first block, when the line breaks are not
 * counted up front (a pass over the file cost ~10% of a streamed read): the first block's lines scaled to the
 * file's size, with 1/32 to spare. As the read goes on, `refine` grows the builder's columns when the rows
 * read so far project beyond them; spare rows at the end cost no copy (`ColumnBuffers.columns`).
 *
 * @example
 * const estimate = new RowEstimate(50_000_000)
 * estimate.first(firstBlock) // e.g. 561000 for a 50 MB file of ~92-byte lines
 */
export class RowEstimate {
  constructor(readonly fileBytes: number) {}

  /** Rows expected from the file's first block. */
  first(block: Uint8Array): number {
    let lines = 0
    for (let i = block.indexOf(LF); i >= 0; i = block.indexOf(LF, i + 1)) lines++
    if (lines === 0) { for (let i = block.indexOf(CR); i >= 0; i = block.indexOf(CR, i + 1)) lines++ }
    return this.spare(Math.ceil(Math.max(1, lines) * this.fileBytes / Math.max(1, block.length)))
  }

  /** Grows the builder's columns when its rows so far (from the first `position` bytes) project beyond them. */
  refine(builder: DatasetBuilder, position: number): void {
    const capacity = builder.buffers?.capacity
    if (capacity === undefined || position <= 0) return
    const projected = Math.ceil(builder.rowCount * this.fileBytes / position)
    if (projected + Math.ceil(projected / 64) > capacity) builder.expectRows(this.spare(projected))
  }

  private spare(rows: number): number {
    return rows + Math.ceil(rows / 32) + 64
  }
}
