import type { MultipleResponseResult } from "@danvan/analysis"
import { toJson, warningText } from "./crosstab.js"
import { fixed, formatCount, formatDf, formatP, formatPercent, formatStat } from "./format.js"
import { label, type Lang, t } from "./i18n.js"
import { mdEscape, mdTable } from "./markdown.js"
import { isDesignBased, mrDesignOverall, mrDesignStatementText, mrDesignText } from "./mrDesign.js"
import { weightText } from "./notes.js"
import { type Align, renderTable, type Row } from "./table.js"
import { displayWidth, wrapText } from "./width.js"

export interface MrRenderOptions {
  readonly lang: Lang
  readonly color?: boolean
  /** The set's label (from the codebook with --set); otherwise "N items". */
  readonly setLabel?: string
}

type Method = MultipleResponseResult["method"]

const S = {
  en: {
    title: (set: string, group: string) => `${set} by ${group}`,
    responsesTitle: (set: string, group: string) => `${set} by ${group}: % of responses`,
    item: "Item",
    count: "Count",
    pctCases: "% of cases",
    pctResponses: "% of responses",
    total: "Total",
    base: "Respondents (base of % of cases)",
    tests: "Tests per item (Pearson chi-square of selected vs not selected by group, no continuity correction)",
    pBonf: "p (Bonferroni)",
    pHolm: "p (Holm)",
    overall: "Overall test of multiple marginal independence (MMI; Bilder, Loughin & Nettleton 2000)",
    sum: (x: string, p: string) => `Sum of item X² = ${x}, Bonferroni p ${p}`,
    rs2: (x: string, df: string, p: string) => `Second-order Rao-Scott X² = ${x}, df = ${df}, p ${p}`,
    boot: (p: string, valid: number, discarded: number, seed: number) =>
      `Bootstrap p ${p} (${valid} valid resamples, ${discarded} discarded; seed ${seed})`,
    chosen: (m: Method) =>
      `Chosen overall test: ${
        m === "bonferroni"
          ? "Bonferroni (smallest item p times the number of items)"
          : m === "rs2"
          ? "second-order Rao-Scott"
          : "bootstrap under the null"
      }.`,
    letters:
      "Each letter marks a group whose proportion is significantly smaller (z-test, Bonferroni within the item, α = .05).",
    cases: (valid: string, missing: string, total: string) =>
      `Respondents: ${valid} valid, ${missing} left out for a missing group or item, ${total} in the file.`,
    percents: "% of cases: base = respondents in the group; % of responses: base = selections in the group."
  },
  vi: {
    title: (set: string, group: string) => `${set} theo ${group}`,
    responsesTitle: (set: string, group: string) => `${set} theo ${group}: % lượt chọn`,
    item: "Nội dung",
    count: "Số lượng",
    pctCases: "% người trả lời",
    pctResponses: "% lượt chọn",
    total: "Tổng",
    base: "Số người trả lời (mẫu số của % người trả lời)",
    tests: "Kiểm định từng nội dung (khi bình phương Pearson: có chọn/không chọn theo nhóm, không hiệu chỉnh liên tục)",
    pBonf: "p (Bonferroni)",
    pHolm: "p (Holm)",
    overall: "Kiểm định chung về độc lập biên bội (MMI; Bilder, Loughin & Nettleton 2000)",
    sum: (x: string, p: string) => `Tổng X² của các nội dung = ${x}, p Bonferroni ${p}`,
    rs2: (x: string, df: string, p: string) => `X² Rao-Scott bậc hai = ${x}, df = ${df}, p ${p}`,
    boot: (p: string, valid: number, discarded: number, seed: number) =>
      `p bootstrap ${p} (${valid} lần lấy mẫu lại hợp lệ, ${discarded} lần bị loại; seed ${seed})`,
    chosen: (m: Method) =>
      `Kiểm định chung được chọn: ${
        m === "bonferroni"
          ? "Bonferroni (p nhỏ nhất của các nội dung nhân với số nội dung)"
          : m === "rs2"
          ? "Rao-Scott bậc hai"
          : "bootstrap theo giả thuyết không"
      }.`,
    letters:
      "Mỗi chữ cái chỉ một nhóm có tỷ lệ nhỏ hơn có ý nghĩa (kiểm định z, hiệu chỉnh Bonferroni trong từng nội dung, α = .05).",
    cases: (valid: string, missing: string, total: string) =>
      `Người trả lời: ${valid} hợp lệ, ${missing} bị loại do thiếu nhóm hoặc nội dung, ${total} trong tệp.`,
    percents: "% người trả lời: mẫu số = số người trả lời trong nhóm; % lượt chọn: mẫu số = số lượt chọn trong nhóm."
  }
} as const

