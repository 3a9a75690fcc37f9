import { SavFormatError, trimRight } from "./cursor.js"
import type { RawDictionary, RawExtension } from "./dictionary.js"
import type { SavText } from "./text.js"

/** Where a variable's bytes sit in a case: 8-byte slots from `slot`, of which `used` bytes hold text. */
export interface Segment {
  readonly slot: number
  readonly slots: number
  readonly used: number
}

/** A value label of a numeric (number) or string (text) variable. */
export interface SavValueLabel {
  readonly value: number | string
  readonly label: string
}

/**
 * A variable of the file, assembled from its records: the long name, the very long string's segments
 * joined, labels and missing values decoded.
 *
 * @example
 * const v: SavVariable = {
 *   name: "level",
 *   width: 0,
 *   segments: [{ slot: 1, slots: 1, used: 8 }],
 *   decimals: 0,
 *   valueLabels: [],
 *   missing: { values: [] }
 * }
 */
export interface SavVariable {
  readonly name: string
  readonly label?: string
  /** 0 for numeric variables, else the string width in bytes (up to 32767). */
  readonly width: number
  readonly segments: ReadonlyArray<Segment>
  /** Decimals of the print format (F8.2 -> 2), for listing numbers as SPSS shows them. */
  readonly decimals: number
  readonly valueLabels: Array<SavValueLabel>
  readonly missing: { values: Array<number | string>; range?: { low: number; high: number } }
  measure?: "nominal" | "ordinal" | "scale"
}

const slotsOf = (width: number): number => (width === 0 ? 1 : Math.ceil(width / 8))

const textOf = (text: SavText, bytes: Uint8Array, where: string) => text.decode(bytes, where)

const parseMap = (text: string, pairSeparator: RegExp): Map<string, string> => {
  const out = new Map<string, string>()
  for (const pair of text.split(pairSeparator)) {
    const eq = pair.indexOf("=")
    if (eq > 0) out.set(pair.slice(0, eq).trim().toUpperCase(), pair.slice(eq + 1))
  }
  return out
}

/**
 * Builds the variable list from the raw dictionary: one entry per variable (continuation records and the
 * extra segments of very long strings folded in), with long names (subtype 13), very long string widths
 * (14), value labels (3/4 and 21), missing values (record 2 and 22) and measurement levels (11).
 * `number` reads an 8-byte value in the file's byte order.
 *
 * @example
 * const variables = assembleVariables(
 *   dictionary,
 *   text,
 *   (b) => new DataView(b.buffer, b.byteOffset).getFloat64(0, true),
 *   warn
 * )
 */
export const assembleVariables = (
  dictionary: RawDictionary,
  text: SavText,
  number: (bytes: Uint8Array) => number,
  warn: (message: string) => void
): Array<SavVariable> => {
  const ext = (subtype: number): RawExtension | undefined => dictionary.extensions.find((e) => e.subtype === subtype)
  const longNames = parseMap(decodeExt(ext(13), text), /\t/)
  const veryLong = parseMap(decodeExt(ext(14), text), /\0\t?|\t/)
  const records = dictionary.variables

  // Segment records (not continuations), checking that each string is followed by its continuation slots.
  const segmentRecords: Array<number> = []
  for (let r = 0; r < records.length; r++) {
    const record = records[r]
    if (record.type === -1) {
      throw new SavFormatError(
        record.offset,
        "a continuation record (type -1)",
        "a new variable here: the previous string's slots are complete"
      )
    }
    segmentRecords.push(r)
    for (let k = 1; k < slotsOf(record.type); k++) {
      const next = records[r + k]
      if (next === undefined || next.type !== -1) {
        throw new SavFormatError(
          next?.offset ?? record.offset,
          `a variable of type ${next?.type ?? "(none)"}`,
          `continuation record ${k} of ${slotsOf(record.type) - 1} for the string of width ${record.type}`
        )
      }
    }
    r += slotsOf(record.type) - 1
  }

  const display = ext(11)
  const perSegment = display === undefined
    ? 0
    : display.count === 3 * segmentRecords.length
    ? 3
    : display.count === 2 * segmentRecords.length
    ? 2
    : -1
  if (perSegment === -1) {
    warn(
      `variable display record (subtype 11) has ${
        display!.count
      } values for ${segmentRecords.length} variables; measurement levels ignored`
    )
  }

  const variables: Array<SavVariable> = []
  const byRecord = new Map<number, SavVariable>()
  for (let s = 0; s < segmentRecords.length; s++) {
    const firstSegment = s
    const r = segmentRecords[s]
    const record = records[r]
    const shortName = textOf(text, record.shortName, `variable record at byte ${record.offset}`)
    const name = (longNames.get(shortName.toUpperCase()) ?? shortName).normalize("NFC")
    const declared = veryLong.get(shortName.toUpperCase())
    let width = record.type
    const segments: Array<Segment> = [{
      slot: record.slot,
      slots: slotsOf(record.type),
      used: record.type === 0 ? 8 : record.type
    }]
    if (declared !== undefined && record.type > 0) {
      width = Number.parseInt(declared, 10)
      const count = Math.ceil(width / 252)
      if (!(width > 255 && width <= 32767) || s + count > segmentRecords.length) {
        throw new SavFormatError(
          ext(14)!.offset,
          `very long string ${shortName}=${declared}`,
          "a width 256..32767 whose segments follow the variable"
        )
      }
      for (let k = 1; k < count; k++) {
        const seg = records[segmentRecords[s + k]]
        segments.push({ slot: seg.slot, slots: slotsOf(seg.type), used: seg.type })
      }
      s += count - 1
    }
    const measureCode = perSegment > 0 ? readInt(display!, firstSegment * perSegment, dictionary.little) : 0
    const variable: SavVariable = {
      name,
      ...(record.label !== undefined && record.label.length > 0
        ? { label: textOf(text, record.label, `label of ${name}`) }
        : {}),
      width,
      segments,
      decimals: record.printFormat & 0xff,
      valueLabels: [],
      missing: missingOf(record.missingCount, record.missing, width, number, text, name),
      ...(measureCode === 1
        ? { measure: "nominal" as const }
        : measureCode === 2
        ? { measure: "ordinal" as const }
        : measureCode === 3
        ? { measure: "scale" as const }
        : {})
    }
    variables.push(variable)
    byRecord.set(r + 1, variable) // type 4 records count variable records from 1, continuations included
  }

  for (const set of dictionary.valueLabels) {
    for (const index of set.slots) {
      const variable = byRecord.get(index)
      if (variable === undefined) {
        throw new SavFormatError(
          set.offset,
          `value labels for variable index ${index}`,
          `the index of a variable record (1..${records.length})`
        )
      }
      for (const e of set.entries) {
        const value = variable.width === 0 ? number(e.value) : textOf(text, e.value, `a value of ${variable.name}`)
        variable.valueLabels.push({ value, label: textOf(text, e.label, `a value label of ${variable.name}`) })
      }
    }
  }
  const byName = new Map(variables.map((v) => [v.name.toUpperCase(), v]))
  readLongStringLabels(ext(21), dictionary.little, text, byName, warn)
  readLongStringMissing(ext(22), dictionary.little, text, byName, warn)
  return variables
}

