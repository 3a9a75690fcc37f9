import type { CrosstabResult, LayeredCrosstabResult } from "@danvan/analysis"
import { cmhSentences } from "../apa.js"
import type { Block, ReportTable, TableRow } from "../document.js"
import { label, type Lang } from "../i18n.js"
import { designNotValid, raoScottLine } from "../text/design.js"
import { columnLettersTable } from "./columnLetters.js"
import { blank, type BuildContext, h, num, text } from "./common.js"
import { crosstabSentences, crosstabTable } from "./crosstab.js"
import { crosstabMeasuresTable, crosstabTestsTable } from "./crosstabTests.js"

const WORDS = {
  total: { en: "all layers", vi: "mọi nhóm" },
  noTable: { en: "No table for {layer}: {reason}", vi: "Không lập được bảng cho {layer}: {reason}" },
  across: { en: "Tests across layers", vi: "Kiểm định qua các lớp" },
  test: { en: "Test", vi: "Kiểm định" },
  chiSquared: { en: "Chi-squared", vi: "Khi bình phương" },
  df: { en: "df", vi: "df" },
  p: { en: "p (2-sided)", vi: "p (2 phía)" },
  estimate: { en: "Estimate", vi: "Ước lượng" },
  lower: { en: "95% CI: lower", vi: "KTC 95%: dưới" },
  upper: { en: "upper", vi: "trên" },
  cmh: { en: "Cochran-Mantel-Haenszel", vi: "Cochran-Mantel-Haenszel" },
  cmhCorrected: {
    en: "Cochran-Mantel-Haenszel (continuity corrected)",
    vi: "Cochran-Mantel-Haenszel (hiệu chỉnh liên tục)"
  },
  cochran: { en: "Cochran's", vi: "Cochran" },
  mantel: { en: "Mantel-Haenszel (continuity corrected)", vi: "Mantel-Haenszel (hiệu chỉnh liên tục)" },
  breslow: { en: "Breslow-Day", vi: "Breslow-Day" },
  tarone: { en: "Tarone's", vi: "Tarone" },
  or: {
    en: "Mantel-Haenszel common odds ratio (Robins-Breslow-Greenland CI)",
    vi: "Tỷ số chênh chung Mantel-Haenszel (KTC Robins-Breslow-Greenland)"
  },
  note: {
    en:
      "Tests of conditional independence of {row} and {col} given {layer} (generalized CMH, general association; R's mantelhaen.test); for 2×2×K also the homogeneity of the odds ratios (Breslow-Day, with Tarone's correction) and the common odds ratio. Cases missing on {layer} are left out.",
    vi:
      "Kiểm định độc lập có điều kiện giữa {row} và {col} khi cố định {layer} (CMH tổng quát, liên hệ chung; mantelhaen.test của R); với bảng 2×2×K thêm kiểm định đồng nhất tỷ số chênh (Breslow-Day, hiệu chỉnh Tarone) và tỷ số chênh chung. Các trường hợp thiếu {layer} bị loại."
  }
} as const

const w = (key: keyof typeof WORDS, lang: Lang, vars: Record<string, string> = {}) =>
  Object.entries(vars).reduce((s, [k, v]) => s.replaceAll(`{${k}}`, v), WORDS[key][lang] as string)

const named = (l: { vi: string; en: string }, fallback: string, lang: Lang) => label(l, lang) || fallback

const testRow = (name: string, statistic: number, df: number, p: number): TableRow => ({
  cells: [text(name), num(statistic, "stat"), num(df, "df"), num(p, "p"), blank, blank, blank]
})

/**
 * The tests across the layers of a layered crosstab as one report table: CMH (both versions for 2×2×K),
 * Breslow-Day and Tarone, and the Mantel-Haenszel common odds ratio with its 95% interval.
 *
 * @example
 * layerTestsTable(result, "t4-cmh", "Table 4", ctx)
 */
