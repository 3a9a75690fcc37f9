import * as Args from "@effect/cli/Args"
import * as Command from "@effect/cli/Command"
import * as Options from "@effect/cli/Options"
import * as Effect from "effect/Effect"
import * as flags from "../flags.js"

export const convertOptions = {
  file: Args.file({ name: "FILE", exists: "yes" }).pipe(
    Args.withDescription(
      "A data file: CSV, .xlsx, SPSS .sav/.zsav, a Google/Microsoft Forms export or a KoboToolbox/ODK export (with --codebook from its XLSForm)."
    )
  ),
  out: Options.file("out").pipe(
    Options.withDescription(
      "The file to write: .sav/.zsav (labels, missing codes, MR sets), .csv (codes), .xlsx (codes and the codebook) or .parquet (codes and numbers, through DuckDB)."
    )
  ),
  codebook: flags.codebook,
  sheet: flags.sheet,
  encoding: Options.choice("encoding", ["auto", "utf-8", "windows-1258", "tcvn3", "vni"]).pipe(
    Options.withDescription(
      "Text encoding of a CSV file: auto (UTF-8; TCVN3 and VNI detected and converted; else windows-1258) or one named."
    ),
    Options.withDefault("auto" as const)
  ),
  lang: Options.choice("lang", ["vi", "en"]).pipe(
    Options.withDescription("Language of the labels written to .sav and .xlsx."),
    Options.withDefault("vi" as const)
  )
}

export const convert = Command.make("convert", convertOptions, (args) =>
  Effect.flatMap(
    Effect.promise(() => import("../run/convert.js")),
    (m) => m.runConvert(args)
  )).pipe(
    Command.withDescription(
      "Write a data file as coded data for SPSS or Excel users: a form export with its inferred codebook (or --codebook), a Kobo/ODK export resolved to its XLSForm, legacy TCVN3/VNI text converted. Nothing is written when the input has a problem."
    )
  )
