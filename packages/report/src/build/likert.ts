import type { CrosstabResult, LikertResult } from "@danvan/analysis"
import { chiSquareSentence, kruskalWallisSentence, likertDirectionSentence } from "../apa.js"
import type { ReportChart, ReportTable, TableRow } from "../document.js"
import { coefficient, fixed } from "../format.js"
import { type Bilingual, label, t } from "../i18n.js"
import { suppressMatrix } from "../suppress.js"
import { designNotValid, designStatement, raoScottLine } from "../text/design.js"
import { blank, type BuildContext, h, noneHidden, num, sideOf, tally, text } from "./common.js"

const LIKERT_WORDS = {
  gamma: { en: "γ", vi: "γ" },
  tauB: { en: "τ-b", vi: "τ-b" },
  alphaIfDeleted: { en: "α if item deleted", vi: "α khi bỏ mục" },
  itemRest: { en: "Item-rest r", vi: "r mục-phần còn lại" },
  alpha: {
    en: "Cronbach's α = {alpha} ({k} items, n = {n} complete cases).",
    vi: "Hệ số Cronbach's α = {alpha} ({k} mục, n = {n} trường hợp đầy đủ)."
  },
  ordinal: {
    en: "γ and τ-b: association of the group (in its order) with the response, for an ordinal grouping variable.",
    vi: "γ và τ-b: liên hệ giữa nhóm (theo thứ tự) và câu trả lời, khi biến nhóm là thứ bậc."
  }
} as const

/**
 * A Likert set by group: for each item and group n and % per response, N, mean score and SD (then the item's
 * total row); a tests table with each item's χ² (group x response, with Cramér's V), Kruskal-Wallis H, γ and
 * τ-b (ordinal groups) and α if item deleted with the item-rest correlation (Cronbach's α in a note); a
 * diverging-bar chart of the items' total distributions; APA sentences. Disclosure control works per item on
 * the group x response counts (row and column totals shown) and hides the mean and SD of a row with a hidden cell.
 *
 * @example
 * const blocks = likertBlocks(result, itemTests, "table4", title, ctx)
 */
