import { deflateSync } from "node:zlib"
import type { Codebook, Dataset, Lang, Variable } from "@danvan/domain"
import { SYSTEM_MISSING } from "@danvan/domain"
import type { IoWarning } from "../errors.js"
import { ByteWriter, utf8Prefix } from "./byteWriter.js"
import type { TextColumn } from "./types.js"
import { type SavString, savStrings, segmentOf } from "./writeStrings.js"

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

const BIAS = 100
const F8_0 = (5 << 16) | (8 << 8)
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
const ZLIB_BLOCK = 0x3ff000
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
  const compression = options.compression ?? "bytecode"
  const lang = options.lang ?? "vi"
  const warnings: Array<IoWarning> = []
  const columns = dataset.columns
  const strings = savStrings(options.textColumns ?? [], dataset.rowCount, (x) => warnings.push(x))
  const names = columns.map((c) => c.name)
  // Each further segment of a very long string is a variable of its own, with a short name of its own.
  const extraSegments = strings.flatMap((s) => s.segments.slice(1).map((_, k) => `${s.name}_${k + 1}`))
  const shortsAll = shortNames([...names, ...strings.map((s) => s.name), ...extraSegments])
  const shorts = shortsAll.slice(0, names.length)
  const stringShorts = stringShortNames(strings, shortsAll.slice(names.length))
  const variableOf = (name: string): Variable | undefined => codebook?.variables.find((v) => v.name === name)
  const little = options.byteOrder !== "big-endian"
  const w = new ByteWriter(4096 + dataset.rowCount * columns.length * 2, little)

  // Header (176 bytes).
  w.raw(ascii(compression === "zlib" ? "$FL3" : "$FL2"))
  w.padded(ascii("@(#) SPSS DATA FILE danvan"), 60)
  w.int32(2)
  w.int32(columns.length + strings.reduce((n, s) => n + s.slots, 0))
  w.int32(compression === "none" ? 0 : compression === "bytecode" ? 1 : 2)
  const weight = codebook?.weightVariable === undefined ? -1 : names.indexOf(codebook.weightVariable)
  w.int32(weight >= 0 ? weight + 1 : 0)
  w.int32(dataset.rowCount)
  w.float64(BIAS)
  const date = options.date ?? new Date()
  const two = (n: number) => String(n).padStart(2, "0")
  w.raw(ascii(`${two(date.getUTCDate())} ${MONTHS[date.getUTCMonth()]} ${two(date.getUTCFullYear() % 100)}`))
  w.raw(ascii(`${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`))
  w.padded(codebook === undefined ? new Uint8Array(0) : utf8Prefix(codebook.title[lang], 64), 64)
  w.padded(new Uint8Array(0), 3)

  // Variable records.
  const decimals = columns.map((c) => (c.type === "codes" ? 0 : decimalsOf(c.values)))
  columns.forEach((column, k) => {
    const variable = variableOf(column.name)
    w.int32(2)
    w.int32(0)
    const label = variable === undefined ? undefined : utf8Prefix(variable.label[lang], 255)
    w.int32(label !== undefined ? 1 : 0)
    const missing = missingRecord(
      variable,
      (m) => warnings.push({ code: "FILE_STRUCTURE", message: `variable ${column.name}: ${m}` })
    )
    w.int32(missing.count)
    const format = column.type === "codes"
      ? F8_0
      : (5 << 16) | (widthOf(column.values as Float64Array, decimals[k]) << 8) | decimals[k]
    w.int32(format)
    w.int32(format)
    w.padded(ascii(shorts[k]), 8)
    if (label !== undefined) {
      w.int32(label.length)
      w.padded(label, Math.ceil(label.length / 4) * 4)
    }
    for (const x of missing.values) w.float64(x)
  })

  strings.forEach((s, k) => writeStringRecords(w, s, stringShorts[k], stringLabel(s, lang)))

  // Value labels: one type 3 + type 4 pair per labelled variable.
  columns.forEach((column, k) => {
    const variable = variableOf(column.name)
    if (variable === undefined || variable.values.length === 0) return
    w.int32(3)
    w.int32(variable.values.length)
    for (const v of variable.values) {
      w.float64(v.code)
      const label = utf8Prefix(v.label[lang], 120)
      w.byte(label.length)
      w.padded(label, Math.ceil((label.length + 1) / 8) * 8 - 1)
    }
    w.int32(4)
    w.int32(1)
    w.int32(k + 1)
  })

  const extension = (subtype: number, size: number, payload: Uint8Array | Array<number>, asFloat = false) => {
    const count = payload instanceof Uint8Array ? payload.length / size : payload.length
    w.int32(7)
    w.int32(subtype)
    w.int32(size)
    w.int32(count)
    if (payload instanceof Uint8Array) w.raw(payload)
    else {for (const x of payload) {
        if (asFloat) w.float64(x)
        else w.int32(x)
      }}
  }
  // Machine integer info: version, machine -1, IEEE 754, compression, endianness (2 little, 1 big),
  // code page 65001 (UTF-8).
  extension(3, 4, [1, 0, 0, -1, 1, compression === "none" ? 0 : 1, little ? 2 : 1, 65001])
  extension(4, 8, [-Number.MAX_VALUE, Number.MAX_VALUE, -1.7976931348623155e308], true)
  const sets = codebook?.multipleResponseSets.filter((s) => s.items.every((item) => names.includes(item))) ?? []
  if (sets.length > 0) {
    const lines = sets.map((s) => {
      const label = utf8(s.label[lang])
      const counted = String(s.countedValue)
      const head = utf8(`$${s.name}=D${counted.length} ${counted} ${label.length} `)
      // PSPP (and SPSS) look the items up by their short names: a long name would not be found.
      const items = utf8(` ${s.items.map((item) => shorts[names.indexOf(item)] ?? item).join(" ")}\n`)
      return [head, label, items]
    })
    extension(7, 1, concat(lines.flat()))
  }
  const measures = columns.map((c) => {
    const m = variableOf(c.name)?.measure ?? (c.type === "codes" ? "nominal" : "scale")
    return m === "nominal" ? 1 : m === "ordinal" ? 2 : 3
  })
  // One display entry per segment, as SPSS and PSPP write them.
  const stringDisplay = strings.flatMap((s) => s.segments.flatMap(() => [1, Math.min(40, Math.max(8, s.width)), 0]))
  extension(11, 4, [...measures.flatMap((m) => [m, 8, 1]), ...stringDisplay])
  const longNames = [
    ...names.map((n, k) => `${shorts[k]}=${n}`),
    ...strings.map((s, k) => `${stringShorts[k][0]}=${s.name}`)
  ]
  extension(13, 1, utf8(longNames.join("\t")))
  const veryLong = strings.flatMap((s, k) =>
    s.segments.length > 1 ? [`${stringShorts[k][0]}=${String(s.width).padStart(5, "0")}\0\t`] : []
  )
  if (veryLong.length > 0) extension(14, 1, ascii(veryLong.join("")))
  extension(20, 1, ascii("UTF-8"))
  w.int32(999)
  w.int32(0)

  if (compression === "none") {
    writeUncompressed(w, dataset, strings)
    return { bytes: w.bytes(), warnings }
  }
  if (compression === "bytecode") {
    writeBytecode(w, dataset, strings)
    return { bytes: w.bytes(), warnings }
  }
  const data = new ByteWriter(dataset.rowCount * columns.length * 2 + 64, little)
  writeBytecode(data, dataset, strings)
  writeZlib(w, data.bytes())
  return { bytes: w.bytes(), warnings }
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

