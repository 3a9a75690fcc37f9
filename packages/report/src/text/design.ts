import type {
  CrosstabResult,
  DesignInfo,
  DesignMeanValue,
  DesignValue,
  DesignWaldTest,
  FrequenciesResult,
  RaoScottTests
} from "@danvan/analysis"
import { type Decimal, fixed as fixedIn, formatCount as formatCountIn, formatDf as dfIn, pClause } from "../format.js"
import { fixed, formatCount, formatDf, formatP, formatStat } from "./format.js"
import { label, type Lang } from "./i18n.js"
import { type WeightStatement, weightText } from "./notes.js"
import type { Row, TextTable } from "./table.js"

/** The design wording in both languages (kept here: the sampling-design outputs of issue 18). */
const words = {
  sampling: { en: "Design-based (Taylor linearization)", vi: "Ước lượng theo thiết kế mẫu (tuyến tính hóa Taylor)" },
  weights: { en: "weights", vi: "trọng số" },
  noWeights: { en: "no weights", vi: "không trọng số" },
  strata: { en: "strata", vi: "tầng" },
  clusters: { en: "clusters", vi: "cụm" },
  fpc: { en: "fpc", vi: "hiệu chỉnh tổng thể hữu hạn" },
  lonely: { en: "lonely PSU", vi: "tầng một PSU" },
  psus: { en: "PSUs", vi: "PSU" },
  df: { en: "design df", vi: "bậc tự do thiết kế" },
  frequency: {
    en:
      "Frequency weights (as SPSS WEIGHT BY: each case counts w times; tests treat the weighted N as the sample size)",
    vi: "Trọng số tần suất (như SPSS WEIGHT BY: mỗi trường hợp tính w lần; kiểm định coi N có trọng số là cỡ mẫu)"
  },
  title: { en: "Design-based tests (Rao-Scott)", vi: "Kiểm định theo thiết kế mẫu (Rao-Scott)" },
  second: { en: "Rao-Scott F (second order)", vi: "Rao-Scott F (bậc hai)" },
  first: { en: "Rao-Scott chi-square (first order)", vi: "Rao-Scott khi bình phương (bậc một)" },
  value: { en: "Value", vi: "Giá trị" },
  df1: { en: "df1", vi: "df1" },
  df2: { en: "df2", vi: "df2" },
  sig: { en: "Sig.", vi: "Mức ý nghĩa" },
  notValid: {
    en:
      "Under a sampling design the Pearson chi-square of the weighted table treats the weights as frequencies and is not valid; the Rao-Scott test is the test (R survey's svychisq). Measures of association are point estimates only.",
    vi:
      "Với thiết kế mẫu, kiểm định khi bình phương Pearson trên bảng có trọng số coi trọng số là tần suất nên không hợp lệ; kiểm định Rao-Scott mới là kiểm định đúng (svychisq của R survey). Các hệ số liên hệ chỉ là ước lượng điểm."
  },
  cellsTitle: {
    en: "% of total with design-based SE and design effect",
    vi: "% trên tổng với sai số chuẩn theo thiết kế và hệ số thiết kế"
  },
  cellNote: { en: "Each cell: % (SE; deff).", vi: "Mỗi ô: % (SE; deff)." },
  mean: { en: "Design-based mean", vi: "Trung bình theo thiết kế mẫu" },
  wald: { en: "Design-based Wald (F)", vi: "Wald theo thiết kế mẫu (F)" },
  waldLine: {
    en: "Design-based Wald test of equal means (R survey's svyglm and regTermTest, Taylor linearization)",
    vi: "Kiểm định Wald theo thiết kế mẫu về sự bằng nhau của các trung bình (svyglm và regTermTest của R survey, " +
      "tuyến tính hóa Taylor)"
  },
  waldChisq: { en: "chi-square form", vi: "dạng khi bình phương" }
} as const
type Key = keyof typeof words
const w = (key: Key, lang: Lang): string => words[key][lang]

/**
 * The `design` field of any result: a {@link DesignInfo} (crosstab, frequencies, describe, means, likert) or a
 * multiple-response result's statement, which may also be `"unweighted"` and names its df `degreesOfFreedom`.
 */
export type DesignStatementInput = Omit<DesignInfo, "mode"> & {
  readonly mode: DesignInfo["mode"] | "unweighted"
  readonly degreesOfFreedom?: number
}

