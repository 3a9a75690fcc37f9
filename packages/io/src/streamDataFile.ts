import { open } from "node:fs/promises"
import * as Either from "effect/Either"
import { csvLooksLikeForm } from "./forms/sniffForm.js"
import { readAsciiCsvStream, STREAM_THRESHOLD_BYTES } from "./readCsvStream.js"
import type { DataFileOptions, DataFileRead } from "./readDataFile.js"
import { dataFormatOf } from "./readDataFile.js"
import type { CsvReadResult } from "./types.js"

const HEAD_BYTES = 65536

/**
 * `readDataFile` for a large plain CSV file without holding its bytes: a file over STREAM_THRESHOLD_BYTES
 * (16 MiB) that is a CSV by its name and first bytes, not a form export, read as `auto` or `utf-8`, and ASCII
 * throughout (checked as the streaming reader goes: then no legacy-encoding detection, BOM or NFC
 * question arises) is read by `readAsciiCsvStream`, whose dataset, warnings and problems are those of
 * `readCsv` on the whole bytes.
 * Resolves to undefined for any other file, or when the file cannot be opened (the caller reads it whole and
 * reports that), so the result never differs from the whole read.
 *
 * @example
 * const read = await streamPlainCsv("survey.csv", { columns: ["level", "district"] })
 * // undefined for a small, non-ASCII or non-CSV file
 */
export const streamPlainCsv = async (
  path: string,
  options: DataFileOptions
): Promise<Either.Either<DataFileRead, import("./errors.js").DataFileError> | undefined> => {
  if (options.sheet !== undefined) return undefined
  if (options.encoding !== undefined && options.encoding !== "auto" && options.encoding !== "utf-8") return undefined
  let handle: Awaited<ReturnType<typeof open>> | undefined
  try {
    handle = await open(path)
    const h = handle
    const size = (await h.stat()).size
    if (size <= STREAM_THRESHOLD_BYTES) return undefined
    const read = (into: Uint8Array, position: number) => h.read(into, 0, into.length, position).then((r) => r.bytesRead)
    const head = new Uint8Array(HEAD_BYTES)
    const headBytes = head.subarray(0, await read(head, 0))
    if (dataFormatOf(path, headBytes) !== "csv" || csvLooksLikeForm(headBytes, options.codebook !== undefined)) {
      return undefined
    }
    const result = await readAsciiCsvStream(
      read,
      {
        fileName: path,
        ...(options.codebook !== undefined ? { codebook: options.codebook } : {}),
        ...(options.numericColumns !== undefined ? { numericColumns: options.numericColumns } : {}),
        ...(options.maxProblems !== undefined ? { maxProblems: options.maxProblems } : {}),
        ...(options.columns !== undefined ? { columns: options.columns } : {})
      },
      undefined,
      size
    )
    if (result === undefined) return undefined
    return Either.map(result, (r: CsvReadResult) => ({
      dataset: r.dataset,
      codebook: options.codebook,
      format: "csv" as const,
      warnings: r.warnings,
      textColumns: []
    }))
  } catch {
    return undefined
  } finally {
    await handle?.close().catch(() => undefined)
  }
}
