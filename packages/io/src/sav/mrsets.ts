import { SavFormatError } from "./cursor.js"
import type { RawExtension } from "./dictionary.js"
import type { SavText } from "./text.js"

/**
 * A multiple-response set as SPSS stores it (subtypes 7 and 19): a dichotomy set counts one value across
 * its items; a category set pools the items' categories.
 *
 * @example
 * const set: SavMrSet = {
 *   name: "muc_dich",
 *   label: "Mục đích",
 *   type: "dichotomy",
 *   countedValue: "1",
 *   items: ["q1", "q2"]
 * }
 */
export interface SavMrSet {
  /** Without SPSS's leading `$`. */
  readonly name: string
  readonly label: string
  readonly type: "dichotomy" | "category"
  /** The counted value as written (digits for numeric items), dichotomy sets only. */
  readonly countedValue?: string
  readonly items: ReadonlyArray<string>
}

const SPACE = 0x20
const NEWLINE = 0x0a

/**
 * Parses the text of MR set records (byte by byte: lengths count bytes in the file's encoding). Each line:
 * `$name=` then `C`, `D<len> <value>` or `E <flag> <len> <value>`, a space, `<len> <label>`, then the item
 * names separated by spaces.
 *
 * @example
 * parseMrSets(record, text)
 * // [{ name: "muc_dich", type: "dichotomy", countedValue: "1", items: ["q1", "q2", "q3"], … }]
 */
export const parseMrSets = (record: RawExtension, text: SavText): Array<SavMrSet> => {
  const data = record.data
  const base = record.offset + 16
  const sets: Array<SavMrSet> = []
  let pos = 0
  const fail = (expected: string): never => {
    throw new SavFormatError(
      base + pos,
      `byte ${JSON.stringify(String.fromCharCode(data[pos] ?? 0))} in a multiple-response set record`,
      expected
    )
  }
  const skipSpaces = () => {
    while (pos < data.length && data[pos] === SPACE) pos++
  }
  const number = (): number => {
    const start = pos
    while (pos < data.length && data[pos] >= 0x30 && data[pos] <= 0x39) pos++
    if (pos === start) fail("a decimal length")
    return Number(String.fromCharCode(...data.subarray(start, pos)))
  }
  const counted = (): Uint8Array => {
    const length = number()
    if (data[pos] !== SPACE) fail("a space after the length")
    pos++
    if (pos + length > data.length) fail(`${length} bytes`)
    const out = data.subarray(pos, pos + length)
    pos += length
    return out
  }
  while (pos < data.length) {
    while (pos < data.length && data[pos] === NEWLINE) pos++
    if (pos >= data.length) break
    const eq = data.indexOf(0x3d, pos)
    if (eq < 0) fail("'=' after the set name")
    const rawName = text.decodeExact(data.subarray(pos, eq), "a multiple-response set name")
    pos = eq + 1
    const kind = data[pos++]
    let countedValue: string | undefined
    if (kind === 0x44) countedValue = text.decodeExact(counted(), `the counted value of ${rawName}`) // D
    else if (kind === 0x45) { // E: a flag (1 or 11) before the counted value
      skipSpaces()
      number()
      skipSpaces()
      countedValue = text.decodeExact(counted(), `the counted value of ${rawName}`)
    } else if (kind !== 0x43) fail("C, D or E (the set type)")
    skipSpaces()
    const label = text.decodeExact(counted(), `the label of ${rawName}`)
    let end = data.indexOf(NEWLINE, pos)
    if (end < 0) end = data.length
    const items = text.decodeExact(data.subarray(pos, end), `the items of ${rawName}`).split(" ").filter((s) =>
      s !== ""
    )
    pos = end
    sets.push({
      name: rawName.startsWith("$") ? rawName.slice(1) : rawName,
      label: label.trim(),
      type: countedValue === undefined ? "category" : "dichotomy",
      ...(countedValue !== undefined ? { countedValue } : {}),
      items
    })
  }
  return sets
}
