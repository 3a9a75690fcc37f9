import * as Schema from "effect/Schema"
import { BilingualLabel } from "../Label.js"
import { ExcerptsRef } from "./excerpts.js"

const Name = Schema.String.pipe(Schema.minLength(1, { message: () => "a name must not be empty" }))
const SectionId = Schema.String.pipe(
  Schema.pattern(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, {
    message: () => "a section id is letters, digits, . _ - (it names the XLSX sheet and the HTML anchor)"
  })
)
const common = {
  id: SectionId,
  title: Schema.optional(BilingualLabel),
  note: Schema.optional(BilingualLabel),
  /** Interview excerpts printed after the section's table (see `ExcerptsRef`). */
  excerpts: Schema.optional(ExcerptsRef)
}

/** SPSS FREQUENCIES of respondent attributes. `ifPresent`: a variable the data file lacks is skipped with a note. */
export const FrequenciesSection = Schema.Struct({
  kind: Schema.Literal("frequencies"),
  ...common,
  variables: Schema.NonEmptyArray(Name),
  ifPresent: Schema.optionalWith(Schema.Boolean, { default: () => false })
})

/**
 * One crosstab (row by col) with Pearson, likelihood ratio, Fisher and Cramér's V; with `layer`, one crosstab per
 * category of the layer (control) variable plus the Cochran-Mantel-Haenszel tests across layers.
 */
export const CrosstabSection = Schema.Struct({
  kind: Schema.Literal("crosstab"),
  ...common,
  row: Name,
  col: Name,
  layer: Schema.optional(Name),
  fisher: Schema.optionalWith(Schema.Literal("auto", "exact", "monte-carlo", "none"), {
    default: () => "auto" as const
  })
})

/** A multiple-response set of the codebook by a group: % of cases, per-item tests, the overall MMI test. */
export const MultipleResponseSection = Schema.Struct({
  kind: Schema.Literal("multiple-response"),
  ...common,
  set: Name,
  by: Name,
  method: Schema.optionalWith(Schema.Literal("bonferroni", "rs2", "bootstrap"), { default: () => "rs2" as const }),
  resamples: Schema.optional(Schema.Int.pipe(Schema.positive())),
  seed: Schema.optional(Schema.Int),
  chart: Schema.optionalWith(Schema.Boolean, { default: () => true })
})

/**
 * A Likert indicator set by a group: distributions, mean scores, Kruskal-Wallis; `itemTests` adds a crosstab per
 * item. The items are a codebook set (`set`) or listed (`items`): exactly one of the two.
 */
export const LikertSection = Schema.Struct({
  kind: Schema.Literal("likert"),
  ...common,
  set: Schema.optional(Name),
  items: Schema.optional(Schema.NonEmptyArray(Name)),
  by: Name,
  itemTests: Schema.optionalWith(Schema.Boolean, { default: () => true }),
  chart: Schema.optionalWith(Schema.Boolean, { default: () => true })
})

/**
 * A proportion typed from a record (e.g. opinions resolved of those received)
 * with Wilson and Clopper-Pearson intervals.
 */
export const RateSection = Schema.Struct({
  kind: Schema.Literal("rate"),
  ...common,
  label: BilingualLabel,
  x: Schema.Int.pipe(Schema.nonNegative()),
  n: Schema.Int.pipe(Schema.positive()),
  level: Schema.optionalWith(Schema.Number.pipe(Schema.greaterThan(0), Schema.lessThan(1)), { default: () => 0.95 })
})

/** Numeric variables described (n, mean, SD, median, quartiles, skewness, kurtosis), each with a histogram. */
export const DescribeSection = Schema.Struct({
  kind: Schema.Literal("describe"),
  ...common,
  variables: Schema.NonEmptyArray(Name),
  chart: Schema.optionalWith(Schema.Boolean, { default: () => true })
})

/**
 * A numeric variable by a group (SPSS MEANS / ONEWAY): n, mean, SD, SE, 95% CI and median per group; one-way
 * ANOVA, Welch, Kruskal-Wallis, Levene and Brown-Forsythe, as `danvan means`.
 */
export const MeansSection = Schema.Struct({
  kind: Schema.Literal("means"),
  ...common,
  variable: Name,
  by: Name
})

/** A net of a banner table: codes of a stub variable combined into one row (e.g. top-2 box). */
export const TableNet = Schema.Struct({
  variable: Name,
  name: Name,
  label: Schema.optional(BilingualLabel),
  codes: Schema.NonEmptyArray(Schema.Int)
})

/**
 * A banner table (`danvan table`): stub variables and multiple-response sets of the codebook (`rows`) against a
 * banner of column variables (`cols`) with a Total column, counts, column % and column letters, nets and means.
 */
export const TableSection = Schema.Struct({
  kind: Schema.Literal("table"),
  ...common,
  rows: Schema.NonEmptyArray(Name),
  cols: Schema.NonEmptyArray(Name),
  nets: Schema.optionalWith(Schema.Array(TableNet), { default: () => [] })
})

/** One table (or group of tables) of a report. */
export const PlanSection = Schema.Union(
  FrequenciesSection,
  CrosstabSection,
  MultipleResponseSection,
  LikertSection,
  RateSection,
  DescribeSection,
  MeansSection,
  TableSection
)
export type PlanSection = typeof PlanSection.Type

/** The analysis-plan file format (see packages/domain/README.md, "Analysis plans"). */
export const AnalysisPlanJson = Schema.Struct({
  id: Schema.String.pipe(
    Schema.pattern(/^[a-z0-9][a-z0-9._-]*$/, { message: () => "an id is lowercase letters, digits, . _ -" })
  ),
  title: BilingualLabel,
  description: Schema.optional(BilingualLabel),
  /** The codebook the plan was written for (a built-in id or a file name); informative only. */
  codebook: Schema.optional(Schema.String),
  /**
   * The weight variable of every section (frequency weights, as SPSS WEIGHT BY); `null` analyses unweighted.
   * Absent: the codebook's `weightVariable` (a .sav file's WEIGHT BY), if any.
   */
  weight: Schema.optional(Schema.NullOr(Name)),
  /**
   * The sampling design of every section (issue 18): strata, clusters (PSUs, nested in strata) and fpc columns,
   * the weight mode (`"sampling"`, the default when weighted: design-based variances and Rao-Scott tests, as R
   * survey; `"frequency"`: SPSS WEIGHT BY) and the rule for a stratum with one PSU (`"fail"` by default).
   */
  design: Schema.optional(Schema.Struct({
    strata: Schema.optional(Name),
    cluster: Schema.optional(Name),
    fpc: Schema.optional(Name),
    weightMode: Schema.optional(Schema.Literal("sampling", "frequency")),
    lonelyPsu: Schema.optional(Schema.Literal("fail", "remove", "certainty", "adjust", "average"))
  })),
  sections: Schema.NonEmptyArray(PlanSection)
})
export type AnalysisPlanJson = typeof AnalysisPlanJson.Encoded

/** A decoded analysis plan: defaults filled in. Build one with `decodeAnalysisPlan`. */
export type AnalysisPlan = typeof AnalysisPlanJson.Type
