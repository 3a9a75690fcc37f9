import * as Schema from "effect/Schema"

/** Output language. Every label in danvan carries both. */
export type Lang = "vi" | "en"

/** Text normalised to Unicode NFC, so "Phường" typed on any keyboard compares equal. */
export const NfcString = Schema.transform(Schema.String, Schema.String, {
  strict: true,
  decode: (s) => s.normalize("NFC"),
  encode: (s) => s
})

const NonEmptyNfc = NfcString.pipe(Schema.filter((s) => s.trim().length > 0, { message: () => "must not be empty" }))

/** A label in Vietnamese and English: `{ "vi": "Thành phố", "en": "City" }`. */
export const BilingualLabel = Schema.Struct({ vi: NonEmptyNfc, en: NonEmptyNfc })
export type BilingualLabel = typeof BilingualLabel.Type

/**
 * The label's text in one language.
 *
 * @example
 * labelText({ vi: "Thành phố", en: "City" }, "vi") // "Thành phố"
 */
export const labelText = (label: BilingualLabel, lang: Lang): string => label[lang]

/**
 * A label for something that has none (a code without a value label, a column without a codebook).
 *
 * @example
 * plainLabel("q7") // { vi: "q7", en: "q7" }
 */
export const plainLabel = (text: string): BilingualLabel => ({ vi: text, en: text })
