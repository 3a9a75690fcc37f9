import * as Command from "@effect/cli/Command"
import * as Options from "@effect/cli/Options"
import * as Effect from "effect/Effect"
import { UsageError } from "../errors.js"
import * as flags from "../flags.js"

export const rakeOptions = {
  data: flags.dataFile("The weights are computed for every row; the output has the input columns plus the new weight."),
  sheet: flags.sheet,
  codebook: flags.codebook,
  weight: Options.text("weight").pipe(
    Options.withDescription(
      "Numeric column of starting weights (design weights); every case starts at 1 without it. The codebook's weight variable is not used unless named here."
    ),
    Options.optional
  ),
  margins: Options.file("margins", { exists: "yes" }).pipe(
    Options.withDescription(
      "JSON file of population totals per variable, by code or value label: {\"capbac\": {\"1\": 120, \"2\": 480, \"3\": 700}, \"gioitinh\": {...}}. Every variable's totals must add up to the same population."
    )
  ),
  out: Options.text("out").pipe(Options.withDescription("The output CSV: the input columns plus the raked weight.")),
  weightName: Options.text("weight-name").pipe(
    Options.withDescription("Name of the new weight column (default weight_raked)."),
    Options.withDefault("weight_raked")
  ),
  tolerance: Options.float("tolerance").pipe(
    Options.withDescription(
      "Convergence tolerance as R survey's rake epsilon: below 1, relative to the sum of the starting weights (default 1e-10); stop when no cell of the variables' joint table changes by this much in a pass."
    ),
    Options.optional
  ),
  maxIterations: Options.integer("max-iterations").pipe(
    Options.withDescription("Iteration cap (passes over all variables, default 100); not converging is an error."),
    Options.optional
  ),
  missing: flags.missing,
  format: Options.choice("format", ["text", "json"]).pipe(
    Options.withDescription("text (the margins before and after) or json (the same as an object)."),
    Options.withDefault("text" as const)
  ),
  lang: flags.lang
}

const rake = Command.make("rake", rakeOptions, (args) =>
  Effect.flatMap(
    Effect.promise(() => import("../run/weights.js")),
    (m) => m.runRake(args)
  )).pipe(
    Command.withDescription(
      "Rake (calibrate) weights to known population totals of several variables by iterative proportional fitting, as R survey's rake(): e.g. cadres per level and sex from administrative records. Writes the data with the new weight column."
    )
  )

export const weights = Command.make(
  "weights",
  {},
  () => Effect.fail(new UsageError({ command: "weights", message: "missing subcommand; expected: rake" }))
).pipe(
  Command.withDescription("Survey weights: rake (calibrate weights to known population totals)."),
  Command.withSubcommands([rake])
)
