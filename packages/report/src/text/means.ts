import type { CorrelateResult, MeansCell, MeansComparison, MeansResult } from "@danvan/analysis"
import { toJson } from "./crosstab.js"
import { csvDocument, type CsvRow } from "./csv.js"
import { designFootnotes, designWaldLine, designWaldName } from "./design.js"
import { fixed, formatDf, formatP, formatStat, NOT_AVAILABLE, rawNumber } from "./format.js"
import { label, type Lang } from "./i18n.js"
import { renderTable, type Row, type TextTable } from "./table.js"
import { textTablesMarkdown } from "./tablesMarkdown.js"

export interface MeansRenderOptions {
  readonly lang: Lang
  readonly color?: boolean
}

const S = {
  en: {
    report: (v: string, by: string) => `Report: ${v} by ${by}`,
    group: "Group",
    n: "N",
    mean: "Mean",
    sd: "Std. Deviation",
    se: "Std. Error",
    ci: "95% CI for Mean",
    median: "Median",
    min: "Minimum",
    max: "Maximum",
    total: "Total",
    tests: "Tests of equality of means and variances",
    test: "Test",
    statistic: "Statistic",
    df1: "df1",
    df2: "df2",
    sig: "Sig.",
    anova: "One-way ANOVA (F)",
    welch: "Welch (F)",
    kw: "Kruskal-Wallis H (chi-square)",
    levene: "Levene, based on mean",
    bf: "Levene, based on median (Brown-Forsythe)",
    effects: (e: string, o: string) => `Effect size: eta squared = ${e}, omega squared = ${o}.`,
    postHoc: (name: string) => `Multiple comparisons: ${name}`,
    tukey: "Tukey HSD",
    gh: "Games-Howell",
    pair: "(I) - (J)",
    diff: "Mean Difference (J-I)",
    pairCi: "95% CI",
    postHocNote: "p adjusted for all pairs (studentized range); Games-Howell does not assume equal variances.",
    weighted: (w: string, sum: string) => `Weighted by ${w} (sum of weights ${sum}).`,
    cases: (valid: number, missing: number) => `Valid cases: ${valid}; missing: ${missing}.`,
    correlations: "Correlations",
    pairHead: "Variables",
    pearson: "Pearson r",
    spearman: "Spearman rho",
    corNote:
      "p two-sided (t with n - 2 df); 95% CI from Fisher's z (Spearman: SE sqrt(1.06/(n - 3))); pairwise deletion."
  },
  vi: {
    report: (v: string, by: string) => `Báo cáo: ${v} theo ${by}`,
    group: "Nhóm",
    n: "N",
    mean: "Trung bình",
    sd: "Độ lệch chuẩn",
    se: "Sai số chuẩn",
    ci: "KTC 95% của trung bình",
    median: "Trung vị",
    min: "Nhỏ nhất",
    max: "Lớn nhất",
    total: "Tổng",
    tests: "Kiểm định sự bằng nhau của trung bình và phương sai",
    test: "Kiểm định",
    statistic: "Thống kê",
    df1: "df1",
    df2: "df2",
    sig: "Sig.",
    anova: "ANOVA một yếu tố (F)",
    welch: "Welch (F)",
    kw: "Kruskal-Wallis H (khi bình phương)",
    levene: "Levene, theo trung bình",
    bf: "Levene, theo trung vị (Brown-Forsythe)",
    effects: (e: string, o: string) => `Độ lớn ảnh hưởng: eta bình phương = ${e}, omega bình phương = ${o}.`,
    postHoc: (name: string) => `So sánh bội: ${name}`,
    tukey: "Tukey HSD",
    gh: "Games-Howell",
    pair: "(I) - (J)",
    diff: "Chênh lệch trung bình (J-I)",
    pairCi: "KTC 95%",
    postHocNote:
      "p đã hiệu chỉnh cho mọi cặp (phân phối khoảng biến thiên chuẩn hóa); Games-Howell không giả định phương sai bằng nhau.",
    weighted: (w: string, sum: string) => `Có trọng số theo ${w} (tổng trọng số ${sum}).`,
    cases: (valid: number, missing: number) => `Trường hợp hợp lệ: ${valid}; thiếu: ${missing}.`,
    correlations: "Tương quan",
    pairHead: "Biến",
    pearson: "Pearson r",
    spearman: "Spearman rho",
    corNote:
      "p hai phía (t với n - 2 bậc tự do); KTC 95% theo z của Fisher (Spearman: SE sqrt(1,06/(n - 3))); loại bỏ theo cặp."
  }
} as const