/** "18 PSUs, 4 strata, design df = 14", leaving out what the result does not carry. */
const designCounts = (d: DesignStatementInput, lang: Lang, decimal: Decimal): string => {
  const df = d.df ?? d.degreesOfFreedom
  const strata = d.strataCount === 1 && lang === "en" ? "stratum" : w("strata", lang)
  return [
    ...(d.psus === undefined ? [] : [`${formatCountIn(d.psus, decimal)} ${w("psus", lang)}`]),
    ...(d.strataCount === undefined ? [] : [`${formatCountIn(d.strataCount, decimal)} ${strata}`]),
    ...(df === undefined ? [] : [`${w("df", lang)} = ${formatCountIn(df, decimal)}`])
  ].join(", ")
}

/**
 * The one sentence stating how a result was weighted, used by every output (text, Markdown, HTML, Word) of every
 * analysis: SPSS frequency weights, or the sampling design's weights, strata, clusters, fpc, lonely-PSU rule,
 * PSUs, strata and degrees of freedom; undefined for an unweighted result. Numbers take the output's decimal mark.
 *
 * @example
 * designStatement({ mode: "sampling", weight: "trongso", strata: "huyen", cluster: "xa", psus: 18,
 *   strataCount: 4, df: 14, lonelyPsu: "fail" }, "en")
 * // "Design-based (Taylor linearization): weights trongso, strata huyen, clusters xa; lonely PSU: fail; 18 PSUs, …"
 */
export const designStatement = (
  design: DesignStatementInput | undefined,
  lang: Lang,
  decimal: Decimal = "point"
): string | undefined => {
  if (design === undefined || design.mode === "unweighted") return undefined
  if (design.mode === "frequency") return `${w("frequency", lang)}: ${design.weight ?? ""}.`
  const parts = [
    design.weight !== undefined ? `${w("weights", lang)} ${design.weight}` : w("noWeights", lang),
    ...(design.strata !== undefined ? [`${w("strata", lang)} ${design.strata}`] : []),
    ...(design.cluster !== undefined ? [`${w("clusters", lang)} ${design.cluster}`] : []),
    ...(design.fpc !== undefined ? [`${w("fpc", lang)} ${design.fpc}`] : [])
  ]
  const counts = designCounts(design, lang, decimal)
  return `${w("sampling", lang)}: ${parts.join(", ")}; ${w("lonely", lang)}: ${design.lonelyPsu ?? "fail"}` +
    `${counts === "" ? "" : `; ${counts}`}.`
}

/**
 * The Rao-Scott tests as one line: "Rao-Scott F = 1.155, df = 1.96, 27.47, p = .329; χ² = …", with the decimal
 * mark of the output (a comma in Vietnamese reports; the terminal text keeps the point).
 *
 * @example
 * raoScottLine(result.tests, "en")
 * raoScottLine(result.tests, "vi", "comma") // "Rao-Scott F (bậc hai) = 0,587; df = 3,41; 47,80; p = 0,648. …"
 */
export const raoScottLine = (
  tests: Partial<RaoScottTests>,
  lang: Lang,
  decimal: Decimal = "point"
): string | undefined => {
  const f = tests.raoScott
  const c = tests.raoScottChisq
  if (f === undefined || c === undefined) return undefined
  const d = (x: number, decimals: number) => fixedIn(x, decimals, decimal)
  // With a decimal comma, "df = 3,41, 47,80" would read as four numbers: the parts are split by "; " then.
  const [part, test] = decimal === "comma" ? ["; ", ". "] : [", ", "; "]
  return `${w("second", lang)} = ${d(f.statistic, 3)}${part}df = ${d(f.df1, 2)}${part}${d(f.df2, 2)}${part}` +
    `${pClause(f.p, decimal)}${test}${w("first", lang)} = ${d(c.statistic, 3)}${part}df = ${dfIn(c.df, decimal)}` +
    `${part}${pClause(c.p, decimal)}`
}

/**
 * The name of the design-based Wald test of equal means in a test table.
 *
 * @example
 * designWaldName("en") // "Design-based Wald (F)"
 */
export const designWaldName = (lang: Lang): string => w("wald", lang)

