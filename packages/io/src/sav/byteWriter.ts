/**
 * A growable byte buffer (little-endian unless told otherwise) for the .sav writer.
 *
 * @example
 * const w = new ByteWriter()
 * w.int32(2)
 * w.bytes() // Uint8Array [2, 0, 0, 0]
 */
export class ByteWriter {
  private buffer: Uint8Array
  private view: DataView
  length = 0

  constructor(
    capacity = 4096,
    private readonly little = true
  ) {
    this.buffer = new Uint8Array(capacity)
    this.view = new DataView(this.buffer.buffer)
  }

  /** Makes room for `n` more bytes. */
  ensure(n: number): void {
    if (this.length + n <= this.buffer.length) return
    let capacity = this.buffer.length * 2
    while (capacity < this.length + n) capacity *= 2
    const grown = new Uint8Array(capacity)
    grown.set(this.buffer.subarray(0, this.length))
    this.buffer = grown
    this.view = new DataView(grown.buffer)
  }

  int32(v: number): void {
    this.ensure(4)
    this.view.setInt32(this.length, v, this.little)
    this.length += 4
  }

  int64(v: number): void {
    this.ensure(8)
    this.view.setBigInt64(this.length, BigInt(v), this.little)
    this.length += 8
  }

  float64(v: number): void {
    this.ensure(8)
    this.view.setFloat64(this.length, v, this.little)
    this.length += 8
  }

  byte(v: number): void {
    this.ensure(1)
    this.buffer[this.length++] = v
  }

  raw(bytes: Uint8Array): void {
    this.ensure(bytes.length)
    this.buffer.set(bytes, this.length)
    this.length += bytes.length
  }

  /** `bytes` padded with spaces (or cut) to exactly `n` bytes. */
  padded(bytes: Uint8Array, n: number): void {
    this.ensure(n)
    const m = Math.min(n, bytes.length)
    this.buffer.set(bytes.subarray(0, m), this.length)
    this.buffer.fill(32, this.length + m, this.length + n)
    this.length += n
  }

  /** Overwrites an int32 written earlier (a count known only later). */
  patchInt32(at: number, v: number): void {
    this.view.setInt32(at, v, this.little)
  }

  patchByte(at: number, v: number): void {
    this.buffer[at] = v
  }

  patchInt64(at: number, v: number): void {
    this.view.setBigInt64(at, BigInt(v), this.little)
  }

  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.length)
  }
}

/**
 * UTF-8 bytes of `text` cut to at most `max` bytes on a character boundary (a Vietnamese letter is 2–3
 * bytes, and a half letter would be undecodable).
 *
 * @example
 * utf8Prefix("Phường", 4) // bytes of "Ph" + … no partial "ư"
 */
export const utf8Prefix = (text: string, max: number): Uint8Array => {
  const bytes = new TextEncoder().encode(text.normalize("NFC"))
  if (bytes.length <= max) return bytes
  let end = max
  while (end > 0 && (bytes[end] & 0xc0) === 0x80) end--
  return bytes.subarray(0, end)
}
