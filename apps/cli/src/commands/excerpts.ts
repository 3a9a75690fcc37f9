import * as Command from "@effect/cli/Command"
import * as Options from "@effect/cli/Options"
import * as Effect from "effect/Effect"
import * as flags from "../flags.js"

export const excerptsOptions = {
  data: Options.text("data").pipe(
    Options.withPseudoName("file"),
    Options.withDescription(
      "The excerpts file (.csv or .xlsx): a text column (the quote), a theme column and attributes such as sex, role, age, level."
    )
  ),
  by: Options.text("by").pipe(
    Options.withDescription("Group the excerpts by this column (e.g. theme, sex, level)."),
    Options.withDefault("theme")
  ),
  theme: Options.text("theme").pipe(
    Options.withDescription("Only the excerpts of this theme (repeat for several)."),
    Options.repeated
  ),
  filter: Options.text("filter").pipe(
    Options.withDescription(
      "Only the excerpts whose COLUMN equals VALUE (COLUMN=VALUE[,VALUE...]; repeat for several columns, all must match)."
    ),
    Options.repeated
  ),
  format: Options.choice("format", ["text", "json", "md"]).pipe(
    Options.withDescription("text, json or md."),
    Options.withDefault("text" as const)
  ),
  lang: flags.lang
}

export const excerpts = Command.make("excerpts", excerptsOptions, (args) =>
  Effect.flatMap(
    Effect.promise(() => import("../run/excerpts.js")),
    (m) => m.runExcerpts(args)
  )).pipe(
    Command.withDescription(
      "List interview excerpts (quotes tagged with a theme and the speaker's sex, role, age and level) grouped by a column, attributed in the paper's style (\"Nam, cán bộ cơ quan nhà nước, 37 tuổi\"); a plan section's \"excerpts\" prints them in a report."
    )
  )