/**
 * The design-based Wald test of equal means as one line, F form then chi-square form, with the output's decimal
 * mark: "Design-based Wald test of equal means (…): F(2, 12) = 4.022, p = .046; chi-square form: χ²(2) = 8.043,
 * p = .018."
 *
 * @example
 * designWaldLine(result.tests.designWald, "vi", "comma")
 */
export const designWaldLine = (
  t: DesignWaldTest | undefined,
  lang: Lang,
  decimal: Decimal = "point"
): string | undefined => {
  if (t === undefined) return undefined
  const d = (x: number) => dfIn(x, decimal)
  const sep = decimal === "comma" ? "; " : ", "
  return `${w("waldLine", lang)}: F(${d(t.df1)}${sep}${d(t.df2)}) = ${fixedIn(t.statistic, 3, decimal)}, ` +
    `${pClause(t.p, decimal)}; ${w("waldChisq", lang)}: χ²(${d(t.chisq.df)}) = ` +
    `${fixedIn(t.chisq.statistic, 3, decimal)}, ${pClause(t.chisq.p, decimal)}.`
}

/**
 * The crosstab's design-based test table (replacing SPSS's Chi-Square Tests under a sampling design).
 *
 * @example
 * raoScottTable(result, "vi")
 */
export const raoScottTable = (r: CrosstabResult, lang: Lang): TextTable | undefined => {
  const f = r.tests.raoScott
  const c = r.tests.raoScottChisq
  if (f === undefined || c === undefined) return undefined
  const body: Array<Row> = [
    [w("second", lang), formatStat(f.statistic), fixed(f.df1, 2), fixed(f.df2, 2), formatP(f.p)],
    [w("first", lang), formatStat(c.statistic), formatDf(c.df), "", formatP(c.p)]
  ]
  return {
    title: w("title", lang),
    align: ["left", "right", "right", "right", "right"],
    header: [["", w("value", lang), w("df1", lang), w("df2", lang), w("sig", lang)]],
    body,
    footnotes: [designStatement(r.design, lang) ?? "", w("notValid", lang)]
  }
}

/** "12.3 (1.4; 1.25)": a percent with its SE and design effect. */
const cell = (v: DesignValue) => `${fixed(v.estimate, 1)} (${fixed(v.se, 1)}; ${fixed(v.deff, 2)})`

/**
 * The crosstab's cells as % of the total with design-based SE and design effect.
 *
 * @example
 * designCellsTable(result, ["Nam", "Nữ"], ["Tỉnh", "Huyện", "Xã"], "en")
 */
export const designCellsTable = (
  r: CrosstabResult,
  rowCats: ReadonlyArray<string>,
  colCats: ReadonlyArray<string>,
  lang: Lang
): TextTable | undefined => {
  if (r.designCells === undefined) return undefined
  return {
    title: w("cellsTitle", lang),
    align: ["left", ...colCats.map(() => "right" as const)],
    header: [["", ...colCats]],
    body: rowCats.map((cat, i) => [cat, ...r.designCells!.total[i]!.map(cell)]),
    footnotes: [w("cellNote", lang)]
  }
}

/**
 * A design-based mean as a phrase: "Design-based mean 65.68 (SE 1.18; 95% CI 63.15–68.21; df 14; deff 2.66)".
 *
 * @example
 * designMeanText(result.designMean, "en")
 */
export const designMeanText = (m: DesignMeanValue, lang: Lang, decimals = 2, decimal: Decimal = "point"): string => {
  const d = (x: number, places: number) => fixedIn(x, places, decimal)
  return `${w("mean", lang)} ${d(m.estimate, decimals)} (SE ${d(m.se, decimals)}; 95% CI ` +
    `${d(m.ci.lower, decimals)}–${d(m.ci.upper, decimals)}; df ${formatCount(m.df)}; deff ${d(m.deff, 2)})`
}

/**
 * The weight footnote of a result: the design statement under a sampling design, else the SPSS frequency-weight
 * wording of {@link weightText}.
 *
 * @example
 * weightOrDesignText(result, "vi")
 */
export const weightOrDesignText = (
  r: { readonly weight?: WeightStatement; readonly weighted: boolean; readonly design?: DesignInfo },
  lang: Lang
): string | undefined =>
  r.design?.mode === "sampling" ? designStatement(r.design, lang) : weightText(r.weight, r.weighted, lang)