export const layerTestsTable = (
  r: LayeredCrosstabResult,
  id: string,
  title: string,
  ctx: BuildContext
): ReportTable => {
  const { lang } = ctx
  const rows: Array<TableRow> = []
  const cmh = r.cochranMantelHaenszel
  if (cmh !== undefined) {
    if (cmh.uncorrected !== undefined && cmh.continuityCorrected !== undefined) {
      rows.push(testRow(w("cochran", lang), cmh.uncorrected.statistic, cmh.df, cmh.uncorrected.p))
      rows.push(testRow(w("mantel", lang), cmh.continuityCorrected.statistic, cmh.df, cmh.continuityCorrected.p))
    } else rows.push(testRow(w(cmh.corrected ? "cmhCorrected" : "cmh", lang), cmh.statistic, cmh.df, cmh.p))
  }
  const bd = r.breslowDay
  if (bd !== undefined) {
    rows.push(testRow(w("breslow", lang), bd.uncorrected.statistic, bd.df, bd.uncorrected.p))
    rows.push(testRow(w("tarone", lang), bd.statistic, bd.df, bd.p))
  }
  const or = r.mantelHaenszelOddsRatio
  if (or !== undefined) {
    rows.push({
      cells: [
        text(w("or", lang)),
        blank,
        blank,
        num(or.p, "p"),
        num(or.estimate, "coef"),
        num(or.ci95[0], "coef"),
        num(or.ci95[1], "coef")
      ]
    })
  }
  const vars = {
    row: named(r.row.label, r.row.name, lang),
    col: named(r.col.label, r.col.name, lang),
    layer: named(r.layer.label, r.layer.name, lang)
  }
  return {
    id,
    title: `${title}: ${w("across", lang)}`,
    header: [[
      h(w("test", lang)),
      h(w("chiSquared", lang)),
      h(w("df", lang)),
      h(w("p", lang)),
      h(w("estimate", lang)),
      h(w("lower", lang)),
      h(w("upper", lang))
    ]],
    rows,
    notes: [w("note", lang, vars)]
  }
}

/** A crosstab's tables: the counts, the column letters (when computed), the tests, the measures. */
export const crosstabBlocks = (r: CrosstabResult, id: string, title: string, ctx: BuildContext): Array<Block> => {
  const letters = columnLettersTable(r, `${id}-letters`, title, ctx)
  if (r.design?.mode === "sampling") {
    // A sampling design: the Rao-Scott tests replace SPSS's frequency-weighted tests, measures and letters.
    const sampled = raoScottLine(r.tests, ctx.lang, ctx.decimal) ??
      r.warnings.find((x) => x.code === "TEST_NOT_COMPUTED" && x.test === "raoScott")?.message ?? ""
    return [
      { kind: "table", table: crosstabTable(r, id, title, ctx) },
      { kind: "text", text: sampled },
      { kind: "text", text: designNotValid(ctx.lang) }
    ]
  }
  return [
    { kind: "table", table: crosstabTable(r, id, title, ctx) },
    ...(letters !== undefined ? [{ kind: "table", table: letters } as const] : []),
    { kind: "table", table: crosstabTestsTable(r, `${id}-tests`, title, ctx) },
    { kind: "table", table: crosstabMeasuresTable(r, `${id}-measures`, title, ctx) }
  ]
}

/**
 * The blocks of a layered crosstab: per layer its crosstab tables (titled "title: layer = category"), then the
 * tables over all layers, the tests across layers and the APA sentences of the overall table.
 *
 * @example
 * layeredBlocks(result, "t4", "Table 4", ctx)
 */
export const layeredBlocks = (r: LayeredCrosstabResult, id: string, title: string, ctx: BuildContext): Array<Block> => {
  const { lang } = ctx
  const layerName = named(r.layer.label, r.layer.name, lang)
  const perLayer = r.layers.flatMap((l, k): Array<Block> => {
    const head = `${layerName} = ${named(l.label, String(l.code), lang)}`
    return "reason" in l
      ? [{ kind: "text", text: w("noTable", lang, { layer: head, reason: l.reason }) }]
      : crosstabBlocks(l, `${id}-layer${k + 1}`, `${title}: ${head}`, ctx)
  })
  return [
    ...perLayer,
    ...crosstabBlocks(r, id, `${title}: ${layerName}, ${w("total", lang)}`, ctx),
    { kind: "table", table: layerTestsTable(r, `${id}-cmh`, title, ctx) },
    { kind: "apa", sentences: [...crosstabSentences(r, ctx), ...cmhSentences(r, layerName, ctx)] }
  ]
}
