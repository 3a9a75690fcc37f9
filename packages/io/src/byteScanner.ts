const LF = 10
const CR = 13

/** Receives the fields of `scanPlainBytes` (DatasetBuilder): an unquoted field as a byte range. */
export interface ByteSink {
  /** Field `k` (0-based) of the record starting on `line`. */
  fieldBytes(bytes: Uint8Array, start: number, end: number, line: number, k: number): void
  endRecord(line: number, fields: number, next: number): void
  /** Per field index: 1 when the sink does not need the field (not passed to `fieldBytes`); read per record. */
  readonly skipped: Uint8Array
}

/**
 * Scans CSV bytes that hold no quote character and only ASCII (the streaming reader's usual block): the
 * same records, fields and physical line numbers as `scanCsv` on the same text, without decoding the bytes
 * into a string. With no quote, every field is the bytes up to the next delimiter or line break (leading
 * spaces included, as scanCsv passes them); completely empty lines are skipped but counted. Fields the sink
 * marks `skipped` are stepped over without a call. Returns the number of the line after the bytes.
 *
 * @example
 * const fields: Array<string> = []
 * scanPlainBytes(new TextEncoder().encode("a,b\n1,2\n"), 44, {
 *   fieldBytes: (b, s, e) => fields.push(String.fromCharCode(...b.subarray(s, e))),
 *   endRecord: () => {},
 *   skipped: new Uint8Array(0)
 * }, 1) // 3; fields: ["a", "b", "1", "2"]
 */
export const scanPlainBytes = (bytes: Uint8Array, delimiter: number, sink: ByteSink, firstLine: number): number => {
  const n = bytes.length
  const stop = new Uint8Array(256)
  stop[LF] = stop[CR] = stop[delimiter] = 1
  let line = firstLine
  let i = 0
  while (i < n) {
    let c = bytes[i]
    if (c === LF || c === CR) {
      line++
      i += c === CR && bytes[i + 1] === LF ? 2 : 1
      continue
    }
    let fields = 0
    const skipped = sink.skipped
    const known = skipped.length
    for (;;) {
      let j = i
      while (j < n && stop[bytes[j]] === 0) j++
      c = j < n ? bytes[j] : -1
      if (fields >= known || skipped[fields] === 0) sink.fieldBytes(bytes, i, j, line, fields)
      fields++
      i = j
      if (i >= n) {
        sink.endRecord(line, fields, -1)
        return line
      }
      if (c === delimiter) {
        i++
        continue
      }
      i += c === CR && bytes[i + 1] === LF ? 2 : 1
      sink.endRecord(line, fields, i)
      line++
      break
    }
  }
  return line
}
