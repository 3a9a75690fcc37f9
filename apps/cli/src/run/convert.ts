import { dataOutputFormat, readDataFile, writeDataFile } from "@danvan/io"
import type * as Command from "@effect/cli/Command"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type { convertOptions } from "../commands/convert.js"
import { UsageError } from "../errors.js"
import { writeStderr } from "../terminal.js"
import { optionalCodebook, reportWarnings } from "./common.js"

export type ConvertArgs = Command.Command.ParseConfig<typeof convertOptions>

/**
 * `convert FILE --out clean.sav|.zsav|.csv|.xlsx`: reads any data file danvan reads and writes it coded.
 *
 * @example
 * yield* runConvert({
 *   file: "responses.csv",
 *   out: "clean.sav",
 *   codebook: Option.none(),
 *   sheet: Option.none(),
 *   encoding: "auto",
 *   lang: "vi"
 * })
 */
export const runConvert = (args: ConvertArgs) =>
  Effect.gen(function*() {
    if (dataOutputFormat(args.out) === undefined) {
      return yield* Effect.fail(
        new UsageError({
          command: "convert",
          message: `--out ${args.out}: expected a .sav, .zsav, .csv, .xlsx or .parquet file name`
        })
      )
    }
    const codebook = yield* optionalCodebook(args.codebook)
    const read = yield* readDataFile(args.file, {
      ...(codebook !== undefined ? { codebook } : {}),
      ...(Option.isSome(args.sheet) ? { sheet: args.sheet.value } : {}),
      encoding: args.encoding,
      keepText: true
    })
    yield* reportWarnings(read.warnings)
    const format = dataOutputFormat(args.out)
    // A saved codebook's textVariables label the text columns it names (a plain header is only a name).
    const labels = new Map((read.codebook?.textVariables ?? []).map((t) => [t.name, t.label]))
    const textColumns = read.textColumns.map((c) => {
      const label = labels.get(c.name)
      return label !== undefined ? { ...c, label } : c
    })
    const warnings = yield* writeDataFile(args.out, read.dataset, read.codebook, { lang: args.lang, textColumns })
    yield* reportWarnings(warnings)
    // A .sav/.zsav holds the text and date columns (as labelled string variables); .csv/.xlsx leave them out.
    const kept = new Set(format === "sav" || format === "zsav" ? read.textColumns.map((c) => c.name) : [])
    const text = [
      ...new Set([
        ...(read.dataset.typing?.filter((t) => t.type !== "numeric").map((t) => t.name) ?? []),
        ...read.textColumns.map((c) => c.name)
      ])
    ].filter((name) => !kept.has(name))
    if (text.length > 0) {
      yield* writeStderr(
        `danvan: warning: text and date columns not written (${
          format === "sav" || format === "zsav"
            ? "they could not be read again as text"
            : "a .csv/.xlsx/.parquet output holds coded and numeric columns; write .sav to keep them"
        }): ${text.join(", ")}`
      )
    }
    yield* writeStderr(
      `danvan: wrote ${args.out} (${read.dataset.rowCount} rows, ${read.dataset.columns.length + kept.size} variables)`
    )
  })
