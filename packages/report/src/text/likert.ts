import type { LikertCell, LikertResult } from "@danvan/analysis"
import { toJson, warningText } from "./crosstab.js"
import { designFootnotes } from "./design.js"
import { fixed, formatCount, formatDf, formatP, formatPercent, formatStat, NOT_AVAILABLE } from "./format.js"
import { label, type Lang, t } from "./i18n.js"
import { weightText } from "./notes.js"
import { type Align, renderTable, type Row } from "./table.js"
import { wrapText } from "./width.js"

export interface LikertRenderOptions {
  readonly lang: Lang
  readonly color?: boolean
}

export const LIKERT_STRINGS = {
  en: {
    title: (item: string) => item,
    group: "Group",
    mean: "Mean",
    sd: "SD",
    ci: "95% CI",
    net: "Net",
    total: "Total",
    summary: (set: string, by: string) => `${set} by ${by}: items ranked by mean score`,
    item: "Item",
    rank: "Rank",
    kw: "Kruskal-Wallis H",
    gamma: "Gamma",
    tauB: "Kendall's tau-b",
    scores: (s: string, high: string) => `Scores: ${s}. A higher mean is nearer “${high}”; rank 1 = highest mean.`,
    reversed: "Scores reversed (--reverse).",
    netNote: (high: string, low: string) =>
      `Net = % “${high}” − % “${low}” (percentage points; the highest-score minus the lowest-score category).`,
    kwNote: "Kruskal-Wallis: item scores across groups, corrected for ties; p from the chi-square upper tail.",
    ordinalNote: "Gamma and tau-b: item score vs the ordinal group (ASE1; p from value/ASE0).",
    alpha: (a: string, n: string) => `Cronbach's alpha = ${a} (n = ${n} respondents with every item; listwise)`,
    alphaItem: "Alpha if item deleted",
    itemRest: "Item-rest correlation",
    reliability: "Reliability of the set",
    items: (k: number) => `${k} items`
  },
  vi: {
    title: (item: string) => item,
    group: "Nhóm",
    mean: "Điểm TB",
    sd: "ĐLC",
    ci: "KTC 95%",
    net: "Chênh lệch",
    total: "Tổng",
    summary: (set: string, by: string) => `${set} theo ${by}: xếp hạng nội dung theo điểm trung bình`,
    item: "Nội dung",
    rank: "Hạng",
    kw: "Kruskal-Wallis H",
    gamma: "Gamma",
    tauB: "Kendall's tau-b",
    scores: (s: string, high: string) =>
      `Điểm: ${s}. Điểm trung bình cao hơn là gần “${high}” hơn; hạng 1 = điểm trung bình cao nhất.`,
    reversed: "Điểm đã được đảo chiều (--reverse).",
    netNote: (high: string, low: string) =>
      `Chênh lệch = % “${high}” − % “${low}” (điểm phần trăm; mức điểm cao nhất trừ mức điểm thấp nhất).`,
    kwNote:
      "Kruskal-Wallis: điểm của nội dung giữa các nhóm, có hiệu chỉnh hạng trùng; p theo đuôi trên của khi bình phương.",
    ordinalNote: "Gamma và tau-b: điểm của nội dung với nhóm thứ bậc (ASE1; p từ giá trị/ASE0).",
    alpha: (a: string, n: string) => `Hệ số Cronbach's alpha = ${a} (n = ${n} người trả lời đủ mọi nội dung)`,
    alphaItem: "Alpha nếu loại nội dung",
    itemRest: "Tương quan nội dung - phần còn lại",
    reliability: "Độ tin cậy của bộ nội dung",
    items: (k: number) => `${k} nội dung`
  }
} as const

/**
 * The notes under the Likert summary: scores and direction (from the labels), the net measure with its poles, the
 * tests, the weight.
 *
 * @example
 * likertFootnotes(result, "vi")[0] // "Điểm: Khó khăn = 1, …. Điểm trung bình cao hơn là gần “Không khó khăn” hơn; …"
 */
export const likertFootnotes = (r: LikertResult, lang: Lang): Array<string> => {
  const s = LIKERT_STRINGS[lang]
  const { high, low } = poles(r, lang)
  const weighted = weightText(r.weight, r.weighted, lang)
  return [
    s.scores(r.scale.map((p) => `${label(p.label, lang)} = ${p.score}`).join(", "), high),
    ...(r.reversed ? [s.reversed] : []),
    s.netNote(high, low),
    s.kwNote,
    ...(r.ordinal.computed ? [s.ordinalNote] : r.ordinal.reason !== undefined ? [r.ordinal.reason] : []),
    ...(r.design?.mode === "sampling"
      ? designFootnotes(
        r.design,
        r.items.map((item) => [label(item.label, lang), item.design?.total] as const),
        r.items.map((item) => [label(item.label, lang), item.design?.tests] as const),
        lang
      )
      : weighted !== undefined
      ? [weighted, t("frequencyWeightsNote", lang)]
      : [])
  ]
}

