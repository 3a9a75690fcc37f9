import * as Schema from "effect/Schema"

/**
 * A request the analysis cannot honour, worded for the analyst: an unknown variable, counts that are not a
 * table, a table with an empty margin, a bad weight. `code` is stable for programs; `message` is for people.
 */
export class AnalysisError extends Schema.TaggedError<AnalysisError>()("AnalysisError", {
  code: Schema.Literal(
    "UNKNOWN_VARIABLE",
    "BAD_COUNTS",
    "EMPTY_TABLE",
    "ZERO_MARGIN",
    "BAD_WEIGHT",
    "BAD_OPTION",
    "NOT_CATEGORICAL",
    "IDENTIFIER_LIKE",
    "ENGINE_ERROR"
  ),
  message: Schema.String
}) {}
