import type { MultipleResponseResult } from "@danvan/analysis"
import type { Decimal } from "../format.js"
import { designStatement } from "./design.js"
import { fixed, formatP, formatStat } from "./format.js"
import type { Lang } from "./i18n.js"

/** The pieces of a multiple-response result that change under a sampling design, in vi and en. */
const S = {
  en: {
    tests:
      "Tests per item (design-based second-order Rao-Scott F test of selected vs not selected by group, Taylor linearization)",
    overall: (f: string, df1: string, df2: string, p: string) =>
      `Design-based second-order Rao-Scott (F form, as R survey's svychisq): F(${df1}, ${df2}) = ${f}, p ${p}`,
    chisq: (x: string, df: string, p: string, deff: string) =>
      `Chi-square form: X² = ${x}, df = ${df}, p ${p}; mean generalized design effect ${deff}`,
    letters:
      "Each letter marks a group whose proportion is significantly smaller (design-based t test on the design's df, Bonferroni within the item, α = .05)."
  },
  vi: {
    tests:
      "Kiểm định từng nội dung (kiểm định F Rao-Scott bậc hai theo thiết kế mẫu: có chọn/không chọn theo nhóm, tuyến tính hóa Taylor)",
    overall: (f: string, df1: string, df2: string, p: string) =>
      `Rao-Scott bậc hai theo thiết kế mẫu (dạng F, như svychisq của gói survey trong R): F(${df1}, ${df2}) = ${f}, p ${p}`,
    chisq: (x: string, df: string, p: string, deff: string) =>
      `Dạng khi bình phương: X² = ${x}, df = ${df}, p ${p}; hiệu ứng thiết kế tổng quát trung bình ${deff}`,
    letters:
      "Mỗi chữ cái chỉ một nhóm có tỷ lệ nhỏ hơn có ý nghĩa (kiểm định t theo thiết kế mẫu với bậc tự do của thiết kế, hiệu chỉnh Bonferroni trong từng nội dung, α = .05)."
  }
} as const

const pRel = (p: number) => {
  const f = formatP(p)
  return f.startsWith("<") ? f : `= ${f}`
}

/**
 * True when the result's tests are design-based (a sampling design).
 *
 * @example
 * isDesignBased(result) // false for unweighted and frequency-weighted results
 */
export const isDesignBased = (r: MultipleResponseResult): boolean => r.design?.mode === "sampling"

/**
 * The per-item test title and the letters note of a design-based result, in the given language.
 *
 * @example
 * mrDesignText("en").tests
 */
export const mrDesignText = (lang: Lang) => ({ tests: S[lang].tests, letters: S[lang].letters })

/**
 * The overall test lines of a design-based result: the F form (the reported p) and the chi-square form.
 *
 * @example
 * mrDesignOverall(result, "vi")
 */
export const mrDesignOverall = (r: MultipleResponseResult, lang: Lang): Array<string> => {
  const s = S[lang]
  const f = r.raoScott
  if (f === undefined) return []
  return [
    s.overall(formatStat(f.statistic), fixed(f.df1, 2), fixed(f.df2, 1), pRel(f.p)),
    s.chisq(formatStat(r.rs2.statistic), fixed(r.rs2.df, 2), pRel(r.rs2.p), fixed(r.designEffect?.mean ?? NaN, 2))
  ]
}

/**
 * The weight and design statement of a result under a sampling design or frequency weights (undefined when
 * unweighted): the one statement of every analysis, {@link designStatement}.
 *
 * @example
 * mrDesignStatementText(result, "en")
 * // "Design-based (Taylor linearization): weights w, strata tinh, clusters xa; lonely PSU: fail; 40 PSUs, …"
 */
export const mrDesignStatementText = (
  r: MultipleResponseResult,
  lang: Lang,
  decimal: Decimal = "point"
): string | undefined => designStatement(r.design, lang, decimal)
