import type { CrosstabResult } from "@danvan/analysis"
import { chiSquareSentence, fisherSentence } from "../apa.js"
import type { ReportTable, TableRow } from "../document.js"
import { label, t } from "../i18n.js"
import { suppressMatrix } from "../suppress.js"
import { lowExpectedText } from "../text/crosstab.js"
import { percentOf } from "../text/format.js"
import { blank, type BuildContext, h, noneHidden, num, tally, text } from "./common.js"

/**
 * A crosstab in SPSS's layout: for each row category a Count row and a "% within row" row, then the totals.
 * Hidden counts (disclosure control) hide their percentages too.
 *
 * @example
 * crosstabTable(result, "t4-item1", "Table 4a", ctx)
 */
export const crosstabTable = (r: CrosstabResult, id: string, title: string, ctx: BuildContext): ReportTable => {
  const { lang } = ctx
  const hidden = ctx.suppressBelow === undefined
    ? noneHidden(r.counts)
    : tally(ctx, suppressMatrix(r.counts, ctx.suppressBelow))
  const within = t("within", lang, { var: label(r.row.label, lang) })
  const rows: Array<TableRow> = r.row.categories.flatMap((cat, i): Array<TableRow> => [
    {
      cells: [
        text(label(cat.label, lang)),
        text(t("count", lang)),
        ...r.counts[i].map((c, j) => num(c, "count", hidden[i][j])),
        num(r.rowTotals[i], "count")
      ]
    },
    {
      cells: [
        blank,
        text(within),
        ...r.percents.row[i].map((p, j) => num(p, "percent", hidden[i][j])),
        num(100, "percent")
      ]
    }
  ])
  const n = r.n.valid
  rows.push(
    {
      kind: "total",
      cells: [
        text(t("total", lang)),
        text(t("count", lang)),
        ...r.colTotals.map((c) => num(c, "count")),
        num(n, "count")
      ]
    },
    {
      kind: "total",
      cells: [blank, text(within), ...r.colTotals.map((c) => num(percentOf(c, n), "percent")), num(100, "percent")]
    }
  )
  const low = r.lowExpected
  return {
    id,
    title,
    header: [[
      h(label(r.row.label, lang)),
      h(""),
      ...r.col.categories.map((c) => h(label(c.label, lang))),
      h(t("total", lang))
    ]],
    rows,
    notes: [lowExpectedText(low, lang, ctx.decimal)]
  }
}

/**
 * The APA sentences of a crosstab: Pearson χ² with Cramér's V, and Fisher's exact test when it was run.
 *
 * @example
 * crosstabSentences(result, { lang: "en", decimal: "point" })
 * // ["χ²(4, N = 1096) = 41.03, p < .001, Cramér's V = .14"]
 */
export const crosstabSentences = (r: CrosstabResult, ctx: Pick<BuildContext, "lang" | "decimal">): Array<string> => [
  chiSquareSentence(r.tests.pearson, r.n.valid, r.measures.cramersV, ctx),
  ...(r.tests.fisherExact !== undefined ? [fisherSentence(r.tests.fisherExact, ctx)] : [])
]
