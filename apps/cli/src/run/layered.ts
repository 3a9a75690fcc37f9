import { type FisherOptions, layeredCrosstab } from "@danvan/analysis"
import {
  renderLayeredCrosstabCsv,
  renderLayeredCrosstabJson,
  renderLayeredCrosstabMarkdown,
  renderLayeredCrosstabText
} from "@danvan/report/text"
import * as Effect from "effect/Effect"
import { UsageError } from "../errors.js"
import { colorEnabled, writeStdout } from "../terminal.js"
import { caseOptions, optionalCodebook, orUndefined, readData, weightConflict } from "./common.js"
import type { CrosstabArgs } from "./crosstab.js"

/** `danvan crosstab --data F --row R --col C --layer L [--correct]`: the layered crosstab with CMH tests. */
export const runLayered = (
  args: CrosstabArgs,
  data: string,
  row: string,
  col: string,
  layer: string,
  fisher: FisherOptions | undefined
) =>
  Effect.gen(function*() {
    const weight = orUndefined(args.weight)
    const conflict = weightConflict(weight, args.noWeight)
    if (conflict !== undefined) return yield* Effect.fail(new UsageError({ command: "crosstab", message: conflict }))
    const codebook = yield* optionalCodebook(args.codebook)
    const read = yield* readData(data, codebook, weight, args.sheet)
    const result = yield* layeredCrosstab(read.dataset, read.codebook, row, col, layer, {
      ...caseOptions(weight, args.missing, args.noWeight),
      ...(fisher !== undefined ? { fisher } : {}),
      correct: args.correct
    })
    yield* writeStdout(
      args.format === "json"
        ? renderLayeredCrosstabJson(result)
        : args.format === "md"
        ? renderLayeredCrosstabMarkdown(result, { lang: args.lang })
        : args.format === "csv"
        ? renderLayeredCrosstabCsv(result, { lang: args.lang })
        : renderLayeredCrosstabText(result, { lang: args.lang, color: colorEnabled(process.stdout) })
    )
  })
