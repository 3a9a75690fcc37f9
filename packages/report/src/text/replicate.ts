import type { ReplicateItem, ReplicateResult, ReplicateTable } from "@danvan/analysis"
import type { AuditFinding } from "@danvan/domain"
import { toJson } from "./crosstab.js"
import { fixed, formatCount, formatDf, formatP, formatStat } from "./format.js"
import { label, type Lang } from "./i18n.js"
import { mdEscape, mdTable } from "./markdown.js"
import { type Align, renderTable, type Row } from "./table.js"
import { displayWidth } from "./width.js"

export interface ReplicateRenderOptions {
  readonly lang: Lang
  readonly color?: boolean
}

const S = {
  en: {
    item: "Item",
    response: "Response",
    sum: "Sum",
    base: "Base (respondents)",
    pHolm: "p (Holm)",
    reported: (s: string) => `Published: "Significant = ${s}" under the whole table, without naming the test.`,
    tests:
      "Re-analysis: Pearson chi-square of each item by cadre level (no continuity correction); exact p; Holm's adjustment across the table's items.",
    summary: (holm: number, tested: number, raw: number, alpha: string) =>
      `${holm} of ${tested} items differ by cadre level at p < ${alpha} after Holm's adjustment (${raw} without adjustment).`,
    notSignificant: (list: string) => `No significant difference by level: ${list}.`,
    allSignificant: "Every item differs by level.",
    noTest: "no test",
    audit: "Percent audit",
    auditOk: (n: number) => `${n} printed numbers (percents, totals, bases) checked against count/base: all agree.`,
    auditBad: (k: number, n: number) => `${k} of ${n} printed numbers disagree with count/base:`,
    overall: (holm: number, total: number, tables: number) =>
      `Overall: ${holm} of ${total} items in ${tables} tables differ by level after Holm's adjustment; the paper reports "0.000" for every table.`,
    N: "N"
  },
  vi: {
    item: "Nội dung",
    response: "Mức độ",
    sum: "Tổng",
    base: "Cỡ mẫu (người trả lời)",
    pHolm: "p (Holm)",
    reported: (s: string) => `Bài báo: "Significant = ${s}" cho cả bảng, không nói là kiểm định nào.`,
    tests:
      "Phân tích lại: kiểm định khi bình phương Pearson cho từng nội dung theo cấp cán bộ (không hiệu chỉnh liên tục); p chính xác; hiệu chỉnh Holm trong từng bảng.",
    summary: (holm: number, tested: number, raw: number, alpha: string) =>
      `${holm}/${tested} nội dung khác biệt theo cấp cán bộ ở mức p < ${alpha} sau hiệu chỉnh Holm (${raw} nếu không hiệu chỉnh).`,
    notSignificant: (list: string) => `Không khác biệt có ý nghĩa theo cấp: ${list}.`,
    allSignificant: "Mọi nội dung đều khác biệt theo cấp.",
    noTest: "không kiểm định được",
    audit: "Kiểm tra tỷ lệ %",
    auditOk: (n: number) => `Đã đối chiếu ${n} số in trong bài (tỷ lệ %, tổng, cỡ mẫu) với số đếm/cỡ mẫu: tất cả khớp.`,
    auditBad: (k: number, n: number) => `${k}/${n} số in trong bài không khớp với số đếm/cỡ mẫu:`,
    overall: (holm: number, total: number, tables: number) =>
      `Tổng cộng: ${holm}/${total} nội dung trong ${tables} bảng khác biệt theo cấp sau hiệu chỉnh Holm; bài báo ghi "0.000" cho mọi bảng.`,
    N: "N"
  }
} as const

const MAX_LABEL = 56
const short = (text: string): string => {
  if (displayWidth(text) <= MAX_LABEL) return text
  return text.slice(0, MAX_LABEL - 1).trimEnd() + "…"
}

const pct = (x: number, d: number) => fixed(x, d)
const decimalsOf = (t: ReplicateTable) => t.percentDecimals ?? 1

/** The text of one item's test cells: X², df, p, Holm p. */
const testCells = (item: ReplicateItem, lang: Lang): Array<string> =>
  Number.isNaN(item.test.p)
    ? [S[lang].noTest, formatDf(item.test.df), "—", "—"]
    : [formatStat(item.test.statistic), formatDf(item.test.df), formatP(item.test.p), formatP(item.test.pAdjusted)]

const responseText = (t: ReplicateTable, key: string | undefined, lang: Lang) =>
  key === undefined ? "" : label(t.scale?.find((s) => s.key === key)?.label ?? { vi: key, en: key }, lang)

const summary = (t: ReplicateTable, lang: Lang): Array<string> => {
  const s = S[lang]
  const alpha = String(t.significant.alpha).replace(/^0\./, ".")
  const ns = t.items.filter((i) => !Number.isNaN(i.test.p) && !(i.test.pAdjusted < t.significant.alpha)).map((i) =>
    `"${label(i.label, lang)}" (p ${formatPDisplay(i.test.pAdjusted)} Holm)`
  )
  return [
    s.reported(t.reportedSignificance),
    s.tests,
    s.summary(t.significant.holm, t.significant.tested, t.significant.unadjusted, alpha) + " " +
    (ns.length === 0 ? s.allSignificant : s.notSignificant(ns.join("; "))),
    ...t.items.filter((i) => i.warning !== undefined).map((i) => `${i.key}: ${i.warning}`)
  ]
}

const formatPDisplay = (p: number) => {
  const f = formatP(p)
  return f.startsWith("<") ? f : `= ${f}`
}

