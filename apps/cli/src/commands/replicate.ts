import * as Args from "@effect/cli/Args"
import * as Command from "@effect/cli/Command"
import * as Options from "@effect/cli/Options"
import * as Effect from "effect/Effect"
import * as flags from "../flags.js"

export const replicateOptions = {
  ref: Args.text({ name: "TABLES" }).pipe(
    Args.withDescription(
      "Published tables: a built-in id (hcmc-2024, the paper's Tables 1-4) or a JSON file in the same format."
    )
  ),
  format: Options.choice("format", ["text", "json", "md"]).pipe(
    Options.withDescription("text (tables beside their tests), json (the result object) or md (GitHub Markdown)."),
    Options.withDefault("text" as const)
  ),
  lang: flags.lang
}

export const replicate = Command.make("replicate", replicateOptions, (args) =>
  Effect.flatMap(
    Effect.promise(() => import("../run/replicate.js")),
    (m) => m.runReplicate(args)
  )).pipe(
    Command.withDescription(
      "Re-check published aggregate tables: each item's Pearson chi-square by cadre level with its exact p and Holm-adjusted p, next to the publication's reported significance, and an audit of every printed percent against count/base."
    )
  )
