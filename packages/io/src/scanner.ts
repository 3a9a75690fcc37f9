const QUOTE = 34
const LF = 10
const CR = 13
const SPACE = 32
const TAB = 9

/**
 * Receives the records of a CSV text, as `scanCsv` finds them. Field content is passed as a range of a
 * string, so a consumer can parse numbers straight from the characters without allocating a substring.
 *
 * @example
 * const counter: CsvSink = {
 *   field: () => {},
 *   endRecord: (line, fields) => console.log(line, fields),
 *   malformed: () => {}
 * }
 */
export interface CsvSink {
  /**
   * One field: its content is `text.slice(start, end)` with the surrounding quotes removed (for a quoted
   * field holding doubled quotes, `text` is a fresh string with the quotes undoubled). `line` is the
   * physical line on which the field's record starts.
   */
  field(text: string, start: number, end: number, quoted: boolean, line: number): void
  /**
   * The end of a record that started on physical line `line` and held `fields` fields; `next` is the index
   * just after its line break, or −1 when the text ended it (a streaming reader cuts its chunks there).
   */
  endRecord(line: number, fields: number, next: number): void
  /**
   * A quoting error in field `fieldIndex` of the record starting on `line`, reported just before that field
   * is passed to `field` (its quoted part only).
   */
  malformed(line: number, fieldIndex: number, raw: string, expected: string): void
}

const excerpt = (text: string, start: number, end: number): string =>
  end - start > 40 ? text.slice(start, start + 40) + "…" : text.slice(start, end)

/**
 * Scans RFC 4180 CSV text and feeds each field and record end to `sink`, counting physical lines (CRLF, LF or
 * a lone CR each end one line, also inside quoted fields). Quoted fields may hold the delimiter, line breaks
 * and doubled quotes; spaces around the quotes
 * are ignored. Completely empty lines are skipped (but counted). A missing closing quote and text
 * after a closing quote are reported through `sink.malformed`. Never throws. Lines are numbered from
 * `firstLine` (a streaming reader passes on the count); returns the number of the line after the text.
 *
 * @example
 * const rows: Array<Array<string>> = [[]]
 * scanCsv('a,"b ""c"""\n1,2\n', ",", {
 *   field: (text, start, end) => rows[rows.length - 1].push(text.slice(start, end)),
 *   endRecord: () => rows.push([]),
 *   malformed: () => {}
 * })
 * // rows: [["a", 'b "c"'], ["1", "2"], []]
 */
export const scanCsv = (text: string, delimiter: string, sink: CsvSink, firstLine = 1): number => {
  const delim = delimiter.charCodeAt(0)
  const n = text.length
  const state = { line: firstLine }
  let i = 0
  while (i < n) {
    let c = text.charCodeAt(i)
    if (c === LF || c === CR) {
      state.line++
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1
      continue
    }
    const recordLine = state.line
    let fieldIndex = 0
    for (;;) {
      c = i < n ? text.charCodeAt(i) : -1
      if (c === QUOTE || c === SPACE || c === TAB) {
        i = scanSpecialField(text, i, delim, state, sink, recordLine, fieldIndex)
      } else {
        // Fast path: an unquoted field not starting with a space, the usual cell of a survey file.
        let j = i
        while (j < n && (c = text.charCodeAt(j)) !== delim && c !== LF && c !== CR) j++
        sink.field(text, i, j, false, recordLine)
        i = j
      }
      fieldIndex++
      if (i >= n) {
        sink.endRecord(recordLine, fieldIndex, -1)
        return state.line
      }
      c = text.charCodeAt(i)
      if (c === delim) {
        i++
        continue
      }
      state.line++
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1
      sink.endRecord(recordLine, fieldIndex, i)
      break
    }
  }
  return state.line
}

const isPad = (c: number, delim: number): boolean => c === SPACE || (c === TAB && delim !== TAB)

/**
 * A field starting with a quote or a space: a quoted field (spaces around the quotes are ignored), or an
 * unquoted field with leading spaces. Feeds the field (and any quoting problem) to `sink`; returns the
 * index just after the field, at the delimiter, the line break or the end of the text.
 */
const scanSpecialField = (
  text: string,
  from: number,
  delim: number,
  state: { line: number },
  sink: CsvSink,
  recordLine: number,
  fieldIndex: number
): number => {
  const n = text.length
  let c: number
  let open = from
  while (open < n && isPad(text.charCodeAt(open), delim)) open++
  if (open >= n || text.charCodeAt(open) !== QUOTE) {
    let j = from
    while (j < n && (c = text.charCodeAt(j)) !== delim && c !== LF && c !== CR) j++
    sink.field(text, from, j, false, recordLine)
    return j
  }
  let j = open + 1
  let segment = j
  let unescaped: string | undefined
  let closed = false
  while (j < n) {
    c = text.charCodeAt(j)
    if (c === QUOTE) {
      if (text.charCodeAt(j + 1) !== QUOTE) {
        closed = true
        break
      }
      unescaped = (unescaped ?? "") + text.slice(segment, j + 1)
      j += 2
      segment = j
      continue
    }
    if (c === LF || (c === CR && text.charCodeAt(j + 1) !== LF)) state.line++
    j++
  }
  if (!closed) {
    sink.malformed(recordLine, fieldIndex, excerpt(text, open, n), "a closing quote (\") before the end of the file")
  }
  const end = j
  let i = closed ? j + 1 : n
  while (i < n && isPad(text.charCodeAt(i), delim)) i++
  if (i < n && (c = text.charCodeAt(i)) !== delim && c !== LF && c !== CR) {
    let k = i
    while (k < n && (c = text.charCodeAt(k)) !== delim && c !== LF && c !== CR) k++
    sink.malformed(
      recordLine,
      fieldIndex,
      excerpt(text, open, k),
      "the delimiter or a line break right after a closing quote"
    )
    i = k
  }
  if (unescaped === undefined) sink.field(text, segment, end, true, recordLine)
  else {
    const value = unescaped + text.slice(segment, end)
    sink.field(value, 0, value.length, true, recordLine)
  }
  return i
}