const itemLabel = (i: MultipleResponseResult["items"][number], lang: Lang) => {
  const l = label(i.label, lang)
  return l === "" || l === i.name ? i.name : l
}

const groupHead = (r: MultipleResponseResult, lang: Lang) =>
  r.group.categories.map((c, g) => `${label(c.label, lang)} (${r.letters[g] ?? ""})`)

const withLetters = (
  pct: number,
  letters: string | undefined
) => (letters !== undefined && letters !== "" ? `${formatPercent(pct)} ${letters}` : formatPercent(pct))

const groupName = (r: MultipleResponseResult, lang: Lang) => {
  const l = label(r.group.label, lang)
  return l === "" ? r.group.name : l
}

const testRow = (i: MultipleResponseResult["items"][number]) => [
  formatStat(i.statistic),
  ...(i.df2 === undefined ? [formatDf(i.df)] : [fixed(i.df, 2), fixed(i.df2, 1)]),
  formatP(i.p),
  formatP(i.pBonferroni),
  formatP(i.pHolm)
]

/** "= .023" or "< .001": the p of a sentence, never "= < .001". */
const pRel = (p: number) => {
  const f = formatP(p)
  return f.startsWith("<") ? f : `= ${f}`
}

const overallLines = (r: MultipleResponseResult, lang: Lang): Array<string> => {
  const s = S[lang]
  return [
    `${s.overall}:`,
    s.sum(formatStat(r.sumStatistic), pRel(r.bonferroni.p)),
    ...(isDesignBased(r)
      ? mrDesignOverall(r, lang)
      : [s.rs2(formatStat(r.rs2.statistic), fixed(r.rs2.df, 2), pRel(r.rs2.p))]),
    ...(r.bootstrap !== undefined
      ? [s.boot(pRel(r.bootstrap.p), r.bootstrap.resamples, r.bootstrap.discarded, r.bootstrap.seed)]
      : []),
    s.chosen(r.method)
  ]
}

const warningLines = (r: MultipleResponseResult, lang: Lang) => r.warnings.map((w) => `! ${warningText(w, lang)}`)

/** Terminal width the text output fits in; item and group labels wrap, never run past it. */
const WIDTH = 120

/** Rows whose first cell is a label wrapped to `width`: the numbers on its first line. */
const labelledRows = (text: string, width: number, cells: ReadonlyArray<string>): Array<Row> =>
  wrapText(text, width).map((line, k) => [line, ...(k === 0 ? cells : cells.map(() => ""))])

/** The table rendered with the widest label column (60 down to 16) that keeps every line within WIDTH. */
const fitted = (render: (labelWidth: number) => string): string => {
  let out = ""
  for (let w = 60; w >= 16; w -= 2) {
    out = render(w)
    if (out.split("\n").every((l) => displayWidth(l) <= WIDTH)) return out
  }
  return out
}

