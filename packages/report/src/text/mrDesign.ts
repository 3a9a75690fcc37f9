import type { MultipleResponseResult } from "@danvan/analysis"
import { fixed, formatCount, formatP, formatStat } from "./format.js"
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
      "Each letter marks a group whose proportion is significantly smaller (design-based t test on the design's df, Bonferroni within the item, α = .05).",
    design: (parts: string, df: number, lonely: string) =>
      `Sampling design: ${parts}; variances by Taylor linearization (R survey's conventions), ${df} design degrees of freedom, lonely PSUs: ${lonely}.`,
    weight: (v: string, n: string) => `sampling weight ${v} (weighted N = ${n})`,
    equal: "equal weights",
    strata: (v: string) => `strata ${v}`,
    cluster: (v: string) => `clusters (PSUs) ${v}`,
    ownPsu: "each respondent its own PSU",
    fpc: (v: string) => `finite population correction ${v}`,
    frequency: (v: string) =>
      `Weights ${v} used as SPSS frequency weights (--weight-mode frequency): tests of the replicated data, not design-based.`
  },
  vi: {
    tests:
      "Kiểm định từng nội dung (kiểm định F Rao-Scott bậc hai theo thiết kế mẫu: có chọn/không chọn theo nhóm, tuyến tính hóa Taylor)",
    overall: (f: string, df1: string, df2: string, p: string) =>
      `Rao-Scott bậc hai theo thiết kế mẫu (dạng F, như svychisq của gói survey trong R): F(${df1}, ${df2}) = ${f}, p ${p}`,
    chisq: (x: string, df: string, p: string, deff: string) =>
      `Dạng khi bình phương: X² = ${x}, df = ${df}, p ${p}; hiệu ứng thiết kế tổng quát trung bình ${deff}`,
    letters:
      "Mỗi chữ cái chỉ một nhóm có tỷ lệ nhỏ hơn có ý nghĩa (kiểm định t theo thiết kế mẫu với bậc tự do của thiết kế, hiệu chỉnh Bonferroni trong từng nội dung, α = .05).",
    design: (parts: string, df: number, lonely: string) =>
      `Thiết kế mẫu: ${parts}; phương sai theo tuyến tính hóa Taylor (quy ước của gói survey trong R), ${df} bậc tự do của thiết kế, tầng chỉ có một PSU: ${lonely}.`,
    weight: (v: string, n: string) => `trọng số mẫu ${v} (N có trọng số = ${n})`,
    equal: "trọng số bằng nhau",
    strata: (v: string) => `tầng ${v}`,
    cluster: (v: string) => `cụm (PSU) ${v}`,
    ownPsu: "mỗi người trả lời là một PSU",
    fpc: (v: string) => `hiệu chỉnh tổng thể hữu hạn ${v}`,
    frequency: (v: string) =>
      `Trọng số ${v} được dùng như trọng số tần suất của SPSS (--weight-mode frequency): kiểm định trên dữ liệu nhân bản, không theo thiết kế mẫu.`
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
 * unweighted): which mode, which variables.
 *
 * @example
 * mrDesignStatementText(result, "en")
 * // "Sampling design: sampling weight w (weighted N = 812.5), strata tinh, clusters (PSUs) xa; …"
 */
export const mrDesignStatementText = (r: MultipleResponseResult, lang: Lang): string | undefined => {
  const s = S[lang]
  const d = r.design
  if (d === undefined || d.mode === "unweighted") return undefined
  if (d.mode === "frequency") return s.frequency(d.weight ?? "")
  const parts = [
    d.weight === undefined ? s.equal : s.weight(d.weight, formatCount(r.weight?.sum ?? r.n.valid)),
    ...(d.strata === undefined ? [] : [s.strata(d.strata)]),
    d.cluster === undefined ? s.ownPsu : s.cluster(d.cluster),
    ...(d.fpc === undefined ? [] : [s.fpc(d.fpc)])
  ]
  return s.design(parts.join(", "), d.degreesOfFreedom ?? NaN, d.lonelyPsu ?? "fail")
}
