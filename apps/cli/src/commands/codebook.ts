import * as Args from "@effect/cli/Args"
import * as Command from "@effect/cli/Command"
import * as Options from "@effect/cli/Options"
import * as Effect from "effect/Effect"
import { UsageError } from "../errors.js"
import * as flags from "../flags.js"

export const showOptions = {
  ref: Args.text({ name: "CODEBOOK" }).pipe(
    Args.withDescription("A built-in codebook id (hcmc-2024) or a codebook JSON file.")
  ),
  format: Options.choice("format", ["text", "json"]).pipe(
    Options.withDescription("text (readable listing) or json (the codebook file form)."),
    Options.withDefault("text" as const)
  ),
  lang: flags.lang
}

export const fromOptions = {
  file: Args.file({ name: "FILE", exists: "yes" }).pipe(
    Args.withDescription(
      "An SPSS .sav or .zsav file, a Google/Microsoft Forms export (.csv, .xlsx) or an XLSForm (.xlsx)."
    )
  ),
  out: Options.file("out").pipe(
    Options.withDescription("Write the codebook JSON to this file (default: stdout)."),
    Options.optional
  ),
  encoding: Options.choice("encoding", ["auto", "utf-8", "windows-1258", "tcvn3", "vni"]).pipe(
    Options.withDescription(
      "Text encoding of a CSV export: auto (UTF-8; TCVN3 and VNI detected and converted; else windows-1258) or one named."
    ),
    Options.withDefault("auto" as const)
  )
}

const from = Command.make("from", fromOptions, (args) =>
  Effect.flatMap(
    Effect.promise(() => import("../run/codebook.js")),
    (m) => m.runCodebookFrom(args)
  )).pipe(
    Command.withDescription(
      "Derive a codebook from a Google/Microsoft Forms export (inferred: questions q1, q2, …, checkbox questions as multiple-response sets, grids as indicator sets) or from an SPSS .sav/.zsav file's dictionary: value labels become categories, user-missing values missing codes, measurement levels measures, dichotomy MR sets multiple-response sets. The file's single labels go into both vi and en."
    )
  )

const show = Command.make("show", showOptions, (args) =>
  Effect.flatMap(
    Effect.promise(() => import("../run/codebook.js")),
    (m) => m.runCodebookShow(args)
  )).pipe(
    Command.withDescription(
      "Show a codebook: variables with labels, kinds, measurement levels, value labels (code, label, score), missing codes and sets."
    )
  )

export const codebook = Command.make(
  "codebook",
  {},
  () => Effect.fail(new UsageError({ command: "codebook", message: "missing subcommand; expected: show, from" }))
).pipe(
  Command.withDescription("Inspect codebooks, or derive one from an SPSS file."),
  Command.withSubcommands([show, from])
)
