import type { LikertCell, LikertResult } from "@danvan/analysis"
import { warningText } from "./crosstab.js"
import { csvDocument, type CsvRow } from "./csv.js"
import { fixed, formatCount, formatDf, formatP, formatPercent, formatStat, NOT_AVAILABLE, rawNumber } from "./format.js"
import { label, type Lang, t } from "./i18n.js"
import { LIKERT_STRINGS, likertFootnotes, type LikertRenderOptions } from "./likert.js"
import { mdEscape, mdTable } from "./markdown.js"

const named = (l: { vi: string; en: string }, name: string, lang: Lang) => label(l, lang) || name
const ci = (c: readonly [number, number]) =>
  Number.isFinite(c[0]) ? `[${fixed(c[0], 2)}, ${fixed(c[1], 2)}]` : NOT_AVAILABLE
const signed = (x: number) => (Number.isFinite(x) ? `${x > 0 ? "+" : ""}${fixed(x, 1)}` : NOT_AVAILABLE)
const byRank = (r: LikertResult) => [...r.items].sort((a, b) => (a.rank || Infinity) - (b.rank || Infinity))

/**
 * GitHub Markdown: the summary (items ranked by mean, tests), one distribution table per item, the notes.
 *
 * @example
 * renderLikertMarkdown(result, { lang: "vi" })
 */
export const renderLikertMarkdown = (r: LikertResult, options: LikertRenderOptions): string => {
  const { lang } = options
  const s = LIKERT_STRINGS[lang]
  const byName = named(r.by.label, r.by.name, lang)
  const setName = r.set !== undefined ? named(r.set.label, r.set.name, lang) : s.items(r.items.length)
  const out: Array<string> = [`### ${mdEscape(s.summary(setName, byName))}`, ""]
  const ord = r.ordinal.computed
  out.push(
    mdTable(
      [s.rank, s.item, s.mean, s.net, s.kw, "df", "p", ...(ord ? [s.gamma, "p", s.tauB] : [])],
      [
        "right",
        "left",
        "right",
        "right",
        "right",
        "right",
        "right",
        ...(ord ? (["right", "right", "right"] as const) : [])
      ],
      byRank(r).map((i) => [
        Number.isFinite(i.rank) ? String(i.rank) : NOT_AVAILABLE,
        mdEscape(named(i.label, i.name, lang)),
        fixed(i.total.mean, 2),
        signed(i.total.net),
        formatStat(i.kruskalWallis.statistic),
        formatDf(i.kruskalWallis.df),
        formatP(i.kruskalWallis.p),
        ...(ord ? [formatStat(i.gamma?.value), formatP(i.gamma?.p), formatStat(i.kendallTauB?.value)] : [])
      ])
    )
  )
  out.push("", ...likertFootnotes(r, lang).map((f) => `- ${mdEscape(f)}`))
  if (r.cronbach !== undefined) out.push("", mdEscape(s.alpha(fixed(r.cronbach.alpha, 3), formatCount(r.cronbach.n))))
  else if (r.cronbachReason !== undefined) out.push("", mdEscape(r.cronbachReason))
  const groupLabel = (code: number) => named(r.by.categories.find((c) => c.code === code)!.label, String(code), lang)
  const row = (head: string, c: LikertCell) => [
    head,
    formatCount(c.n),
    ...c.percents.map((p) => formatPercent(p)),
    fixed(c.mean, 2),
    fixed(c.sd, 2),
    ci(c.ci95),
    signed(c.net)
  ]
  for (const item of r.items) {
    out.push("", `#### ${mdEscape(named(item.label, item.name, lang))}`, "")
    out.push(
      mdTable(
        [s.group, "N", ...r.scale.map((p) => mdEscape(`% ${label(p.label, lang)}`)), s.mean, s.sd, s.ci, s.net],
        ["left", "right", ...r.scale.map(() => "right" as const), "right", "right", "right", "right"],
        [...item.byGroup.map((g) => row(mdEscape(groupLabel(g.group)), g)), row(`**${s.total}**`, item.total)]
      )
    )
  }
  if (r.warnings.length > 0) {
    out.push("", `**${t("notes", lang)}:**`, "", ...r.warnings.map((w) => `- ${mdEscape(warningText(w, lang))}`))
  }
  return out.join("\n") + "\n"
}

/**
 * CSV for spreadsheets (UTF-8 with BOM): one row per item and group (then the item's total) with N, counts and
 * percents per scale point, mean, SD, CI, net, rank and the Kruskal-Wallis test; full-precision numbers.
 *
 * @example
 * renderLikertCsv(result, { lang: "en" })
 */
export const renderLikertCsv = (r: LikertResult, options: LikertRenderOptions): string => {
  const { lang } = options
  const s = LIKERT_STRINGS[lang]
  const scale = r.scale.map((p) => label(p.label, lang))
  const rows: Array<CsvRow> = [
    [
      s.item,
      s.group,
      "N",
      ...scale.map((x) => `n ${x}`),
      ...scale.map((x) => `% ${x}`),
      s.mean,
      s.sd,
      `${s.ci} lower`,
      `${s.ci} upper`,
      s.net,
      s.rank,
      s.kw,
      "df",
      "p"
    ]
  ]
  const cells = (c: LikertCell) => [
    rawNumber(c.n),
    ...c.distribution.map(rawNumber),
    ...c.percents.map(rawNumber),
    rawNumber(c.mean),
    rawNumber(c.sd),
    rawNumber(c.ci95[0]),
    rawNumber(c.ci95[1]),
    rawNumber(c.net)
  ]
  for (const item of r.items) {
    const name = named(item.label, item.name, lang)
    for (const g of item.byGroup) {
      rows.push([
        name,
        named(r.by.categories.find((c) => c.code === g.group)!.label, String(g.group), lang),
        ...cells(g),
        "",
        "",
        "",
        ""
      ])
    }
    const kw = item.kruskalWallis
    rows.push([
      name,
      s.total,
      ...cells(item.total),
      rawNumber(item.rank),
      rawNumber(kw.statistic),
      rawNumber(kw.df),
      rawNumber(kw.p)
    ])
  }
  rows.push(
    [],
    [t("notes", lang)],
    ...likertFootnotes(r, lang).map((f): CsvRow => [f]),
    ...r.warnings.map((w): CsvRow => [warningText(w, lang)])
  )
  return csvDocument(rows)
}
