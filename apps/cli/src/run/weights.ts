import { readFile } from "node:fs/promises"
import { parseRakeMargins, rake } from "@danvan/analysis"
import { type Dataset, makeDataset } from "@danvan/domain"
import { appendCsvColumn, checkWritable, writeCsv, writeTextFiles } from "@danvan/io"
import { renderRakeJson, renderRakeText } from "@danvan/report/text"
import type * as Command from "@effect/cli/Command"
import * as Effect from "effect/Effect"
import * as FiberRef from "effect/FiberRef"
import type { rakeOptions } from "../commands/weights.js"
import { CurrentEncoding } from "../encodingFlag.js"
import { UsageError } from "../errors.js"
import { writeStdout } from "../terminal.js"
import { optionalCodebook, orUndefined, readData } from "./common.js"

/**
 * The output: a CSV input with every field as it was (text columns too) plus the weight; other formats as the
 * dataset read from them.
 */
const outputCsv = (data: string, name: string, dataset: Dataset, weights: Float64Array) =>
  Effect.gen(function*() {
    if (!/\.csv$/i.test(data)) {
      return writeCsv(makeDataset([...dataset.columns, { name, type: "numeric", values: weights }]))
    }
    const encoding = yield* FiberRef.get(CurrentEncoding)
    const bytes = yield* Effect.promise(() => readFile(data))
    const out = appendCsvColumn(bytes, name, Array.from(weights, String), encoding ?? "auto")
    if (typeof out !== "string") {
      return yield* Effect.fail(
        usage(`${data}: ${out.error} (a --recipe that adds or drops rows: rake its output file)`)
      )
    }
    return out
  })

export type RakeArgs = Command.Command.ParseConfig<typeof rakeOptions>

const usage = (message: string) => new UsageError({ command: "weights rake", message })

/** `danvan weights rake`: read, rake, write the data with the new weight (all or nothing), print the margins. */
export const runRake = (args: RakeArgs) =>
  Effect.gen(function*() {
    if (!/\.csv$/i.test(args.out)) return yield* Effect.fail(usage(`--out ${args.out}: write a .csv file`))
    const tolerance = orUndefined(args.tolerance)
    if (tolerance !== undefined && !(tolerance > 0)) {
      return yield* Effect.fail(usage(`--tolerance must be positive, got ${tolerance}`))
    }
    const maxIterations = orUndefined(args.maxIterations)
    if (maxIterations !== undefined && maxIterations < 1) {
      return yield* Effect.fail(usage(`--max-iterations must be a positive integer, got ${maxIterations}`))
    }
    yield* checkWritable(args.out)
    const text = yield* Effect.promise(() => readFile(args.margins, "utf8"))
    const margins = yield* parseRakeMargins(text, args.margins)
    const given = yield* optionalCodebook(args.codebook)
    const weight = orUndefined(args.weight)
    const read = yield* readData(args.data, given, weight, args.sheet)
    const dataset = read.dataset
    if (dataset.columns.some((c) => c.name === args.weightName)) {
      return yield* Effect.fail(
        usage(`the data already has a column "${args.weightName}"; name the new weight with --weight-name`)
      )
    }
    const result = yield* rake(dataset, read.codebook, margins, {
      ...(weight !== undefined ? { weight } : { noWeight: true }),
      ...(tolerance !== undefined ? { tolerance } : {}),
      ...(maxIterations !== undefined ? { maxIterations } : {}),
      ...(Object.keys(args.missing).length > 0 ? { missing: args.missing } : {})
    })
    const text2 = yield* outputCsv(args.data, args.weightName, dataset, result.weights)
    yield* writeTextFiles([{ path: args.out, text: text2 }])
    yield* writeStdout(
      args.format === "json"
        ? renderRakeJson(result, args.out, args.weightName)
        : renderRakeText(result, { lang: args.lang, out: args.out, weightName: args.weightName })
    )
  })
