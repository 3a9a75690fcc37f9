import type { Column } from "@danvan/domain"
import { makeDataset, SYSTEM_MISSING } from "@danvan/domain"
import * as Either from "effect/Either"
import { planColumns } from "../columnPlan.js"
import { DataFileError, type IoWarning } from "../errors.js"
import { ProblemCollector } from "../problems.js"
import { readCases } from "./cases.js"
import { SavFormatError, trimRight } from "./cursor.js"
import { type RawDictionary, readDictionary } from "./dictionary.js"
import { codePageLabel, decoderFor } from "./encoding.js"
import { parseMrSets, type SavMrSet } from "./mrsets.js"
import { SavText } from "./text.js"
import { codebookIdFor, savCodebook } from "./toCodebook.js"
import type { SavReadOptions, SavReadResult, TextColumn } from "./types.js"
import { assembleVariables, documentLines, type SavVariable } from "./variables.js"
import { inflateZsav } from "./zlib.js"

const KNOWN_SUBTYPES = new Set([3, 4, 5, 6, 7, 10, 11, 12, 13, 14, 16, 17, 18, 19, 20, 21, 22, 24])
const MAX_CODE = 2147483647

/**
 * Reads an SPSS system file (.sav: uncompressed or bytecode-compressed; .zsav: zlib) into a Dataset, the
 * codebook its dictionary describes, and its string variables as text columns. Written from the PSPP
 * manual's "System File Format" appendix: either byte order; long names, very long strings, long-string
 * value labels and missing values, MR sets, variable display, documents.
 *
 * Text is decoded with the file's encoding (record 20, else the code page of record 3, else UTF-8 when valid
 * and windows-1258 otherwise), after a string's segments are joined, and normalised to NFC; bytes the
 * encoding cannot decode become U+FFFD with an `UNDECODABLE_TEXT` warning naming variable and case.
 *
 * A broken file gives `Left(DataFileError)` with the byte offset and what was expected; it never throws.
 *
 * @example
 * const result = readSav(bytes, { fileName: "survey.sav" })
 * if (Either.isRight(result)) {
 *   const { dataset, codebook, textColumns, warnings } = result.right
 * } else console.error(result.left.message)
 */
export const readSav = (bytes: Uint8Array, options: SavReadOptions): Either.Either<SavReadResult, DataFileError> => {
  const file = options.fileName
  try {
    return readSavOrThrow(bytes, options)
  } catch (e) {
    if (e instanceof SavFormatError) {
      return Either.left(
        new DataFileError({
          file,
          problems: [{ row: e.caseNumber, column: "", value: e.value, expected: e.expected, offset: e.offset }],
          totalProblems: 1
        })
      )
    }
    // A reader bug must not crash the caller either; the text says so, and the fuzz test looks for it.
    const message = e instanceof Error ? e.message : String(e)
    return Either.left(
      new DataFileError({
        file,
        problems: [{
          row: 0,
          column: "",
          value: `internal reader error (${message})`,
          expected: "a readable SPSS system file",
          offset: 0
        }],
        totalProblems: 1
      })
    )
  }
}

const chooseText = (
  dictionary: RawDictionary,
  bytes: Uint8Array,
  warn: (code: IoWarning["code"], message: string) => void
): SavText => {
  const encodingRecord = dictionary.extensions.find((e) => e.subtype === 20)
  const integerInfo = dictionary.extensions.find((e) => e.subtype === 3 && e.size === 4 && e.count >= 8)
  let name: string | undefined
  if (encodingRecord !== undefined) name = String.fromCharCode(...trimRight(encodingRecord.data))
  else if (integerInfo !== undefined) {
    const code = new DataView(integerInfo.data.buffer, integerInfo.data.byteOffset).getInt32(28, dictionary.little)
    name = codePageLabel(code)
    if (name === undefined) {
      warn(
        "FILE_STRUCTURE",
        `character code ${code} is not a code page danvan knows; text read as UTF-8 or windows-1258`
      )
    }
  }
  if (name !== undefined) {
    const fatal = decoderFor(name, true)
    const lenient = decoderFor(name, false)
    if (fatal !== undefined && lenient !== undefined) return new SavText(fatal, lenient)
    warn(
      "FILE_STRUCTURE",
      `encoding ${JSON.stringify(name)} is not one TextDecoder knows; text read as UTF-8 or windows-1258`
    )
  }
  // No usable declaration: UTF-8 if the dictionary is valid UTF-8, else the Vietnamese ANSI code page.
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, dictionary.dataOffset))
    return new SavText(new TextDecoder("utf-8", { fatal: true }), new TextDecoder("utf-8"))
  } catch {
    warn("ENCODING_FALLBACK", "no usable encoding record and the dictionary is not UTF-8; text read as windows-1258")
    return new SavText(new TextDecoder("windows-1258", { fatal: true }), new TextDecoder("windows-1258"))
  }
}

