import { layeredCrosstab, type FisherOptions } from "@danvan/analysis"
import * as Effect from "effect/Effect"
import { UsageError } from "../errors.js"
import { renderLayeredCrosstabJson, renderLayeredCrosstabText } from "@danvan/report/text"
import { colorEnabled, writeStdout } from "../terminal.js"
import type { CrosstabArgs } from "./crosstab.js"
import { caseOptions, optionalCodebook, orUndefined, readData } from "./common.js"

/** `danvan crosstab --data F --row R --col C --layer L [--correct]`: the layered crosstab with CMH tests. */
export const runLayered = (args: CrosstabArgs, data: string, row: string, col: string, layer: string, fisher: FisherOptions | undefined) =>
  Effect.gen(function* () {
    if (args.format === "csv" || args.format === "md") {
      return yield* Effect.fail(new UsageError({ command: "crosstab", message: "--layer prints text or json; use --format text or --format json" }))
    }
    const codebook = yield* optionalCodebook(args.codebook)
    const weight = orUndefined(args.weight)
    const read = yield* readData(data, codebook, weight, args.sheet)
    const result = yield* layeredCrosstab(read.dataset, read.codebook, row, col, layer, {
      ...caseOptions(weight, args.missing),
      ...(fisher !== undefined ? { fisher } : {}),
      correct: args.correct
    })
    yield* writeStdout(args.format === "json"
      ? renderLayeredCrosstabJson(result)
      : renderLayeredCrosstabText(result, { lang: args.lang, color: colorEnabled(process.stdout) }))
  })