const percentWords = {
  title: { en: "Design-based percents", vi: "Tỷ lệ phần trăm theo thiết kế mẫu" },
  category: { en: "Category", vi: "Phương án" },
  logit: { en: "95% CI (logit)", vi: "KTC 95% (logit)" },
  kg: { en: "95% CI (Korn-Graubard)", vi: "KTC 95% (Korn-Graubard)" },
  note: {
    en:
      "Percents of the valid cases with their design-based SE, intervals as R survey's svyciprop (logit and beta) on the design's df, and design effects (deff as svymean(deff = TRUE); blank when the weights sum to no more than n).",
    vi:
      "Phần trăm trên số trường hợp hợp lệ với sai số chuẩn theo thiết kế, khoảng tin cậy như svyciprop của R survey (logit và beta) theo bậc tự do thiết kế, và hệ số thiết kế (deff như svymean(deff = TRUE); để trống khi tổng trọng số không lớn hơn n)."
  }
} as const

/**
 * A frequency table's design-based percents (sampling design only): %, SE, logit and Korn-Graubard 95% CIs, deff.
 *
 * @example
 * designPercentsTable(result, "en")
 */
export const designPercentsTable = (r: FrequenciesResult, lang: Lang): TextTable | undefined => {
  const rows = r.rows.filter((x) => !x.missing && x.design !== undefined)
  if (rows.length === 0) return undefined
  const ci = (c: { readonly lower: number; readonly upper: number }) => `${fixed(c.lower, 1)}–${fixed(c.upper, 1)}`
  return {
    title: `${percentWords.title[lang]}: ${label(r.variable.label, lang)}`,
    align: ["left", "right", "right", "right", "right", "right"],
    header: [[percentWords.category[lang], "%", "SE", percentWords.logit[lang], percentWords.kg[lang], "deff"]],
    body: rows.map((x) => {
      const d = x.design!
      return [
        label(x.label, lang),
        fixed(d.estimate, 1),
        fixed(d.se, 2),
        ci(d.ci.logit),
        ci(d.ci.kornGraubard),
        fixed(d.deff, 2)
      ]
    }),
    footnotes: [designStatement(r.design, lang) ?? "", percentWords.note[lang]]
  }
}

const classicalNote = {
  en:
    "The classical tests below treat the weights as frequencies; under a sampling design use the design-based estimates and tests.",
  vi:
    "Các kiểm định cổ điển dưới đây coi trọng số là tần suất; với thiết kế mẫu, hãy dùng các ước lượng và kiểm định theo thiết kế."
} as const

/**
 * Why the classical tests (ANOVA, Welch, Levene) shown beside design-based results are not the design's: they
 * treat the weights as frequencies.
 *
 * @example
 * classicalTestsNote("en") // "The classical tests below treat the weights as frequencies; …"
 */
export const classicalTestsNote = (lang: Lang): string => classicalNote[lang]

/**
 * Footnotes of a result computed under a sampling design: the design statement, design-based means (one per
 * named line) and Rao-Scott lines, and that the classical tests are frequency-weighted; [] otherwise.
 *
 * @example
 * designFootnotes(result.design, [["Nam", result.groups[0].design]], [], "en")
 */
export const designFootnotes = (
  design: DesignInfo | undefined,
  means: ReadonlyArray<readonly [string, DesignMeanValue | null | undefined]>,
  tests: ReadonlyArray<readonly [string, Partial<RaoScottTests> | undefined]>,
  lang: Lang,
  decimal: Decimal = "point"
): Array<string> => {
  if (design?.mode !== "sampling") return []
  return [
    designStatement(design, lang, decimal)!,
    ...means.flatMap(([name, m]) =>
      m === undefined || m === null ? [] : [`${name}: ${designMeanText(m, lang, 2, decimal)}`]
    ),
    ...tests.flatMap(([name, x]) => {
      const line = x === undefined ? undefined : raoScottLine(x, lang, decimal)
      return line === undefined ? [] : [`${name}: ${line}`]
    }),
    classicalNote[lang]
  ]
}

/**
 * Why a sampling-design result shows no Pearson chi-square: it treats the weights as frequencies.
 *
 * @example
 * designNotValid("en") // "Under a sampling design the Pearson chi-square … is not valid; …"
 */
export const designNotValid = (lang: Lang): string => w("notValid", lang)