const named = (l: { vi: string; en: string }, name: string, lang: Lang) => {
  const text = label(l, lang)
  return text === "" ? name : text
}
const ci = (
  c: readonly [number, number],
  d = 2
) => (Number.isFinite(c[0]) ? `[${fixed(c[0], d)}, ${fixed(c[1], d)}]` : NOT_AVAILABLE)
const num = (x: number) => (Number.isInteger(x) ? String(x) : fixed(x, 2))
const cellRow = (head: string, c: MeansCell): Row => [
  head,
  num(c.n),
  fixed(c.mean, 2),
  fixed(c.sd, 2),
  fixed(c.se, 3),
  ci(c.ci95),
  fixed(c.median, 2),
  num(c.min),
  num(c.max)
]

const comparisonTable = (r: MeansResult, title: string, cs: ReadonlyArray<MeansComparison>, lang: Lang): TextTable => {
  const s = S[lang]
  const name = (code: number) => named(r.by.categories.find((c) => c.code === code)!.label, String(code), lang)
  return {
    title: s.postHoc(title),
    align: ["left", "right", "right", "right", "right", "right"],
    header: [[s.pair, s.diff, s.se, "df", s.sig, s.pairCi]],
    body: cs.map((
      c
    ) => [
      `${name(c.i)} - ${name(c.j)}`,
      fixed(c.difference, 3),
      fixed(c.se, 3),
      formatDf(c.df),
      formatP(c.p),
      ci(c.ci95, 3)
    ]),
    footnotes: [s.postHocNote]
  }
}

/**
 * The tables of {@link MeansResult}: SPSS MEANS-style report, the tests (ANOVA, Welch, Kruskal-Wallis, Levene,
 * Brown-Forsythe) with η² and ω², then Tukey HSD and Games-Howell tables (what text and Markdown print).
 *
 * @example
 * meansTables(result, "en").map((t) => t.title)
 */
export const meansTables = (r: MeansResult, lang: Lang): Array<TextTable> => {
  const s = S[lang]
  const byName = named(r.by.label, r.by.name, lang)
  const report: TextTable = {
    title: s.report(named(r.variable.label, r.variable.name, lang), byName),
    align: ["left", "right", "right", "right", "right", "right", "right", "right", "right"],
    header: [[byName, s.n, s.mean, s.sd, s.se, s.ci, s.median, s.min, s.max]],
    body: [...r.groups.map((g) => cellRow(named(g.label, String(g.code), lang), g)), "rule", cellRow(s.total, r.total)],
    footnotes: [
      s.cases(r.n.valid, r.n.missing),
      ...(r.weight !== undefined && r.design?.mode !== "sampling"
        ? [s.weighted(r.weight.variable, fixed(r.weight.sum, 2))]
        : []),
      ...designFootnotes(
        r.design,
        [
          ...r.groups.map((g) => [named(g.label, String(g.code), lang), g.design] as const),
          [s.total, r.designTotal] as const
        ],
        [],
        lang
      )
    ]
  }
  const t = r.tests
  const f = (head: string, x: { statistic: number; df1: number; df2: number; p: number } | undefined): Array<Row> =>
    x === undefined ? [] : [[head, formatStat(x.statistic), formatDf(x.df1), formatDf(x.df2), formatP(x.p)]]
  const tests: TextTable = {
    title: s.tests,
    align: ["left", "right", "right", "right", "right"],
    header: [[s.test, s.statistic, s.df1, s.df2, s.sig]],
    body: [
      ...f(designWaldName(lang), t.designWald),
      ...f(s.anova, t.anova),
      ...f(s.welch, t.welch),
      ...(t.kruskalWallis === undefined
        ? []
        : [[
          s.kw,
          formatStat(t.kruskalWallis.statistic),
          formatDf(t.kruskalWallis.df),
          "",
          formatP(t.kruskalWallis.p)
        ]]),
      ...f(s.levene, t.levene),
      ...f(s.bf, t.brownForsythe)
    ],
    footnotes: [
      ...(r.effectSizes === undefined
        ? []
        : [s.effects(fixed(r.effectSizes.etaSquared, 3), fixed(r.effectSizes.omegaSquared, 3))]),
      ...(t.designWald === undefined ? [] : [designWaldLine(t.designWald, lang)!])
    ]
  }
  return [
    report,
    tests,
    ...(r.postHoc.tukey !== undefined ? [comparisonTable(r, s.tukey, r.postHoc.tukey, lang)] : []),
    ...(r.postHoc.gamesHowell !== undefined ? [comparisonTable(r, s.gh, r.postHoc.gamesHowell, lang)] : [])
  ]
}