const readSavOrThrow = (bytes: Uint8Array, options: SavReadOptions): Either.Either<SavReadResult, DataFileError> => {
  const file = options.fileName
  const warnings: Array<IoWarning> = []
  const warn = (code: IoWarning["code"], message: string) => warnings.push({ code, message: `${file}: ${message}` })
  const dictionary = readDictionary(bytes)
  for (const e of dictionary.extensions) {
    if (!KNOWN_SUBTYPES.has(e.subtype)) {
      warn("FILE_STRUCTURE", `extension record subtype ${e.subtype} at byte ${e.offset} skipped (not one danvan reads)`)
    }
  }
  const text = chooseText(dictionary, bytes, warn)
  const floatInfo = dictionary.extensions.find((e) => e.subtype === 4 && e.size === 8 && e.count >= 1)
  const sysmis = floatInfo === undefined
    ? -Number.MAX_VALUE
    : new DataView(floatInfo.data.buffer, floatInfo.data.byteOffset).getFloat64(0, dictionary.little)
  const number = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, 8).getFloat64(0, dictionary.little)
  const variables = assembleVariables(dictionary, text, number, (m) => warn("FILE_STRUCTURE", m))
  if (variables.length === 0) {
    throw new SavFormatError(176, "a dictionary without variables", "at least one variable record (2)")
  }
  // Set items are written with short names (as SPSS and PSPP look them up): map them to the long names.
  const longOf = new Map(variables.map((v) => [v.name.toUpperCase(), v.name]))
  const long13 = dictionary.extensions.find((e) => e.subtype === 13)
  if (long13 !== undefined) {
    for (const pair of new TextDecoder().decode(long13.data).split("\t")) {
      const eq = pair.indexOf("=")
      if (eq > 0) longOf.set(pair.slice(0, eq).toUpperCase(), pair.slice(eq + 1).normalize("NFC"))
    }
  }
  const mrSets: Array<SavMrSet> = dictionary.extensions
    .filter((e) => e.subtype === 7 || e.subtype === 19)
    .flatMap((e) => parseMrSets(e, text))
    .map((set) => ({ ...set, items: set.items.map((item) => longOf.get(item.toUpperCase()) ?? item) }))

  const stream = dictionary.zlib ? inflateZsav(bytes, dictionary.dataOffset, dictionary.little) : bytes
  const forced = new Set(options.numericColumns ?? [])
  // Without a codebook to check against, labelled and nominal/ordinal variables are read straight into Int32
  // codes (falling back to numbers if a value is not an integer code).
  const normalBias = Number.isInteger(dictionary.bias) && Math.abs(dictionary.bias) <= 1e6
  const asCodes = variables.map((v) =>
    options.codebook === undefined && normalBias && v.width === 0 && !forced.has(v.name) && looksCoded(v)
  )
  const cases = readCases(stream, variables, {
    asCodes,
    start: dictionary.zlib ? 0 : dictionary.dataOffset,
    compressed: dictionary.compression !== 0,
    bias: dictionary.bias,
    little: dictionary.little,
    sysmis,
    declaredCases: dictionary.caseCount,
    where: dictionary.zlib ? "in the inflated zlib data, " : ""
  })
  const n = cases.caseCount
  if (dictionary.caseCount >= 0 && dictionary.caseCount !== n) {
    warn("FILE_STRUCTURE", `the header declares ${dictionary.caseCount} cases but the data holds ${n}; read ${n}`)
  }
  if (n === 0) throw new SavFormatError(dictionary.dataOffset, "no cases", "at least one case of data")

  const textColumns: Array<TextColumn> = []
  variables.forEach((v, k) => {
    const raw = cases.strings[k]
    if (raw === undefined) return
    const values = new Array<string>(n)
    for (let i = 0; i < n; i++) {
      values[i] = text.decode(raw.subarray(i * v.width, (i + 1) * v.width), `variable ${v.name}, case ${i + 1}`)
    }
    // SPSS has one variable label: it stands for both languages (as the derived codebook's labels do).
    const label = v.label !== undefined && v.label.trim() !== "" ? { vi: v.label, en: v.label } : undefined
    textColumns.push({ name: v.name, values, ...(label !== undefined ? { label } : {}) })
  })
  if (text.badCount > 0) {
    warn(
      "UNDECODABLE_TEXT",
      `${text.badCount} text value${
        text.badCount === 1 ? "" : "s"
      } not valid ${text.encoding}; bad bytes shown as U+FFFD (first at: ${text.badPlaces.join("; ")})`
    )
  }
  if (textColumns.length > 0) {
    warn(
      "TEXT_COLUMNS",
      `string variable${textColumns.length === 1 ? "" : "s"} ${
        textColumns.map((c) => c.name).join(", ")
      } read as text (not analysable as codes)`
    )
  }

  const weightRecord = dictionary.weightIndex > 0 ? dictionary.variables[dictionary.weightIndex - 1] : undefined
  const weightVariable = weightRecord === undefined
    ? undefined
    : variables.find((v) => v.segments[0].slot === weightRecord.slot)?.name
  const numericVars = variables.map((v, k) => ({ v, values: cases.numbers[k] })).filter((
    x
  ): x is { v: SavVariable; values: Float64Array } => x.values !== undefined)
  const problems = new ProblemCollector(options.maxProblems)
  const columns: Array<Column> = []
  const codeColumns = new Set<string>()

  if (options.codebook === undefined) {
    // Columns in file order: codes read as such, then numbers that turn out to be integer codes.
    variables.forEach((v, k) => {
      const codes = cases.codes[k]
      const values = cases.numbers[k]
      if (codes !== undefined) {
        columns.push({ name: v.name, type: "codes", values: codes })
        codeColumns.add(v.name)
      } else if (values !== undefined) {
        if (!forced.has(v.name) && looksCoded(v) && integral(values)) {
          columns.push({ name: v.name, type: "codes", values: toCodes(values) })
          codeColumns.add(v.name)
        } else columns.push({ name: v.name, type: "numeric", values })
      }
    })
  } else {
    const plan = planColumns(numericVars.map((x) => x.v.name), {
      fileName: file,
      codebook: options.codebook,
      ...(options.numericColumns !== undefined ? { numericColumns: options.numericColumns } : {})
    })
    plan.problems.forEach((p) => problems.add(p))
    warnings.push(...plan.warnings)
    numericVars.forEach(({ v, values }, k) => {
      const column = plan.columns[k]
      if (column.type === "numeric" || (column.accepts === undefined && !integral(values))) {
        return columns.push({ name: v.name, type: "numeric", values })
      }
      for (let i = 0; i < n; i++) {
        const x = values[i]
        if (x !== x) continue
        if (!Number.isInteger(x) || Math.abs(x) > MAX_CODE) {
          problems.add({
            row: i + 1,
            column: v.name,
            value: String(x),
            expected: column.accepts === undefined ? "an integer code" : `an integer code, ${column.expected}`
          })
        } else if (column.accepts !== undefined && !column.accepts(x)) {
          problems.add({ row: i + 1, column: v.name, value: String(x), expected: column.expected })
        }
      }
      columns.push({ name: v.name, type: "codes", values: toCodes(values) })
    })
    if (problems.total > 0) {
      return Either.left(new DataFileError({ file, problems: problems.kept, totalProblems: problems.total }))
    }
  }

  const productName = text.decode(dictionary.productName, "the product name")
  const fileLabel = text.decode(dictionary.fileLabel, "the file label")
  const codebook = options.codebook ??
    savCodebook(
      {
        id: codebookIdFor(file),
        title: fileLabel === "" ? file.split(/[\\/]/).pop()! : fileLabel,
        source: file.split(/[\\/]/).pop()!,
        variables,
        mrSets,
        codeColumns,
        ...(weightVariable !== undefined ? { weightVariable } : {})
      },
      (m) => warn("FILE_STRUCTURE", m)
    )
  return Either.right({
    dataset: makeDataset(columns, codebook.id),
    codebook,
    textColumns,
    file: {
      format: dictionary.zlib ? "zsav" : "sav",
      compression: dictionary.compression === 0 ? "none" : dictionary.compression === 1 ? "bytecode" : "zlib",
      byteOrder: dictionary.little ? "little-endian" : "big-endian",
      encoding: text.encoding,
      productName,
      fileLabel,
      documents: documentLines(dictionary, text),
      declaredCases: dictionary.caseCount,
      variables,
      mrSets,
      ...(weightVariable !== undefined ? { weightVariable } : {})
    },
    warnings
  })
}

const looksCoded = (v: SavVariable): boolean =>
  v.valueLabels.length > 0 || v.measure === "nominal" || v.measure === "ordinal"

const integral = (values: Float64Array): boolean => {
  for (let i = 0; i < values.length; i++) {
    const x = values[i]
    if (x === x && (!Number.isInteger(x) || Math.abs(x) > MAX_CODE)) return false
  }
  return true
}

const toCodes = (values: Float64Array): Int32Array => {
  const out = new Int32Array(values.length)
  for (let i = 0; i < values.length; i++) {
    const x = values[i]
    out[i] = x === x ? x : SYSTEM_MISSING
  }
  return out
}
