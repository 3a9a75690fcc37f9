import { type DescribeResult, describeVariable } from "@danvan/analysis"
import { renderDescribeCsv, renderDescribeJson, renderDescribeMarkdown, renderDescribeText } from "@danvan/report/text"
import type * as Command from "@effect/cli/Command"
import * as Effect from "effect/Effect"
import type { describeOptions } from "../commands/describe.js"
import { UsageError } from "../errors.js"
import type { Format, Lang } from "../flags.js"
import { colorEnabled, writeStdout } from "../terminal.js"
import { caseOptions, optionalCodebook, orUndefined, readDataColumns, weightConflict } from "./common.js"
import { designOf } from "./design.js"

export type DescribeArgs = Command.Command.ParseConfig<typeof describeOptions>

export const renderDescribe = (results: ReadonlyArray<DescribeResult>, format: Format, lang: Lang): string => {
  switch (format) {
    case "json":
      return renderDescribeJson(results)
    case "csv":
      return renderDescribeCsv(results, { lang })
    case "md":
      return renderDescribeMarkdown(results, { lang })
    case "text":
      return renderDescribeText(results, { lang, color: colorEnabled(process.stdout) })
  }
}

/**
 * `danvan describe`: reads the data (the described variables as numbers), then the statistics of each variable.
 *
 * @example
 * yield* runDescribe(args) // prints the Descriptive Statistics table
 */
export const runDescribe = (args: DescribeArgs) =>
  Effect.gen(function*() {
    const weight = orUndefined(args.weight)
    const conflict = weightConflict(weight, args.noWeight)
    if (conflict !== undefined) return yield* Effect.fail(new UsageError({ command: "describe", message: conflict }))
    const codebook = yield* optionalCodebook(args.codebook)
    const design = designOf(args)
    const read = yield* readDataColumns(args.data, codebook, [
      ...new Set([
        ...(weight !== undefined ? [weight] : []),
        ...args.variables,
        ...Object.keys(args.missing),
        ...design.columns,
        ...design.numeric
      ])
    ], args.sheet)
    const options = { ...caseOptions(weight, args.missing, args.noWeight), ...design.choice }
    const results = yield* Effect.forEach(args.variables, (name) =>
      describeVariable(read.dataset, read.codebook, name, options))
    yield* writeStdout(renderDescribe(results, args.format, args.lang))
  })
