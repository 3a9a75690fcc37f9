/**
 * A problem at a byte offset of a system file. Thrown inside the reader only (a tight binary parser is far
 * simpler with one throw than with an Either at every read) and turned into a `DataFileError` at its edge.
 *
 * @example
 * throw new SavFormatError(176, "record type 9", "a variable record (2), value labels (3), … or 999")
 */
export class SavFormatError extends Error {
  constructor(
    readonly offset: number,
    readonly value: string,
    readonly expected: string,
    readonly caseNumber = 0
  ) {
    super(`byte ${offset}: ${value} — expected ${expected}`)
  }
}

/**
 * Bounds-checked reads from one buffer in the file's byte order. Every read past the end throws a
 * `SavFormatError` that names the offset and what was being read, so a truncated file is a clear error.
 *
 * @example
 * const cursor = new Cursor(bytes, true)
 * const tag = cursor.int32("the record type")
 */
export class Cursor {
  readonly view: DataView
  pos = 0

  constructor(
    readonly bytes: Uint8Array,
    public little: boolean
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  }

  get remaining(): number {
    return this.bytes.length - this.pos
  }

  /** Throws unless `n` more bytes are available. */
  need(n: number, what: string): void {
    if (n < 0 || this.pos + n > this.bytes.length) {
      throw new SavFormatError(
        this.pos,
        `the file ends after ${this.remaining} more byte${this.remaining === 1 ? "" : "s"}`,
        `${n} bytes of ${what}`
      )
    }
  }

  int32(what: string): number {
    this.need(4, what)
    const v = this.view.getInt32(this.pos, this.little)
    this.pos += 4
    return v
  }

  float64(what: string): number {
    this.need(8, what)
    const v = this.view.getFloat64(this.pos, this.little)
    this.pos += 8
    return v
  }

  /** An int64 that must fit a double exactly (offsets, counts). */
  int64(what: string): number {
    this.need(8, what)
    const v = this.view.getBigInt64(this.pos, this.little)
    this.pos += 8
    return Number(v)
  }

  /** A view (no copy) of the next `n` bytes. */
  take(n: number, what: string): Uint8Array {
    this.need(n, what)
    const out = this.bytes.subarray(this.pos, this.pos + n)
    this.pos += n
    return out
  }

  skip(n: number, what: string): void {
    this.need(n, what)
    this.pos += n
  }
}

/**
 * Bytes without trailing spaces (and NULs, which some writers pad with).
 *
 * @example
 * trimRight(Uint8Array.of(65, 32, 32)) // Uint8Array [65]
 */
export const trimRight = (bytes: Uint8Array): Uint8Array => {
  let end = bytes.length
  while (end > 0 && (bytes[end - 1] === 32 || bytes[end - 1] === 0)) end--
  return bytes.subarray(0, end)
}
