import * as Schema from "effect/Schema"
import { BilingualLabel, NfcString } from "./Label.js"

/** One code a variable may take, with its label, display order and optional (Likert) score. */
export const ValueLabel = Schema.Struct({
  code: Schema.Int,
  label: BilingualLabel,
  order: Schema.optional(Schema.Int),
  score: Schema.optional(Schema.Number),
  /** The value's name in the source form (an XLSForm choice name such as "thanh_pho"), to read exports by name. */
  name: Schema.optional(Schema.String)
})
export type ValueLabel = typeof ValueLabel.Type

/** A closed range of user-missing codes, as SPSS's `MISSING VALUES x (LO THRU HI)`. */
export const MissingRange = Schema.Struct({ low: Schema.Number, high: Schema.Number }).pipe(
  Schema.filter((r) => r.low <= r.high, { message: () => "low must not exceed high" })
)

/** User-missing codes: discrete values and ranges. Blank cells are system-missing and need no entry. */
export const MissingSpec = Schema.Struct({
  values: Schema.optionalWith(Schema.Array(Schema.Number), { default: () => [] }),
  ranges: Schema.optionalWith(Schema.Array(MissingRange), { default: () => [] })
})
export type MissingSpec = typeof MissingSpec.Type

/**
 * What a variable is in the questionnaire: a single-choice question, one item of a "tick all that apply"
 * block, a Likert (rating) item, or a numeric quantity such as a case weight.
 */
export const VariableKind = Schema.Literal("single", "multiple-response-item", "likert-item", "numeric")
export type VariableKind = typeof VariableKind.Type

/** Stevens' level of measurement; ordinal variables get the ordinal measures (γ, τ) and trend tests. */
export const MeasurementLevel = Schema.Literal("nominal", "ordinal", "scale")
export type MeasurementLevel = typeof MeasurementLevel.Type

const VariableName = Schema.String.pipe(
  // Letters of any script (Vietnamese names such as "cấp"), and the "/", "-" and "." of KoboToolbox/ODK group
  // paths ("info/level", "info-level") and of split select_multiple columns ("q5.opt").
  Schema.pattern(/^[\p{L}_][\p{L}\p{M}\p{N}_./-]*$/u, {
    message: () => "a variable name starts with a letter or _ and holds only letters, digits, _, ., / and -"
  })
)

/** A variable as it appears in a codebook file. `scale` names an entry of the codebook's `scales`. */
export const VariableJson = Schema.Struct({
  name: VariableName,
  label: BilingualLabel,
  kind: VariableKind,
  measure: Schema.optionalWith(MeasurementLevel, { default: () => "nominal" as const }),
  scale: Schema.optional(Schema.String),
  values: Schema.optional(Schema.Array(ValueLabel)),
  missing: Schema.optional(MissingSpec),
  question: Schema.optional(BilingualLabel),
  /** `"id"`: the respondent identifier; never a table dimension (the API refuses it as row, column or group). */
  role: Schema.optional(Schema.Literal("id")),
  /** Free notes kept from the source (an XLSForm's required/relevant/constraint, its group). */
  note: Schema.optional(NfcString)
})

/** A reusable set of value labels and missing codes shared by many items (e.g. the 3-point difficulty scale). */
export const ScaleJson = Schema.Struct({
  label: Schema.optional(BilingualLabel),
  measure: Schema.optional(MeasurementLevel),
  values: Schema.Array(ValueLabel),
  missing: Schema.optional(MissingSpec)
})

/** A multiple-response set: items and the code that counts as "selected". */
export const MultipleResponseSet = Schema.Struct({
  name: VariableName,
  label: BilingualLabel,
  items: Schema.NonEmptyArray(Schema.String),
  countedValue: Schema.Int
})
export type MultipleResponseSet = typeof MultipleResponseSet.Type

/** A block of questionnaire items about one topic (purpose, content, method, difficulty, …). */
export const IndicatorSet = Schema.Struct({
  name: VariableName,
  label: BilingualLabel,
  kind: Schema.Literal("multiple-response", "likert"),
  items: Schema.NonEmptyArray(Schema.String)
})
export type IndicatorSet = typeof IndicatorSet.Type

