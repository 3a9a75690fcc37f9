import * as Command from "@effect/cli/Command"
import * as Options from "@effect/cli/Options"
import * as Effect from "effect/Effect"
import { UsageError } from "../errors.js"
import * as flags from "../flags.js"

export const planInitOptions = {
  data: flags.dataFile(
    "The plan is built from its codebook (--codebook, the .sav dictionary, or the data's own columns)."
  ),
  sheet: flags.sheet,
  codebook: flags.codebook,
  by: Options.text("by").pipe(
    Options.withDescription("The grouping variable every table is broken down by (e.g. the cadre level).")
  )
}

const init = Command.make("init", planInitOptions, (args) =>
  Effect.flatMap(
    Effect.promise(() => import("../run/plan.js")),
    (m) => m.runPlanInit(args)
  )).pipe(
    Command.withDescription(
      "Print the analysis plan the codebook implies, as editable JSON: the respondent profile, every multiple-response and Likert set by --by, the other single-choice variables by --by, the numeric variables described. Edit it and give it to danvan report --plan."
    )
  )

export const plan = Command.make(
  "plan",
  {},
  () => Effect.fail(new UsageError({ command: "plan", message: "missing subcommand; expected: init" }))
).pipe(Command.withDescription("Analysis plans for danvan report."), Command.withSubcommands([init]))