export const likertBlocks = (
  r: LikertResult,
  itemTests: ReadonlyArray<CrosstabResult>,
  id: string,
  title: Bilingual,
  ctx: BuildContext
) => {
  const { lang, decimal } = ctx
  const groups = r.by.categories
  const rows: Array<TableRow> = []
  const hiddenItems: Array<string> = []
  for (const item of r.items) {
    const counts = item.byGroup.map((g) => [...g.distribution])
    const hidden = ctx.suppressBelow === undefined
      ? noneHidden(counts)
      : tally(ctx, suppressMatrix(counts, ctx.suppressBelow))
    if (hidden.flat().some(Boolean)) hiddenItems.push(label(item.label, lang))
    item.byGroup.forEach((g, gi) => {
      const rowHidden = hidden[gi].some(Boolean)
      const groupLabel = groups.find((c) => c.code === g.group)?.label ?? { vi: String(g.group), en: String(g.group) }
      rows.push({
        cells: [
          gi === 0 ? text(label(item.label, lang)) : blank,
          text(label(groupLabel, lang)),
          ...g.distribution.flatMap((
            c,
            k
          ) => [num(c, "count", hidden[gi][k]), num(g.percents[k], "percent", hidden[gi][k])]),
          num(g.n, "count"),
          num(g.mean, "mean", rowHidden),
          num(g.sd, "mean", rowHidden)
        ]
      })
    })
    rows.push({
      kind: "total",
      cells: [
        blank,
        text(t("total", lang)),
        ...item.total.distribution.flatMap((c, k) => [num(c, "count"), num(item.total.percents[k], "percent")]),
        num(item.total.n, "count"),
        num(item.total.mean, "mean"),
        num(item.total.sd, "mean")
      ]
    })
  }
  const scores = r.scale.map((s) =>
    `${label(s.label, lang)} = ${fixed(s.score, Number.isInteger(s.score) ? 0 : 2, decimal)}`
  ).join(", ")
  const table: ReportTable = {
    id,
    title: label(title, lang),
    header: [
      [
        h(t("item", lang)),
        h(t("group", lang)),
        ...r.scale.map((s) => h(label(s.label, lang), 2)),
        h("N"),
        h(t("mean", lang)),
        h(t("sd", lang))
      ],
      [h(""), h(""), ...r.scale.flatMap(() => [h(t("n", lang)), h("%")]), h(""), h(""), h("")]
    ],
    rows,
    notes: [t("likertNote", lang, { scores }), likertDirectionSentence(r.direction, ctx)]
  }
  const ordinal = r.ordinal.computed
  const c = r.cronbach
  // A sampling design: the item x group test is Rao-Scott's F (df1 shown), not the frequency-weighted χ².
  const sampled = r.design?.mode === "sampling"
  const tests: ReportTable = {
    id: `${id}-tests`,
    title: `${label(title, lang)}: ${t("tests", lang)}`,
    header: [[
      h(t("item", lang)),
      h(sampled ? "Rao-Scott F" : t("chiSquare", lang)),
      h(t("df", lang)),
      h("N"),
      h(t("p", lang)),
      h(t("cramersV", lang)),
      h(t("kruskalWallis", lang)),
      h(t("df", lang)),
      h(t("p", lang)),
      h(t("rank", lang)),
      ...(ordinal ? [h(LIKERT_WORDS.gamma[lang]), h(t("p", lang)), h(LIKERT_WORDS.tauB[lang]), h(t("p", lang))] : []),
      ...(c !== undefined ? [h(LIKERT_WORDS.alphaIfDeleted[lang]), h(LIKERT_WORDS.itemRest[lang])] : [])
    ]],
    rows: r.items.map((item, i) => {
      const x = itemTests[i]
      return {
        cells: [
          text(label(item.label, lang)),
          ...(sampled
            ? item.design?.tests === undefined
              ? [blank, blank, blank, blank, blank]
              : [
                num(item.design.tests.raoScott.statistic, "stat"),
                num(item.design.tests.raoScott.df1, "stat"),
                num(item.total.n, "count"),
                num(item.design.tests.raoScott.p, "p"),
                blank
              ]
            : x === undefined
            ? [blank, blank, blank, blank, blank]
            : [
              num(x.tests.pearson.statistic, "stat"),
              num(x.tests.pearson.df, "df"),
              num(x.n.valid, "count"),
              num(x.tests.pearson.p, "p"),
              num(x.measures.cramersV, "coef")
            ]),
          num(item.kruskalWallis.statistic, "stat"),
          num(item.kruskalWallis.df, "df"),
          num(item.kruskalWallis.p, "p"),
          num(item.rank, "count"),
          ...(ordinal
            ? [
              num(item.gamma?.value ?? Number.NaN, "coef"),
              num(item.gamma?.p ?? Number.NaN, "p"),
              num(item.kendallTauB?.value ?? Number.NaN, "coef"),
              num(item.kendallTauB?.p ?? Number.NaN, "p")
            ]
            : []),
          ...(c !== undefined
            ? [num(c.alphaIfDeleted[i] ?? Number.NaN, "coef"), num(c.itemRestCorrelation[i] ?? Number.NaN, "coef")]
            : [])
        ]
      }
    }),
    notes: [
      ...(sampled ? [designStatement(r.design, lang, decimal)!, designNotValid(lang)] : []),
      ...(c !== undefined
        ? [
          LIKERT_WORDS.alpha[lang].replace("{alpha}", coefficient(c.alpha, 3, decimal)).replace("{n}", String(c.n))
            .replace("{k}", String(r.items.length))
        ]
        : r.cronbachReason !== undefined
        ? [`Cronbach's α: ${r.cronbachReason}`]
        : []),
      ...(ordinal ? [LIKERT_WORDS.ordinal[lang]] : r.ordinal.reason !== undefined ? [r.ordinal.reason] : [])
    ],
    detail: "full"
  }
  const sentences = r.items.map((item, i) => {
    const x = itemTests[i]
    const parts = [
      ...(sampled
        ? item.design?.tests !== undefined ? [raoScottLine(item.design.tests, lang, ctx.decimal)!] : []
        : x !== undefined
        ? [chiSquareSentence(x.tests.pearson, x.n.valid, x.measures.cramersV, ctx)]
        : []),
      kruskalWallisSentence(item.kruskalWallis, item.total.n, ctx)
    ]
    // Each test is its own sentence: with a decimal comma the parts inside a test are already split by "; ".
    return `${label(item.label, lang)}: ${parts.join(". ")}.`
  })
  sentences.unshift(likertDirectionSentence(r.direction, ctx))
  const chart: ReportChart = {
    type: "diverging-bar",
    data: {
      title: { vi: `${title.vi}: ${t("chartLikert", "vi")}`, en: `${title.en}: ${t("chartLikert", "en")}` },
      categories: r.scale.map((s, k) => ({ label: s.label, side: sideOf(k, r.scale.length) })),
      // Totals over groups: with disclosure control only the column totals of each item are shown, never a hidden cell.
      rows: r.items.map((item) => ({ label: item.label, percents: item.total.percents }))
    }
  }
  return { table, tests, sentences, chart, hiddenItems }
}
