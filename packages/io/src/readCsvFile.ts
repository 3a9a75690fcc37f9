import { open, stat } from "node:fs/promises"
import * as Effect from "effect/Effect"
import type { DataFileError } from "./errors.js"
import { FileReadError } from "./errors.js"
import { describeFsError } from "./readBytes.js"
import { readBytes } from "./readBytes.js"
import { readCsv } from "./readCsv.js"
import { readCsvStream, STREAM_THRESHOLD_BYTES } from "./readCsvStream.js"
import type { CsvReadOptions, CsvReadResult } from "./types.js"

/**
 * Reads a CSV file from disk with `readCsv`; the path, as given, names the file in every message. Files
 * larger than STREAM_THRESHOLD_BYTES (16 MiB) are streamed (`readCsvStream`, the same result) so that their
 * bytes and text are never held whole in memory.
 *
 * @example
 * const program = readCsvFile("survey.csv", { codebook }).pipe(
 *   Effect.tap(({ dataset }) => Effect.log(`${dataset.rowCount} rows`))
 * )
 */
export const readCsvFile = (
  path: string,
  options: Omit<CsvReadOptions, "fileName"> = {}
): Effect.Effect<CsvReadResult, DataFileError | FileReadError> => {
  const fullOptions = { ...options, fileName: path }
  const whole = Effect.flatMap(readBytes(path), (bytes) => readCsv(bytes, fullOptions))
  const streamed = (size: number) =>
    Effect.flatMap(
      Effect.tryPromise({
        try: async () => {
          const handle = await open(path)
          try {
            return await readCsvStream(
              (into, position) => handle.read(into, 0, into.length, position).then((r) => r.bytesRead),
              fullOptions,
              undefined,
              size
            )
          } finally {
            await handle.close()
          }
        },
        catch: (error) => new FileReadError({ path, reason: describeFsError(error) })
      }),
      (result) => result
    )
  return Effect.flatMap(
    Effect.promise(() => stat(path).then((s) => (s.isFile() ? s.size : 0), () => 0)),
    (size) => (size > STREAM_THRESHOLD_BYTES ? streamed(size) : whole)
  )
}
