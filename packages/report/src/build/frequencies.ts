import type { FrequenciesResult } from "@danvan/analysis"
import type { ReportTable, TableRow } from "../document.js"
import { label, t } from "../i18n.js"
import { suppressCells } from "../suppress.js"
import { percentOf } from "../text/format.js"
import { type BuildContext, h, num, tally, text } from "./common.js"

const DESIGN_HEADERS = [
  { en: "SE", vi: "SE" },
  { en: "95% CI logit, lower", vi: "KTC 95% logit, dưới" },
  { en: "upper", vi: "trên" },
  { en: "95% CI Korn-Graubard, lower", vi: "KTC 95% Korn-Graubard, dưới" },
  { en: "upper", vi: "trên" },
  { en: "deff", vi: "deff" }
] as const
const DESIGN_NOTE = {
  en:
    "SE, intervals and deff of the valid percent under the sampling design (R survey's svymean and svyciprop, logit and beta, on the design's df).",
  vi:
    "SE, khoảng tin cậy và deff của phần trăm hợp lệ theo thiết kế mẫu (svymean và svyciprop của R survey, logit và beta, theo bậc tự do thiết kế)."
} as const

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
  // A sampling design: the valid percent's design-based SE, logit and Korn-Graubard 95% CIs and deff.
  const sampled = r.design?.mode === "sampling"
  const designCells = (i: number) => {
    const d = r.rows[i]!.design
    if (!sampled) return []
    const v = (x: number | undefined, f: "percent" | "mean") => num(x ?? Number.NaN, f, hidden[i])
    return [
      v(d?.se, "mean"),
      v(d?.ci.logit.lower, "percent"),
      v(d?.ci.logit.upper, "percent"),
      v(d?.ci.kornGraubard.lower, "percent"),
      v(d?.ci.kornGraubard.upper, "percent"),
      v(d?.deff, "mean")
    ]
  }
  const noDesign = sampled ? Array.from({ length: 6 }, () => num(Number.NaN, "coef")) : []
  const row = (i: number): TableRow => {
    const x = r.rows[i]
    return {
      cells: [
        text(`${x.missing ? `${t("missing", lang)}: ` : ""}${label(x.label, lang)}`),
        num(x.count, "count", hidden[i]),
        num(x.percent, "percent", hidden[i]),
        ...(x.missing ? [num(Number.NaN, "percent")] : [num(x.validPercent ?? Number.NaN, "percent", hidden[i])]),
        ...(anyHidden ? [] : [num(x.cumulativePercent ?? Number.NaN, "percent")]),
        ...(x.missing ? noDesign : designCells(i))
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
        ...(anyHidden ? [] : [num(Number.NaN, "percent")]),
        ...noDesign
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
        ...(anyHidden ? [] : [num(Number.NaN, "percent")]),
        ...noDesign
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
      ...(anyHidden ? [] : [h(t("cumulativePercent", lang))]),
      ...(sampled ? DESIGN_HEADERS.map((x) => h(x[lang])) : [])
    ]],
    rows,
    notes: [...(anyHidden ? [t("cumulativeDropped", lang)] : []), ...(sampled ? [DESIGN_NOTE[lang]] : [])]
  }
}
