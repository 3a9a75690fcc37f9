import * as Args from "@effect/cli/Args"
import * as Command from "@effect/cli/Command"
import * as Effect from "effect/Effect"
import * as flags from "../flags.js"

export const describeOptions = {
  data: flags.dataFile(""),
  sheet: flags.sheet,
  codebook: flags.codebook,
  weight: flags.weight,
  noWeight: flags.noWeight,
  ...flags.designFlags,
  missing: flags.missing,
  format: flags.format,
  lang: flags.lang,
  variables: Args.text({ name: "VAR" }).pipe(
    Args.withDescription("Numeric variables (column names) to describe."),
    Args.atLeast(1)
  )
}

export const describe = Command.make("describe", describeOptions, (args) =>
  Effect.flatMap(
    Effect.promise(() => import("../run/describe.js")),
    (m) => m.runDescribe(args)
  )).pipe(
    Command.withDescription(
      "SPSS DESCRIPTIVES/FREQUENCIES statistics of numeric variables: N valid and missing, mean, SE, median, SD, skewness and kurtosis (SPSS's G1, G2) with SEs, minimum, maximum and quartiles (SPSS's HAVERAGE), weighted with --weight."
    )
  )
