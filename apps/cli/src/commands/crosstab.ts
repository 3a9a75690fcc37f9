import * as Command from "@effect/cli/Command"
import * as Options from "@effect/cli/Options"
import * as Effect from "effect/Effect"
import * as flags from "../flags.js"

const counts = Options.text("counts").pipe(
  Options.withDescription(
    "A table typed from a publication: counts by row, rows separated by \";\", e.g. \"66,209,35;158,177,41;163,216,31\"."
  ),
  Options.optional
)

const data = flags.dataFile("Without a codebook every column is read as integer codes.").pipe(Options.optional)

const row = Options.text("row").pipe(
  Options.withDescription("Row variable (a column name; with --counts, a codebook variable that labels the rows)."),
  Options.optional
)
const col = Options.text("col").pipe(
  Options.withDescription(
    "Column variable (a column name; with --counts, a codebook variable that labels the columns)."
  ),
  Options.optional
)

const exact = Options.choice("exact", ["auto", "exact", "monte-carlo", "none"]).pipe(
  Options.withDescription(
    "Fisher's exact test: auto (exact when feasible, else Monte Carlo), exact, monte-carlo or none."
  ),
  Options.optional
)
const seed = Options.integer("seed").pipe(
  Options.withDescription("Seed of the Monte Carlo Fisher test (reproducible p)."),
  Options.optional
)
const resamples = Options.integer("resamples").pipe(
  Options.withDescription("Number of Monte Carlo tables (B) for the Fisher test."),
  Options.optional
)

const layer = Options.text("layer").pipe(
  Options.withDescription(
    "Layer (control) variable: one table per category, then the Cochran-Mantel-Haenszel test across layers (and for 2x2xK the Mantel-Haenszel odds ratio and Breslow-Day)."
  ),
  Options.optional
)
const correct = Options.boolean("correct").pipe(
  Options.withDescription("With --layer on 2x2 tables: continuity-correct the CMH test (as R's default).")
)

export const crosstabOptions = {
  counts,
  data,
  sheet: flags.sheet,
  row,
  col,
  missing: flags.missing,
  codebook: flags.codebook,
  weight: flags.weight,
  noWeight: flags.noWeight,
  ...flags.designFlags,
  format: flags.format,
  lang: flags.lang,
  exact,
  seed,
  resamples,
  layer,
  correct,
  engine: flags.engine
}

export const crosstab = Command.make("crosstab", crosstabOptions, (args) =>
  Effect.flatMap(
    Effect.promise(() => import("../run/crosstab.js")),
    (m) => m.runCrosstab(args)
  )).pipe(
    Command.withDescription(
      "SPSS CROSSTABS: a two-way table with counts, percentages, expected counts and adjusted residuals, chi-square tests (Pearson, continuity correction, likelihood ratio, Fisher's exact, linear-by-linear) and measures of association. Give either --counts or --data with --row and --col."
    )
  )
