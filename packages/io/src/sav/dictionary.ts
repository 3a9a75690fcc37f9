import { Cursor, SavFormatError } from "./cursor.js"

/** One variable record (type 2): a numeric variable, a string's first segment, or a continuation slot. */
export interface RawVariable {
  readonly offset: number
  /** 0 numeric, 1..255 string width, -1 continuation of the previous string. */
  readonly type: number
  readonly shortName: Uint8Array
  readonly label: Uint8Array | undefined
  /** 0..3 discrete values, -2 a range, -3 a range and one discrete value (the range comes first). */
  readonly missingCount: number
  /** Raw 8-byte missing values (numbers in the file's byte order, or string bytes). */
  readonly missing: ReadonlyArray<Uint8Array>
  readonly printFormat: number
  /** Index of the variable's first 8-byte slot in a case. */
  readonly slot: number
}

/** A value label record (type 3) with the variable record indexes of its type 4 record (1-based slots). */
export interface RawValueLabels {
  readonly offset: number
  readonly entries: ReadonlyArray<{ readonly value: Uint8Array; readonly label: Uint8Array }>
  readonly slots: ReadonlyArray<number>
}

/** An extension record (type 7): subtype, element size and count, and its payload (a view). */
export interface RawExtension {
  readonly offset: number
  readonly subtype: number
  readonly size: number
  readonly count: number
  readonly data: Uint8Array
}

/** Everything before the case data, undecoded (text is decoded once the encoding record has been seen). */
export interface RawDictionary {
  readonly little: boolean
  readonly zlib: boolean
  readonly productName: Uint8Array
  readonly nominalCaseSize: number
  /** 0 none, 1 bytecode, 2 zlib (bytecode inside zlib blocks). */
  readonly compression: number
  readonly weightIndex: number
  /** -1 when the writer did not know. */
  readonly caseCount: number
  readonly bias: number
  readonly fileLabel: Uint8Array
  readonly variables: ReadonlyArray<RawVariable>
  readonly valueLabels: ReadonlyArray<RawValueLabels>
  readonly documents: ReadonlyArray<Uint8Array>
  readonly extensions: ReadonlyArray<RawExtension>
  /** Where the case data (or the zlib header) starts. */
  readonly dataOffset: number
}

const RECORD_TYPES =
  "a variable record (2), value labels (3), documents (6), an extension record (7) or the end of the dictionary (999)"

/**
 * Reads the file header and the dictionary records, up to and including the type 999 record. The byte order
 * is detected from the layout code (2 or 3), which every writer puts at offset 64.
 *
 * @example
 * const dictionary = readDictionary(bytes)
 * dictionary.variables.length // variable records, continuation slots included
 */
export const readDictionary = (bytes: Uint8Array): RawDictionary => {
  const cursor = new Cursor(bytes, true)
  const magic = String.fromCharCode(...cursor.take(4, "the file signature"))
  if (magic !== "$FL2" && magic !== "$FL3") {
    throw new SavFormatError(0, `signature ${JSON.stringify(magic)}`, `"$FL2" (an SPSS .sav file) or "$FL3" (.zsav)`)
  }
  const productName = cursor.take(60, "the product name")
  cursor.need(4, "the layout code")
  const layoutLe = cursor.view.getInt32(cursor.pos, true)
  const layoutBe = cursor.view.getInt32(cursor.pos, false)
  if (layoutLe === 2 || layoutLe === 3) cursor.little = true
  else if (layoutBe === 2 || layoutBe === 3) cursor.little = false
  else throw new SavFormatError(cursor.pos, `layout code ${layoutLe}`, "2 or 3 in either byte order")
  cursor.pos += 4
  const nominalCaseSize = cursor.int32("the case size")
  const compressionAt = cursor.pos
  const compression = cursor.int32("the compression code")
  if (compression < 0 || compression > 2 || (compression === 2) !== (magic === "$FL3")) {
    throw new SavFormatError(
      compressionAt,
      `compression code ${compression} in a ${magic} file`,
      magic === "$FL3" ? "2 (zlib)" : "0 (none) or 1 (bytecode)"
    )
  }
  const weightIndex = cursor.int32("the weight index")
  const caseCount = cursor.int32("the case count")
  const bias = cursor.float64("the compression bias")
  cursor.skip(17, "the creation date and time")
  const fileLabel = cursor.take(64, "the file label")
  cursor.skip(3, "the header padding")

  const variables: Array<RawVariable> = []
  const valueLabels: Array<RawValueLabels> = []
  const documents: Array<Uint8Array> = []
  const extensions: Array<RawExtension> = []
  let slot = 0
  for (;;) {
    const offset = cursor.pos
    const type = cursor.int32("the record type")
    if (type === 999) {
      cursor.int32("the end-of-dictionary filler")
      break
    }
    if (type === 2) variables.push(readVariable(cursor, offset, slot++))
    else if (type === 3) valueLabels.push(readValueLabels(cursor, offset))
    else if (type === 6) {
      const lines = cursor.int32("the number of document lines")
      if (lines < 0 || lines * 80 > cursor.remaining) {
        throw new SavFormatError(offset + 4, `${lines} document lines`, "a line count that fits the file")
      }
      for (let k = 0; k < lines; k++) documents.push(cursor.take(80, "a document line"))
    } else if (type === 7) {
      const subtype = cursor.int32("the extension subtype")
      const size = cursor.int32("the extension element size")
      const count = cursor.int32("the extension element count")
      if (size < 0 || count < 0 || size * count > cursor.remaining) {
        throw new SavFormatError(
          offset + 8,
          `an extension record of ${count} × ${size} bytes`,
          `a record that fits in the ${cursor.remaining} bytes left`
        )
      }
      extensions.push({ offset, subtype, size, count, data: cursor.take(size * count, "extension data") })
    } else {
      throw new SavFormatError(offset, `record type ${type}`, RECORD_TYPES)
    }
  }
  return {
    little: cursor.little,
    zlib: magic === "$FL3",
    productName,
    nominalCaseSize,
    compression,
    weightIndex,
    caseCount,
    bias,
    fileLabel,
    variables,
    valueLabels,
    documents,
    extensions,
    dataOffset: cursor.pos
  }
}

