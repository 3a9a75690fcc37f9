import type { Codebook, Dataset } from "@danvan/domain"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { DataFileError, type FileReadError, type IoWarning } from "./errors.js"
import { readFormExport } from "./forms/sniffForm.js"
import { readBytes } from "./readBytes.js"
import { readCsv } from "./readCsv.js"
import type { TextColumn } from "./sav/types.js"

/**
 * Options of `readDataFile`.
 *
 * @example
 * const options: DataFileOptions = { codebook, sheet: "Data", numericColumns: ["weight"] }
 */
export interface DataFileOptions {
  /** Check the data against this codebook; for .sav files it replaces the file's own dictionary. */
  readonly codebook?: Codebook
  /** The sheet of an .xlsx workbook (default: the first). */
  readonly sheet?: string
  readonly numericColumns?: ReadonlyArray<string>
  /** CSV and .xlsx: parse only these columns (and `numericColumns`); .sav files are read whole. */
  readonly columns?: ReadonlyArray<string>
  readonly maxProblems?: number
  /** CSV and form exports: the text encoding (default `auto`: UTF-8, TCVN3/VNI detected, else windows-1258). */
  readonly encoding?: import("./decodeText.js").TextEncodingName
  /**
   * Plain CSV and .xlsx: also return the text and date columns (read again as text) in `textColumns`, for
   * writers that keep them (`convert` to .sav). Off by default: analyses do not need them.
   */
  readonly keepText?: boolean
}

/**
 * A data file read by `readDataFile`, whatever its format.
 *
 * @example
 * const { dataset, codebook, format, warnings }: DataFileRead = yield* readDataFile("survey.sav")
 */
export interface DataFileRead {
  readonly dataset: Dataset
  /** The codebook given, or the .sav file's own; undefined for CSV and .xlsx read without one. */
  readonly codebook: Codebook | undefined
  readonly format: "csv" | "xlsx" | "sav" | "parquet"
  readonly warnings: ReadonlyArray<IoWarning>
  /** String variables of a .sav file, a form export's text answers, plain CSV/.xlsx text with `keepText`. */
  readonly textColumns: ReadonlyArray<TextColumn>
}

/**
 * The format of a data file's bytes: by extension first (a renamed file's content signature decides for other
 * extensions), or by content alone with `sniff: "content"` (uploads, whose names are not trusted).
 *
 * @example
 * dataFormatOf("survey.sav", bytes) // "sav"
 */
export const dataFormatOf = (
  path: string,
  bytes: Uint8Array,
  sniff: "extension" | "content" = "extension"
): "csv" | "xlsx" | "sav" => {
  const starts = (...sig: Array<number>) => sig.every((b, k) => bytes[k] === b)
  const savSignature = starts(0x24, 0x46, 0x4c, 0x32) || starts(0x24, 0x46, 0x4c, 0x33)
  const zipSignature = starts(0x50, 0x4b, 0x03, 0x04)
  if (sniff === "content") return savSignature ? "sav" : zipSignature ? "xlsx" : "csv"
  const ext = /\.([^./\\]+)$/.exec(path)?.[1]?.toLowerCase()
  if (ext === "sav" || ext === "zsav") return "sav"
  if (ext === "xlsx" || ext === "xlsm") return "xlsx"
  // Another extension (or none): trust the content's signature, as a renamed file is common.
  if (savSignature) return "sav"
  if (zipSignature && ext !== "csv" && ext !== "txt") return "xlsx"
  return "csv"
}

/**
 * Reads a data file by its extension: `.sav`/`.zsav` (SPSS; the codebook comes from the file unless one is
 * given), `.xlsx` (the named or first sheet), `.parquet` (through DuckDB, see parquet.ts; its codes are not
 * checked against the codebook), anything else as CSV. Other extensions whose content starts
 * with an SPSS or ZIP signature are read as such. All or nothing, like each reader.
 *
 * @example
 * const { dataset, codebook } = yield* readDataFile("survey.sav")
 * const fromExcel = yield* readDataFile("survey.xlsx", { sheet: "Data", codebook })
 */
export const readDataFile = (
  path: string,
  options: DataFileOptions = {}
): Effect.Effect<DataFileRead, DataFileError | FileReadError> =>
  /\.parquet$/i.test(path)
    ? Effect.flatMap(Effect.promise(() => import("./parquet.js")), (m) =>
      Effect.map(m.readParquet(path, options), (dataset) => ({
        dataset,
        codebook: options.codebook,
        format: "parquet" as const,
        warnings: [],
        textColumns: []
      })))
    : Effect.flatMap(
      // a large ASCII CSV file is streamed (its bytes are never held whole); any other file is read whole
      Effect.promise(() =>
        import("./streamDataFile.js").then((m) =>
          m.streamPlainCsv(path, options)
        )
      ),
      (streamed) =>
        streamed !== undefined
          ? streamed
          : Effect.flatMap(readBytes(path), (bytes) => readDataBytes(bytes, path, options))
    )

