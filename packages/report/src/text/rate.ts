import type { RateResult } from "@danvan/analysis"
import { type RenderOptions, toJson } from "./crosstab.js"
import { fixed } from "./format.js"
import { renderTable } from "./table.js"

const S = {
  en: {
    title: (x: number, n: number) => `Proportion ${x} of ${n}`,
    method: "Method",
    estimate: "Estimate",
    ci: (l: string) => `${l}% confidence interval`,
    lower: "Lower",
    upper: "Upper",
    wilson: "Wilson score",
    cp: "Clopper-Pearson (exact)",
    note: "Percentages. Wilson: score interval without continuity correction (R prop.test(correct = FALSE)); " +
      "Clopper-Pearson: exact binomial (R binom.test)."
  },
  vi: {
    title: (x: number, n: number) => `Tỷ lệ ${x} trên ${n}`,
    method: "Phương pháp",
    estimate: "Ước lượng",
    ci: (l: string) => `Khoảng tin cậy ${l}%`,
    lower: "Cận dưới",
    upper: "Cận trên",
    wilson: "Wilson",
    cp: "Clopper-Pearson (chính xác)",
    note: "Đơn vị: %. Wilson: khoảng điểm số không hiệu chỉnh liên tục " +
      "(R prop.test(correct = FALSE)); " +
      "Clopper-Pearson: nhị thức chính xác (R binom.test)."
  }
} as const

/**
 * `danvan rate` as an SPSS-style text table: the estimate and both confidence intervals, in percent.
 *
 * @example
 * renderRateText(Either.getOrThrow(rate(319, 411)), { lang: "vi" })
 */
export const renderRateText = (r: RateResult, options: RenderOptions): string => {
  const s = S[options.lang]
  const pct = (p: number) => fixed(100 * p, 2)
  const levelText = String(Number((100 * r.level).toPrecision(10)))
  return (
    renderTable(
      {
        title: s.title(r.x, r.n),
        align: ["left", "right", "right", "right"],
        header: [
          ["", "", { text: s.ci(levelText), span: 2, align: "right" }],
          [s.method, s.estimate, s.lower, s.upper]
        ],
        body: [
          [s.wilson, pct(r.estimate), pct(r.intervals.wilson.lower), pct(r.intervals.wilson.upper)],
          [s.cp, pct(r.estimate), pct(r.intervals.clopperPearson.lower), pct(r.intervals.clopperPearson.upper)]
        ],
        footnotes: [s.note]
      },
      { color: options.color ?? false }
    ) + "\n"
  )
}

/**
 * The rate result as JSON (the API and `--format json`).
 *
 * @example
 * renderRateJson(Either.getOrThrow(rate(319, 411)))
 */
export const renderRateJson = (r: RateResult): string => toJson(r)