const tableText = (r: ReplicateResult, t: ReplicateTable, index: number, options: ReplicateRenderOptions): string => {
  const { lang } = options
  const s = S[lang]
  const likert = t.kind === "likert"
  const d = decimalsOf(t)
  const lead = likert ? 2 : 1
  const groups = [...r.levels.map((l) => label(l.label, lang)), s.sum]
  const align: Array<Align> = [...Array<Align>(lead).fill("left"), ...Array<Align>(groups.length * 2 + 4).fill("right")]
  const header: Array<Row> = [
    [...Array(lead).fill(""), ...groups.map((g) => ({ text: g, span: 2, align: "right" as const })), "", "", "", ""],
    [...(likert ? [s.item, s.response] : [s.item]), ...groups.flatMap(() => [s.N, "%"]), "X²", "df", "p", s.pHolm]
  ]
  const body: Array<Row | "rule"> = []
  t.items.forEach((item, k) => {
    if (k > 0 && likert) body.push("rule")
    item.rows.forEach((row, j) => {
      const cells = [
        ...row.counts.flatMap((c, l) => [formatCount(c), pct(row.percents[l], d)]),
        formatCount(row.total.count),
        pct(row.total.percent, d)
      ]
      const first = j === 0
      body.push([
        first ? short(label(item.label, lang)) : "",
        ...(likert ? [responseText(t, row.response, lang)] : []),
        ...cells,
        ...(first ? testCells(item, lang) : ["", "", "", ""])
      ])
    })
  })
  body.push("rule")
  body.push([
    s.base,
    ...(likert ? [""] : []),
    ...t.bases.flatMap((b) => [formatCount(b), ""]),
    formatCount(t.totalBase),
    "",
    "",
    "",
    "",
    ""
  ])
  return renderTable(
    { title: `${index + 1}. ${label(t.title, lang)} [${t.id}]`, align, header, body, footnotes: summary(t, lang) },
    { color: options.color === true }
  )
}

const auditLines = (r: ReplicateResult, lang: Lang): Array<string> => {
  const s = S[lang]
  const findings: Array<AuditFinding> = r.tables.flatMap((t) => t.audit)
  return [
    `${s.audit}:`,
    findings.length === 0 ? s.auditOk(r.audit.checked) : s.auditBad(findings.length, r.audit.checked),
    ...findings.map((f) => `- ${f.message}`)
  ]
}

const overall = (r: ReplicateResult, lang: Lang) => {
  const holm = r.tables.reduce((n, t) => n + t.significant.holm, 0)
  const total = r.tables.reduce((n, t) => n + t.significant.tested, 0)
  return S[lang].overall(holm, total, r.tables.length)
}

/**
 * Each table as published (N and % by level, Sum) beside the per-item tests, then the percent audit.
 *
 * @example
 * renderReplicateText(replicate(published, { codebook }), { lang: "en" })
 */
export const renderReplicateText = (r: ReplicateResult, options: ReplicateRenderOptions): string =>
  [
    ...r.tables.map((t, i) => tableText(r, t, i, options)),
    overall(r, options.lang),
    auditLines(r, options.lang).join("\n")
  ].join("\n\n") + "\n"

/**
 * GitHub Markdown: one table per published table, full item labels, then the summary and the audit.
 *
 * @example
 * renderReplicateMarkdown(result, { lang: "vi" })
 */
export const renderReplicateMarkdown = (r: ReplicateResult, options: ReplicateRenderOptions): string => {
  const { lang } = options
  const s = S[lang]
  const parts = r.tables.map((t, index) => {
    const likert = t.kind === "likert"
    const d = decimalsOf(t)
    const groups = [...r.levels.map((l) => label(l.label, lang)), s.sum]
    const header = [
      s.item,
      ...(likert ? [s.response] : []),
      ...groups.flatMap((g) => [`${g} ${s.N}`, `${g} %`]),
      "X²",
      "df",
      "p",
      s.pHolm
    ]
    const align = header.map((_, i) => (i < (likert ? 2 : 1) ? ("left" as const) : ("right" as const)))
    const rows = t.items.flatMap((item) =>
      item.rows.map((row, j) => [
        j === 0 ? mdEscape(label(item.label, lang)) : "",
        ...(likert ? [mdEscape(responseText(t, row.response, lang))] : []),
        ...row.counts.flatMap((c, l) => [formatCount(c), pct(row.percents[l], d)]),
        formatCount(row.total.count),
        pct(row.total.percent, d),
        ...(j === 0 ? testCells(item, lang).map(mdEscape) : ["", "", "", ""])
      ])
    )
    rows.push([
      s.base,
      ...(likert ? [""] : []),
      ...t.bases.flatMap((b) => [formatCount(b), ""]),
      formatCount(t.totalBase),
      "",
      "",
      "",
      "",
      ""
    ])
    return [
      `### ${index + 1}. ${mdEscape(label(t.title, lang))}`,
      "",
      mdTable(header, align, rows),
      "",
      ...summary(t, lang).map((l) => mdEscape(l))
    ].join("\n")
  })
  return [...parts, mdEscape(overall(r, lang)), auditLines(r, lang).map(mdEscape).join("\n")].join("\n\n") + "\n"
}

/**
 * DESIGN.md's Replicate JSON: the result object itself; NaN becomes null.
 *
 * @example
 * JSON.parse(renderReplicateJson(result)).tables.length // 4
 */
export const renderReplicateJson = (r: ReplicateResult): string => toJson(r)