const warningLines = (warnings: ReadonlyArray<{ readonly message: string }>) => warnings.map((w) => `! ${w.message}`)

/**
 * Plain text of {@link MeansResult}: the tables of {@link meansTables}, then any warnings.
 *
 * @example
 * renderMeansText(result, { lang: "en" })
 */
export const renderMeansText = (r: MeansResult, options: MeansRenderOptions): string => {
  const parts = meansTables(r, options.lang).map((t) => renderTable(t, { color: options.color === true }))
  if (r.warnings.length > 0) parts.push(warningLines(r.warnings).join("\n"))
  return parts.join("\n\n") + "\n"
}

/**
 * The table of {@link CorrelateResult}: one row per pair with Pearson's r and Spearman's rho, p and 95% CI.
 *
 * @example
 * correlateTable(result, "vi").body.length
 */
export const correlateTable = (r: CorrelateResult, lang: Lang): TextTable => {
  const s = S[lang]
  const nameOf = (n: string) => {
    const v = r.variables.find((x) => x.name === n)!
    return named(v.label, v.name, lang)
  }
  return {
    title: s.correlations,
    align: ["left", "right", "right", "right", "right", "right", "right", "right"],
    header: [[s.pairHead, s.n, s.pearson, s.sig, "95% CI", s.spearman, s.sig, "95% CI"]],
    body: r.pairs.map((p) => [
      `${nameOf(p.x)} × ${nameOf(p.y)}`,
      num(p.n),
      fixed(p.pearson?.r, 3),
      formatP(p.pearson?.p),
      p.pearson ? ci(p.pearson.ci95, 3) : NOT_AVAILABLE,
      fixed(p.spearman?.r, 3),
      formatP(p.spearman?.p),
      p.spearman ? ci(p.spearman.ci95, 3) : NOT_AVAILABLE
    ]),
    footnotes: [s.corNote, ...(r.weight !== undefined ? [s.weighted(r.weight.variable, fixed(r.weight.sum, 2))] : [])]
  }
}

/**
 * Plain text of {@link CorrelateResult}: the table of {@link correlateTable}, then any warnings.
 *
 * @example
 * renderCorrelateText(result, { lang: "vi" })
 */
export const renderCorrelateText = (r: CorrelateResult, options: MeansRenderOptions): string => {
  const table = renderTable(correlateTable(r, options.lang), { color: options.color === true })
  const warn = r.warnings.length > 0 ? "\n\n" + warningLines(r.warnings).join("\n") : ""
  return table + warn + "\n"
}

