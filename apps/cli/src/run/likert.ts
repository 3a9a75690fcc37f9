import { type AnalysisError, likert, type LikertResult } from "@danvan/analysis"
import { renderLikertCsv, renderLikertJson, renderLikertMarkdown, renderLikertText } from "@danvan/report/text"
import type * as Command from "@effect/cli/Command"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type { likertOptions } from "../commands/likert.js"
import { UsageError } from "../errors.js"
import type { Format, Lang } from "../flags.js"
import { colorEnabled, writeStdout } from "../terminal.js"
import { caseOptions, optionalCodebook, orUndefined, readData, usedColumns, weightConflict } from "./common.js"
import { designOf } from "./design.js"

export type LikertArgs = Command.Command.ParseConfig<typeof likertOptions>

const usage = (message: string) => new UsageError({ command: "likert", message })

export const renderLikert = (result: LikertResult, format: Format, lang: Lang): string => {
  switch (format) {
    case "json":
      return renderLikertJson(result)
    case "md":
      return renderLikertMarkdown(result, { lang })
    case "csv":
      return renderLikertCsv(result, { lang })
    case "text":
      return renderLikertText(result, { lang, color: colorEnabled(process.stdout) })
  }
}

export const runLikert = (args: LikertArgs) =>
  Effect.gen(function*() {
    if (Option.isSome(args.items) === Option.isSome(args.set)) {
      return yield* Effect.fail(usage("give either --set NAME (with --codebook) or --items A,B,C"))
    }
    const weight = orUndefined(args.weight)
    const conflict = weightConflict(weight, args.noWeight)
    if (conflict !== undefined) return yield* Effect.fail(usage(conflict))
    let which: { set: string } | { items: Array<string> }
    if (Option.isSome(args.items)) {
      const items = args.items.value.split(",").map((s) => s.trim())
      if (items.some((s) => s === "")) {
        return yield* Effect.fail(
          usage(`--items "${args.items.value}" has an empty name; give comma-separated column names`)
        )
      }
      which = { items }
    } else {
      which = { set: Option.getOrElse(args.set, () => "") }
    }
    const codebook = yield* optionalCodebook(args.codebook)
    const design = designOf(args)
    const options = {
      ...caseOptions(weight, args.missing, args.noWeight),
      ...design.choice,
      ...(args.reverse ? { reverse: true } : {})
    }
    if (Option.isSome(args.engine)) {
      const { likertCounted } = yield* Effect.promise(() => import("@danvan/analysis"))
      const { withCounter } = yield* Effect.promise(() => import("./engine.js"))
      const counted = yield* withCounter(args.engine.value, args.data, codebook, weight, args.sheet, (counter, cb) =>
        Option.isSome(args.set) && cb === undefined
          ? Effect.fail<UsageError | AnalysisError>(
            usage("--set NAME takes a set of the codebook: add --codebook FILE|ID")
          )
          : likertCounted(counter, cb, which, args.by, options))
      return yield* writeStdout(renderLikert(counted, args.format, args.lang))
    }
    // with --items only those columns (and the group, weight and design) are parsed
    const columns = "items" in which
      ? usedColumns([args.by, ...which.items, ...design.columns], args.missing)
      : undefined
    const read = yield* readData(args.data, codebook, weight, args.sheet, columns, design.numeric)
    // A .sav file brings its own codebook (and weight) unless --codebook is given.
    if (Option.isSome(args.set) && read.codebook === undefined) {
      return yield* Effect.fail(
        usage(
          "--set NAME takes a set of the codebook: add --codebook FILE|ID (a .sav file's own sets need no --codebook)"
        )
      )
    }
    const result = yield* likert(read.dataset, read.codebook, which, args.by, options)
    yield* writeStdout(renderLikert(result, args.format, args.lang))
  })
