import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { formatParseIssues, parseJsonText } from "../decode.js"
import { RecipeError } from "./errors.js"

/** How serious a failed check is: an `error` makes `danvan check` exit 1. */
export const CheckLevel = Schema.Literal("error", "warning")

/**
 * The rules file of `danvan check` (see packages/domain/README.md, "Checks"): consistency rules in the recipe
 * expression language, ranges, straight-lining sets, and the ID variable.
 */
export const CheckRulesJson = Schema.Struct({
  version: Schema.Literal(1),
  /** The respondent ID (default: the codebook's `role: "id"` variable, else a column called `id`). */
  id: Schema.optional(Schema.String),
  rules: Schema.optionalWith(
    Schema.Array(
      Schema.Struct({
        name: Schema.String,
        note: Schema.optional(Schema.String),
        level: Schema.optionalWith(CheckLevel, { default: () => "error" as const }),
        /** Where this holds ... */
        when: Schema.optional(Schema.String),
        /** ... this must hold, e.g. `MISSING(q6)` for "q6 must be blank". */
        require: Schema.String
      })
    ),
    { default: () => [] }
  ),
  ranges: Schema.optionalWith(
    Schema.Array(
      Schema.Struct({
        variables: Schema.NonEmptyArray(Schema.String),
        min: Schema.Number,
        max: Schema.Number,
        level: Schema.optionalWith(CheckLevel, { default: () => "error" as const })
      })
    ),
    { default: () => [] }
  ),
  straightlining: Schema.optionalWith(
    Schema.Array(
      Schema.Struct({
        name: Schema.String,
        items: Schema.NonEmptyArray(Schema.String),
        level: Schema.optionalWith(CheckLevel, { default: () => "warning" as const })
      })
    ),
    { default: () => [] }
  )
})
export type CheckRules = typeof CheckRulesJson.Type

const decode = Schema.decodeUnknownEither(CheckRulesJson, { errors: "all", onExcessProperty: "error" })

/**
 * Parses and decodes a rules file for `danvan check`; problems come back with JSON paths.
 *
 * @example
 * parseCheckRules('{"version": 1, "rules": [{"name": "skip", "when": "q5 = 2", "require": "MISSING(q6)"}]}')
 */
export const parseCheckRules = (text: string, source = "rules"): Either.Either<CheckRules, RecipeError> =>
  Either.flatMap(
    Either.mapLeft(parseJsonText(text), (message) => new RecipeError({ source, issues: [{ path: "$", message }] })),
    (json) => Either.mapLeft(decode(json), (e) => new RecipeError({ source, issues: formatParseIssues(e) }))
  )
