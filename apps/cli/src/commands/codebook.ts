import * as Args from "@effect/cli/Args"
import * as Command from "@effect/cli/Command"
import * as Options from "@effect/cli/Options"
import * as Effect from "effect/Effect"
import { UsageError } from "../errors.js"
import * as flags from "../flags.js"

export const showOptions = {
  ref: Args.text({ name: "CODEBOOK" }).pipe(Args.withDescription("A built-in codebook id (hcmc-2024) or a codebook JSON file.")),
  format: Options.choice("format", ["text", "json"]).pipe(
    Options.withDescription("text (readable listing) or json (the codebook file form)."),
    Options.withDefault("text" as const)
  ),
  lang: flags.lang
}

const show = Command.make("show", showOptions, (args) =>
  Effect.flatMap(
    Effect.promise(() => import("../run/codebook.js")),
    (m) => m.runCodebookShow(args)
  )
).pipe(Command.withDescription("Show a codebook: variables with labels, kinds, measurement levels, value labels (code, label, score), missing codes and sets."))

export const codebook = Command.make("codebook", {}, () =>
  Effect.fail(new UsageError({ command: "codebook", message: "missing subcommand; expected: show" }))
).pipe(Command.withDescription("Inspect codebooks."), Command.withSubcommands([show]))
