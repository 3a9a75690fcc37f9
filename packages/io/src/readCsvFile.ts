import * as Effect from "effect/Effect"
import type { DataFileError, FileReadError } from "./errors.js"
import { readBytes } from "./readBytes.js"
import { readCsv } from "./readCsv.js"
import type { CsvReadOptions, CsvReadResult } from "./types.js"

/**
 * Reads a CSV file from disk with `readCsv`; the path, as given, names the file in every message.
 *
 * @example
 * const program = readCsvFile("survey.csv", { codebook }).pipe(
 *   Effect.tap(({ dataset }) => Effect.log(`${dataset.rowCount} rows`))
 * )
 */
export const readCsvFile = (
  path: string,
  options: Omit<CsvReadOptions, "fileName"> = {}
): Effect.Effect<CsvReadResult, DataFileError | FileReadError> =>
  Effect.flatMap(readBytes(path), (bytes) => readCsv(bytes, { ...options, fileName: path }))