/**
 * The means tables in GitHub Markdown (a heading per table, notes and warnings as lists).
 *
 * @example
 * renderMeansMarkdown(result, { lang: "vi" })
 */
export const renderMeansMarkdown = (r: MeansResult, options: MeansRenderOptions): string =>
  textTablesMarkdown(meansTables(r, options.lang), warningLines(r.warnings))

/**
 * The correlation table in GitHub Markdown.
 *
 * @example
 * renderCorrelateMarkdown(result, { lang: "en" })
 */
export const renderCorrelateMarkdown = (r: CorrelateResult, options: MeansRenderOptions): string =>
  textTablesMarkdown([correlateTable(r, options.lang)], warningLines(r.warnings))

/**
 * CSV of a means result with full-precision numbers: one row per group and the total, then one row per test
 * (UTF-8 BOM, CRLF).
 *
 * @example
 * renderMeansCsv(result, { lang: "en" })
 */
export const renderMeansCsv = (r: MeansResult, options: MeansRenderOptions): string => {
  const { lang } = options
  const cell = (
    code: string,
    name: string,
    c: MeansCell
  ): CsvRow => [
    r.variable.name,
    r.by.name,
    code,
    name,
    ...[c.n, c.mean, c.sd, c.se, c.ci95[0], c.ci95[1], c.median, c.min, c.max].map(rawNumber)
  ]
  const rows: Array<CsvRow> = [
    ["variable", "by", "code", "group", "n", "mean", "sd", "se", "ciLower", "ciUpper", "median", "min", "max"],
    ...r.groups.map((g) => cell(String(g.code), named(g.label, String(g.code), lang), g)),
    cell("", S[lang].total, r.total),
    [],
    ["test", "statistic", "df1", "df2", "p"]
  ]
  const t = r.tests
  for (
    const [name, x] of [["anova", t.anova], ["welch", t.welch], ["levene", t.levene], [
      "brownForsythe",
      t.brownForsythe
    ]] as const
  ) {
    if (x !== undefined) rows.push([name, ...[x.statistic, x.df1, x.df2, x.p].map(rawNumber)])
  }
  if (t.kruskalWallis !== undefined) {
    rows.push([
      "kruskalWallis",
      ...[t.kruskalWallis.statistic, t.kruskalWallis.df].map(rawNumber),
      "",
      rawNumber(t.kruskalWallis.p)
    ])
  }
  if (r.weight !== undefined) rows.push([], ["weight", r.weight.variable, rawNumber(r.weight.sum)])
  return csvDocument(rows)
}

/**
 * CSV of the correlations with full-precision numbers: one row per pair (UTF-8 BOM, CRLF).
 *
 * @example
 * renderCorrelateCsv(result, { lang: "en" })
 */
export const renderCorrelateCsv = (r: CorrelateResult, _options: MeansRenderOptions): string => {
  const rows: Array<CsvRow> = [[
    "x",
    "y",
    "n",
    "pearsonR",
    "pearsonP",
    "pearsonLower",
    "pearsonUpper",
    "spearmanRho",
    "spearmanP",
    "spearmanLower",
    "spearmanUpper"
  ]]
  for (const p of r.pairs) {
    const m = (x: { readonly r: number; readonly p: number; readonly ci95: readonly [number, number] } | undefined) =>
      x === undefined ? ["", "", "", ""] : [x.r, x.p, x.ci95[0], x.ci95[1]].map(rawNumber)
    rows.push([p.x, p.y, rawNumber(p.n), ...m(p.pearson), ...m(p.spearman)])
  }
  if (r.weight !== undefined) rows.push([], ["weight", r.weight.variable, rawNumber(r.weight.sum)])
  return csvDocument(rows)
}

/**
 * The means result as JSON; NaN becomes null.
 *
 * @example
 * JSON.parse(renderMeansJson(result)).tests.anova.p
 */
export const renderMeansJson = (r: MeansResult | CorrelateResult): string => toJson(r)
