import type { FrequenciesResult } from "@danvan/analysis"
import type { ReportTable, TableRow } from "../document.js"
import { label, t } from "../i18n.js"
import { suppressCells } from "../suppress.js"
import { percentOf } from "../text/format.js"
import { type BuildContext, h, num, tally, text } from "./common.js"

/**
 * SPSS FREQUENCIES as a report table: valid categories, their total, the missing codes, the grand total.
 * With disclosure control the valid rows and the missing rows are each a published sum, and the cumulative
 * percent is left out (its steps would give the hidden counts away).
 *
 * @example
 * frequenciesTable(result, "profile-level", ctx)
 */
export const frequenciesTable = (r: FrequenciesResult, id: string, ctx: BuildContext): ReportTable => {
  const { lang } = ctx
  const counts = r.rows.map((row) => row.count)
  const valid = r.rows.flatMap((row, i) => (row.missing ? [] : [i]))
  const missing = r.rows.flatMap((row, i) => (row.missing ? [i] : []))
  const hidden = ctx.suppressBelow === undefined
    ? counts.map(() => false)
    : tally(ctx, suppressCells(counts, [valid, missing].filter((l) => l.length > 0), ctx.suppressBelow))
  const anyHidden = hidden.some(Boolean)
  const row = (i: number): TableRow => {
    const x = r.rows[i]
    return {
      cells: [
        text(`${x.missing ? `${t("missing", lang)}: ` : ""}${label(x.label, lang)}`),
        num(x.count, "count", hidden[i]),
        num(x.percent, "percent", hidden[i]),
        ...(x.missing ? [num(Number.NaN, "percent")] : [num(x.validPercent ?? Number.NaN, "percent", hidden[i])]),
        ...(anyHidden ? [] : [num(x.cumulativePercent ?? Number.NaN, "percent")])
      ]
    }
  }
  const pct = (x: number) => percentOf(x, r.n.total)
  const rows: Array<TableRow> = [
    ...valid.map(row),
    {
      kind: "total",
      cells: [
        text(`${t("valid", lang)}: ${t("total", lang)}`),
        num(r.n.valid, "count"),
        num(pct(r.n.valid), "percent"),
        num(r.n.valid > 0 ? 100 : Number.NaN, "percent"),
        ...(anyHidden ? [] : [num(Number.NaN, "percent")])
      ]
    },
    ...missing.map(row),
    {
      kind: "total",
      cells: [
        text(t("total", lang)),
        num(r.n.total, "count"),
        num(r.n.total > 0 ? 100 : Number.NaN, "percent"),
        num(Number.NaN, "percent"),
        ...(anyHidden ? [] : [num(Number.NaN, "percent")])
      ]
    }
  ]
  return {
    id,
    title: label(r.variable.label, lang),
    header: [[
      h(t("category", lang)),
      h(t("frequency", lang)),
      h(t("percent", lang)),
      h(t("validPercent", lang)),
      ...(anyHidden ? [] : [h(t("cumulativePercent", lang))])
    ]],
    rows,
    notes: anyHidden ? [t("cumulativeDropped", lang)] : []
  }
}