/**
 * A data file's bytes read as `readDataFile` reads a file (`fileName` names it in messages); with
 * `sniff: "content"` the format is decided by the content alone (an upload's name is not trusted).
 *
 * @example
 * const { dataset, codebook, format } = yield* readDataBytes(bytes, "upload", { sniff: "content" })
 */
export const readDataBytes = (
  bytes: Uint8Array,
  path: string,
  options: DataFileOptions & { readonly sniff?: "extension" | "content" } = {}
): Effect.Effect<DataFileRead & { readonly format: "csv" | "xlsx" | "sav" }, DataFileError> =>
  Effect.gen(function*() {
    const format = dataFormatOf(path, bytes, options.sniff)
    const common = {
      fileName: path,
      ...(options.codebook !== undefined ? { codebook: options.codebook } : {}),
      ...(options.numericColumns !== undefined ? { numericColumns: options.numericColumns } : {}),
      ...(options.maxProblems !== undefined ? { maxProblems: options.maxProblems } : {}),
      ...(options.encoding !== undefined ? { encoding: options.encoding } : {})
    }
    if (options.sheet !== undefined && format !== "xlsx") {
      return yield* Effect.fail(
        new DataFileError({
          file: path,
          problems: [{
            row: 0,
            column: "",
            value: `a sheet name (${JSON.stringify(options.sheet)}) for a ${format === "sav" ? ".sav" : "CSV"} file`,
            expected: "a sheet name only with an .xlsx workbook"
          }],
          totalProblems: 1
        })
      )
    }
    if (format === "sav") {
      // the .sav reader (and the legacy-font label conversion) load only for .sav files
      const [{ readSav }, { convertLegacyLabels }] = yield* Effect.promise(() =>
        Promise.all([import("./sav/readSav.js"), import("./encoding/legacyCodebook.js")])
      )
      const read = readSav(bytes, common)
      if (Either.isLeft(read)) return yield* Effect.fail(read.left)
      const { dataset, warnings, textColumns } = read.right
      // Labels typed with .VnTime/VNI fonts in an old SPSS file are converted (a given codebook is left alone).
      const legacy = options.codebook === undefined
        ? convertLegacyLabels(read.right.codebook, options.encoding ?? "auto")
        : { codebook: read.right.codebook, warnings: [] }
      return { dataset, codebook: legacy.codebook, format, warnings: [...warnings, ...legacy.warnings], textColumns }
    }
    // A Google/Microsoft Forms export (told by its header) is read whole with an inferred codebook.
    const form = yield* readFormExport(bytes, format, path, options)
    if (form !== undefined) {
      const { codebook, dataset, textColumns, warnings } = form
      return { dataset, codebook, format, warnings, textColumns: textColumns ?? [] }
    }
    const selected = { ...common, ...(options.columns !== undefined ? { columns: options.columns } : {}) }
    if (format === "xlsx") {
      const { readXlsx } = yield* Effect.promise(() => import("./xlsx/readXlsx.js"))
      const read = yield* readXlsx(bytes, {
        ...selected,
        ...(options.sheet !== undefined ? { sheet: options.sheet } : {})
      })
      const kept = yield* keptText(bytes, format, path, read.dataset, options)
      return {
        dataset: read.dataset,
        codebook: options.codebook,
        format,
        warnings: [...read.warnings, ...kept.warnings],
        textColumns: kept.textColumns
      }
    }
    const read = readCsv(bytes, selected)
    if (Either.isLeft(read)) {
      return yield* Effect.fail(read.left)
    }
    const kept = yield* keptText(bytes, format, path, read.right.dataset, options)
    return {
      dataset: read.right.dataset,
      codebook: options.codebook,
      format,
      warnings: [...read.right.warnings, ...kept.warnings],
      textColumns: kept.textColumns
    }
  })

const keptText = (
  bytes: Uint8Array,
  format: "csv" | "xlsx",
  path: string,
  dataset: Dataset,
  options: DataFileOptions
) =>
  options.keepText === true
    ? Effect.flatMap(
      Effect.promise(() => import("./forms/keepText.js")),
      (m) => m.typedTextColumns(bytes, format, path, dataset, options)
    )
    : Effect.succeed({ textColumns: [], warnings: [] })
