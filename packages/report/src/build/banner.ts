import type { BannerResult, BannerRow, BannerStub } from "@danvan/analysis"
import type { Block, Cell, ReportDocument, ReportTable, TableRow } from "../document.js"
import { fixed, formatCount } from "../format.js"
import { label, type Lang, t } from "../i18n.js"
import { bannerBlocks as blocksOf, bannerStubHidden } from "../suppressBanner.js"
import { blank, type BuildContext, h, num, tally, text } from "./common.js"
import { finishSections } from "./finish.js"
import { closingNotes, contextOf, recipeNotes, type ReportOptions } from "./options.js"

const WORDS = {
  title: { en: "Banner table", vi: "Bảng đa biến tiêu đề" },
  by: { en: "by", vi: "theo" },
  base: { en: "Base (N)", vi: "Cơ số (N)" },
  colPct: { en: "Column %", vi: "% theo cột" },
  net: { en: "(net)", vi: "(gộp)" },
  mean: { en: "Mean", vi: "Trung bình" },
  letters: {
    en:
      "Letters: the cell is significantly larger than the lettered column of the same banner variable (column proportions: pooled z-test; means: t-test with the pooled variance; two-sided, p < {alpha}, Bonferroni within each row; columns at 0% or 100% or with a base under 2 not compared); no letters for a row with hidden cells.",
    vi:
      "Chữ cái: ô lớn hơn có ý nghĩa so với cột mang chữ đó trong cùng biến tiêu đề (tỷ lệ theo cột: kiểm định z gộp; trung bình: kiểm định t với phương sai gộp; hai phía, p < {alpha}, hiệu chỉnh Bonferroni trong từng hàng; cột 0% hoặc 100% hoặc cơ số dưới 2 không được so sánh); không có chữ cái cho hàng có ô bị ẩn."
  },
  missing: {
    en:
      "Cases missing on a stub variable are left out of its rows, cases missing on a banner variable out of that variable's columns (but counted in Total). Missing by code: {list}.",
    vi:
      "Trường hợp thiếu ở một biến hàng bị loại khỏi các hàng của biến đó, thiếu ở một biến tiêu đề bị loại khỏi các cột của biến đó (nhưng vẫn tính trong cột Tổng). Thiếu theo mã: {list}."
  },
  set: {
    en:
      "{var}: a multiple-response set; % of the set's respondents in the column (those who answered every item) who selected each item; an item's letters compare its proportions, so the percentages add up to more than 100.",
    vi:
      "{var}: bộ câu hỏi nhiều lựa chọn; % số người trả lời bộ câu hỏi (trả lời mọi mục) trong cột đã chọn từng mục; chữ cái so sánh tỷ lệ của từng mục, nên tổng phần trăm có thể vượt 100."
  },
  noMissing: { en: "No missing cases.", vi: "Không có trường hợp thiếu." },
  system: { en: "blank", vi: "để trống" },
  scores: {
    en: "{var}: mean of the codebook's scores ({scores}; higher = {high}).",
    vi: "{var}: trung bình điểm theo sổ mã ({scores}; cao hơn = {high})."
  }
} as const

const w = (key: keyof typeof WORDS, lang: Lang, vars: Record<string, string> = {}) =>
  Object.entries(vars).reduce((s, [k, v]) => s.replaceAll(`{${k}}`, v), WORDS[key][lang] as string)

const named = (l: { vi: string; en: string }, fallback: string, lang: Lang) => label(l, lang) || fallback

/**
 * Hidden flags of a stub's cells (`bannerStubHidden`, shared with `suppressBanner`); the category cells hidden are
 * tallied for the report's disclosure note.
 */
const hiddenOf = (r: BannerResult, st: BannerStub, ctx: BuildContext): Array<Array<boolean>> => {
  const k = ctx.suppressBelow
  if (k === undefined) return st.rows.map((row) => row.cells.map(() => false))
  const out = bannerStubHidden(r, st, k)
  tally(ctx, st.rows.flatMap((row, i) => (row.kind === "category" ? [out[i]] : [])))
  return out
}

const rowCells = (
  r: BannerResult,
  row: BannerRow,
  hidden: ReadonlyArray<boolean>,
  value: (c: BannerRow["cells"][number]) => number,
  format: Cell["format"],
  withLetters: boolean
): Array<Cell> => {
  const blocks = blocksOf(r)
  const blockOf = (j: number) => blocks.find((b) => j >= b.start && j < b.end)!
  return [
    num(value(row.cells[0]), format, hidden[0]),
    ...row.cells.slice(1).flatMap((c, x) => {
      const j = x + 1
      const b = blockOf(j)
      const anyHidden = hidden.slice(b.start, b.end).some(Boolean)
      return [num(value(c), format, hidden[j]), withLetters && !anyHidden ? text(c.letters) : blank]
    })
  ]
}

