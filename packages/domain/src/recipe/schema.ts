import * as Schema from "effect/Schema"
import { ValueLabel } from "../Codebook.js"
import { BilingualLabel } from "../Label.js"

/**
 * The recipe file format (see packages/domain/README.md, "Recipes", and data/recipe.schema.json): an ordered
 * list of data-preparation steps, applied between reading the data and analysing it, as SPSS syntax replays a
 * Transform/Data menu session.
 */

const Name = Schema.String.pipe(
  Schema.pattern(/^[A-Za-z_][A-Za-z0-9_.]*$/, {
    message: () => "a variable name starts with a letter or _ and holds only letters, digits, _ and ."
  })
)
const Names = Schema.NonEmptyArray(Name)
const note = Schema.optional(Schema.String)

/** A closed range `{low, high}`; an absent end is open (SPSS `LOWEST THRU`, `THRU HIGHEST`). */
export const RecipeRange = Schema.Struct({ low: Schema.optional(Schema.Number), high: Schema.optional(Schema.Number) })
export type RecipeRange = typeof RecipeRange.Type

/** What a recode rule matches: a value, a list of values, a range, or `"missing"` / `"sysmis"`. */
export const RecodeMatch = Schema.Union(
  Schema.Number,
  Schema.NonEmptyArray(Schema.Number),
  RecipeRange,
  Schema.Literal("missing", "sysmis")
)
export type RecodeMatch = typeof RecodeMatch.Type

const labelling = {
  label: Schema.optional(BilingualLabel),
  values: Schema.optional(Schema.Array(ValueLabel))
}

export const RecodeStep = Schema.Struct({
  op: Schema.Literal("recode"),
  note,
  variables: Names,
  /** New variables, one per source; absent: recode in place. */
  into: Schema.optional(Names),
  rules: Schema.NonEmptyArray(
    Schema.Struct({ from: RecodeMatch, to: Schema.Union(Schema.Number, Schema.Literal("sysmis")) })
  ),
  /** Values no rule matches: `copy` (default in place) or `missing` (default into new variables). */
  else: Schema.optional(Schema.Literal("copy", "missing")),
  ...labelling
})

export const ComputeStep = Schema.Struct({
  op: Schema.Literal("compute"),
  note,
  target: Name,
  expr: Schema.String,
  /** Only where this condition holds (SPSS `IF`); elsewhere `else`, or the old value (system-missing when new). */
  when: Schema.optional(Schema.String),
  else: Schema.optional(Schema.String),
  /** `codes` stores whole numbers as a categorical column (a non-whole result is an error); default numeric. */
  type: Schema.optional(Schema.Literal("codes", "numeric")),
  ...labelling
})

/** A scale score: mean or sum of items with at least `minValid` valid answers (SPSS `MEAN.n`, `SUM.n`). */
export const ScoreStep = Schema.Struct({
  op: Schema.Literal("score"),
  note,
  target: Name,
  items: Names,
  function: Schema.Literal("mean", "sum", "min", "max"),
  minValid: Schema.optional(Schema.Int.pipe(Schema.positive())),
  ...labelling
})

/** Reverses a score in place or into new variables: x -> min + max - x. */
export const ReverseStep = Schema.Struct({
  op: Schema.Literal("reverse"),
  note,
  variables: Names,
  into: Schema.optional(Names),
  min: Schema.Number,
  max: Schema.Number
})

export const CountStep = Schema.Struct({
  op: Schema.Literal("count"),
  note,
  target: Name,
  items: Names,
  /** The values counted: numbers, lists, ranges, `"missing"` or `"sysmis"` (SPSS `COUNT`). */
  values: Schema.NonEmptyArray(RecodeMatch),
  label: Schema.optional(BilingualLabel)
})

export const BinStep = Schema.Struct({
  op: Schema.Literal("bin"),
  note,
  variable: Name,
  into: Name,
  /** Each bin holds low <= x < high (an absent end is open); the first bin that holds x wins. */
  bins: Schema.NonEmptyArray(
    Schema.Struct({
      low: Schema.optional(Schema.Number),
      high: Schema.optional(Schema.Number),
      code: Schema.Int,
      label: BilingualLabel
    })
  ),
  label: Schema.optional(BilingualLabel)
})

export const FilterStep = Schema.Struct({ op: Schema.Literal("filter"), note, expr: Schema.String })
export const RenameStep = Schema.Struct({
  op: Schema.Literal("rename"),
  note,
  names: Schema.Record({ key: Schema.String, value: Name })
})
export const KeepStep = Schema.Struct({ op: Schema.Literal("keep"), note, variables: Names })
export const DropStep = Schema.Struct({ op: Schema.Literal("drop"), note, variables: Names })
export const LabelStep = Schema.Struct({
  op: Schema.Literal("label"),
  note,
  variable: Name,
  label: Schema.optional(BilingualLabel),
  values: Schema.optional(Schema.Array(ValueLabel))
})
export const MissingStep = Schema.Struct({
  op: Schema.Literal("missing"),
  note,
  variables: Names,
  values: Schema.optionalWith(Schema.Array(Schema.Number), { default: () => [] }),
  ranges: Schema.optionalWith(Schema.Array(Schema.Struct({ low: Schema.Number, high: Schema.Number })), {
    default: () => []
  })
})
/** Adds the rows of another data file read with the same codebook (SPSS `ADD FILES`). */
export const AppendStep = Schema.Struct({ op: Schema.Literal("append"), note, data: Schema.String })
/** Adds the variables of another file, matched by `by` (SPSS `MATCH FILES /FILE=* /TABLE=... /BY`). */
export const MergeStep = Schema.Struct({ op: Schema.Literal("merge"), note, data: Schema.String, by: Name })
/** Drops rows whose `by` value repeats an earlier row's (the first is kept; the dropped IDs are reported). */
export const DedupeStep = Schema.Struct({ op: Schema.Literal("dedupe"), note, by: Name })

export const RecipeStep = Schema.Union(
  RecodeStep,
  ComputeStep,
  ScoreStep,
  ReverseStep,
  CountStep,
  BinStep,
  FilterStep,
  RenameStep,
  KeepStep,
  DropStep,
  LabelStep,
  MissingStep,
  AppendStep,
  MergeStep,
  DedupeStep
)
export type RecipeStep = typeof RecipeStep.Type

export const RecipeJson = Schema.Struct({
  /** Format version: 1. */
  version: Schema.Literal(1),
  title: Schema.optional(Schema.String),
  steps: Schema.Array(RecipeStep)
})
export type RecipeJson = typeof RecipeJson.Encoded
export type Recipe = typeof RecipeJson.Type
