import type { Decimal } from "./format.js"
import { coefficient, fixed, formatDf, pClause } from "./format.js"
import type { Lang } from "./i18n.js"

/** How a sentence is written: language and decimal separator. */
export interface SentenceOptions {
  readonly lang: Lang
  readonly decimal?: Decimal
}

const dec = (o: SentenceOptions): Decimal => o.decimal ?? "point"

/**
 * The separator between the parts of a test report: ", " as APA writes it, but "; " when the decimal mark is
 * a comma, where "X²(9,46, N = 1096)" could be read as three numbers.
 */
const sep = (d: Decimal): string => (d === "comma" ? "; " : ", ")

/**
 * APA 7 sentence of a Pearson chi-square test, with Cramér's V when given:
 * "χ²(4, N = 1096) = 41.03, p < .001, Cramér's V = .14". No leading zero for p and V, never ".000".
 *
 * @example
 * chiSquareSentence({ statistic: 41.0308, df: 4, p: 2.6e-8 }, 1096, 0.1368, { lang: "en" })
 */
export const chiSquareSentence = (
  test: { readonly statistic: number; readonly df: number; readonly p: number },
  n: number,
  cramersV: number | undefined,
  options: SentenceOptions
): string => {
  const d = dec(options)
  const v = cramersV === undefined
    ? ""
    : `${sep(d)}${options.lang === "vi" ? "V Cramér" : "Cramér's V"} = ${coefficient(cramersV, 2, d)}`
  return `χ²(${formatDf(test.df, d)}${sep(d)}N = ${n}) = ${fixed(test.statistic, 2, d)}${sep(d)}${
    pClause(test.p, d)
  }${v}`
}

/**
 * APA sentence of Fisher's exact test, naming how p was computed (exact, or Monte Carlo with B).
 *
 * @example
 * fisherSentence({ p: 0.0234, method: "monte-carlo", B: 10000 }, { lang: "en" })
 * // "Fisher's exact test (Monte Carlo, B = 10000), p = .023"
 */
export const fisherSentence = (
  fisher: { readonly p: number; readonly method: "exact" | "monte-carlo"; readonly B?: number },
  options: SentenceOptions
): string => {
  const how = fisher.method === "exact"
    ? options.lang === "vi" ? "tính chính xác" : "exact"
    : `Monte Carlo, B = ${fisher.B ?? "?"}`
  const name = options.lang === "vi" ? "Kiểm định chính xác Fisher" : "Fisher's exact test"
  return `${name} (${how})${sep(dec(options))}${pClause(fisher.p, dec(options))}`
}

/** The overall multiple-response test result fields a sentence needs (a subset of `MultipleResponseResult`). */
export interface MmiSentenceInput {
  readonly method: "bonferroni" | "rs2" | "bootstrap"
  readonly n: { readonly valid: number }
  readonly sumStatistic: number
  readonly bonferroni: { readonly p: number }
  readonly rs2: { readonly statistic: number; readonly df: number; readonly p: number }
  readonly bootstrap?: { readonly p: number; readonly B: number; readonly discarded: number }
}

/**
 * APA sentence of the overall test of multiple marginal independence (Bilder, Loughin & Nettleton 2000) by
 * the chosen method: Bonferroni-adjusted item tests, second-order Rao-Scott (fractional df), or bootstrap (B).
 *
 * @example
 * mmiSentence(result, { lang: "en" }) // "MMI test, second-order Rao-Scott: X²S(RS2)(3.42, N = 1096) = 30.12, p < .001"
 */
export const mmiSentence = (r: MmiSentenceInput, options: SentenceOptions): string => {
  const d = dec(options)
  const vi = options.lang === "vi"
  const head = vi ? "Kiểm định độc lập biên bội (MMI)" : "MMI test"
  const n = r.n.valid
  switch (r.method) {
    case "bonferroni":
      return `${head}, Bonferroni: X²S = ${fixed(r.sumStatistic, 2, d)}${sep(d)}N = ${n}${sep(d)}${
        pClause(r.bonferroni.p, d)
      }`
    case "rs2":
      return `${head}, ${vi ? "Rao-Scott bậc hai" : "second-order Rao-Scott"}: X²S(RS2)(${formatDf(r.rs2.df, d)}${
        sep(d)
      }N = ${n}) = ${fixed(r.rs2.statistic, 2, d)}${sep(d)}${pClause(r.rs2.p, d)}`
    case "bootstrap": {
      const b = r.bootstrap
      if (b === undefined) return `${head}, bootstrap: —`
      const discarded = b.discarded > 0
        ? (vi ? `, loại ${b.discarded} mẫu` : `, ${b.discarded} resamples discarded`)
        : ""
      return `${head}, bootstrap (B = ${b.B}${discarded}): X²S = ${fixed(r.sumStatistic, 2, d)}${sep(d)}N = ${n}${
        sep(d)
      }${pClause(b.p, d)}`
    }
  }
}

/** A pole of a Likert scale: the category with the highest (or lowest) score. */
export interface ScalePole {
  readonly label: { readonly vi: string; readonly en: string }
  readonly score: number
}

/**
 * The direction of a Likert scale in words, taken from its labels, never assumed: "A higher mean score is nearer
 * “Không khó khăn” (3); a lower one nearer “Khó khăn” (1)."
 *
 * @example
 * likertDirectionSentence({
 *   high: { label: { vi: "Không khó khăn", en: "Not difficult" }, score: 3 },
 *   low: { label: { vi: "Khó khăn", en: "Difficult" }, score: 1 }
 * }, { lang: "en" })
 */
