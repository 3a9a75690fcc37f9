import * as Args from "@effect/cli/Args"
import * as Command from "@effect/cli/Command"
import * as Options from "@effect/cli/Options"
import * as Effect from "effect/Effect"
import * as flags from "../flags.js"

export const rateOptions = {
  x: Args.integer({ name: "X" }).pipe(Args.withDescription("Number of cases with the attribute (e.g. 19183 opinions resolved).")),
  n: Args.integer({ name: "N" }).pipe(Args.withDescription("Number of cases (e.g. 21727 opinions received).")),
  level: Options.float("level").pipe(Options.withDescription("Confidence level, between 0 and 1."), Options.withDefault(0.95)),
  format: Options.choice("format", ["text", "json"]).pipe(Options.withDescription("text or json (the result object)."), Options.withDefault("text" as const)),
  lang: flags.lang
}

export const rate = Command.make("rate", rateOptions, (args) =>
  Effect.flatMap(
    Effect.promise(() => import("../run/rate.js")),
    (m) => m.runRate(args)
  )
).pipe(
  Command.withDescription(
    "A proportion X of N (e.g. 319 of 411 communes meeting the new-rural standards) with its Wilson score and Clopper-Pearson (exact) confidence intervals."
  )
)