/**
 * A free-answer (text or date) question of the source form: not a codebook variable (nothing to tabulate), kept
 * so that a saved codebook still names and labels that column (e.g. as a .sav string variable).
 */
export const TextVariable = Schema.Struct({
  name: Schema.String.pipe(Schema.minLength(1, { message: () => "a text variable needs a name" })),
  label: BilingualLabel
})
export type TextVariable = typeof TextVariable.Type

/** The codebook file format (see packages/domain/README.md). */
export const CodebookJson = Schema.Struct({
  id: Schema.String.pipe(
    Schema.pattern(/^[a-z0-9][a-z0-9._-]*$/, { message: () => "an id is lowercase letters, digits, . _ -" })
  ),
  title: BilingualLabel,
  description: Schema.optional(BilingualLabel),
  source: Schema.optional(NfcString),
  groupVariable: Schema.optional(Schema.String),
  weightVariable: Schema.optional(Schema.String),
  scales: Schema.optionalWith(Schema.Record({ key: Schema.String, value: ScaleJson }), { default: () => ({}) }),
  variables: Schema.NonEmptyArray(VariableJson),
  multipleResponseSets: Schema.optionalWith(Schema.Array(MultipleResponseSet), { default: () => [] }),
  indicatorSets: Schema.optionalWith(Schema.Array(IndicatorSet), { default: () => [] }),
  /** Free-answer questions of the source form, with their labels (optional; absent when none are known). */
  textVariables: Schema.optional(Schema.Array(TextVariable))
})
export type CodebookJson = typeof CodebookJson.Encoded

/** A variable with its scale resolved: value labels sorted by display order, missing codes explicit. */
export interface Variable {
  readonly name: string
  readonly label: BilingualLabel
  readonly kind: VariableKind
  readonly measure: MeasurementLevel
  readonly values: ReadonlyArray<ValueLabel>
  readonly missing: MissingSpec
  readonly question?: BilingualLabel
  /** `"id"` for a respondent identifier (see VariableJson). */
  readonly role?: "id"
  /** Notes kept from the source form (see VariableJson). */
  readonly note?: string
}

/** A decoded, cross-checked codebook. Build one with `decodeCodebook`. */
export interface Codebook {
  readonly id: string
  readonly title: BilingualLabel
  readonly description?: BilingualLabel
  readonly source?: string
  readonly groupVariable?: string
  readonly weightVariable?: string
  readonly variables: ReadonlyArray<Variable>
  readonly multipleResponseSets: ReadonlyArray<MultipleResponseSet>
  readonly indicatorSets: ReadonlyArray<IndicatorSet>
  /** Free-answer (text, date) questions of the source form with their labels, when known (see TextVariable). */
  readonly textVariables?: ReadonlyArray<TextVariable>
}

/**
 * The variable called `name`, if the codebook has one.
 *
 * @example
 * const level = findVariable(Either.getOrThrow(builtinCodebook("hcmc-2024")), "level")
 * // level?.label: { vi: "Cấp cán bộ", en: "Cadre level" }
 */
export const findVariable = (codebook: Codebook, name: string): Variable | undefined =>
  codebook.variables.find((v) => v.name === name)

/**
 * True when `code` is one of the variable's user-missing codes (discrete or in a range).
 *
 * @example
 * isUserMissing({ values: [9], ranges: [{ low: 97, high: 99 }] }, 98) // true
 * isUserMissing(level.missing, 1) // false
 */
export const isUserMissing = (missing: MissingSpec, code: number): boolean =>
  missing.values.includes(code) || missing.ranges.some((r) => code >= r.low && code <= r.high)

/**
 * The valid (non-missing) categories of a variable in display order.
 *
 * @example
 * validCategories(level).map((c) => c.code) // [1, 2, 3] (9 = no answer is user-missing)
 */
export const validCategories = (variable: Variable): ReadonlyArray<ValueLabel> =>
  variable.values.filter((v) => !isUserMissing(variable.missing, v.code))

/**
 * The value label for `code`, if the codebook lists one.
 *
 * @example
 * valueLabel(level, 2) // { code: 2, label: { vi: "Quận/Huyện", en: "District" } }
 */
export const valueLabel = (variable: Variable, code: number): ValueLabel | undefined =>
  variable.values.find((v) => v.code === code)
