import type { BilingualLabel, Codebook } from "@danvan/domain"

/**
 * An XLSForm's text, date and other free-answer questions (not codebook variables: nothing to tabulate), by
 * XML name, with their labels, for the export reader to name and label those columns. They are kept beside the
 * codebook object `readXlsForm` returns and in its `textVariables`, which a codebook saved as JSON keeps.
 */
const registry = new WeakMap<Codebook, ReadonlyMap<string, BilingualLabel>>()

/**
 * Records the free-answer questions of the XLSForm `codebook` was read from.
 *
 * @example
 * rememberTextQuestions(codebook, new Map([["y_kien", { vi: "Ý kiến khác", en: "Other comments" }]]))
 */
export const rememberTextQuestions = (codebook: Codebook, questions: ReadonlyMap<string, BilingualLabel>): void => {
  if (questions.size > 0) registry.set(codebook, questions)
}

/**
 * The free-answer questions of the XLSForm a codebook was read from, or of a saved codebook's `textVariables`
 * (empty for any other codebook).
 *
 * @example
 * textQuestionsOf(codebook).get("y_kien") // { vi: "Ý kiến khác", en: "Other comments" }
 */
export const textQuestionsOf = (codebook: Codebook): ReadonlyMap<string, BilingualLabel> =>
  registry.get(codebook) ?? new Map((codebook.textVariables ?? []).map((t) => [t.name, t.label]))