export const likertDirectionSentence = (
  direction: { readonly high: ScalePole; readonly low: ScalePole },
  options: SentenceOptions
): string => {
  const d = dec(options)
  const score = (x: number) => fixed(x, Number.isInteger(x) ? 0 : 2, d)
  const high = `“${direction.high.label[options.lang].normalize("NFC")}” (${score(direction.high.score)})`
  const low = `“${direction.low.label[options.lang].normalize("NFC")}” (${score(direction.low.score)})`
  return options.lang === "vi"
    ? `Điểm trung bình càng cao càng gần ${high}; càng thấp càng gần ${low}.`
    : `A higher mean score is nearer ${high}; a lower one nearer ${low}.`
}

/**
 * APA sentence of a Kruskal-Wallis test: "Kruskal-Wallis H(2, N = 1090) = 12.34, p = .002".
 *
 * @example
 * kruskalWallisSentence({ statistic: 12.34, df: 2, p: 0.0021 }, 1090, { lang: "en" })
 */
export const kruskalWallisSentence = (
  kw: { readonly statistic: number; readonly df: number; readonly p: number },
  n: number,
  options: SentenceOptions
): string => {
  const d = dec(options)
  return `Kruskal-Wallis H(${formatDf(kw.df, d)}${sep(d)}N = ${n}) = ${fixed(kw.statistic, 2, d)}${sep(d)}${
    pClause(kw.p, d)
  }`
}

/**
 * A proportion with its confidence interval: "88.3%, 95% CI [87.9, 88.7]".
 *
 * @example
 * rateSentence(0.883, 0.879, 0.887, 0.95, { lang: "en" })
 */
export const rateSentence = (
  estimate: number,
  lower: number,
  upper: number,
  level: number,
  options: SentenceOptions
): string => {
  const d = dec(options)
  const ci = options.lang === "vi" ? "KTC" : "CI"
  return `${fixed(100 * estimate, 1, d)}%${sep(d)}${fixed(100 * level, 0, d)}% ${ci} [${fixed(100 * lower, 1, d)}${
    sep(d)
  }${fixed(100 * upper, 1, d)}]`
}

/** The tests across layers a CMH sentence needs (a subset of `LayeredCrosstabResult`). */
export interface CmhSentenceInput {
  readonly n: { readonly valid: number }
  readonly cochranMantelHaenszel?: {
    readonly statistic: number
    readonly df: number
    readonly p: number
    readonly corrected: boolean
    readonly strata: number
  }
  readonly mantelHaenszelOddsRatio?: { readonly estimate: number; readonly ci95: readonly [number, number] }
  readonly breslowDay?: { readonly statistic: number; readonly df: number; readonly p: number }
}

/**
 * APA sentences of a layered crosstab's tests across layers: the Cochran-Mantel-Haenszel test of conditional
 * independence naming the control variable and its strata; for 2×2×K also the Mantel-Haenszel common odds ratio
 * with its 95% CI and the Breslow-Day test (Tarone's correction) of homogeneous odds ratios.
 *
 * @example
 * cmhSentences(result, "Sex", { lang: "en" })
 * // ["Cochran-Mantel-Haenszel test controlling for Sex (2 strata): χ²(2, N = 1096) = 12.34, p = .002", …]
 */
export const cmhSentences = (r: CmhSentenceInput, layer: string, options: SentenceOptions): Array<string> => {
  const d = dec(options)
  const vi = options.lang === "vi"
  const out: Array<string> = []
  const cmh = r.cochranMantelHaenszel
  if (cmh !== undefined) {
    const corrected = cmh.corrected ? (vi ? ", hiệu chỉnh liên tục" : ", continuity corrected") : ""
    const head = vi
      ? `Kiểm định Cochran-Mantel-Haenszel khi kiểm soát ${layer} (${cmh.strata} lớp${corrected})`
      : `Cochran-Mantel-Haenszel test controlling for ${layer} (${cmh.strata} strata${corrected})`
    out.push(
      `${head}: χ²(${formatDf(cmh.df, d)}${sep(d)}N = ${r.n.valid}) = ${fixed(cmh.statistic, 2, d)}${sep(d)}${
        pClause(cmh.p, d)
      }`
    )
  }
  const or = r.mantelHaenszelOddsRatio
  if (or !== undefined && Number.isFinite(or.estimate)) {
    const ci = Number.isFinite(or.ci95[0]) && Number.isFinite(or.ci95[1])
      ? `${sep(d)}${vi ? "KTC 95%" : "95% CI"} [${fixed(or.ci95[0], 2, d)}${sep(d)}${fixed(or.ci95[1], 2, d)}]`
      : ""
    out.push(
      `${vi ? "Tỷ số chênh chung Mantel-Haenszel" : "Mantel-Haenszel common odds ratio"}: OR = ${
        fixed(or.estimate, 2, d)
      }${ci}`
    )
  }
  const bd = r.breslowDay
  if (bd !== undefined) {
    const name = vi
      ? "Kiểm định Breslow-Day (hiệu chỉnh Tarone) về đồng nhất tỷ số chênh"
      : "Breslow-Day test (Tarone's correction) of homogeneous odds ratios"
    out.push(`${name}: χ²(${formatDf(bd.df, d)}) = ${fixed(bd.statistic, 2, d)}${sep(d)}${pClause(bd.p, d)}`)
  }
  return out
}
