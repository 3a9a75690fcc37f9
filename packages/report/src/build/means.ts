import type { FTest, MeansCell, MeansResult } from "@danvan/analysis"
import { kruskalWallisSentence } from "../apa.js"
import type { Block, Cell, ReportTable, TableRow } from "../document.js"
import { fixed } from "../format.js"
import { label, type Lang } from "../i18n.js"
import { designFootnotes, designWaldLine, designWaldName } from "../text/design.js"
import { type BuildContext, h, num, text } from "./common.js"

const WORDS = {
  group: { en: "Group", vi: "Nhóm" },
  mean: { en: "Mean", vi: "Trung bình" },
  sd: { en: "Std. deviation", vi: "Độ lệch chuẩn" },
  se: { en: "Std. error", vi: "Sai số chuẩn" },
  ciLow: { en: "95% CI: lower", vi: "KTC 95%: cận dưới" },
  ciHigh: { en: "upper", vi: "cận trên" },
  median: { en: "Median", vi: "Trung vị" },
  total: { en: "Total", vi: "Tổng" },
  tests: { en: "Tests of equality of means and variances", vi: "Kiểm định sự bằng nhau của trung bình và phương sai" },
  test: { en: "Test", vi: "Kiểm định" },
  statistic: { en: "Statistic", vi: "Thống kê" },
  anova: { en: "One-way ANOVA (F)", vi: "ANOVA một yếu tố (F)" },
  welch: { en: "Welch (F)", vi: "Welch (F)" },
  kw: { en: "Kruskal-Wallis H (chi-square)", vi: "Kruskal-Wallis H (khi bình phương)" },
  levene: { en: "Levene, based on mean", vi: "Levene, theo trung bình" },
  bf: { en: "Levene, based on median (Brown-Forsythe)", vi: "Levene, theo trung vị (Brown-Forsythe)" },
  cases: { en: "Valid cases: {valid}; missing: {missing}.", vi: "Trường hợp hợp lệ: {valid}; thiếu: {missing}." },
  extremes: {
    en: "Minimum and maximum are not shown (each is one respondent's value).",
    vi: "Không trình bày giá trị nhỏ nhất, lớn nhất (mỗi giá trị là của một người)."
  },
  hidden: {
    en: "Statistics of groups with fewer than {k} cases are hidden.",
    vi: "Thống kê của nhóm có dưới {k} trường hợp bị ẩn."
  },
  effects: {
    en: "Effect size: eta squared = {eta}, omega squared = {omega}.",
    vi: "Độ lớn ảnh hưởng: eta bình phương = {eta}, omega bình phương = {omega}."
  }
} as const

const w = (key: keyof typeof WORDS, lang: Lang, vars: Readonly<Record<string, string | number>> = {}) =>
  WORDS[key][lang].replace(/\{(\w+)\}/g, (all, name: string) => (name in vars ? String(vars[name]) : all))

const statRow = (head: string, c: MeansCell, hidden: boolean, kind?: "total"): TableRow => ({
  cells: [
    text(head),
    num(c.n, Number.isInteger(c.n) ? "count" : "mean", hidden),
    num(c.mean, "mean", hidden),
    num(c.sd, "mean", hidden),
    num(c.se, "stat", hidden),
    num(c.ci95[0], "mean", hidden),
    num(c.ci95[1], "mean", hidden),
    num(c.median, "mean", hidden)
  ],
  ...(kind !== undefined ? { kind } : {})
})

const testRow = (name: string, t: FTest | { statistic: number; df: number; p: number } | undefined): Array<TableRow> =>
  t === undefined ? [] : [{
    cells: [
      text(name),
      num(t.statistic, "stat"),
      num("df1" in t ? t.df1 : t.df, "df"),
      "df2" in t ? num(t.df2, "df") : ({ value: null, format: "df" } satisfies Cell),
      num(t.p, "p")
    ]
  }]

/**
 * A numeric variable by a group as report blocks: the group statistics (n, mean, SD, SE, 95% CI, median; no
 * minimum or maximum, which are one respondent's values), the tests of equal means and variances, and the
 * Kruskal-Wallis sentence. Under disclosure control a group with fewer than K cases shows no statistics.
 *
 * @example
 * meansBlocks(result, "means-age", ctx)
 */
export const meansBlocks = (r: MeansResult, id: string, ctx: BuildContext): Array<Block> => {
  const { lang } = ctx
  const k = ctx.suppressBelow
  const hide = (c: MeansCell) => k !== undefined && c.n < k
  const hidden = r.groups.filter(hide).length
  ctx.hiddenCells += hidden * 7
  const stats: ReportTable = {
    id,
    title: `${label(r.variable.label, lang)} × ${label(r.by.label, lang)}`,
    header: [[
      h(w("group", lang)),
      h("N"),
      h(w("mean", lang)),
      h(w("sd", lang)),
      h(w("se", lang)),
      h(w("ciLow", lang)),
      h(w("ciHigh", lang)),
      h(w("median", lang))
    ]],
    rows: [
      ...r.groups.map((g) => statRow(label(g.label, lang) || String(g.code), g, hide(g))),
      statRow(w("total", lang), r.total, hide(r.total), "total")
    ],
    notes: [
      w("cases", lang, { valid: r.n.valid, missing: r.n.missing }),
      w("extremes", lang),
      ...(hidden > 0 && k !== undefined ? [w("hidden", lang, { k })] : []),
      // Under a sampling design: each group's design-based mean (SE, CI, deff; none for a hidden group) and why
      // the table's SEs and the classical tests are not the design's. The design statement heads the section.
      ...designFootnotes(
        r.design,
        [
          ...r.groups.map((g) => [label(g.label, lang) || String(g.code), hide(g) ? undefined : g.design] as const),
          [w("total", lang), hide(r.total) ? undefined : r.designTotal] as const
        ],
        [],
        lang,
        ctx.decimal
      ).slice(1)
    ]
  }
  const tests: ReportTable = {
    id: `${id}-tests`,
    title: w("tests", lang),
    header: [[h(w("test", lang)), h(w("statistic", lang)), h("df1"), h("df2"), h("p")]],
    rows: [
      ...testRow(designWaldName(lang), r.tests.designWald),
      ...testRow(w("anova", lang), r.tests.anova),
      ...testRow(w("welch", lang), r.tests.welch),
      ...testRow(w("kw", lang), r.tests.kruskalWallis),
      ...testRow(w("levene", lang), r.tests.levene),
      ...testRow(w("bf", lang), r.tests.brownForsythe)
    ],
    notes: [
      ...(r.effectSizes === undefined ? [] : [
        w("effects", lang, {
          eta: fixed(r.effectSizes.etaSquared, 3, ctx.decimal),
          omega: fixed(r.effectSizes.omegaSquared, 3, ctx.decimal)
        })
      ]),
      ...(r.tests.designWald === undefined ? [] : [designWaldLine(r.tests.designWald, lang, ctx.decimal)!])
    ]
  }
  const kw = r.tests.kruskalWallis
  return [
    { kind: "table", table: stats },
    ...(tests.rows.length > 0 ? [{ kind: "table", table: tests } as const] : []),
    ...(kw !== undefined
      ? [
        {
          kind: "apa",
          sentences: [kruskalWallisSentence(kw, Math.round(r.total.n), { lang, decimal: ctx.decimal })]
        } as const
      ]
      : [])
  ]
}