const stubRows = (r: BannerResult, st: BannerStub, ctx: BuildContext): Array<TableRow> => {
  const { lang } = ctx
  const hidden = hiddenOf(r, st, ctx)
  const out: Array<TableRow> = [
    {
      kind: "total",
      cells: [
        text(named(st.label, st.name, lang)),
        blank,
        ...st.base.flatMap((_, j) => j === 0 ? [blank] : [blank, blank])
      ]
    },
    {
      cells: [
        blank,
        text(w("base", lang)),
        num(st.base[0], "count"),
        ...st.base.slice(1).flatMap((b) => [num(b, "count"), blank])
      ]
    }
  ]
  st.rows.forEach((row, i) => {
    if (row.kind === "mean") {
      out.push({
        cells: [text(w("mean", lang)), blank, ...rowCells(r, row, hidden[i], (c) => c.mean ?? NaN, "mean", true)]
      })
      return
    }
    const head = row.kind === "net"
      ? `${label(row.label, lang)} ${w("net", lang)}`
      : named(row.label, String(row.code ?? ""), lang)
    out.push(
      { cells: [text(head), text(t("count", lang)), ...rowCells(r, row, hidden[i], (c) => c.count, "count", false)] },
      { cells: [blank, text(w("colPct", lang)), ...rowCells(r, row, hidden[i], (c) => c.percent, "percent", true)] }
    )
  })
  return out
}

const missingNote = (r: BannerResult, ctx: BuildContext): string => {
  const { lang } = ctx
  if (r.missingByCode.length === 0) return w("noMissing", lang)
  const list = r.missingByCode.map((m) =>
    `${m.variable} = ${m.code === "system" ? w("system", lang) : m.code}: ${formatCount(m.count, ctx.decimal)}`
  )
  return w("missing", lang, { list: list.join("; ") })
}

const scoreNotes = (r: BannerResult, ctx: BuildContext): Array<string> =>
  r.stub.flatMap((st) => {
    const mean = st.rows.find((row) => row.kind === "mean")
    if (mean?.scores === undefined || mean.scores.length === 0) return []
    const cats = st.rows.filter((row) => row.kind === "category")
    const high = [...mean.scores].sort((a, b) => b.score - a.score)[0]
    const highLabel = cats.find((c) => c.code === high.code)?.label
    return [w("scores", ctx.lang, {
      var: named(st.label, st.name, ctx.lang),
      scores: mean.scores.map((s) => `${s.code} → ${fixed(s.score, Number.isInteger(s.score) ? 0 : 2, ctx.decimal)}`)
        .join(", "),
      high: highLabel !== undefined ? named(highLabel, String(high.code), ctx.lang) : String(high.code)
    })]
  })

/**
 * A banner table as one report table: for each stub variable a heading row, its base, per category a count row
 * and a column-% row, then its nets and mean score; columns Total, then each banner variable's categories, each
 * followed by a narrow column with its letters (SPSS CTABLES's column comparisons). Counts below the context's
 * threshold are hidden (with secondary suppression within each banner variable) and their rows lose their letters.
 *
 * @example
 * bannerReportTable(result, "table", "Banner table", ctx)
 */
export const bannerReportTable = (r: BannerResult, id: string, title: string, ctx: BuildContext): ReportTable => {
  const { lang } = ctx
  return {
    id,
    title,
    header: [
      [h(""), h(""), h(""), ...r.banner.map((b) => h(named(b.label, b.name, lang), 2 * b.categories.length))],
      [
        h(""),
        h(""),
        h(t("total", lang)),
        ...r.banner.flatMap((b) =>
          b.categories.map((c) => h(`${named(c.label, String(c.code), lang)} (${c.letter})`, 2))
        )
      ]
    ],
    rows: r.stub.flatMap((st) => stubRows(r, st, ctx)),
    notes: [
      w("letters", lang, { alpha: fixed(r.alpha, 2, ctx.decimal).replace(/^0/, "") }),
      ...scoreNotes(r, ctx),
      ...r.stub.filter((st) => st.kind === "multiple-response").map((st) =>
        w("set", lang, { var: named(st.label, st.name, lang) })
      ),
      missingNote(r, ctx)
    ]
  }
}

/**
 * The default title of a banner table: "stub, stub by banner, banner".
 *
 * @example
 * bannerTitle(result, "en") // "Difficulty of the work, Trust by Cadre level, Sex"
 */
export const bannerTitle = (r: BannerResult, lang: Lang): string =>
  `${r.stub.map((s) => named(s.label, s.name, lang)).join(", ")} ${w("by", lang)} ${
    r.banner.map((b) => named(b.label, b.name, lang)).join(", ")
  }`

/**
 * The report of one banner table (`danvan table --format html|xlsx|docx|pdf`): one section with the table; the
 * notes state the letters' test, the scores of mean rows, missing cases by code, the weight and the disclosure rule.
 *
 * @example
 * const doc = buildBannerReport(result, { lang: "vi", dataFile: "survey.csv" })
 * renderHtml(doc)
 */
export const buildBannerReport = (
  r: BannerResult,
  options: ReportOptions & { readonly title?: string }
): ReportDocument => {
  const ctx = contextOf(options)
  const title = options.title ?? bannerTitle(r, ctx.lang)
  const table = bannerReportTable(r, "table", title, ctx)
  const weight: Array<Block> = r.weight === undefined ? [] : [{
    kind: "text",
    text: t("weightedBy", ctx.lang, {
      var: r.weight.variable,
      n: fixed(r.weight.sum, Number.isInteger(r.weight.sum) ? 0 : 1, ctx.decimal)
    })
  }]
  const sections = finishSections(
    [{ id: "table", heading: title, blocks: [...weight, { kind: "table", table }] }],
    options,
    ctx.lang
  )
  return {
    kind: "report",
    lang: ctx.lang,
    decimal: ctx.decimal,
    title: w("title", ctx.lang),
    subtitle: options.dataFile ?? "",
    sections,
    notes: [...recipeNotes(options), ...closingNotes(ctx)],
    ...(ctx.suppressBelow !== undefined ? { suppression: { k: ctx.suppressBelow, cells: ctx.hiddenCells } } : {})
  }
}
