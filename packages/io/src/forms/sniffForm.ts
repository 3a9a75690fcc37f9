import type { Codebook } from "@danvan/domain"
import * as Effect from "effect/Effect"
import type { DataFileError } from "../errors.js"
import { parseCsvRecords } from "../loadExcerpts.js"
import { isKoboHeader } from "../xlsform/readKobo.js"
import { detectFormPlatform } from "./detect.js"
import type { FormRead } from "./inferForm.js"

const HEAD_BYTES = 65536

/** Whether a CSV file's first record is a form export's header (only the first 64 KiB are looked at). */
export const csvLooksLikeForm = (bytes: Uint8Array, withCodebook: boolean): boolean => {
  let end = Math.min(bytes.length, HEAD_BYTES)
  if (end < bytes.length) { while (end > 0 && bytes[end - 1] !== 0x0a) end-- }
  const text = new TextDecoder("utf-8").decode(bytes.subarray(0, end)).normalize("NFC")
  const first = parseCsvRecords(text)[0]
  const header = first?.fields.map((f) => f.trim()) ?? []
  return detectFormPlatform(header) !== undefined || (withCodebook && isKoboHeader(header))
}

/**
 * A CSV or .xlsx file read as a Google/Microsoft Forms export when its header is one (or, with a codebook, as a
 * KoboToolbox/ODK Central export), else `undefined`.
 *
 * @example
 * const form = yield* readFormExport(bytes, "csv", "responses.csv", {})
 */
export const readFormExport = (
  bytes: Uint8Array,
  format: "csv" | "xlsx",
  file: string,
  options: {
    readonly sheet?: string
    readonly codebook?: Codebook
    readonly encoding?: import("../decodeText.js").TextEncodingName
  }
): Effect.Effect<Pick<FormRead, "dataset" | "codebook" | "warnings" | "textColumns"> | undefined, DataFileError> =>
  Effect.gen(function*() {
    if (format === "csv" && !csvLooksLikeForm(bytes, options.codebook !== undefined)) return undefined
    const { readFormBytes } = yield* Effect.promise(() => import("./readForm.js"))
    return yield* readFormBytes(bytes, format, file, options)
  })
