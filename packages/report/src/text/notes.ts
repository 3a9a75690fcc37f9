import type { AnalysisWarning } from "@danvan/analysis"
import { formatCount } from "./format.js"
import { type Lang, t } from "./i18n.js"

/** The `weight` field every weighted result carries (DESIGN.md: `"weight": {"variable", "sum"}`). */
export interface WeightStatement {
  readonly variable: string
  readonly sum: number
}

/**
 * The sentence every weighted output prints: "Weighted by trongso, N = 764.5 (frequency weights, …)". Without a
 * `weight` field but `weighted` true (older results), the generic note.
 *
 * @example
 * weightText({ variable: "trongso", sum: 764.526 }, true, "en") // "Weighted by trongso, N = 764.5 (…)."
 */
export const weightText = (weight: WeightStatement | undefined, weighted: boolean, lang: Lang): string | undefined =>
  weight !== undefined
    ? t("weightedBy", lang, { var: weight.variable, n: formatCount(weight.sum) })
    : weighted
    ? t("weightedNote", lang)
    : undefined

/**
 * The warnings about weights and tests not computed, in Vietnamese (English uses the analysis's message).
 *
 * @example
 * weightExcludedText({ code: "WEIGHT_EXCLUDED", variable: "w", blank: 2, zero: 3, negative: 0, message: "" }, "vi")
 */
export const weightExcludedText = (w: Extract<AnalysisWarning, { code: "WEIGHT_EXCLUDED" }>, lang: Lang): string => {
  const parts = [
    ...(w.blank > 0 ? [t("weightBlank", lang, { n: w.blank })] : []),
    ...(w.zero > 0 ? [t("weightZero", lang, { n: w.zero })] : []),
    ...(w.negative > 0 ? [t("weightNegative", lang, { n: w.negative })] : [])
  ]
  return t("weightExcluded", lang, { parts: parts.join(", "), var: w.variable })
}

/**
 * Why Fisher's exact test was not computed, from its TEST_NOT_COMPUTED warning (`n` = the table's total).
 *
 * @example
 * fisherNotComputedReason(warning, 110003000, "vi")
 */
export const fisherNotComputedReason = (
  w: Extract<AnalysisWarning, { code: "TEST_NOT_COMPUTED" }>,
  n: number,
  lang: Lang
): string => {
  if (w.reasonCode === "FRACTIONAL_COUNTS") return t("fisherFractional", lang)
  if (w.reasonCode === "TOO_LARGE") return t("fisherTooLarge", lang, { n: formatCount(n) })
  return w.reason ?? w.message
}
