import type { Codebook, Dataset, Lang, Variable } from "@danvan/domain"
import type { IoWarning } from "../errors.js"
import { ByteWriter, utf8Prefix } from "./byteWriter.js"
import type { TextColumn } from "./types.js"
import { BIAS, writeBytecode, writeUncompressed, writeZlib } from "./writeSavData.js"
import { type SavString, savStrings } from "./writeStrings.js"

/**
 * Options of `writeSav`.
 *
 * @example
 * const options: SavWriteOptions = { compression: "zlib", lang: "en" }
 */
export interface SavWriteOptions {
  /** "bytecode" (.sav, the default), "zlib" (.zsav) or "none". */
  readonly compression?: "none" | "bytecode" | "zlib"
  /** Which half of the {vi, en} labels goes into the file (SPSS has one label). Default "vi". */
  readonly lang?: Lang
  /** Byte order; SPSS on every current machine writes little-endian (the default). */
  readonly byteOrder?: "little-endian" | "big-endian"
  /** Creation date and time written in the header (default: now). */
  readonly date?: Date
  /**
   * Text columns written as string variables after the Dataset's columns (UTF-8, width = the longest value
   * in bytes; over 255 bytes a very long string of 252-byte segments; a value over 32767 bytes is cut, with a
   * warning), each with its label as the variable label.
   */
  readonly textColumns?: ReadonlyArray<TextColumn>
}

/**
 * The written bytes and what could not be written exactly (missing-value specs SPSS cannot hold, …).
 *
 * @example
 * const { bytes, warnings }: SavWriteResult = writeSav(dataset, codebook)
 */
export interface SavWriteResult {
  readonly bytes: Uint8Array
  readonly warnings: ReadonlyArray<IoWarning>
}

const F8_0 = (5 << 16) | (8 << 8)
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0x7f)
const utf8 = (s: string) => new TextEncoder().encode(s.normalize("NFC"))

