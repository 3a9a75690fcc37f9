import { correlate, means } from "@danvan/analysis"
import type { Codebook } from "@danvan/domain"
import { readDataFile } from "@danvan/io"
import {
  renderCorrelateCsv,
  renderCorrelateMarkdown,
  renderCorrelateText,
  renderMeansCsv,
  renderMeansJson,
  renderMeansMarkdown,
  renderMeansText
} from "@danvan/report/text"
import type * as Command from "@effect/cli/Command"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type { correlateOptions, meansOptions } from "../commands/means.js"
import { UsageError } from "../errors.js"
import { colorEnabled, writeStdout } from "../terminal.js"
import { caseOptions, optionalCodebook, orUndefined, reportWarnings, weightConflict, withRecipe } from "./common.js"
import { designOf } from "./design.js"

export type MeansArgs = Command.Command.ParseConfig<typeof meansOptions>
export type CorrelateArgs = Command.Command.ParseConfig<typeof correlateOptions>

/** Reads `--data` with the given columns read as numbers (and the weight). */
const readNumeric = (
  path: string,
  codebook: Codebook | undefined,
  numeric: ReadonlyArray<string>,
  sheet: Option.Option<string>
) =>
  // With the shared data reading's --encoding and --recipe (every column read: the --by variable too).
  withRecipe(
    (_subset, encoding) =>
      readDataFile(path, {
        ...encoding,
        ...(codebook !== undefined ? { codebook } : {}),
        numericColumns: [...numeric],
        ...(Option.isSome(sheet) ? { sheet: sheet.value } : {})
      }).pipe(Effect.tap((read) => reportWarnings(read.warnings))),
    codebook
  )

export const runMeans = (args: MeansArgs) =>
  Effect.gen(function*() {
    const weight = orUndefined(args.weight)
    const conflict = weightConflict(weight, args.noWeight)
    if (conflict !== undefined) return yield* Effect.fail(new UsageError({ command: "means", message: conflict }))
    const codebook = yield* optionalCodebook(args.codebook)
    const design = designOf(args)
    const read = yield* readNumeric(
      args.data,
      codebook,
      [args.variable, ...(weight !== undefined ? [weight] : []), ...design.numeric],
      args.sheet
    )
    const result = yield* means(
      read.dataset,
      read.codebook,
      args.variable,
      args.by,
      { ...caseOptions(weight, args.missing, args.noWeight), ...design.choice }
    )
    const options = { lang: args.lang, color: colorEnabled(process.stdout) }
    const render =
      { json: renderMeansJson, csv: renderMeansCsv, md: renderMeansMarkdown, text: renderMeansText }[args.format]
    yield* writeStdout(render(result, options))
  })

export const runCorrelate = (args: CorrelateArgs) =>
  Effect.gen(function*() {
    const weight = orUndefined(args.weight)
    const conflict = weightConflict(weight, args.noWeight)
    if (conflict !== undefined) return yield* Effect.fail(new UsageError({ command: "correlate", message: conflict }))
    const codebook = yield* optionalCodebook(args.codebook)
    const read = yield* readNumeric(
      args.data,
      codebook,
      [...args.variables, ...(weight !== undefined ? [weight] : [])],
      args.sheet
    )
    const result = yield* correlate(
      read.dataset,
      read.codebook,
      args.variables,
      caseOptions(weight, args.missing, args.noWeight)
    )
    const options = { lang: args.lang, color: colorEnabled(process.stdout) }
    const render = {
      json: renderMeansJson,
      csv: renderCorrelateCsv,
      md: renderCorrelateMarkdown,
      text: renderCorrelateText
    }[args.format]
    yield* writeStdout(render(result, options))
  })
