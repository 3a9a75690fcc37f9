import * as Command from "@effect/cli/Command"
import * as Options from "@effect/cli/Options"
import * as Effect from "effect/Effect"
import * as flags from "../flags.js"

const data = flags.dataFile("The items are 0/1 columns (1 = selected, or the codebook set's counted value).")
const group = Options.text("group").pipe(Options.withDescription("Group variable (a column name), e.g. level."))
const items = Options.text("items").pipe(
  Options.withDescription("The items of the multiple-response set, comma-separated column names, e.g. --items a,b,c."),
  Options.optional
)
const set = Options.text("set").pipe(
  Options.withDescription(
    "A multiple-response set of the codebook by name (needs --codebook), e.g. --set purpose --codebook hcmc-2024."
  ),
  Options.optional
)
const method = Options.choice("method", ["bonferroni", "rs2", "bootstrap"]).pipe(
  Options.withDescription(
    "The overall test of multiple marginal independence you report: bonferroni, rs2 (second-order Rao-Scott, the default) or bootstrap. Bonferroni and Rao-Scott are always shown; bootstrap runs only when chosen."
  ),
  Options.withDefault("rs2" as const)
)
const resamples = Options.integer("resamples").pipe(
  Options.withDescription("Bootstrap resamples B (default 1999)."),
  Options.optional
)
const seed = Options.integer("seed").pipe(
  Options.withDescription("Seed of the bootstrap (reproducible p)."),
  Options.optional
)
const format = Options.choice("format", ["text", "json", "md"]).pipe(
  Options.withDescription("Output format: text (tables), json (the result object) or md (GitHub Markdown)."),
  Options.withDefault("text" as const)
)

export const mrOptions = {
  data,
  sheet: flags.sheet,
  group,
  items,
  set,
  codebook: flags.codebook,
  method,
  resamples,
  seed,
  missing: flags.missing,
  weight: flags.weight,
  noWeight: flags.noWeight,
  ...flags.designFlags,
  format,
  lang: flags.lang,
  engine: flags.engine
}

export const mr = Command.make("mr", mrOptions, (args) =>
  Effect.flatMap(
    Effect.promise(() => import("../run/mr.js")),
    (m) => m.runMr(args)
  )).pipe(
    Command.withDescription(
      "Multiple-response set (tick all that apply) by a group: counts, % of cases and % of responses, per-item chi-square tests with Bonferroni and Holm p, column-proportion letters, and the overall MMI test (Bonferroni, second-order Rao-Scott, bootstrap). Give --items A,B,C or --set NAME with --codebook. Weights are sampling weights (design-based Rao-Scott tests, with --strata/--cluster/--fpc) unless --weight-mode frequency."
    )
  )