/** The labels of the high and low poles (the categories with the highest and lowest score). */
const poles = (r: LikertResult, lang: Lang) => ({
  high: label(r.direction.high.label, lang),
  low: label(r.direction.low.label, lang)
})

const MAX_LABEL = 48
const short = (text: string): string => (text.length <= MAX_LABEL ? text : text.slice(0, MAX_LABEL - 1).trimEnd() + "…")
const named = (l: { vi: string; en: string }, name: string, lang: Lang) => {
  const text = label(l, lang)
  return text === "" ? name : text
}
const ci = (
  c: readonly [number, number]
) => (Number.isFinite(c[0]) ? `[${fixed(c[0], 2)}, ${fixed(c[1], 2)}]` : NOT_AVAILABLE)
const signed = (x: number) => (Number.isFinite(x) ? `${x > 0 ? "+" : ""}${fixed(x, 1)}` : NOT_AVAILABLE)
const cellRow = (head: string, c: LikertCell): Row => [
  head,
  formatCount(c.n),
  ...c.percents.map((p) => formatPercent(p)),
  fixed(c.mean, 2),
  fixed(c.sd, 2),
  ci(c.ci95),
  signed(c.net)
]

/**
 * Plain text: one distribution table per item, a summary with ranks and tests, then Cronbach's alpha.
 *
 * @example
 * renderLikertText(result, { lang: "vi" })
 */
export const renderLikertText = (r: LikertResult, options: LikertRenderOptions): string => {
  const { lang } = options
  const s = LIKERT_STRINGS[lang]
  const style = { color: options.color === true }
  const scaleHead = r.scale.map((p) => `% ${label(p.label, lang)}`)
  const align: Array<Align> = [
    "left",
    "right",
    ...r.scale.map(() => "right" as const),
    "right",
    "right",
    "right",
    "right"
  ]
  const groupLabel = (code: number) => named(r.by.categories.find((c) => c.code === code)!.label, String(code), lang)
  const perItem = r.items.map((item) =>
    renderTable(
      {
        title: s.title(named(item.label, item.name, lang)),
        align,
        header: [[s.group, "N", ...scaleHead, s.mean, s.sd, s.ci, s.net]],
        body: [...item.byGroup.map((g) => cellRow(groupLabel(g.group), g)), "rule", cellRow(s.total, item.total)]
      },
      style
    )
  )
  const byName = named(r.by.label, r.by.name, lang)
  const setName = r.set !== undefined ? named(r.set.label, r.set.name, lang) : s.items(r.items.length)
  const ordered = [...r.items].sort((a, b) => (a.rank || Infinity) - (b.rank || Infinity))
  const summary = renderTable(
    {
      title: s.summary(setName, byName),
      align: [
        "right",
        "left",
        "right",
        "right",
        "right",
        "right",
        "right",
        ...(r.ordinal.computed ? (["right", "right", "right"] as const) : [])
      ],
      header: [[s.rank, s.item, s.mean, s.net, s.kw, "df", "p", ...(r.ordinal.computed ? [s.gamma, "p", s.tauB] : [])]],
      body: ordered.map((i) => [
        Number.isFinite(i.rank) ? String(i.rank) : NOT_AVAILABLE,
        short(named(i.label, i.name, lang)),
        fixed(i.total.mean, 2),
        signed(i.total.net),
        formatStat(i.kruskalWallis.statistic),
        formatDf(i.kruskalWallis.df),
        formatP(i.kruskalWallis.p),
        ...(r.ordinal.computed
          ? [formatStat(i.gamma?.value), formatP(i.gamma?.p), formatStat(i.kendallTauB?.value)]
          : [])
      ]),
      footnotes: likertFootnotes(r, lang).flatMap((l) => wrapText(l, 120))
    },
    style
  )
  const parts = [...perItem, summary]
  if (r.cronbach !== undefined) {
    const c = r.cronbach
    parts.push(
      renderTable(
        {
          title: s.reliability,
          align: ["left", "right", "right"],
          header: [[s.item, s.itemRest, s.alphaItem]],
          body: r.items.map((
            i,
            j
          ) => [
            short(named(i.label, i.name, lang)),
            fixed(c.itemRestCorrelation[j], 3),
            fixed(c.alphaIfDeleted[j], 3)
          ]),
          footnotes: [s.alpha(fixed(c.alpha, 3), formatCount(c.n)), ...(c.reason !== undefined ? [c.reason] : [])]
        },
        style
      )
    )
  } else if (r.cronbachReason !== undefined) {
    parts.push(r.cronbachReason)
  }
  if (r.warnings.length > 0) parts.push(r.warnings.map((w) => `! ${warningText(w, lang)}`).join("\n"))
  return parts.join("\n\n") + "\n"
}

/**
 * The result object as JSON; NaN becomes null.
 *
 * @example
 * JSON.parse(renderLikertJson(result)).items[0].rank
 */
export const renderLikertJson = (r: LikertResult): string => toJson(r)
