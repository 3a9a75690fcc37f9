import type { CrosstabResult } from "@danvan/analysis"
import type { ReportTable, TableRow } from "../document.js"
import { label, type Lang, t } from "../i18n.js"
import { suppressMatrix } from "../suppress.js"
import { blank, type BuildContext, h, noneHidden, num, text } from "./common.js"

const WORDS = {
  title: { en: "Comparisons of column proportions", vi: "So sánh tỷ lệ theo cột" },
  colPct: { en: "% within column", vi: "% trong cột" },
  largerThan: { en: "> col.", vi: "> cột" },
  note: {
    en:
      "% within the column. A letter marks a column whose proportion is significantly smaller (z-test of column proportions, p < .05, two-sided, Bonferroni-adjusted within each row); columns at 0% or 100% or with a base under 2 are not compared; no letters for a row with hidden cells.",
    vi:
      "% trong cột. Chữ cái chỉ cột có tỷ lệ nhỏ hơn có ý nghĩa (kiểm định z so sánh tỷ lệ cột, p < 0,05, hai phía, hiệu chỉnh Bonferroni trong từng hàng); cột 0% hoặc 100% hoặc cỡ mẫu dưới 2 không được so sánh; không trình bày chữ cái cho hàng có ô bị ẩn."
  }
} as const

const w = (key: keyof typeof WORDS, lang: Lang) => WORDS[key][lang]

/**
 * SPSS's column-proportion letters of a crosstab as a report table: per column the column % and the letters of
 * the columns it is significantly larger than (undefined when the result has no `columnProportions`). Hidden
 * counts (disclosure control) hide their percentage and the letters of their row; the cells are counted
 * hidden by the crosstab table itself, not again here.
 *
 * @example
 * const table = columnLettersTable(result, "t4-letters", "Table 4", ctx)
 */
export const columnLettersTable = (
  r: CrosstabResult,
  id: string,
  title: string,
  ctx: BuildContext
): ReportTable | undefined => {
  const cp = r.columnProportions
  if (cp === undefined) return undefined
  const { lang } = ctx
  const hidden = ctx.suppressBelow === undefined ? noneHidden(r.counts) : suppressMatrix(r.counts, ctx.suppressBelow)
  const rows: Array<TableRow> = r.row.categories.map((cat, i) => ({
    cells: [
      text(label(cat.label, lang) || String(cat.code)),
      ...r.col.categories.flatMap((_, j) => [
        num(r.percents.col[i][j], "percent", hidden[i][j]),
        hidden[i].some(Boolean) ? blank : text(cp.largerThan[i][j] ?? "")
      ])
    ]
  }))
  rows.push({ kind: "total", cells: [text(t("base", lang)), ...r.colTotals.flatMap((c) => [num(c, "count"), blank])] })
  return {
    id,
    title: `${title}: ${w("title", lang)}`,
    header: [
      [
        h(label(r.row.label, lang) || r.row.name),
        ...r.col.categories.map((c, j) => h(`${label(c.label, lang) || String(c.code)} (${cp.letters[j] ?? ""})`, 2))
      ],
      [h(""), ...r.col.categories.flatMap(() => [h(w("colPct", lang)), h(w("largerThan", lang))])]
    ],
    rows,
    notes: [w("note", lang)]
  }
}
