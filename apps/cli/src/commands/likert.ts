import * as Command from "@effect/cli/Command"
import * as Options from "@effect/cli/Options"
import * as Effect from "effect/Effect"
import * as flags from "../flags.js"

const data = flags.dataFile("The items are Likert codes (e.g. 1 Difficult, 2 Normal, 3 Not difficult).")
const by = Options.text("by").pipe(
  Options.withDescription(
    "Group variable (a column name), e.g. level. Gamma and tau-b are shown when the codebook marks it ordinal."
  )
)
const items = Options.text("items").pipe(
  Options.withDescription(
    "The Likert items, comma-separated column names, e.g. --items q1,q2,q3 (without a codebook the codes are the scores)."
  ),
  Options.optional
)
const set = Options.text("set").pipe(
  Options.withDescription(
    "A Likert indicator set of the codebook by name (needs --codebook), e.g. --set difficulty --codebook hcmc-2024."
  ),
  Options.optional
)
const format = Options.choice("format", ["text", "json", "md", "csv"]).pipe(
  Options.withDescription(
    "Output format: text (tables), json (the result object), md (GitHub Markdown) or csv (UTF-8 with BOM, for Excel)."
  ),
  Options.withDefault("text" as const)
)
const reverse = Options.boolean("reverse").pipe(
  Options.withDescription("Reverse the scores (highest becomes lowest), and with them the direction the output states.")
)

export const likertOptions = {
  data,
  sheet: flags.sheet,
  by,
  items,
  set,
  codebook: flags.codebook,
  missing: flags.missing,
  weight: flags.weight,
  noWeight: flags.noWeight,
  ...flags.designFlags,
  reverse,
  format,
  lang: flags.lang,
  engine: flags.engine
}

export const likert = Command.make("likert", likertOptions, (args) =>
  Effect.flatMap(
    Effect.promise(() => import("../run/likert.js")),
    (m) => m.runLikert(args)
  )).pipe(
    Command.withDescription(
      "Likert items by a group: distribution, mean score (codebook scores), SD, 95% CI and net (% at the highest-score category minus % at the lowest) per group, items ranked by mean (rank 1 = highest), the scale's direction stated from its labels, Kruskal-Wallis per item, gamma and tau-b for an ordinal group, Cronbach's alpha of the set. Give --set NAME with --codebook, or --items A,B,C."
    )
  )
