import * as Stats from "@danvan/stats"
import { fillTemplate, type Lang } from "./i18n.js"

/**
 * The Vietnamese wording of SPSS's footnote "a" under Chi-Square Tests: the one translation of stats'
 * `lowExpectedMessage` (the English wording lives there only), with its numbers (`lowExpectedNumbers`).
 */
export const LOW_EXPECTED_VI =
  "{cells} ô ({percent}%) có tần số kỳ vọng nhỏ hơn {threshold}. Tần số kỳ vọng nhỏ nhất là {min}."

/** What the footnote needs of a crosstab's `lowExpected` (the analysis result, or the API's JSON of it). */
export interface LowExpectedFields {
  readonly cells: number
  readonly percent: number
  readonly minExpected: number
  /** The analysis's English sentence (stats' `lowExpectedMessage`); rebuilt from the numbers when absent. */
  readonly message?: string
  /** The expected count below which a cell counts (5, as SPSS, unless the result says otherwise). */
  readonly threshold?: number
}

/**
 * SPSS's footnote "a" under Chi-Square Tests: the one wording of the low-expected-count note, for the terminal,
 * reports and the web app. English is stats' `lowExpectedMessage` (the result's `message`), Vietnamese its
 * translation with the same numbers; `decimal: "comma"` writes the numbers with a decimal comma.
 *
 * @example
 * lowExpectedText({ cells: 0, percent: 0, minExpected: 30.2646 }, "vi") // "0 ô (0.0%) có tần số kỳ vọng nhỏ hơn 5. …"
 * lowExpectedText({ cells: 0, percent: 0, minExpected: 30.2646 }, "en", "comma") // "0 cells (0,0%) have …"
 */
export const lowExpectedText = (w: LowExpectedFields, lang: Lang, decimal: "point" | "comma" = "point"): string => {
  const info = { cells: w.cells, percent: w.percent, minExpected: w.minExpected, threshold: w.threshold ?? 5 }
  const x = Stats.lowExpectedNumbers(info)
  const sentence = lang === "en"
    ? (w.message !== undefined && w.message.trim() !== "" ? w.message : Stats.lowExpectedMessage(info))
    : fillTemplate(LOW_EXPECTED_VI, { cells: x.cells, percent: x.percent, min: x.minExpected, threshold: x.threshold })
  return decimal === "comma" ? sentence.replace(/(\d)\.(\d)/g, "$1,$2") : sentence
}
