import {
  multipleResponse,
  multipleResponseCounted,
  type MultipleResponseOptions,
  type MultipleResponseResult,
  multipleResponseSet
} from "@danvan/analysis"
import type { Codebook } from "@danvan/domain"
import { label } from "@danvan/report/text"
import { renderMrJson, renderMrMarkdown, renderMrText } from "@danvan/report/text"
import type * as Command from "@effect/cli/Command"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type { mrOptions } from "../commands/mr.js"
import { UsageError } from "../errors.js"
import type { Lang } from "../flags.js"
import * as flags from "../flags.js"
import { colorEnabled, writeStdout } from "../terminal.js"
import { caseOptions, optionalCodebook, orUndefined, readData, usedColumns, weightConflict } from "./common.js"
import { designOf } from "./design.js"

export type MrArgs = Command.Command.ParseConfig<typeof mrOptions>

const usage = (message: string) => new UsageError({ command: "mr", message })

export const renderMr = (
  result: MultipleResponseResult,
  format: "text" | "json" | "md",
  lang: Lang,
  setLabel?: string
): string => {
  const extra = setLabel !== undefined ? { setLabel } : {}
  return format === "json"
    ? renderMrJson(result)
    : format === "md"
    ? renderMrMarkdown(result, { lang, ...extra })
    : renderMrText(result, { lang, color: colorEnabled(process.stdout), ...extra })
}

export const runMr = (args: MrArgs) =>
  Effect.gen(function*() {
    if (Option.isSome(args.items) === Option.isSome(args.set)) {
      return yield* Effect.fail(usage("give either --items A,B,C or --set NAME (with --codebook)"))
    }
    const B = orUndefined(args.resamples)
    if (B !== undefined && B < 1) return yield* Effect.fail(usage(`--resamples must be a positive integer, got ${B}`))
    if (args.method !== "bootstrap" && (B !== undefined || Option.isSome(args.seed))) {
      return yield* Effect.fail(usage("--resamples and --seed apply to --method bootstrap only"))
    }
    const weight = orUndefined(args.weight)
    const conflict = weightConflict(weight, args.noWeight)
    if (conflict !== undefined) return yield* Effect.fail(usage(conflict))
    const given = yield* optionalCodebook(args.codebook)
    if (Option.isSome(args.engine)) {
      const { withCounter } = yield* Effect.promise(() => import("./engine.js"))
      return yield* withCounter(args.engine.value, args.data, given, weight, args.sheet, (counter, codebook) =>
        mrOf(
          args,
          codebook,
          B,
          weight,
          (items, options) => multipleResponseCounted(counter, codebook, args.group, items, options)
        ))
    }
    // A .sav file brings its own codebook (and MR sets, and weight) unless --codebook is given.
    // with --items the columns are known before reading: only those (and the group and weight) are parsed
    const listed = Option.isSome(args.items) ? args.items.value.split(",").map((s) => s.trim()) : undefined
    const design = designOf(args)
    const columns = listed !== undefined && !listed.includes("")
      ? usedColumns([args.group, ...listed, ...design.columns], args.missing)
      : undefined
    const read = yield* readData(args.data, given, weight, args.sheet, columns, design.numeric)
    return yield* mrOf(
      args,
      read.codebook,
      B,
      weight,
      (items, options) => multipleResponse(read.dataset, read.codebook, args.group, items, options)
    )
  })

/** The set's items from --items or --set, the analysis (`analyse`, by the chosen engine), the output. */
const mrOf = <E>(
  args: MrArgs,
  codebook: Codebook | undefined,
  B: number | undefined,
  weight: string | undefined,
  analyse: (
    items: ReadonlyArray<string>,
    options: MultipleResponseOptions
  ) => Effect.Effect<MultipleResponseResult, E>
) =>
  Effect.gen(function*() {
    if (Option.isSome(args.set) && codebook === undefined) {
      return yield* Effect.fail(
        usage(
          "--set NAME takes a set of the codebook: add --codebook FILE|ID (a .sav file's own sets need no --codebook)"
        )
      )
    }
    let items: ReadonlyArray<string>
    let setLabel: string | undefined
    if (Option.isSome(args.items)) {
      items = args.items.value.split(",").map((s) => s.trim())
      if (items.some((s) => s === "")) {
        return yield* Effect.fail(
          usage(`--items "${args.items.value}" has an empty name; give comma-separated column names`)
        )
      }
    } else {
      const found = yield* multipleResponseSet(codebook, Option.getOrElse(args.set, () => ""))
      items = found.items
      setLabel = label(found.label, args.lang)
    }
    const result = yield* analyse(items, {
      method: args.method,
      ...(B !== undefined ? { B } : {}),
      ...(Option.isSome(args.seed) ? { seed: args.seed.value } : {}),
      ...caseOptions(weight, args.missing, args.noWeight),
      ...flags.designChoice(args)
    })
    yield* writeStdout(renderMr(result, args.format, args.lang, setLabel))
  })
