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
  format: Options.choice("format", ["text", "json", "html", "xlsx", "docx", "pdf", "md", "csv"]).pipe(
    Options.withDescription(
      "Output format: text (terminal tables, the default), json (the result object), or a report: html, xlsx, docx (a native Word table), pdf, md, csv. Default: from the --out extension, else text."
    ),
    Options.optional
  ),
  out: Options.text("out").pipe(
    Options.withDescription(
      "Write to this file instead of standard output (needed for xlsx, docx and pdf); its extension picks the format when --format is not given."
    ),
    Options.optional
  ),
  lang: flags.lang,
  decimal: Options.choice("decimal", ["comma", "point"]).pipe(
    Options.withDescription("Decimal separator of report formats: comma (default for --lang vi) or point (en)."),
    Options.optional
  ),
  suppressBelow: Options.integer("suppress-below").pipe(
    Options.withDescription(
      "Hide counts below K (K >= 1), with secondary suppression within each banner variable (json: the hidden " +
        "cells' counts and percents are null, with a suppression field)."
    ),
    Options.optional
  )
}

export const table = Command.make("table", tableOptions, (args) =>
  Effect.flatMap(
    Effect.promise(() => import("../run/table.js")),
    (m) => m.runTable(args)
  )).pipe(
    Command.withDescription(
      "A banner table: stub variables (--rows) against a banner of column variables (--cols) with a Total column; counts, column % and SPSS's column-proportion letters within each banner variable, nets (--net) and a mean-score row for scored items; text, JSON, or a report in HTML, XLSX, Word, PDF, Markdown or CSV (--format, --out)."
    )
  )
