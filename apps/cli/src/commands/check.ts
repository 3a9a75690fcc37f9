import * as Command from "@effect/cli/Command"
import * as Options from "@effect/cli/Options"
import * as Effect from "effect/Effect"
import * as flags from "../flags.js"

export const checkOptions = {
  data: flags.dataFile(""),
  sheet: flags.sheet,
  codebook: flags.codebook,
  rules: Options.file("rules", { exists: "yes" }).pipe(
    Options.withDescription(
      "Rules file (JSON): consistency rules such as when q5 = 2 require MISSING(q6), ranges, straight-lining sets, the ID variable."
    ),
    Options.optional
  ),
  format: Options.choice("format", ["text", "json", "xlsx"]).pipe(
    Options.withDescription(
      "text (one finding a line, with case IDs), json, or xlsx (sheets findings and cases; needs --out)."
    ),
    Options.withDefault("text" as const)
  ),
  out: Options.text("out").pipe(
    Options.withDescription("Write the findings to this file (the .xlsx of --format xlsx)."),
    Options.optional
  )
}

export const check = Command.make("check", checkOptions, (args) =>
  Effect.flatMap(
    Effect.promise(() => import("../run/check.js")),
    (m) => m.runCheck(args)
  )).pipe(
    Command.withDescription(
      "Check data before analysis: codes the codebook does not define, numbers out of range, missing values by variable, duplicate IDs, consistency rules and straight-lining; each finding lists the case IDs. Exit 1 when an error-level check fails."
    )
  )
