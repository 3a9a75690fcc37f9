import * as Args from "@effect/cli/Args"
import * as Command from "@effect/cli/Command"
import * as Options from "@effect/cli/Options"
import * as Effect from "effect/Effect"
import * as flags from "../flags.js"

export const rateOptions = {
  // text, not Args.integer: analysis's parseRateCount says what is wrong with a negative, fractional or too large count
  x: Args.text({ name: "X" }).pipe(
    Args.withDescription("Number of cases with the attribute (e.g. 19183 opinions resolved).")
  ),
  n: Args.text({ name: "N" }).pipe(Args.withDescription("Number of cases (e.g. 21727 opinions received).")),
  level: Options.float("level").pipe(
    Options.withDescription("Confidence level, between 0 and 1."),
    Options.withDefault(0.95)
  ),
  format: Options.choice("format", ["text", "json"]).pipe(
    Options.withDescription("text or json (the result object)."),
    Options.withDefault("text" as const)
  ),
  lang: flags.lang
}

export const rate = Command.make("rate", rateOptions, (args) =>
  Effect.flatMap(
    Effect.promise(() => import("../run/rate.js")),
    (m) => m.runRate(args)
  )).pipe(
    Command.withDescription(
      "A proportion X of N (e.g. 319 of 411 communes meeting the new-rural standards) with its Wilson score and Clopper-Pearson (exact) confidence intervals."
    )
  )

const VALUE_OPTIONS = new Set(["--level", "--format", "--lang"])

/**
 * @effect/cli reads a negative number typed as X or N ("rate -1 5 --format json") as an unknown option and then
 * complains about the next flag. When a count looks negative, the options are moved before the counts, where the
 * parser takes "-1" as the value of X, so analysis can say what is wrong with it. Other command lines are
 * returned unchanged.
 */
export const negativeRateCountsLast = (argv: ReadonlyArray<string>): ReadonlyArray<string> => {
  const at = argv.indexOf("rate", 2)
  if (at < 0 || argv.slice(2, at).some((a) => !a.startsWith("-"))) return argv
  const rest = argv.slice(at + 1)
  if (!rest.some((a) => /^-\d|^-\.\d/.test(a))) return argv
  const options: Array<string> = []
  const counts: Array<string> = []
  for (let k = 0; k < rest.length; k++) {
    const a = rest[k]
    if (a.startsWith("--")) {
      options.push(a)
      if (VALUE_OPTIONS.has(a) && k + 1 < rest.length) options.push(rest[++k])
    } else counts.push(a)
  }
  return [...argv.slice(0, at + 1), ...options, ...counts]
}
