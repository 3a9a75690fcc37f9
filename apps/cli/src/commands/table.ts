import * as Command from "@effect/cli/Command"
import * as Options from "@effect/cli/Options"
import * as Effect from "effect/Effect"
import * as flags from "../flags.js"

export const tableOptions = {
  data: flags.dataFile("Stub and banner variables are columns of codes."),
  sheet: flags.sheet,
  rows: Options.text("rows").pipe(
    Options.withDescription("Stub variables, comma-separated column names, e.g. --rows q1,q2.")
  ),
  cols: Options.text("cols").pipe(Options.withDescription("Banner variables, comma-separated, e.g. --cols level,sex.")),
  net: Options.text("net").pipe(
    Options.withDescription(
      "A net (combined categories) of a stub variable: VAR:NAME=CODE,CODE..., e.g. --net \"q1:Top 2=1,2\". Repeatable."
    ),
    Options.repeated
  ),
  codebook: flags.codebook,
  weight: flags.weight,
  noWeight: flags.noWeight,
  missing: flags.missing,
  format: Options.choice("format", ["text", "json"]).pipe(
    Options.withDescription("Output format: text (tables) or json (the result object)."),
    Options.withDefault("text" as const)
  ),
  lang: flags.lang
}

export const table = Command.make("table", tableOptions, (args) =>
  Effect.flatMap(
    Effect.promise(() => import("../run/table.js")),
    (m) => m.runTable(args)
  )).pipe(
    Command.withDescription(
      "A banner table: stub variables (--rows) against a banner of column variables (--cols) with a Total column; counts, column % and SPSS's column-proportion letters within each banner variable, nets (--net) and a mean-score row for scored items."
    )
  )
