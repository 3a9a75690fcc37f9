import type { CrosstabResult, MeasureWithTest } from "@danvan/analysis"
import type { ReportTable, TableRow } from "../document.js"
import type { Lang } from "../i18n.js"
import { blank, type BuildContext, h, num, text } from "./common.js"

const WORDS = {
  tests: { en: "Chi-square tests", vi: "Kiểm định Chi bình phương" },
  measures: { en: "Symmetric measures", vi: "Các đại lượng đối xứng" },
  test: { en: "Test", vi: "Kiểm định" },
  measure: { en: "Measure", vi: "Đại lượng" },
  value: { en: "Value", vi: "Giá trị" },
  df: { en: "df", vi: "df" },
  p: { en: "p (2-sided)", vi: "p (2 phía)" },
  exactP: { en: "Exact p (2-sided)", vi: "p chính xác (2 phía)" },
  ase: { en: "Asymp. std. error", vi: "Sai số chuẩn tiệm cận" },
  approxT: { en: "Approx. T", vi: "T xấp xỉ" },
  pearson: { en: "Pearson chi-square", vi: "Chi bình phương Pearson" },
  yates: { en: "Continuity correction (2×2)", vi: "Hiệu chỉnh liên tục (2×2)" },
  likelihoodRatio: { en: "Likelihood ratio", vi: "Tỷ số khả dĩ" },
  fisherExact: { en: "Fisher's exact test", vi: "Kiểm định chính xác Fisher" },
  linearByLinear: { en: "Linear-by-linear association", vi: "Liên hệ tuyến tính" },
  n: { en: "N of valid cases", vi: "Số trường hợp hợp lệ" },
  phi: { en: "Phi", vi: "Phi" },
  cramersV: { en: "Cramér's V", vi: "V Cramér" },
  contingencyCoefficient: { en: "Contingency coefficient", vi: "Hệ số tương hợp" },
  gamma: { en: "Gamma", vi: "Gamma" },
  kendallTauB: { en: "Kendall's tau-b", vi: "Tau-b Kendall" },
  kendallTauC: { en: "Kendall's tau-c", vi: "Tau-c Kendall" },
  somersD: { en: "Somers' d (symmetric)", vi: "d Somers (đối xứng)" },
  monteCarlo: {
    en: "Fisher's p is a Monte Carlo estimate ({b} tables, seed {seed}).",
    vi: "p của Fisher là ước lượng Monte Carlo ({b} bảng, seed {seed})."
  },
  ordinalNote: {
    en:
      "Gamma, tau-b, tau-c and Somers' d use the category order (meaningful when both variables are ordinal); T is value/ASE under independence.",
    vi:
      "Gamma, tau-b, tau-c và d Somers dùng thứ tự các phân loại (có nghĩa khi cả hai biến là thứ bậc); T = giá trị/ASE khi độc lập."
  }
} as const

const w = (key: keyof typeof WORDS, lang: Lang) => WORDS[key][lang]

/**
 * SPSS's Chi-Square Tests table of a crosstab as a report table: Pearson, continuity correction (2×2), likelihood
 * ratio, Fisher's exact test (when run), linear-by-linear association, N of valid cases.
 *
 * @example
 * crosstabTestsTable(result, "t4-item1-tests", "Table 4a", ctx)
 */
export const crosstabTestsTable = (r: CrosstabResult, id: string, title: string, ctx: BuildContext): ReportTable => {
  const { lang } = ctx
  const f = r.tests.fisherExact
  const chi = (key: "pearson" | "yates" | "likelihoodRatio" | "linearByLinear"): Array<TableRow> => {
    const x = r.tests[key]
    return x === undefined
      ? []
      : [{ cells: [text(w(key, lang)), num(x.statistic, "stat"), num(x.df, "df"), num(x.p, "p"), blank] }]
  }
  const rows: Array<TableRow> = [
    ...chi("pearson"),
    ...chi("yates"),
    ...chi("likelihoodRatio"),
    ...(f !== undefined ? [{ cells: [text(w("fisherExact", lang)), blank, blank, blank, num(f.p, "p")] }] : []),
    ...chi("linearByLinear"),
    { kind: "total", cells: [text(w("n", lang)), num(r.n.valid, "count"), blank, blank, blank] }
  ]
  const notes = f?.method === "monte-carlo"
    ? [w("monteCarlo", lang).replace("{b}", String(f.B ?? "")).replace("{seed}", String(f.seed ?? ""))]
    : []
  return {
    detail: "full",
    id,
    title: `${title}: ${w("tests", lang)}`,
    header: [[h(w("test", lang)), h(w("value", lang)), h(w("df", lang)), h(w("p", lang)), h(w("exactP", lang))]],
    rows,
    notes
  }
}

/**
 * SPSS's Symmetric Measures table: phi, Cramér's V, contingency coefficient (nominal), then gamma, Kendall's
 * tau-b and tau-c and symmetric Somers' d with their asymptotic standard errors, T and p (ordinal).
 *
 * @example
 * crosstabMeasuresTable(result, "t4-item1-measures", "Table 4a", ctx)
 */
export const crosstabMeasuresTable = (r: CrosstabResult, id: string, title: string, ctx: BuildContext): ReportTable => {
  const { lang } = ctx
  const m = r.measures
  const nominal = (key: "phi" | "cramersV" | "contingencyCoefficient"): TableRow => ({
    cells: [text(w(key, lang)), num(m[key], "coef"), blank, blank, num(r.tests.pearson.p, "p")]
  })
  const ordinal = (key: "gamma" | "kendallTauB" | "kendallTauC" | "somersD"): TableRow => {
    const x: MeasureWithTest = m[key]
    return { cells: [text(w(key, lang)), num(x.value, "coef"), num(x.ase, "coef"), num(x.t, "stat"), num(x.p, "p")] }
  }
  return {
    detail: "full",
    id,
    title: `${title}: ${w("measures", lang)}`,
    header: [[h(w("measure", lang)), h(w("value", lang)), h(w("ase", lang)), h(w("approxT", lang)), h(w("p", lang))]],
    rows: [
      nominal("phi"),
      nominal("cramersV"),
      nominal("contingencyCoefficient"),
      ordinal("gamma"),
      ordinal("kendallTauB"),
      ordinal("kendallTauC"),
      ordinal("somersD"),
      { kind: "total", cells: [text(w("n", lang)), num(r.n.valid, "count"), blank, blank, blank] }
    ],
    notes: [w("ordinalNote", lang)]
  }
}
