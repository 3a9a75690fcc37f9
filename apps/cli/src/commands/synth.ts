import * as Args from "@effect/cli/Args"
import * as Command from "@effect/cli/Command"
import * as Options from "@effect/cli/Options"
import * as Effect from "effect/Effect"

export const synthOptions = {
  ref: Args.text({ name: "TABLES" }).pipe(
    Args.withDescription("Published tables to reproduce: a built-in id (hcmc-2024) or a JSON file in the same format.")
  ),
  seed: Options.integer("seed").pipe(
    Options.withDescription("Seed of the generator: the same seed writes the same rows."),
    Options.withDefault(1)
  ),
  out: Options.text("out").pipe(
    Options.withDescription("The CSV file to write; a sidecar FILE.meta.json marks it synthetic.")
  ),
  loading: Options.float("loading").pipe(
    Options.withDescription("Weight of the shared latent trait in each item (0 = independent items, default 0.5)."),
    Options.withDefault(0.5)
  )
}

export const synth = Command.make("synth", synthOptions, (args) =>
  Effect.flatMap(
    Effect.promise(() => import("../run/synth.js")),
    (m) => m.runSynth(args)
  )).pipe(
    Command.withDescription(
      "Write SYNTHETIC respondent rows whose counts by level equal the published tables exactly (items correlated through a latent trait), for trying the microdata commands. A sidecar FILE.meta.json says the rows are synthetic."
    )
  )
