import * as Schema from "effect/Schema"

/**
 * One problem found in a data file: the physical line (`row`, header = 1), the column name (`""` for
 * problems that concern a whole record, such as a ragged row or an empty file), the offending text and what
 * was expected instead.
 *
 * @example
 * Schema.decodeUnknownSync(DataProblemSchema)({ row: 5, column: "level", value: "x", expected: "an integer code" })
 */
export const DataProblemSchema = Schema.Struct({
  row: Schema.Number,
  column: Schema.String,
  value: Schema.String,
  expected: Schema.String,
  offset: Schema.optional(Schema.Number),
  cell: Schema.optional(Schema.String)
})

/**
 * A problem in a data file (see `DataProblemSchema`).
 *
 * @example
 * const problem: DataProblem = { row: 5, column: "level", value: "x", expected: "an integer code" }
 */
export interface DataProblem {
  readonly row: number
  readonly column: string
  readonly value: string
  readonly expected: string
  /** For binary files (.sav): the byte offset of the problem; `row` is then the case number (0: the dictionary). */
  readonly offset?: number
  /** For workbooks (.xlsx): the cell address, e.g. `B7`. */
  readonly cell?: string
}

/**
 * Something the reader did that the user should know about, although the file was read.
 *
 * - `ENCODING_FALLBACK`: the bytes were not valid UTF-8 and were decoded as windows-1258.
 * - `COLUMN_NOT_IN_CODEBOOK`: columns the codebook does not describe were read as plain integer codes.
 * - `VARIABLE_NOT_IN_FILE`: codebook variables (or requested numeric columns) that the file lacks.
 * - `DELIMITER`: the delimiter was ambiguous or absent, or unnamed empty trailing columns were dropped.
 * - `UNDECODABLE_TEXT`: bytes not valid in the file's declared encoding were replaced by U+FFFD.
 * - `FILE_STRUCTURE`: a .sav/.xlsx record or cell the reader skipped or repaired (an unknown extension, a
 *   case count that disagrees with the data, a label that cannot be a code).
 * - `TEXT_COLUMNS`: string variables of a .sav file, returned as text columns rather than dataset columns.
 *
 * @example
 * const warning: IoWarning = {
 *   code: "ENCODING_FALLBACK",
 *   message: "survey.csv: not valid UTF-8; read as windows-1258"
 * }
 */
export type IoWarning = {
  readonly code:
    | "ENCODING_FALLBACK"
    | "COLUMN_NOT_IN_CODEBOOK"
    | "VARIABLE_NOT_IN_FILE"
    | "DELIMITER"
    | "UNDECODABLE_TEXT"
    | "FILE_STRUCTURE"
    | "TEXT_COLUMNS"
    | "FORM_INFERRED"
    | "FORM_AMBIGUOUS_OPTION"
    | "LEGACY_ENCODING"
  readonly message: string
}

const describeProblem = (p: DataProblem): string =>
  p.offset !== undefined
    ? `  byte ${p.offset}${p.row > 0 ? `, case ${p.row}` : ""}${
      p.column === "" ? "" : `, variable ${JSON.stringify(p.column)}`
    }: ${p.value} — expected ${p.expected}`
    : p.row === 0 && p.column === "" && p.cell === undefined
    ? `  ${p.value} — expected ${p.expected}` // the whole file (a .xlsx without the sheet, a --sheet for a .sav)
    : p.column === ""
    ? `  row ${p.row}${p.cell !== undefined ? `, cell ${p.cell}` : ""}: ${p.value} — expected ${p.expected}`
    : `  row ${p.row}${p.cell !== undefined ? `, cell ${p.cell}` : ""}, column ${JSON.stringify(p.column)}: value ${
      JSON.stringify(p.value)
    } — expected ${p.expected}`

/**
 * A data file that was rejected. Reading is all-or-nothing: when there is any problem nothing is read.
 * `problems` holds the first problems (20 by default), `totalProblems` counts them all.
 *
 * @example
 * const error = new DataFileError({
 *   file: "survey.csv",
 *   problems: [{ row: 5, column: "level", value: "x", expected: "an integer code" }],
 *   totalProblems: 1
 * })
 * error.message
 * // data file survey.csv: 1 problem, nothing was read:
 * //   row 5, column "level": value "x" — expected an integer code
 */
export class DataFileError extends Schema.TaggedError<DataFileError>()("DataFileError", {
  file: Schema.String,
  problems: Schema.Array(DataProblemSchema),
  totalProblems: Schema.Number
}) {
  override get message(): string {
    const count = `${this.totalProblems} problem${this.totalProblems === 1 ? "" : "s"}`
    const more = this.totalProblems - this.problems.length
    return [
      `data file ${this.file}: ${count}, nothing was read:`,
      ...this.problems.map(describeProblem),
      ...(more > 0 ? [`  … and ${more} more`] : [])
    ].join("\n")
  }
}

/**
 * A file that could not be read at all (missing, a directory, no permission, …).
 *
 * @example
 * new FileReadError({ path: "survey.csv", reason: "no such file" }).message
 * // "cannot read survey.csv: no such file"
 */
export class FileReadError extends Schema.TaggedError<FileReadError>()("FileReadError", {
  path: Schema.String,
  reason: Schema.String
}) {
  override get message(): string {
    return `cannot read ${this.path}: ${this.reason}`
  }
}
