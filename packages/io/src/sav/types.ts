import type { BilingualLabel, Codebook, Dataset } from "@danvan/domain"
import type { IoWarning } from "../errors.js"
import type { SavMrSet } from "./mrsets.js"
import type { SavVariable } from "./variables.js"

/**
 * Options of `readSav`.
 *
 * @example
 * const options: SavReadOptions = { fileName: "survey.sav", codebook, numericColumns: ["weight"] }
 */
export interface SavReadOptions {
  /** The file's name, used in every message and for the derived codebook's id. */
  readonly fileName: string
  /** Check the file's codes against this codebook instead of deriving one from the file. */
  readonly codebook?: Codebook
  /** Numeric variables always read as Float64 (e.g. a weight). */
  readonly numericColumns?: ReadonlyArray<string>
  /** How many problems a `DataFileError` keeps (all are counted). Default 20. */
  readonly maxProblems?: number
}

/**
 * A string variable's values, one per case, decoded and NFC, trailing spaces removed. String variables are
 * not columns of the Dataset (whose columns are codes or numbers for analysis).
 *
 * @example
 * const names: TextColumn = { name: "ten_don_vi", values: ["Phường Bến Nghé", "Quận Hoàn Kiếm"] }
 */
export interface TextColumn {
  readonly name: string
  readonly values: ReadonlyArray<string>
  /** The question text (a form's header, an XLSForm text question's label), written as the variable label. */
  readonly label?: BilingualLabel
}

/**
 * What the file says about itself beyond the data.
 *
 * @example
 * result.file.encoding // "utf-8"
 */
export interface SavFileInfo {
  readonly format: "sav" | "zsav"
  readonly compression: "none" | "bytecode" | "zlib"
  readonly byteOrder: "little-endian" | "big-endian"
  /** The TextDecoder encoding used for all text. */
  readonly encoding: string
  readonly productName: string
  readonly fileLabel: string
  readonly documents: ReadonlyArray<string>
  /** The case count in the header (-1 when the writer left it unknown). */
  readonly declaredCases: number
  readonly variables: ReadonlyArray<SavVariable>
  readonly mrSets: ReadonlyArray<SavMrSet>
  readonly weightVariable?: string
}

/**
 * What `readSav` returns for a readable file.
 *
 * @example
 * const { dataset, codebook, textColumns, file, warnings }: SavReadResult = Either.getOrThrow(
 *   readSav(bytes, { fileName: "s.sav" })
 * )
 */
export interface SavReadResult {
  /** Numeric variables: integer codes (Int32) for labelled or nominal/ordinal integral variables, else Float64. */
  readonly dataset: Dataset
  /** The codebook given in the options, or the one derived from the file's dictionary. */
  readonly codebook: Codebook
  readonly textColumns: ReadonlyArray<TextColumn>
  readonly file: SavFileInfo
  readonly warnings: ReadonlyArray<IoWarning>
}
