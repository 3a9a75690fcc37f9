import * as Schema from "effect/Schema"

/**
 * Aggregate tables as published (the format of `data/hcmc-2024-published-tables.json`): counts and percents
 * by cadre level, with the bases (respondents per level). The tests can be re-run on these alone.
 */
const Count = Schema.Number.annotations({ identifier: "count" })

/** A cadre level of the published tables: `{ "code": 1, "key": "city", "label": "City (Town)" }`. */
export const PublishedLevel = Schema.Struct({ code: Schema.Number, key: Schema.String, label: Schema.String })
export type PublishedLevel = typeof PublishedLevel.Type

/** A printed total: the count over all levels and its percent of `totalBase`. */
export const PublishedTotal = Schema.Struct({ count: Count, percent: Schema.Number })
export type PublishedTotal = typeof PublishedTotal.Type

/** A "tick all that apply" item: how many respondents of each level ticked it. */
export const PublishedMrItem = Schema.Struct({
  key: Schema.String,
  label: Schema.String,
  counts: Schema.Array(Count),
  percents: Schema.Array(Schema.Number),
  total: PublishedTotal
})
export type PublishedMrItem = typeof PublishedMrItem.Type

/** One response of a Likert item (a row of the published table). */
export const PublishedLikertRow = Schema.Struct({
  response: Schema.String,
  counts: Schema.Array(Count),
  percents: Schema.Array(Schema.Number),
  total: PublishedTotal
})
export type PublishedLikertRow = typeof PublishedLikertRow.Type

/** A Likert item: one row per response of the table's scale. */
export const PublishedLikertItem = Schema.Struct({
  key: Schema.String,
  label: Schema.String,
  rows: Schema.NonEmptyArray(PublishedLikertRow)
})
export type PublishedLikertItem = typeof PublishedLikertItem.Type

const common = {
  id: Schema.String,
  title: Schema.String,
  bases: Schema.NonEmptyArray(Count),
  totalBase: Count,
  /** What the publication printed as the table's significance, verbatim (the paper: "0.000"). */
  reportedSignificance: Schema.String,
  /** Decimals of the printed percents; default: the most decimals found among the table's percents. */
  percentDecimals: Schema.optional(Schema.Number)
}

export const PublishedMrTable = Schema.Struct({
  ...common,
  kind: Schema.Literal("multiple-response"),
  items: Schema.NonEmptyArray(PublishedMrItem)
})
export type PublishedMrTable = typeof PublishedMrTable.Type

export const PublishedLikertTable = Schema.Struct({
  ...common,
  kind: Schema.Literal("likert"),
  scale: Schema.NonEmptyArray(Schema.Struct({ key: Schema.String, label: Schema.String })),
  items: Schema.NonEmptyArray(PublishedLikertItem)
})
export type PublishedLikertTable = typeof PublishedLikertTable.Type

export const PublishedTable = Schema.Union(PublishedMrTable, PublishedLikertTable)
export type PublishedTable = typeof PublishedTable.Type

/** A file of published tables. `sample` is free-form (planned/valid sizes, software). */
export const PublishedTables = Schema.Struct({
  source: Schema.String,
  note: Schema.optional(Schema.String),
  sample: Schema.optional(Schema.Record({ key: Schema.String, value: Schema.Unknown })),
  levels: Schema.NonEmptyArray(PublishedLevel),
  tables: Schema.NonEmptyArray(PublishedTable)
})
export type PublishedTables = typeof PublishedTables.Type
