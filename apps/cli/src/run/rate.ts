import { rateFromText } from "@danvan/analysis"
import { renderRateJson, renderRateText } from "@danvan/report/text"
import type * as Command from "@effect/cli/Command"
import * as Effect from "effect/Effect"
import type { rateOptions } from "../commands/rate.js"
import { colorEnabled, writeStdout } from "../terminal.js"

export type RateArgs = Command.Command.ParseConfig<typeof rateOptions>

export const runRate = (args: RateArgs) =>
  Effect.gen(function*() {
    const result = yield* rateFromText(args.x, args.n, args.level)
    const color = colorEnabled(process.stdout)
    const text = args.format === "json" ? renderRateJson(result) : renderRateText(result, { lang: args.lang, color })
    yield* writeStdout(text)
  })