/** Unique 8-byte uppercase ASCII short names, as SPSS requires next to the long names. */
const shortNames = (names: ReadonlyArray<string>): Array<string> => {
  const used = new Set<string>()
  return names.map((name, k) => {
    let base = name.normalize("NFD").replace(/[^A-Za-z0-9_.@#$]/g, "").toUpperCase()
    if (!/^[A-Z@]/.test(base)) base = `V${base}`
    base = base.slice(0, 8)
    let short = base
    for (let n = 1; used.has(short); n++) short = `${base.slice(0, 8 - String(n).length - 1)}_${n}`.slice(0, 8)
    if (short === "") short = `V${k + 1}`
    used.add(short)
    return short
  })
}

/** A print width that shows every value with `decimals` places (8 at least, as SPSS's default F8.2). */
const widthOf = (values: Float64Array, decimals: number): number => {
  let max = 0
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) max = Math.max(max, Math.abs(values[i]))
  const integerDigits = max < 1 ? 1 : Math.floor(Math.log10(max)) + 1
  return Math.min(40, Math.max(8, 1 + integerDigits + (decimals > 0 ? decimals + 1 : 0)))
}

/** Decimals that show every value of a numeric column (at most 6), for its print format. */
const decimalsOf = (values: Float64Array): number => {
  let d = 0
  for (let i = 0; i < values.length && d < 6; i++) {
    const x = values[i]
    if (!Number.isFinite(x)) continue
    while (d < 6 && Math.abs(x * 10 ** d - Math.round(x * 10 ** d)) > 1e-9 * Math.max(1, Math.abs(x * 10 ** d))) d++
  }
  return d
}

/**
 * Writes a Dataset and its codebook as an SPSS system file that SPSS and PSPP read: UTF-8 (encoding record
 * 20), long variable names (13), variable labels, value labels, user-missing values (up to three codes, or
 * a range and one code), measurement levels (11), dichotomy multiple-response sets (7), bytecode
 * compression (or zlib for .zsav). Code columns are written as F8.0 numbers, system-missing as SPSS's
 * system-missing value.
 *
 * @example
 * const { bytes, warnings } = writeSav(dataset, codebook, { compression: "bytecode" })
 * writeFileSync("survey.sav", bytes)
 */
export const writeSav = (
  dataset: Dataset,
  codebook: Codebook | undefined,
  options: SavWriteOptions = {}
): SavWriteResult => {
  const warnings: Array<IoWarning> = []
  const file = layoutOf(dataset, codebook, options, warnings)
  const w = new ByteWriter(4096 + dataset.rowCount * dataset.columns.length * 2, file.little)
  writeHeader(w, file, options.date ?? new Date())
  writeVariables(w, file)
  writeValueLabels(w, file)
  writeExtensions(w, file)
  writeCases(w, file)
  return { bytes: w.bytes(), warnings }
}

/** What every part of the file needs: the data, the options resolved, the SPSS names and the string layout. */
interface SavLayout {
  readonly dataset: Dataset
  readonly codebook: Codebook | undefined
  readonly compression: "none" | "bytecode" | "zlib"
  readonly lang: Lang
  readonly little: boolean
  readonly names: ReadonlyArray<string>
  readonly shorts: ReadonlyArray<string>
  readonly strings: ReadonlyArray<SavString>
  readonly stringShorts: ReadonlyArray<ReadonlyArray<string>>
  readonly variableOf: (name: string) => Variable | undefined
  readonly warnings: Array<IoWarning>
}

const layoutOf = (
  dataset: Dataset,
  codebook: Codebook | undefined,
  options: SavWriteOptions,
  warnings: Array<IoWarning>
): SavLayout => {
  const strings = savStrings(options.textColumns ?? [], dataset.rowCount, (x) => warnings.push(x))
  const names = dataset.columns.map((c) => c.name)
  // Each further segment of a very long string is a variable of its own, with a short name of its own.
  const extraSegments = strings.flatMap((s) => s.segments.slice(1).map((_, k) => `${s.name}_${k + 1}`))
  const shortsAll = shortNames([...names, ...strings.map((s) => s.name), ...extraSegments])
  return {
    dataset,
    codebook,
    compression: options.compression ?? "bytecode",
    lang: options.lang ?? "vi",
    little: options.byteOrder !== "big-endian",
    names,
    shorts: shortsAll.slice(0, names.length),
    strings,
    stringShorts: stringShortNames(strings, shortsAll.slice(names.length)),
    variableOf: (name) => codebook?.variables.find((v) => v.name === name),
    warnings
  }
}

/** The header (176 bytes). */
const writeHeader = (w: ByteWriter, file: SavLayout, date: Date) => {
  const { codebook, compression, dataset, names, strings } = file
  w.raw(ascii(compression === "zlib" ? "$FL3" : "$FL2"))
  w.padded(ascii("@(#) SPSS DATA FILE danvan"), 60)
  w.int32(2)
  w.int32(dataset.columns.length + strings.reduce((n, s) => n + s.slots, 0))
  w.int32(compression === "none" ? 0 : compression === "bytecode" ? 1 : 2)
  const weight = codebook?.weightVariable === undefined ? -1 : names.indexOf(codebook.weightVariable)
  w.int32(weight >= 0 ? weight + 1 : 0)
  w.int32(dataset.rowCount)
  w.float64(BIAS)
  const two = (n: number) => String(n).padStart(2, "0")
  w.raw(ascii(`${two(date.getUTCDate())} ${MONTHS[date.getUTCMonth()]} ${two(date.getUTCFullYear() % 100)}`))
  w.raw(ascii(`${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`))
  w.padded(codebook === undefined ? new Uint8Array(0) : utf8Prefix(codebook.title[file.lang], 64), 64)
  w.padded(new Uint8Array(0), 3)
}

/** The variable records: each column (label, missing values, print format), then the string variables. */
const writeVariables = (w: ByteWriter, file: SavLayout) => {
  const { lang } = file
  file.dataset.columns.forEach((column, k) => {
    const variable = file.variableOf(column.name)
    w.int32(2)
    w.int32(0)
    const label = variable === undefined ? undefined : utf8Prefix(variable.label[lang], 255)
    w.int32(label !== undefined ? 1 : 0)
    const missing = missingRecord(
      variable,
      (m) => file.warnings.push({ code: "FILE_STRUCTURE", message: `variable ${column.name}: ${m}` })
    )
    w.int32(missing.count)
    const decimals = column.type === "codes" ? 0 : decimalsOf(column.values)
    const format = column.type === "codes"
      ? F8_0
      : (5 << 16) | (widthOf(column.values as Float64Array, decimals) << 8) | decimals
    w.int32(format)
    w.int32(format)
    w.padded(ascii(file.shorts[k]), 8)
    if (label !== undefined) {
      w.int32(label.length)
      w.padded(label, Math.ceil(label.length / 4) * 4)
    }
    for (const x of missing.values) w.float64(x)
  })
  file.strings.forEach((s, k) => writeStringRecords(w, s, file.stringShorts[k], stringLabel(s, lang)))
}

/** Value labels: one type 3 + type 4 pair per labelled variable. */
const writeValueLabels = (w: ByteWriter, file: SavLayout) =>
  file.dataset.columns.forEach((column, k) => {
    const variable = file.variableOf(column.name)
    if (variable === undefined || variable.values.length === 0) return
    w.int32(3)
    w.int32(variable.values.length)
    for (const v of variable.values) {
      w.float64(v.code)
      const label = utf8Prefix(v.label[file.lang], 120)
      w.byte(label.length)
      w.padded(label, Math.ceil((label.length + 1) / 8) * 8 - 1)
    }
    w.int32(4)
    w.int32(1)
    w.int32(k + 1)
  })

/** An extension record (type 7): `payload` as bytes, or as 4-byte integers or 8-byte floats of `size`. */
const writeExtension = (
  w: ByteWriter,
  subtype: number,
  size: number,
  payload: Uint8Array | Array<number>,
  asFloat = false
) => {
  const count = payload instanceof Uint8Array ? payload.length / size : payload.length
  w.int32(7)
  w.int32(subtype)
  w.int32(size)
  w.int32(count)
  if (payload instanceof Uint8Array) w.raw(payload)
  else {
    for (const x of payload) {
      if (asFloat) w.float64(x)
      else w.int32(x)
    }
  }
}

/** Multiple-response sets (subtype 7) whose items are all written, as dichotomy sets. */
const multipleResponseRecord = (file: SavLayout): Uint8Array | undefined => {
  const { names, shorts } = file
  const sets = file.codebook?.multipleResponseSets.filter((s) => s.items.every((item) => names.includes(item))) ?? []
  if (sets.length === 0) return undefined
  const lines = sets.map((s) => {
    const label = utf8(s.label[file.lang])
    const counted = String(s.countedValue)
    const head = utf8(`$${s.name}=D${counted.length} ${counted} ${label.length} `)
    // PSPP (and SPSS) look the items up by their short names: a long name would not be found.
    const items = utf8(` ${s.items.map((item) => shorts[names.indexOf(item)] ?? item).join(" ")}\n`)
    return [head, label, items]
  })
  return concat(lines.flat())
}

/**
 * The extension records (machine info, multiple-response sets, measurement levels, long names, very long
 * strings, encoding) and the dictionary's end (type 999).
 */
const writeExtensions = (w: ByteWriter, file: SavLayout) => {
  const { strings, stringShorts } = file
  // Machine integer info: version, machine -1, IEEE 754, compression, endianness (2 little, 1 big),
  // code page 65001 (UTF-8).
  writeExtension(w, 3, 4, [1, 0, 0, -1, 1, file.compression === "none" ? 0 : 1, file.little ? 2 : 1, 65001])
  writeExtension(w, 4, 8, [-Number.MAX_VALUE, Number.MAX_VALUE, -1.7976931348623155e308], true)
  const sets = multipleResponseRecord(file)
  if (sets !== undefined) writeExtension(w, 7, 1, sets)
  const measures = file.dataset.columns.map((c) => {
    const m = file.variableOf(c.name)?.measure ?? (c.type === "codes" ? "nominal" : "scale")
    return m === "nominal" ? 1 : m === "ordinal" ? 2 : 3
  })
  // One display entry per segment, as SPSS and PSPP write them.
  const stringDisplay = strings.flatMap((s) => s.segments.flatMap(() => [1, Math.min(40, Math.max(8, s.width)), 0]))
  writeExtension(w, 11, 4, [...measures.flatMap((m) => [m, 8, 1]), ...stringDisplay])
  const longNames = [
    ...file.names.map((n, k) => `${file.shorts[k]}=${n}`),
    ...strings.map((s, k) => `${stringShorts[k][0]}=${s.name}`)
  ]
  writeExtension(w, 13, 1, utf8(longNames.join("\t")))
  const veryLong = strings.flatMap((s, k) =>
    s.segments.length > 1 ? [`${stringShorts[k][0]}=${String(s.width).padStart(5, "0")}\0\t`] : []
  )
  if (veryLong.length > 0) writeExtension(w, 14, 1, ascii(veryLong.join("")))
  writeExtension(w, 20, 1, ascii("UTF-8"))
  w.int32(999)
  w.int32(0)
}

/** The cases, uncompressed, bytecode-compressed or zlib-compressed (bytecode deflated in blocks). */
const writeCases = (w: ByteWriter, file: SavLayout) => {
  const { compression, dataset, strings } = file
  if (compression === "none") return writeUncompressed(w, dataset, strings)
  if (compression === "bytecode") return writeBytecode(w, dataset, strings)
  const data = new ByteWriter(dataset.rowCount * dataset.columns.length * 2 + 64, file.little)
  writeBytecode(data, dataset, strings)
  writeZlib(w, data.bytes())
}

const concat = (parts: ReadonlyArray<Uint8Array>): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

/** SPSS holds up to three discrete missing values, or one range and one value. */
const missingRecord = (
  variable: Variable | undefined,
  warn: (message: string) => void
): { count: number; values: Array<number> } => {
  if (variable === undefined) return { count: 0, values: [] }
  const { values, ranges } = variable.missing
  if (ranges.length === 0) {
    if (values.length > 3) warn(`only the first 3 of ${values.length} missing codes written (an SPSS limit)`)
    return { count: Math.min(3, values.length), values: values.slice(0, 3) }
  }
  if (ranges.length > 1 || values.length > 1) {
    warn("only the first missing range and the first missing code written (an SPSS limit)")
  }
  const r = ranges[0]
  return values.length === 0
    ? { count: -2, values: [r.low, r.high] }
    : { count: -3, values: [r.low, r.high, values[0]] }
}

/** A string variable's label in `lang` (at most 255 bytes), or undefined when it has none. */
const stringLabel = (s: SavString, lang: Lang): Uint8Array | undefined =>
  s.label === undefined || s.label[lang].trim() === "" ? undefined : utf8Prefix(s.label[lang], 255)

/** Each string's short names: its first segment's, then one per further segment of a very long string. */
const stringShortNames = (strings: ReadonlyArray<SavString>, shorts: ReadonlyArray<string>): Array<Array<string>> => {
  let extra = strings.length
  return strings.map((s, k) => [shorts[k], ...s.segments.slice(1).map(() => shorts[extra++])])
}

/**
 * A string variable's records: per segment, a variable record (type = the segment's width, format A; the label
 * on the first) and a continuation record per further 8-byte slot.
 */
const writeStringRecords = (w: ByteWriter, s: SavString, shorts: ReadonlyArray<string>, label?: Uint8Array) => {
  s.segments.forEach((segment, k) => {
    const format = (1 << 16) | (segment.width << 8)
    const labelled = k === 0 && label !== undefined
    for (const x of [2, segment.width, labelled ? 1 : 0, 0, format, format]) w.int32(x)
    w.padded(ascii(shorts[k]), 8)
    if (labelled) {
      w.int32(label.length)
      w.padded(label, Math.ceil(label.length / 4) * 4)
    }
    for (let slot = 1; slot < segment.slots; slot++) {
      for (const x of [2, -1, 0, 0, 0, 0]) w.int32(x)
      w.padded(new Uint8Array(0), 8)
    }
  })
}