/** Column headings wrapped to the width of their column's widest body cell (at least 6), bottom-aligned. */
const wrappedHeadings = (
  first: string,
  headings: ReadonlyArray<string>,
  body: ReadonlyArray<ReadonlyArray<string>>
): Array<Row> => {
  const lines = headings.map((h, c) => wrapText(h, Math.max(10, ...body.map((r) => displayWidth(r[c] ?? "")))))
  const n = Math.max(...lines.map((l) => l.length))
  return Array.from(
    { length: n },
    (_, k) => [k === n - 1 ? first : "", ...lines.map((l) => l[k - (n - l.length)] ?? "")]
  )
}

/** Header rows of group names wrapped to `width`, each spanning `span` columns; `corner` heads the last row. */
const groupHeader = (groups: ReadonlyArray<string>, span: number, width: number, corner = ""): Array<Row> => {
  const lines = groups.map((g) => wrapText(g, width))
  const n = Math.max(...lines.map((l) => l.length))
  return Array.from(
    { length: n },
    (
      _,
      k
    ) => [
      k === n - 1 ? corner : "",
      ...lines.map((l) => ({ text: l[k - (n - l.length)] ?? "", span, align: "right" as const }))
    ]
  )
}

const weightLines = (r: MultipleResponseResult, lang: Lang): Array<string> => {
  if (isDesignBased(r)) return [mrDesignStatementText(r, lang) ?? ""]
  const w = weightText(r.weight, r.weighted, lang)
  return w === undefined ? [] : [w, t("frequencyWeightsNote", lang)]
}

/** The per-item test title, its statistic's column heads and the letters note: design-based or Pearson. */
const testText = (r: MultipleResponseResult, lang: Lang) =>
  isDesignBased(r)
    ? { ...mrDesignText(lang), heads: ["F", "df1", "df2"] }
    : { tests: S[lang].tests, letters: S[lang].letters, heads: ["X²", "df"] }

/**
 * Plain-text tables that fit 120 columns (labels wrap): counts and % of cases by group with column-proportion
 * letters, % of responses, per-item tests, the MMI tests.
 *
 * @example
 * renderMrText(result, { lang: "en" })
 */
export const renderMrText = (r: MultipleResponseResult, options: MrRenderOptions): string => {
  const { lang } = options
  const s = S[lang]
  const style = { color: options.color === true }
  const wrap = (lines: ReadonlyArray<string>) => lines.flatMap((l) => wrapText(l, WIDTH))
  const groups = [...groupHead(r, lang), s.total]
  const title = s.title(options.setLabel ?? `${r.items.length} items`, groupName(r, lang))
  const casesCells = r.items.map((i) => [
    ...i.counts.flatMap((c, g) => [formatCount(c), withLetters(i.percentOfCases[g], i.largerThan[g])]),
    formatCount(i.total.count),
    formatPercent(i.total.percentOfCases)
  ])
  const baseCells = [...r.n.byGroup.flatMap((n) => [formatCount(n), ""]), formatCount(r.n.valid), ""]
  const sub1 = wrappedHeadings(s.item, groups.flatMap(() => [s.count, s.pctCases]), [...casesCells, baseCells])
  const table = fitted((w1) =>
    renderTable(
      {
        title: wrap([title]).join("\n"),
        align: ["left", ...Array<Align>(groups.length * 2).fill("right")],
        header: [...groupHeader(groups, 2, 16), ...sub1],
        body: [
          ...r.items.flatMap((i, j) => labelledRows(itemLabel(i, lang), w1, casesCells[j])),
          "rule",
          ...labelledRows(s.base, w1, baseCells)
        ],
        footnotes: wrap([
          testText(r, lang).letters,
          s.cases(formatCount(r.n.valid), formatCount(r.n.missing), formatCount(r.n.total)),
          ...weightLines(r, lang)
        ])
      },
      style
    )
  )
  const responseCells = r.items.map((
    i
  ) => [...i.percentOfResponses.map((p) => formatPercent(p)), formatPercent(i.total.percentOfResponses)])
  const responses = fitted((w2) =>
    renderTable(
      {
        title: wrap([s.responsesTitle(options.setLabel ?? `${r.items.length} items`, groupName(r, lang))]).join("\n"),
        align: ["left", ...Array<Align>(groups.length).fill("right")],
        header: groupHeader(groups, 1, 14, s.item),
        body: r.items.flatMap((i, j) => labelledRows(itemLabel(i, lang), w2, responseCells[j])),
        footnotes: wrap([s.percents])
      },
      style
    )
  )
  const testCells = r.items.map(testRow)
  const tt = testText(r, lang)
  const tests = fitted((w3) =>
    renderTable(
      {
        title: wrap([tt.tests]).join("\n"),
        align: ["left", ...Array<Align>(tt.heads.length + 3).fill("right")],
        header: [[s.item, ...tt.heads, "p", s.pBonf, s.pHolm]],
        body: r.items.flatMap((i, j) => labelledRows(itemLabel(i, lang), w3, testCells[j]))
      },
      style
    )
  )
  const parts = [
    table,
    responses,
    tests,
    wrap(overallLines(r, lang)).join("\n"),
    ...(r.warnings.length > 0 ? [wrap(warningLines(r, lang)).join("\n")] : [])
  ]
  return parts.join("\n\n") + "\n"
}

