import { codebookToJson } from "@danvan/domain"
import { checkWritable, readDataFile, writeCsv, writeDataXlsx, writeSavFile, writeTextFiles } from "@danvan/io"
import type * as Command from "@effect/cli/Command"
import * as Effect from "effect/Effect"
import * as FiberRef from "effect/FiberRef"
import * as Option from "effect/Option"
import type { prepareOptions } from "../commands/prepare.js"
import { CurrentEncoding } from "../encodingFlag.js"
import { UsageError } from "../errors.js"
import { writeStdout } from "../terminal.js"
import { optionalCodebook, reportWarnings } from "./common.js"
import { prepareRead } from "./recipe.js"

export type PrepareArgs = Command.Command.ParseConfig<typeof prepareOptions>

const kindOf = (out: string): "sav" | "csv" | "xlsx" | undefined =>
  /\.z?sav$/i.test(out) ? "sav" : /\.csv$/i.test(out) ? "csv" : /\.xlsx$/i.test(out) ? "xlsx" : undefined

/** `danvan prepare`: read, apply the recipe, write the result (all or nothing) and print the log. */
export const runPrepare = (args: PrepareArgs) =>
  Effect.gen(function*() {
    const kind = kindOf(args.out)
    if (kind === undefined) {
      return yield* Effect.fail(
        new UsageError({ command: "prepare", message: `--out ${args.out}: write .sav, .zsav, .csv or .xlsx` })
      )
    }
    yield* checkWritable(args.out)
    const codebook = yield* optionalCodebook(args.codebook)
    const encoding = yield* FiberRef.get(CurrentEncoding)
    const read = yield* readDataFile(args.data, {
      ...(encoding !== undefined ? { encoding } : {}),
      ...(codebook !== undefined ? { codebook } : {}),
      ...(Option.isSome(args.sheet) ? { sheet: args.sheet.value } : {})
    }).pipe(Effect.tap((r) => reportWarnings(r.warnings)))
    const prepared = yield* prepareRead(args.recipe, read, codebook)
    const all = prepared.recipe.all
    if (kind === "sav") yield* writeSavFile(args.out, all, prepared.codebook)
    else if (kind === "xlsx") {
      const bytes = yield* Effect.promise(() => writeDataXlsx(all, prepared.codebook))
      yield* writeTextFiles([{ path: args.out, text: bytes }])
    } else {
      const files = [{ path: args.out, text: writeCsv(all) }]
      if (prepared.codebook !== undefined) {
        const text = JSON.stringify(codebookToJson(prepared.codebook), null, 2) + "\n"
        files.push({ path: args.out.replace(/\.csv$/i, ".codebook.json"), text })
      }
      yield* writeTextFiles(files)
    }
    const log = prepared.recipe.log
    yield* writeStdout(
      args.format === "json"
        ? JSON.stringify(
          { recipe: args.recipe, out: args.out, rows: all.rowCount, analysed: prepared.dataset.rowCount, steps: log },
          null,
          2
        )
        : [
          ...log.map((l) => `${l.step}. ${l.op}: ${l.summary}${l.note !== undefined ? ` (${l.note})` : ""}`),
          `wrote ${args.out}: ${all.rowCount} rows, ${all.columns.length} variables (${prepared.dataset.rowCount} selected for analysis)`
        ].join("\n")
    )
  })
