import type { MultipleResponseResult } from "@danvan/analysis"
import { mmiSentence } from "../apa.js"
import type { ReportChart } from "../document.js"
import type { ReportTable, TableRow } from "../document.js"
import { type Bilingual, label, type Lang, t } from "../i18n.js"
import { suppressMatrix } from "../suppress.js"
import { isDesignBased, mrDesignStatementText, mrDesignText } from "../text/mrDesign.js"
import { blank, type BuildContext, h, noneHidden, num, tally, text } from "./common.js"

const MR_WORDS = {
  pBonferroni: { en: "p (Bonferroni)", vi: "p (Bonferroni)" },
  largerThan: { en: "> col.", vi: "> cột" },
  letters: {
    en:
      "Column letters: each letter marks a group whose proportion is significantly smaller (z-test of column proportions, Bonferroni within the item, α = .05); not shown for an item with hidden cells.",
    vi:
      "Chữ cái cột: mỗi chữ chỉ một nhóm có tỷ lệ nhỏ hơn có ý nghĩa (kiểm định z so sánh tỷ lệ cột, hiệu chỉnh Bonferroni trong từng nội dung, α = 0,05); không trình bày cho nội dung có ô bị ẩn."
  }
} as const

const anyHidden = (row: ReadonlyArray<boolean>) => row.some(Boolean)

/** The test's statistic and df heads: χ² and df, or under a sampling design F, df1 and df2 (the design df). */
const testHeads = (r: MultipleResponseResult, lang: Lang): Array<string> =>
  isDesignBased(r) ? ["F", "df1", "df2"] : [t("chiSquare", lang), t("df", lang)]

/**
 * A multiple-response set by group: n, % of cases and column-proportion letters per group and in total, then
 * each item's χ², df, p, Bonferroni p and Holm p (under a sampling design F, df1, df2 = df1 x the design df, p, …);
 * the last row gives the respondents per group (the bases).
 * Disclosure control treats each item's total as a published sum, and also hides a count whose complement
 * (base − count) is below K.
 *
 * @example
 * const { table, chart, sentences } = multipleResponseBlocks(result, "table1", "Table 1", setLabel, ctx)
 */
export const multipleResponseBlocks = (r: MultipleResponseResult, id: string, title: Bilingual, ctx: BuildContext) => {
  const { lang } = ctx
  const groups = r.group.categories
  const counts = r.items.map((i) => i.counts)
  const k = ctx.suppressBelow
  const hidden = k === undefined
    ? noneHidden(counts)
    : tally(
      ctx,
      suppressMatrix(counts, k, {
        colTotals: false,
        alsoPrimary: counts.map((row) => row.map((c, j) => r.n.byGroup[j] - c < k))
      })
    )
  const rows: Array<TableRow> = r.items.map((item, i) => ({
    cells: [
      text(label(item.label, lang)),
      ...groups.flatMap((_, j) => [
        num(item.counts[j], "count", hidden[i][j]),
        num(item.percentOfCases[j], "percent", hidden[i][j]),
        hidden[i][j] || anyHidden(hidden[i]) ? blank : text(item.largerThan[j] ?? "")
      ]),
      num(item.total.count, "count"),
      num(item.total.percentOfCases, "percent"),
      num(item.statistic, "stat"),
      ...(isDesignBased(r) ? [num(item.df, "df"), num(item.df2 ?? NaN, "df")] : [num(item.df, "df")]),
      num(item.p, "p"),
      num(item.pBonferroni, "p"),
      num(item.pHolm, "p")
    ]
  }))
  rows.push({
    kind: "total",
    cells: [
      text(t("base", lang)),
      ...groups.flatMap((_, j) => [num(r.n.byGroup[j], "count"), blank, blank]),
      num(r.n.valid, "count"),
      blank,
      ...testHeads(r, lang).map(() => blank),
      blank,
      blank,
      blank
    ]
  })
  const table: ReportTable = {
    id,
    title: label(title, lang),
    header: [
      [
        h(t("item", lang)),
        ...groups.map((g, j) => h(`${label(g.label, lang)} (${r.letters[j] ?? ""})`, 3)),
        h(t("total", lang), 2),
        ...testHeads(r, lang).map((head) => h(head)),
        h(t("p", lang)),
        h(MR_WORDS.pBonferroni[lang]),
        h(t("pHolm", lang))
      ],
      [
        h(""),
        ...groups.flatMap(() => [h(t("n", lang)), h("%"), h(MR_WORDS.largerThan[lang])]),
        h(t("n", lang)),
        h("%"),
        ...testHeads(r, lang).map(() => h("")),
        h(""),
        h(""),
        h("")
      ]
    ],
    rows,
    notes: isDesignBased(r)
      ? [t("mrNote", lang), mrDesignText(lang).letters, mrDesignStatementText(r, lang, ctx.decimal) ?? ""]
      : [t("mrNote", lang), MR_WORDS.letters[lang]]
  }
  const shown = r.items.filter((_, i) => !hidden[i].some(Boolean))
  const leftOut = r.items.filter((_, i) => hidden[i].some(Boolean)).map((i) => label(i.label, lang))
  const chart: ReportChart = {
    type: "grouped-bar",
    data: {
      title: {
        vi: `${title.vi}: ${t("chartMr", "vi", { group: r.group.label.vi })}`,
        en: `${title.en}: ${t("chartMr", "en", { group: r.group.label.en })}`
      },
      groups: groups.map((g) => g.label),
      items: shown.map((i) => ({ label: i.label, percents: i.percentOfCases }))
    }
  }
  return {
    table,
    chart,
    chartNote: leftOut.length > 0 ? t("chartLeftOut", lang, { items: leftOut.join("; ") }) : undefined,
    sentences: [mmiSentence(r, ctx)]
  }
}
