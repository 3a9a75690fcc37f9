import type { Codebook, Dataset } from "@danvan/domain"
import type { IoWarning } from "./errors.js"

/**
 * Options of `readCsv`.
 *
 * @example
 * const options: CsvReadOptions = { fileName: "survey.csv", codebook, maxProblems: 50 }
 */
export interface CsvReadOptions {
  /** The file's name, used in every message. */
  readonly fileName: string
  /** Check codebook variables against their codes; read numeric variables as numbers. */
  readonly codebook?: Codebook
  /** Columns read as Float64 (e.g. a weight column when there is no codebook). */
  readonly numericColumns?: ReadonlyArray<string>
  /**
   * Only these columns (and `numericColumns`) are parsed; the others are skipped unchecked and left out of
   * the dataset. A column named here that the header lacks is a problem. All columns when absent.
   */
  readonly columns?: ReadonlyArray<string>
  /**
   * `true` (default): a column no codebook describes is typed from its contents (integer codes, else
   * numbers, else text or dates, which are left out of the dataset and listed in its `typing`). `false`:
   * such a column must hold integer codes, and any other cell is a problem.
   */
  readonly typeColumns?: boolean
  /**
   * The text encoding: `auto` (default) reads UTF-8, detects TCVN3 and VNI text (converted with a
   * `LEGACY_ENCODING` warning) and falls back to windows-1258; or name one.
   */
  readonly encoding?: import("./decodeText.js").TextEncodingName
  /** How many problems a `DataFileError` keeps (all are counted). Default 20. */
  readonly maxProblems?: number
}

/**
 * What `readCsv` returns for a file without problems.
 *
 * @example
 * const { dataset, encoding, delimiter, warnings }: CsvReadResult = Either.getOrThrow(
 *   readCsv(bytes, { fileName: "s.csv" })
 * )
 */
export interface CsvReadResult {
  readonly dataset: Dataset
  readonly encoding: "utf-8" | "windows-1258" | "tcvn3" | "vni"
  /** The delimiter found in the header line: `,`, `;` or a tab. */
  readonly delimiter: string
  readonly warnings: ReadonlyArray<IoWarning>
}