const writeUncompressed = (w: ByteWriter, dataset: Dataset, strings: ReadonlyArray<SavString>) => {
  const { columns, rowCount } = dataset
  w.ensure(rowCount * columns.length * 8)
  for (let i = 0; i < rowCount; i++) {
    for (const c of columns) {
      const x = c.values[i]
      w.float64(
        c.type === "codes" ? (x === SYSTEM_MISSING ? -Number.MAX_VALUE : x) : Number.isNaN(x) ? -Number.MAX_VALUE : x
      )
    }
    for (const s of strings) w.raw(s.cells[i])
  }
}

/** Bytecode: blocks of 8 command bytes, each followed by the 8-byte values its 253 commands announce. */
const writeBytecode = (w: ByteWriter, dataset: Dataset, strings: ReadonlyArray<SavString>) => {
  const { columns, rowCount } = dataset
  const codes = columns.map((c) => (c.type === "codes" ? c.values : undefined))
  const numbers = columns.map((c) => (c.type === "numeric" ? c.values : undefined))
  const raw: Array<number | Uint8Array> = []
  let command = -1
  let k = 8
  const flush = () => {
    for (const x of raw) {
      if (typeof x === "number") w.float64(x)
      else w.raw(x)
    }
    raw.length = 0
  }
  const put = (code: number, value: number | Uint8Array) => {
    if (k === 8) {
      flush()
      w.ensure(8 + 64)
      command = w.length
      for (let b = 0; b < 8; b++) w.byte(0)
      k = 0
    }
    w.patchByte(command + k++, code)
    if (code === 253) raw.push(value)
  }
  for (let i = 0; i < rowCount; i++) {
    for (let j = 0; j < columns.length; j++) {
      const c = codes[j]
      let x: number
      if (c !== undefined) {
        const v = c[i]
        if (v === SYSTEM_MISSING) {
          put(255, 0)
          continue
        }
        x = v
      } else {
        x = numbers[j]![i]
        if (x !== x) {
          put(255, 0)
          continue
        }
      }
      if (x >= 1 - BIAS && x <= 251 - BIAS && Number.isInteger(x) && !Object.is(x, -0)) put(x + BIAS, 0)
      else put(253, x)
    }
    for (const s of strings) {
      for (let k = 0; k < s.slots; k++) {
        const { blank, bytes } = segmentOf(s.cells[i], k)
        if (blank) put(254, 0)
        else put(253, bytes)
      }
    }
  }
  put(252, 0)
  flush()
}

const writeZlib = (w: ByteWriter, stream: Uint8Array) => {
  const headerAt = w.length
  w.int64(headerAt)
  w.int64(0) // trailer offset, patched below
  w.int64(0) // trailer length
  const blocks: Array<{ uOfs: number; cOfs: number; uSize: number; cSize: number }> = []
  for (let at = 0; at < stream.length || (at === 0 && stream.length === 0); at += ZLIB_BLOCK) {
    const piece = stream.subarray(at, Math.min(stream.length, at + ZLIB_BLOCK))
    const deflated = deflateSync(piece)
    blocks.push({ uOfs: headerAt + at, cOfs: w.length, uSize: piece.length, cSize: deflated.length })
    w.raw(deflated)
    if (stream.length === 0) break
  }
  const trailerAt = w.length
  w.int64(-BIAS)
  w.int64(0)
  w.int32(ZLIB_BLOCK)
  w.int32(blocks.length)
  for (const b of blocks) {
    w.int64(b.uOfs)
    w.int64(b.cOfs)
    w.int32(b.uSize)
    w.int32(b.cSize)
  }
  w.patchInt64(headerAt + 8, trailerAt)
  w.patchInt64(headerAt + 16, w.length - trailerAt)
}
