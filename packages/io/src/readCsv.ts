import { makeDataset } from "@danvan/domain"
import * as Either from "effect/Either"
import { planColumns } from "./columnPlan.js"
import { DatasetBuilder } from "./datasetBuilder.js"
import { decodeText } from "./decodeText.js"
import { detectDelimiter } from "./delimiter.js"
import { DataFileError, type IoWarning } from "./errors.js"
import { ProblemCollector } from "./problems.js"
import { scanCsv } from "./scanner.js"
import { sniffNonCsv } from "./sniff.js"
import type { CsvReadOptions, CsvReadResult } from "./types.js"

const NEEDS_ROWS = "a header row and at least one data row"

/**
 * Reads a CSV file's bytes into a columnar Dataset, all or nothing.
 *
 * - Encoding: UTF-8 (with or without BOM), else windows-1258 with an `ENCODING_FALLBACK` warning; NFC.
 * - Format: RFC 4180 (quoted fields with delimiters, doubled quotes and line breaks; CRLF, LF or CR; a final
 *   line break or not); the delimiter (`,` `;` or tab) is detected from the header line. With `;` or tab, a
 *   decimal comma is accepted in numbers (`1,25`) and integral codes (`3,0`).
 * - Header: trimmed column names; empty or duplicate names are problems.
 * - Cells: blank = system-missing (`SYSTEM_MISSING` in code columns, NaN in numeric ones). Code columns hold
 *   integers (`1`, ` 2 `, `-1`, `3.0`, `3.00`; not `1.5`, `1e3`). Columns named in `numericColumns`, and
 *   codebook variables of kind "numeric", hold finite numbers. Other codebook variables accept their listed
 *   codes and user-missing codes only.
 * - Problems carry the physical line on which the record starts (header = 1). If there is any problem the
 *   result is `Left(DataFileError)` with the first `maxProblems` (default 20) and the total count.
 *
 * Never throws on user input.
 *
 * @example
 * const codebook = Either.getOrThrow(builtinCodebook("hcmc-2024"))
 * const bytes = new TextEncoder().encode("level;sex\n1;2\n3;9\n")
 * const result = readCsv(bytes, { fileName: "survey.csv", codebook })
 * if (Either.isRight(result)) result.right.dataset.rowCount // 2
 * else console.error(result.left.message)
 */
export const readCsv = (bytes: Uint8Array, options: CsvReadOptions): Either.Either<CsvReadResult, DataFileError> => {
  const file = options.fileName
  const problems = new ProblemCollector(options.maxProblems)
  const fail = () => Either.left(new DataFileError({ file, problems: problems.kept, totalProblems: problems.total }))

  const nonCsv = sniffNonCsv(bytes)
  if (nonCsv !== undefined) {
    problems.add({ row: 1, column: "", value: `the file looks like ${nonCsv}`, expected: "a CSV text file (UTF-8 or windows-1258)" })
    return fail()
  }
  const { text, encoding, warnings: encodingWarnings } = decodeText(bytes)
  const warnings: Array<IoWarning> = encodingWarnings.map((w) => ({ code: w.code, message: `${file}: ${w.message}` }))
  const { delimiter, note } = detectDelimiter(text)
  if (note !== undefined) warnings.push({ code: "DELIMITER", message: `${file}: ${note}` })

  const builder = new DatasetBuilder(problems, delimiter !== ",", (names) => {
    const plan = planColumns(names, options)
    plan.problems.forEach((p) => problems.add(p))
    warnings.push(...plan.warnings)
    return plan.columns
  })
  scanCsv(text, delimiter, builder)

  if (builder.plan === undefined) problems.add({ row: 1, column: "", value: "the file is empty", expected: NEEDS_ROWS })
  else if (builder.dataRecords === 0) problems.add({ row: 1, column: "", value: "the file has a header row but no data rows", expected: NEEDS_ROWS })
  if (problems.total > 0 || builder.buffers === undefined) return fail()

  const dataset = makeDataset(builder.buffers.columns(builder.rowCount), options.codebook?.id)
  return Either.right({ dataset, encoding, delimiter, warnings })
}