const decodeExt = (
  record: RawExtension | undefined,
  text: SavText
): string => (record === undefined ? "" : text.decodeExact(record.data, `extension record ${record.subtype}`))

const readInt = (record: RawExtension, index: number, little: boolean): number =>
  new DataView(record.data.buffer, record.data.byteOffset, record.data.byteLength).getInt32(index * 4, little)

const missingOf = (
  count: number,
  raw: ReadonlyArray<Uint8Array>,
  width: number,
  number: (bytes: Uint8Array) => number,
  text: SavText,
  name: string
): SavVariable["missing"] => {
  if (width > 0) return { values: raw.map((b) => text.decode(b, `a missing value of ${name}`)) }
  const values = raw.map(number)
  if (count >= 0) return { values }
  return { values: values.slice(2), range: { low: values[0], high: values[1] } }
}

/** A little reader over an extension record's payload, failing with the record's offset. */
class Payload {
  pos = 0
  private readonly view: DataView
  constructor(
    private readonly record: RawExtension,
    private readonly little: boolean
  ) {
    this.view = new DataView(record.data.buffer, record.data.byteOffset, record.data.byteLength)
  }
  get done(): boolean {
    return this.pos >= this.record.data.length
  }
  private need(n: number, what: string) {
    if (n < 0 || this.pos + n > this.record.data.length) {
      throw new SavFormatError(
        this.record.offset + 16 + this.pos,
        `the record ends after ${this.record.data.length - this.pos} bytes`,
        `${n} bytes of ${what} (extension record ${this.record.subtype})`
      )
    }
  }
  int32(what: string): number {
    this.need(4, what)
    const v = this.view.getInt32(this.pos, this.little)
    this.pos += 4
    return v
  }
  byte(what: string): number {
    this.need(1, what)
    return this.record.data[this.pos++]
  }
  take(n: number, what: string): Uint8Array {
    this.need(n, what)
    const out = this.record.data.subarray(this.pos, this.pos + n)
    this.pos += n
    return out
  }
}

const readLongStringLabels = (
  record: RawExtension | undefined,
  little: boolean,
  text: SavText,
  byName: Map<string, SavVariable>,
  warn: (m: string) => void
) => {
  if (record === undefined) return
  const p = new Payload(record, little)
  while (!p.done) {
    const name = text.decode(p.take(p.int32("a variable name length"), "a variable name"), "long string value labels")
    p.int32("the variable width")
    const count = p.int32("the number of labels")
    const variable = byName.get(name.toUpperCase())
    if (variable === undefined) warn(`long string value labels (subtype 21) for unknown variable "${name}" ignored`)
    for (let k = 0; k < count; k++) {
      const value = p.take(p.int32("a value length"), "a labelled value")
      const label = p.take(p.int32("a label length"), "a value label")
      if (variable !== undefined) {
        variable.valueLabels.push({
          value: text.decode(value, `a value of ${name}`),
          label: text.decode(label, `a value label of ${name}`)
        })
      }
    }
  }
}

const readLongStringMissing = (
  record: RawExtension | undefined,
  little: boolean,
  text: SavText,
  byName: Map<string, SavVariable>,
  warn: (m: string) => void
) => {
  if (record === undefined) return
  const p = new Payload(record, little)
  while (!p.done) {
    const name = text.decode(p.take(p.int32("a variable name length"), "a variable name"), "long string missing values")
    const count = p.byte("the number of missing values")
    const size = p.int32("the missing value length")
    const variable = byName.get(name.toUpperCase())
    if (variable === undefined) warn(`long string missing values (subtype 22) for unknown variable "${name}" ignored`)
    for (let k = 0; k < count; k++) {
      const value = text.decode(p.take(size, "a missing value"), `a missing value of ${name}`)
      variable?.missing.values.push(value)
    }
  }
}

/**
 * Document lines (type 6), trailing spaces dropped.
 *
 * @example
 * documentLines(dictionary, text) // ["Dữ liệu mẫu …"]
 */
export const documentLines = (dictionary: RawDictionary, text: SavText): Array<string> =>
  dictionary.documents.map((line, k) => text.decode(trimRight(line), `document line ${k + 1}`))
