import * as Args from "@effect/cli/Args"
import * as Command from "@effect/cli/Command"
import * as Options from "@effect/cli/Options"
import * as Effect from "effect/Effect"
import * as flags from "../flags.js"

const format = Options.choice("format", ["text", "json", "csv", "md"]).pipe(
  Options.withDescription(
    "Output format: text (tables), json (the result object), csv (full-precision numbers) or md (Markdown tables)."
  ),
  Options.withDefault("text" as const)
)

export const meansOptions = {
  data: flags.dataFile("The variable is read as numbers (decimals allowed); the group variable as codes."),
  sheet: flags.sheet,
  variable: Options.text("var").pipe(Options.withDescription("The numeric variable (a column name), e.g. --var age.")),
  by: Options.text("by").pipe(Options.withDescription("Group variable (a column of codes), e.g. --by level.")),
  codebook: flags.codebook,
  weight: flags.weight,
  noWeight: flags.noWeight,
  ...flags.designFlags,
  missing: flags.missing,
  format,
  lang: flags.lang
}

export const means = Command.make("means", meansOptions, (args) =>
  Effect.flatMap(
    Effect.promise(() => import("../run/means.js")),
    (m) => m.runMeans(args)
  )).pipe(
    Command.withDescription(
      "A numeric variable by group (SPSS MEANS + ONEWAY): n, mean, SD, SE, 95% CI, median per group; one-way ANOVA with eta and omega squared, Welch's ANOVA, Kruskal-Wallis, Levene and Brown-Forsythe; Tukey HSD and Games-Howell comparisons."
    )
  )

export const correlateOptions = {
  data: flags.dataFile("The variables are read as numbers (decimals allowed)."),
  sheet: flags.sheet,
  codebook: flags.codebook,
  weight: flags.weight,
  noWeight: flags.noWeight,
  missing: flags.missing,
  format,
  lang: flags.lang,
  variables: Args.text({ name: "VAR" }).pipe(
    Args.withDescription("Two or more numeric variables (column names)."),
    Args.atLeast(2)
  )
}

export const correlate = Command.make("correlate", correlateOptions, (args) =>
  Effect.flatMap(
    Effect.promise(() => import("../run/means.js")),
    (m) => m.runCorrelate(args)
  )).pipe(
    Command.withDescription(
      "Pearson and Spearman correlations of every pair of numeric variables, with two-sided p and 95% confidence intervals (pairwise deletion)."
    )
  )