/**
 * GitHub Markdown: the same two tables with full item labels, then the MMI tests.
 *
 * @example
 * renderMrMarkdown(result, { lang: "vi" })
 */
export const renderMrMarkdown = (r: MultipleResponseResult, options: MrRenderOptions): string => {
  const { lang } = options
  const s = S[lang]
  const groups = [...groupHead(r, lang), s.total]
  const header = [s.item, ...groups.flatMap((g) => [`${g} ${s.count}`, `${g} ${s.pctCases}`, `${g} ${s.pctResponses}`])]
  const align = header.map((_, k) => (k === 0 ? ("left" as const) : ("right" as const)))
  const rows = r.items.map((i) => [
    mdEscape(itemLabel(i, lang)),
    ...i.counts.flatMap((
      c,
      g
    ) => [formatCount(c), withLetters(i.percentOfCases[g], i.largerThan[g]), formatPercent(i.percentOfResponses[g])]),
    formatCount(i.total.count),
    formatPercent(i.total.percentOfCases),
    formatPercent(i.total.percentOfResponses)
  ])
  rows.push([mdEscape(s.base), ...r.n.byGroup.flatMap((n) => [formatCount(n), "", ""]), formatCount(r.n.valid), "", ""])
  const tt = testText(r, lang)
  const testHeader = [s.item, ...tt.heads, "p", s.pBonf, s.pHolm]
  const tests = mdTable(
    testHeader,
    testHeader.map((_, k) => (k === 0 ? "left" : "right")),
    r.items.map((i) => [mdEscape(itemLabel(i, lang)), ...testRow(i).map(mdEscape)])
  )
  return (
    [
      `### ${mdEscape(s.title(options.setLabel ?? `${r.items.length} items`, groupName(r, lang)))}`,
      mdTable(header, align, rows),
      [s.percents, tt.letters, s.cases(formatCount(r.n.valid), formatCount(r.n.missing), formatCount(r.n.total))].map(
        mdEscape
      ).join("  \n"),
      `### ${mdEscape(tt.tests)}`,
      tests,
      overallLines(r, lang).map(mdEscape).join("  \n"),
      ...weightLines(r, lang).map(mdEscape),
      ...(r.warnings.length > 0 ? [warningLines(r, lang).map(mdEscape).join("  \n")] : [])
    ].join("\n\n") + "\n"
  )
}

/**
 * DESIGN.md's Multiple-response JSON: the result object itself; NaN becomes null.
 *
 * @example
 * JSON.parse(renderMrJson(result)).rs2.p
 */
export const renderMrJson = (r: MultipleResponseResult): string => toJson(r)
