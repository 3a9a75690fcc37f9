import { frequencies, type FrequenciesResult } from "@danvan/analysis"
import {
  renderFrequenciesCsv,
  renderFrequenciesJson,
  renderFrequenciesMarkdown,
  renderFrequenciesText
} from "@danvan/report/text"
import type * as Command from "@effect/cli/Command"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type { frequenciesOptions } from "../commands/frequencies.js"
import { UsageError } from "../errors.js"
import type { Format, Lang } from "../flags.js"
import { colorEnabled, writeStdout } from "../terminal.js"
import { caseOptions, optionalCodebook, orUndefined, readData, weightConflict } from "./common.js"
import { designOf } from "./design.js"

export type FrequenciesArgs = Command.Command.ParseConfig<typeof frequenciesOptions>

export const renderFrequencies = (results: ReadonlyArray<FrequenciesResult>, format: Format, lang: Lang): string => {
  switch (format) {
    case "json":
      return renderFrequenciesJson(results)
    case "csv":
      return renderFrequenciesCsv(results, { lang })
    case "md":
      return renderFrequenciesMarkdown(results, { lang })
    case "text":
      return renderFrequenciesText(results, { lang, color: colorEnabled(process.stdout) })
  }
}

export const runFrequencies = (args: FrequenciesArgs) =>
  Effect.gen(function*() {
    const weight = orUndefined(args.weight)
    const conflict = weightConflict(weight, args.noWeight)
    if (conflict !== undefined) return yield* Effect.fail(new UsageError({ command: "frequencies", message: conflict }))
    const codebook = yield* optionalCodebook(args.codebook)
    const design = designOf(args)
    if (Option.isSome(args.engine)) {
      const { frequenciesCounted } = yield* Effect.promise(() => import("@danvan/analysis"))
      const { withCounter } = yield* Effect.promise(() => import("./engine.js"))
      const options = { ...caseOptions(weight, args.missing, args.noWeight), ...design.choice }
      const counted = yield* withCounter(args.engine.value, args.data, codebook, weight, args.sheet, (counter, cb) =>
        Effect.forEach(args.variables, (name) =>
          frequenciesCounted(counter, cb, name, options)))
      yield* writeStdout(renderFrequencies(counted, args.format, args.lang))
      return
    }
    const read = yield* readData(args.data, codebook, weight, args.sheet, [
      ...args.variables,
      ...Object.keys(args.missing),
      ...design.columns
    ], design.numeric)
    const options = { ...caseOptions(weight, args.missing, args.noWeight), ...design.choice }
    const results = yield* Effect.forEach(args.variables, (name) =>
      frequencies(read.dataset, read.codebook, name, options))
    yield* writeStdout(renderFrequencies(results, args.format, args.lang))
  })
