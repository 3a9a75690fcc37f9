import * as Args from "@effect/cli/Args"
import * as Command from "@effect/cli/Command"
import * as Effect from "effect/Effect"
import * as flags from "../flags.js"

export const frequenciesOptions = {
  data: flags.dataFile(""),
  sheet: flags.sheet,
  codebook: flags.codebook,
  weight: flags.weight,
  noWeight: flags.noWeight,
  ...flags.designFlags,
  missing: flags.missing,
  format: flags.format,
  lang: flags.lang,
  engine: flags.engine,
  variables: Args.text({ name: "VAR" }).pipe(
    Args.withDescription("Variables (column names) to tabulate."),
    Args.atLeast(1)
  )
}

export const frequencies = Command.make("frequencies", frequenciesOptions, (args) =>
  Effect.flatMap(
    Effect.promise(() => import("../run/frequencies.js")),
    (m) => m.runFrequencies(args)
  )).pipe(
    Command.withDescription(
      "SPSS FREQUENCIES: for each variable, Frequency, Percent, Valid Percent and Cumulative Percent of its valid categories, then missing codes and system-missing."
    )
  )
