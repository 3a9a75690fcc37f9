import type { Codebook } from "@danvan/domain"
import * as Effect from "effect/Effect"
import type { DataFileError, FileReadError } from "../errors.js"
import { readBytes } from "../readBytes.js"

export { bilingual, isXlsFormSheets, readXlsForm, xlsFormCodebook } from "./readXlsForm.js"

/**
 * The codebook of an XLSForm file, or `undefined` when the file is not an .xlsx workbook with `survey` and
 * `choices` sheets.
 *
 * @example
 * const codebook = yield* readXlsFormFile("form.xlsx") // Codebook | undefined
 */
export const readXlsFormFile = (path: string): Effect.Effect<Codebook | undefined, DataFileError | FileReadError> =>
  Effect.gen(function*() {
    const bytes = yield* readBytes(path)
    if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return undefined
    const m = yield* Effect.promise(() => import("./readXlsForm.js"))
    const ExcelJS = (yield* Effect.promise(() => import("exceljs"))).default
    const workbook = new ExcelJS.Workbook()
    const loaded = yield* Effect.either(
      Effect.tryPromise(() =>
        workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never)
      )
    )
    if (loaded._tag === "Left" || !m.isXlsFormSheets(workbook.worksheets.map((s) => s.name))) return undefined
    return yield* m.readXlsForm(bytes, path)
  })
export { isKoboHeader, readKoboTable } from "./readKobo.js"
