import { type Codebook, type Dataset, findVariable, type Lang, SYSTEM_MISSING } from "@danvan/domain"
import * as Effect from "effect/Effect"
import type { IoWarning } from "../errors.js"
import type { TextColumn } from "../sav/types.js"
import { writeSav } from "../sav/writeSav.js"
import { MAX_STRING_WIDTH, tooLongString } from "../sav/writeStrings.js"
import { writeCsv } from "../writeCsv.js"
import { FileWriteError, writeTextFiles } from "../writeTextFiles.js"
import { spssSafe } from "./spssNames.js"

/** The formats `writeDataFile` writes, by the output path's extension. */
export type DataOutputFormat = "sav" | "zsav" | "csv" | "xlsx" | "parquet"

/**
 * The output format of a path, or undefined for an extension danvan does not write.
 *
 * @example
 * dataOutputFormat("clean.sav") // "sav"
 */
export const dataOutputFormat = (path: string): DataOutputFormat | undefined => {
  const ext = /\.([^./\\]+)$/.exec(path)?.[1]?.toLowerCase()
  return ext === "sav" || ext === "zsav" || ext === "csv" || ext === "xlsx" || ext === "parquet" ? ext : undefined
}

/**
 * A workbook with the coded data (sheet "data": one column per variable, blanks for missing) and the codebook
 * (sheet "codebook": variable, label, code, value label, in `lang`; sheet "sets": multiple-response sets).
 *
 * @example
 * const bytes = yield* datasetToXlsx(dataset, codebook, "vi")
 */
export const datasetToXlsx = (
  dataset: Dataset,
  codebook: Codebook | undefined,
  lang: Lang
): Effect.Effect<Uint8Array> =>
  Effect.promise(async () => {
    const ExcelJS = (await import("exceljs")).default
    const workbook = new ExcelJS.Workbook()
    workbook.created = new Date(0)
    workbook.modified = workbook.created
    const data = workbook.addWorksheet("data")
    data.addRow(dataset.columns.map((c) => c.name))
    for (let r = 0; r < dataset.rowCount; r++) {
      data.addRow(dataset.columns.map((c) => {
        const v = c.values[r]
        return c.type === "codes" ? (v === SYSTEM_MISSING ? null : v) : Number.isNaN(v) ? null : v
      }))
    }
    if (codebook !== undefined) {
      const sheet = workbook.addWorksheet("codebook")
      sheet.addRow(["variable", "label", "kind", "code", "value label", "missing"])
      for (const c of dataset.columns) {
        const v = findVariable(codebook, c.name)
        if (v === undefined) continue
        sheet.addRow([v.name, v.label[lang], v.kind, null, null, v.missing.values.join(", ") || null])
        for (const value of v.values) sheet.addRow([null, null, null, value.code, value.label[lang], null])
      }
      if (codebook.multipleResponseSets.length > 0) {
        const sets = workbook.addWorksheet("sets")
        sets.addRow(["set", "label", "counted value", "items"])
        for (const s of codebook.multipleResponseSets) {
          sets.addRow([s.name, s.label[lang], s.countedValue, s.items.join(", ")])
        }
      }
    }
    return new Uint8Array(await workbook.xlsx.writeBuffer())
  })

/**
 * Writes a dataset as `.sav`/`.zsav` (labels, missing codes and MR sets of the codebook, in `lang`), `.csv`
 * (codes), `.xlsx` (codes and the codebook) or `.parquet` (codes and numbers, see parquet.ts), by the path's
 * extension; atomically (nothing partial).
 * `textColumns` (a form's text and date answers, a .sav file's strings) are written as string variables of a
 * .sav/.zsav file with their labels (over 255 bytes a very long string; a value over 32767 bytes, SPSS's limit,
 * refuses the write); the other formats leave them out.
 *
 * @example
 * const warnings = yield* writeDataFile("clean.sav", dataset, codebook, { lang: "vi" })
 */
export const writeDataFile = (
  path: string,
  dataset: Dataset,
  codebook: Codebook | undefined,
  options: { readonly lang?: Lang; readonly textColumns?: ReadonlyArray<TextColumn> } = {}
): Effect.Effect<ReadonlyArray<IoWarning>, FileWriteError> =>
  Effect.gen(function*() {
    const format = dataOutputFormat(path) ?? "csv"
    const lang = options.lang ?? "vi"
    if (format === "sav" || format === "zsav") {
      const textColumns = options.textColumns ?? []
      const long = tooLongString(textColumns)
      if (long !== undefined) {
        return yield* Effect.fail(
          new FileWriteError({
            path,
            reason:
              `column ${long.name}, row ${long.row}: a text of ${long.bytes} bytes, longer than the ${MAX_STRING_WIDTH} ` +
              "bytes danvan writes in an SPSS string; shorten it, or write .csv/.xlsx (without the text columns)"
          })
        )
      }
      const safe = spssSafe(dataset, codebook, textColumns)
      const { bytes, warnings } = writeSav(safe.dataset, safe.codebook, {
        lang,
        textColumns: safe.textColumns,
        compression: format === "zsav" ? "zlib" : "bytecode"
      })
      yield* writeTextFiles([{ path, text: bytes }])
      return [...safe.warnings, ...warnings]
    }
    if (format === "parquet") {
      const { writeParquet } = yield* Effect.promise(() => import("../parquet.js"))
      yield* writeParquet(path, dataset)
      return []
    }
    const text = format === "csv" ? writeCsv(dataset) : yield* datasetToXlsx(dataset, codebook, lang)
    yield* writeTextFiles([{ path, text }])
    return []
  })