const readVariable = (cursor: Cursor, offset: number, slot: number): RawVariable => {
  const type = cursor.int32("the variable type")
  if (type < -1 || type > 255) {
    throw new SavFormatError(
      offset + 4,
      `variable type ${type}`,
      "0 (numeric), a string width 1..255 or -1 (continuation)"
    )
  }
  const hasLabel = cursor.int32("the variable label flag")
  const missingCount = cursor.int32("the missing value count")
  if (missingCount < -3 || missingCount > 3 || missingCount === -1) {
    throw new SavFormatError(
      offset + 12,
      `missing value count ${missingCount}`,
      "0..3, -2 (a range) or -3 (a range and a value)"
    )
  }
  const printFormat = cursor.int32("the print format")
  cursor.int32("the write format")
  const shortName = cursor.take(8, "the variable name")
  let label: Uint8Array | undefined
  if (hasLabel === 1) {
    const length = cursor.int32("the variable label length")
    if (length < 0 || length > 65535) throw new SavFormatError(cursor.pos - 4, `label length ${length}`, "0..65535")
    label = cursor.take(length, "the variable label")
    cursor.skip((4 - (length % 4)) % 4, "the variable label padding")
  } else if (hasLabel !== 0) throw new SavFormatError(offset + 8, `label flag ${hasLabel}`, "0 or 1")
  const missing: Array<Uint8Array> = []
  for (let k = 0; k < Math.abs(missingCount); k++) missing.push(cursor.take(8, "a missing value"))
  return { offset, type, shortName, label, missingCount, missing, printFormat, slot }
}

const readValueLabels = (cursor: Cursor, offset: number): RawValueLabels => {
  const count = cursor.int32("the number of value labels")
  if (count < 0 || count * 16 > cursor.remaining) {
    throw new SavFormatError(offset + 4, `${count} value labels`, "a label count that fits the file")
  }
  const entries: Array<{ value: Uint8Array; label: Uint8Array }> = []
  for (let k = 0; k < count; k++) {
    const value = cursor.take(8, "a labelled value")
    const length = cursor.take(1, "the value label length")[0]
    const label = cursor.take(length, "a value label")
    cursor.skip((8 - ((length + 1) % 8)) % 8, "the value label padding")
    entries.push({ value, label })
  }
  const at = cursor.pos
  const next = cursor.int32("the variable index record type")
  if (next !== 4) {
    throw new SavFormatError(at, `record type ${next}`, "a variable index record (4) right after value labels (3)")
  }
  const n = cursor.int32("the number of labelled variables")
  if (n < 0 || n * 4 > cursor.remaining) {
    throw new SavFormatError(at + 4, `${n} labelled variables`, "a count that fits the file")
  }
  const slots: Array<number> = []
  for (let k = 0; k < n; k++) slots.push(cursor.int32("a labelled variable index"))
  return { offset, entries, slots }
}
