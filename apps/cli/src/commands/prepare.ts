import * as Command from "@effect/cli/Command"
import * as Options from "@effect/cli/Options"
import * as Effect from "effect/Effect"
import * as flags from "../flags.js"

export const prepareOptions = {
  recipe: Options.file("recipe", { exists: "yes" }).pipe(
    Options.withDescription(
      "The recipe: a JSON file of data-preparation steps (see packages/domain/README.md, Recipes)."
    )
  ),
  data: flags.dataFile(""),
  sheet: flags.sheet,
  codebook: flags.codebook,
  out: Options.text("out").pipe(
    Options.withDescription(
      "The prepared data: .sav/.zsav (with its dictionary), .csv (with the codebook beside it as FILE.codebook.json) or .xlsx (sheets data, variables, values). Filtered-out rows are kept, marked by filter_$ = 0."
    )
  ),
  format: Options.choice("format", ["text", "json"]).pipe(
    Options.withDescription("How to print what each step did: text, or json (the recipe log)."),
    Options.withDefault("text" as const)
  )
}

export const prepare = Command.make("prepare", prepareOptions, (args) =>
  Effect.flatMap(
    Effect.promise(() => import("../run/prepare.js")),
    (m) => m.runPrepare(args)
  )).pipe(
    Command.withDescription(
      "Apply a recipe (recode, compute, count, bin, filter, rename, keep/drop, labels, missing codes, append, merge, drop duplicate IDs) and write the result with its codebook, as an SPSS syntax file would."
    )
  )
