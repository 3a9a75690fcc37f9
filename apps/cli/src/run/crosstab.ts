import { crosstab, crosstabFromCounts, type CrosstabResult, type FisherOptions, parseCounts } from "@danvan/analysis"
import { renderCrosstabCsv, renderCrosstabJson, renderCrosstabMarkdown, renderCrosstabText } from "@danvan/report/text"
import type * as Command from "@effect/cli/Command"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type { crosstabOptions } from "../commands/crosstab.js"
import { UsageError } from "../errors.js"
import type { Format, Lang } from "../flags.js"
import { colorEnabled, writeStdout } from "../terminal.js"
import { caseOptions, optionalCodebook, orUndefined, readData, usedColumns, weightConflict } from "./common.js"
import { designOf, hasDesignFlags } from "./design.js"

export type CrosstabArgs = Command.Command.ParseConfig<typeof crosstabOptions>

const usage = (message: string) => new UsageError({ command: "crosstab", message })

const fisherOptions = (args: CrosstabArgs): Effect.Effect<FisherOptions | undefined, UsageError> => {
  const method = orUndefined(args.exact)
  const seed = orUndefined(args.seed)
  const B = orUndefined(args.resamples)
  if (B !== undefined && B < 1) return Effect.fail(usage(`--resamples must be a positive integer, got ${B}`))
  if (method === undefined && seed === undefined && B === undefined) return Effect.succeed(undefined)
  return Effect.succeed({
    ...(method !== undefined ? { method } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(B !== undefined ? { B } : {})
  })
}

export const renderCrosstab = (result: CrosstabResult, format: Format, lang: Lang): string => {
  switch (format) {
    case "json":
      return renderCrosstabJson(result)
    case "csv":
      return renderCrosstabCsv(result, { lang })
    case "md":
      return renderCrosstabMarkdown(result, { lang })
    case "text":
      return renderCrosstabText(result, { lang, color: colorEnabled(process.stdout) })
  }
}

export const runCrosstab = (args: CrosstabArgs) =>
  Effect.gen(function*() {
    const fisher = yield* fisherOptions(args)
    const row = orUndefined(args.row)
    const col = orUndefined(args.col)
    let result: CrosstabResult
    if (Option.isSome(args.counts) && Option.isSome(args.data)) {
      return yield* Effect.fail(usage("give either --counts or --data, not both"))
    }
    if (Option.isSome(args.engine) && (Option.isSome(args.counts) || Option.isSome(args.layer))) {
      return yield* Effect.fail(usage("--engine applies to --data without --layer"))
    }
    if (Option.isSome(args.counts)) {
      if (Option.isSome(args.sheet)) return yield* Effect.fail(usage("--sheet applies to --data only"))
      if (hasDesignFlags(args)) {
        return yield* Effect.fail(
          usage("--strata, --cluster, --fpc, --weight-mode and --lonely-psu apply to --data only")
        )
      }
      if (Option.isSome(args.weight) || args.noWeight) {
        return yield* Effect.fail(usage(`${args.noWeight ? "--no-weight" : "--weight"} applies to --data only`))
      }
      if (Option.isSome(args.layer) || args.correct) {
        return yield* Effect.fail(usage("--layer and --correct apply to --data only"))
      }
      if (Object.keys(args.missing).length > 0) return yield* Effect.fail(usage("--missing applies to --data only"))
      if ((row === undefined) !== (col === undefined)) {
        return yield* Effect.fail(usage("with --counts, give both --row and --col or neither"))
      }
      // With --counts, --row/--col name codebook variables whose labels go on the typed table:
      // one without the other does nothing.
      if (row !== undefined && Option.isNone(args.codebook)) {
        return yield* Effect.fail(
          usage("with --counts, --row and --col name codebook variables: add --codebook FILE|ID")
        )
      }
      if (row === undefined && Option.isSome(args.codebook)) {
        return yield* Effect.fail(
          usage("with --counts, --codebook labels the table only together with --row VAR and --col VAR")
        )
      }
      const codebook = yield* optionalCodebook(args.codebook)
      const table = yield* parseCounts(args.counts.value)
      result = yield* crosstabFromCounts(table, {
        ...(codebook !== undefined ? { codebook } : {}),
        ...(row !== undefined ? { row } : {}),
        ...(col !== undefined ? { col } : {}),
        ...(fisher !== undefined ? { fisher } : {})
      })
    } else if (Option.isSome(args.data)) {
      if (row === undefined || col === undefined) {
        return yield* Effect.fail(
          usage("--data needs --row VAR and --col VAR")
        )
      }
      if (Option.isSome(args.layer) && hasDesignFlags(args)) {
        return yield* Effect.fail(
          usage(
            "a layered table (--layer) uses frequency weights: drop --strata/--cluster/--fpc/--weight-mode/--lonely-psu"
          )
        )
      }
      if (Option.isSome(args.layer)) {
        const { runLayered } = yield* Effect.promise(() => import("./layered.js"))
        return yield* runLayered(args, args.data.value, row, col, args.layer.value, fisher)
      }
      if (args.correct) return yield* Effect.fail(usage("--correct applies to a layered table (--layer VAR)"))
      const codebook = yield* optionalCodebook(args.codebook)
      const weight = orUndefined(args.weight)
      const conflict = weightConflict(weight, args.noWeight)
      if (conflict !== undefined) return yield* Effect.fail(usage(conflict))
      const design = designOf(args)
      if (Option.isSome(args.engine)) {
        const { crosstabCounted } = yield* Effect.promise(() => import("@danvan/analysis"))
        const { withCounter } = yield* Effect.promise(() => import("./engine.js"))
        result = yield* withCounter(args.engine.value, args.data.value, codebook, weight, args.sheet, (counter, cb) =>
          crosstabCounted(counter, cb, row, col, {
            ...caseOptions(weight, args.missing, args.noWeight),
            ...design.choice,
            ...(fisher !== undefined ? { fisher } : {})
          }))
        yield* writeStdout(renderCrosstab(result, args.format, args.lang))
        return
      }
      // only the two columns (and the weight and design) are parsed: the others are skipped by the scanner
      const columns = usedColumns([row, col, ...design.columns], args.missing)
      const read = yield* readData(args.data.value, codebook, weight, args.sheet, columns, design.numeric)
      result = yield* crosstab(read.dataset, read.codebook, row, col, {
        ...caseOptions(weight, args.missing, args.noWeight),
        ...design.choice,
        ...(fisher !== undefined ? { fisher } : {})
      })
    } else {
      return yield* Effect.fail(
        usage("give --counts ROWS (a typed table) or --data FILE (.csv, .xlsx, .sav) with --row and --col")
      )
    }
    yield* writeStdout(renderCrosstab(result, args.format, args.lang))
  })
