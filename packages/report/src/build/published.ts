import type { ReplicateResult, ReplicateTable } from "@danvan/analysis"
import { chiSquareSentence } from "../apa.js"
import type { Block, ReportChart, ReportDocument, ReportTable, TableRow } from "../document.js"
import { pClause } from "../format.js"
import { type Bilingual, label, t } from "../i18n.js"
import { suppressMatrix } from "../suppress.js"
import { blank, type BuildContext, h, noneHidden, num, sideOf, tally, text } from "./common.js"
import { finishSections } from "./finish.js"
import { closingNotes, contextOf, type ReportOptions } from "./options.js"

const tableBlocks = (r: ReplicateResult, table: ReplicateTable, title: Bilingual, ctx: BuildContext): Array<Block> => {
  const { lang } = ctx
  const levels = r.levels
  const k = ctx.suppressBelow
  const testCells = (
    item: ReplicateTable["items"][number]
  ) => [num(item.test.statistic, "stat"), num(item.test.df, "df"), num(item.test.p, "p"), num(item.test.pAdjusted, "p")]
  const noTest = [blank, blank, blank, blank]
  const rows: Array<TableRow> = []
  const leftOut: Array<string> = []
  if (table.kind === "multiple-response") {
    const counts = table.items.map((i) => [...i.rows[0].counts])
    const hidden = k === undefined
      ? noneHidden(counts)
      : tally(
        ctx,
        suppressMatrix(counts, k, {
          colTotals: false,
          alsoPrimary: counts.map((row) => row.map((c, j) => table.bases[j] - c < k))
        })
      )
    table.items.forEach((item, i) => {
      const row = item.rows[0]
      if (hidden[i].some(Boolean)) leftOut.push(label(item.label, lang))
      rows.push({
        cells: [
          text(label(item.label, lang)),
          ...levels.flatMap((
            _,
            j
          ) => [num(row.counts[j], "count", hidden[i][j]), num(row.percents[j], "percent", hidden[i][j])]),
          num(row.total.count, "count"),
          num(row.total.percent, "percent"),
          ...testCells(item)
        ]
      })
    })
  } else {
    for (const item of table.items) {
      // responses x levels; the level bases are the column totals, each response's total the row total
      const counts = item.rows.map((row) => [...row.counts])
      const hidden = k === undefined ? noneHidden(counts) : tally(ctx, suppressMatrix(counts, k))
      if (hidden.flat().some(Boolean)) leftOut.push(label(item.label, lang))
      item.rows.forEach((row, ri) => {
        const response = table.scale?.find((s) => s.key === row.response)?.label ??
          { vi: row.response ?? "", en: row.response ?? "" }
        rows.push({
          cells: [
            ri === 0 ? text(label(item.label, lang)) : blank,
            text(label(response, lang)),
            ...levels.flatMap((
              _,
              j
            ) => [num(row.counts[j], "count", hidden[ri][j]), num(row.percents[j], "percent", hidden[ri][j])]),
            num(row.total.count, "count"),
            num(row.total.percent, "percent"),
            ...(ri === 0 ? testCells(item) : noTest)
          ]
        })
      })
    }
  }
  const lead = table.kind === "likert" ? [h(""), h("")] : [h("")]
  rows.push({
    kind: "total",
    cells: [
      text(t("base", lang)),
      ...(table.kind === "likert" ? [blank] : []),
      ...table.bases.flatMap((b) => [num(b, "count"), blank]),
      num(table.totalBase, "count"),
      blank,
      ...noTest
    ]
  })
  const report: ReportTable = {
    id: table.id,
    title: label(title, lang),
    header: [
      [
        h(t("item", lang)),
        ...(table.kind === "likert" ? [h("")] : []),
        ...levels.map((l) => h(label(l.label, lang), 2)),
        h(t("total", lang), 2),
        h(t("chiSquare", lang)),
        h(t("df", lang)),
        h(t("p", lang)),
        h(t("pHolm", lang))
      ],
      [...lead, ...levels.flatMap(() => [h(t("n", lang)), h("%")]), h(t("n", lang)), h("%"), h(""), h(""), h(""), h("")]
    ],
    rows,
    notes: [
      t("publishedNote", lang, { reported: table.reportedSignificance }),
      t("holmSummary", lang, {
        holm: table.significant.holm,
        tested: table.significant.tested,
        unadjusted: table.significant.unadjusted
      })
    ]
  }
  const sentences = table.items.filter((i) => Number.isFinite(i.test.p)).map((i) => {
    const n = table.kind === "multiple-response" ? table.totalBase : i.rows.reduce((a, row) => a + row.total.count, 0)
    return `${label(i.label, lang)}: ${chiSquareSentence(i.test, n, undefined, ctx)} (Holm: ${
      pClause(i.test.pAdjusted, ctx.decimal)
    }).`
  })
  const chart: ReportChart = table.kind === "multiple-response"
    ? {
      type: "grouped-bar",
      data: {
        title,
        groups: levels.map((l) => l.label),
        items: table.items.filter((i) => !leftOut.includes(label(i.label, lang))).map((i) => ({
          label: i.label,
          percents: i.rows[0].percents
        }))
      }
    }
    : {
      type: "diverging-bar",
      data: {
        title,
        categories: (table.scale ?? []).map((s, k2) => ({
          label: s.label,
          side: sideOf(k2, table.scale?.length ?? 0)
        })),
        rows: table.items.map((i) => ({ label: i.label, percents: i.rows.map((row) => row.total.percent) }))
      }
    }
  return [
    { kind: "table", table: report },
    { kind: "apa", sentences },
    { kind: "chart", id: `${table.id}-chart`, chart },
    ...(leftOut.length > 0 && table.kind === "multiple-response"
      ? [{ kind: "text", text: t("chartLeftOut", lang, { items: leftOut.join("; ") }) } as const]
      : [])
  ]
}

/**
 * The report of published aggregate tables (`danvan report hcmc-2024`): each table as published beside its
 * re-computed per-item tests, APA sentences, and a chart. No respondent data is involved. `options.titles` gives
 * Vietnamese and English titles by table id (the built-in plan's section titles for the built-in tables).
 *
 * @example
 * const doc = buildPublishedReport(replicate(published, { codebook }), { lang: "en" })
 */
export const buildPublishedReport = (
  r: ReplicateResult,
  options: ReportOptions & {
    /** Bilingual titles by table id (a published-tables file has English titles only), e.g. from the built-in plan. */
    readonly titles?: Readonly<Record<string, Bilingual>>
  }
): ReportDocument => {
  const ctx = contextOf(options)
  const sections = r.tables.map((table) => {
    const title = options.titles?.[table.id] ?? table.title
    return { id: table.id, heading: label(title, ctx.lang), blocks: tableBlocks(r, table, title, ctx) }
  })
  return {
    kind: "report",
    lang: ctx.lang,
    decimal: ctx.decimal,
    title: label({ vi: "Các bảng đã công bố, phân tích lại", en: "Published tables, re-analysed" }, ctx.lang),
    subtitle: t("sourcePublished", ctx.lang, { source: r.source }),
    sections: finishSections(sections, options, ctx.lang),
    notes: closingNotes(ctx),
    ...(ctx.suppressBelow !== undefined ? { suppression: { k: ctx.suppressBelow, cells: ctx.hiddenCells } } : {})
  }
}
