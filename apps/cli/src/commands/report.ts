import * as Args from "@effect/cli/Args"
import * as Command from "@effect/cli/Command"
import * as Options from "@effect/cli/Options"
import * as Effect from "effect/Effect"
import * as flags from "../flags.js"

export const reportOptions = {
  published: Args.text({ name: "TABLES" }).pipe(
    Args.withDescription(
      "Published tables instead of data: a built-in id (hcmc-2024, the paper's Tables 1-4) or a JSON file in that format."
    ),
    Args.optional
  ),
  data: flags.dataFile("Used with --codebook and --plan.").pipe(Options.optional),
  sheet: flags.sheet,
  codebook: flags.codebook,
  by: Options.text("by").pipe(
    Options.withDescription(
      "Build the plan from the codebook (--codebook, the .sav dictionary, or the data's columns) with every table broken down by this variable, instead of --plan (see danvan plan init)."
    ),
    Options.optional
  ),
  plan: Options.text("plan").pipe(
    Options.withDescription(
      "Analysis plan: a built-in id (hcmc-2024: respondent profile and the paper's Tables 1-4) or a plan JSON file."
    ),
    Options.optional
  ),
  weight: flags.weight,
  noWeight: flags.noWeight,
  ...flags.designFlags,
  out: Options.text("out").pipe(
    Options.withDescription(
      "The report file to write; its extension picks the format (.html, .xlsx, .docx, .pdf, .md, .csv, .json)."
    )
  ),
  format: Options.choice("format", ["html", "xlsx", "docx", "pdf", "md", "csv", "json"]).pipe(
    Options.withDescription("The format, when the --out extension does not say it."),
    Options.optional
  ),
  lang: flags.lang,
  decimal: Options.choice("decimal", ["comma", "point"]).pipe(
    Options.withDescription(
      "Decimal separator in the report's text: comma (default for --lang vi, 41,03) or point (default for en)."
    ),
    Options.optional
  ),
  charts: Options.directory("charts").pipe(
    Options.withDescription(
      "Also write every chart into DIR as SVG and as PNG at 300 dpi (drawn by the system Chromium)."
    ),
    Options.optional
  ),
  detail: Options.choice("detail", ["apa", "full"]).pipe(
    Options.withDescription(
      "apa: tables, APA sentences and charts; full (default): also the tables of tests, measures and cell statistics."
    ),
    Options.optional
  ),
  suppressBelow: Options.integer("suppress-below").pipe(
    Options.withDescription(
      "Disclosure control: hide counts below K (K >= 1), with secondary suppression so totals cannot reveal them."
    ),
    Options.optional
  )
}

export const report = Command.make("report", reportOptions, (args) =>
  Effect.flatMap(
    Effect.promise(() => import("../run/report.js")),
    (m) => m.runReport(args)
  )).pipe(
    Command.withDescription(
      "Write a finished report (HTML with charts, Word .docx with native tables and charts, PDF, XLSX, Markdown, CSV or JSON) in Vietnamese or English: the tables of an analysis plan run on respondent data (--data with --plan, or --by VAR to build the plan from the codebook), or the re-analysis of published tables (danvan report hcmc-2024), with APA sentences and optional disclosure control."
    )
  )
