import type { BannerResult } from "@danvan/analysis"
import type { SuppressedBannerResult } from "../suppressBanner.js"
import { toJson } from "./crosstab.js"
import { fixed, formatCount, formatPercent } from "./format.js"
import { label, type Lang } from "./i18n.js"
import { renderTable, type Row } from "./table.js"

export interface BannerRenderOptions {
  readonly lang: Lang
  readonly color?: boolean
}

const S = {
  en: {
    total: "Total",
    base: "Base (N)",
    count: "Count",
    colPct: "Column %",
    note: (alpha: string) =>
      `Letters: the cell's column % is significantly larger than that of the lettered column of the same banner variable (pooled z, p < ${alpha}, Bonferroni within each row; columns at 0% or 100% or with a base under 2 not compared); on a mean row the letters compare the means (t-test with the variance pooled over the banner variable's columns, Bonferroni over the pairs).`,
    set: (name: string) =>
      `${name}: a multiple-response set; % of its respondents (those who answered every item) who selected each item.`,
    weighted: (w: string, sum: string) => `Weighted by ${w} (sum of weights ${sum}).`,
    missing: (list: string) =>
      `Missing cases by code (left out of that variable's rows or columns; Total counts cases missing on a banner variable): ${list}.`,
    noMissing: "No missing cases.",
    blank: "blank",
    suppressed: (k: number, n: number) =>
      `Disclosure control: counts below ${k} are hidden ([c]) with their percentages, and further cells so that no hidden count can be worked out from the totals (no letters where a banner variable has a hidden cell); ${n} cells hidden.`
  },
  vi: {
    total: "Tổng",
    base: "Cơ sở (N)",
    count: "Số lượng",
    colPct: "% theo cột",
    note: (alpha: string) =>
      `Chữ cái: % theo cột của ô lớn hơn có ý nghĩa so với cột mang chữ đó trong cùng biến tiêu đề (z gộp, p < ${alpha}, Bonferroni trong từng hàng; cột 0% hoặc 100% hoặc cỡ mẫu dưới 2 không so sánh); ở hàng trung bình là trung bình lớn hơn (kiểm định t với phương sai gộp các cột của biến tiêu đề, Bonferroni theo cặp).`,
    set: (name: string) => `${name}: bộ câu hỏi nhiều lựa chọn; % số người trả lời (trả lời mọi mục) đã chọn từng mục.`,
    weighted: (w: string, sum: string) => `Có trọng số theo ${w} (tổng trọng số ${sum}).`,
    missing: (list: string) =>
      `Trường hợp thiếu theo mã (bị loại khỏi các hàng hoặc cột của biến đó; cột Tổng vẫn tính trường hợp thiếu ở biến tiêu đề): ${list}.`,
    noMissing: "Không có trường hợp thiếu.",
    blank: "để trống",
    suppressed: (k: number, n: number) =>
      `Kiểm soát tiết lộ thông tin: số lượng dưới ${k} bị ẩn ([c]) cùng phần trăm của chúng, và thêm các ô khác để không thể tính ra số bị ẩn từ các tổng (không có chữ cái khi biến tiêu đề có ô bị ẩn); ${n} ô bị ẩn.`
  }
} as const

const named = (l: { vi: string; en: string }, name: string, lang: Lang) => {
  const text = label(l, lang)
  return text === "" ? name : text
}

const HIDDEN = "[c]"
const withLetters = (value: string, letters: string) => `${value}${letters === "" ? "" : ` ${letters}`}`

/**
 * Plain text of a banner table: one block per stub variable, columns Total then each banner variable's categories
 * with their letters; per category a count row and a column-% row with the letters, then nets and the mean score.
 * A result of `suppressBanner` shows its hidden cells as `[c]` and says so in the notes.
 *
 * @example
 * renderBannerText(result, { lang: "en" })
 */
export const renderBannerText = (r: BannerResult | SuppressedBannerResult, options: BannerRenderOptions): string => {
  const { lang } = options
  const s = S[lang]
  const cols = r.banner.flatMap((b) => b.categories.map((c) => `${named(c.label, String(c.code), lang)} (${c.letter})`))
  const groupHead = r.banner.flatMap((b) => b.categories.map((_, j) => (j === 0 ? named(b.label, b.name, lang) : "")))
  const align = ["left" as const, "left" as const, ...Array.from({ length: cols.length + 1 }, () => "right" as const)]
  const blocks = r.stub.map((st) => {
    const body: Array<Row | "rule"> = [["", s.base, ...st.base.map((b) => formatCount(b))], "rule"]
    for (const row of st.rows) {
      const head = row.kind === "net"
        ? `${label(row.label, lang)} (net)`
        : named(row.label, String(row.code ?? ""), lang)
      if (row.kind === "mean") {
        body.push([
          head,
          "",
          ...row.cells.map((c) => c.mean === null ? HIDDEN : withLetters(fixed(c.mean, 2), c.letters))
        ])
        continue
      }
      body.push([head, s.count, ...row.cells.map((c) => c.count === null ? HIDDEN : formatCount(c.count))])
      body.push([
        "",
        s.colPct,
        ...row.cells.map((c) => c.percent === null ? HIDDEN : withLetters(formatPercent(c.percent), c.letters))
      ])
    }
    return renderTable(
      {
        title: named(st.label, st.name, lang),
        align,
        header: [["", "", "", ...groupHead], ["", "", s.total, ...cols]],
        body,
        footnotes: []
      },
      { color: options.color === true }
    )
  })
  const notes = [
    s.note(String(r.alpha).replace(/^0/, "")),
    ...r.stub.filter((st) => st.kind === "multiple-response").map((st) => s.set(named(st.label, st.name, lang))),
    ...(r.weight !== undefined ? [s.weighted(r.weight.variable, fixed(r.weight.sum, 2))] : []),
    r.missingByCode.length === 0
      ? s.noMissing
      : s.missing(
        r.missingByCode.map((m) => `${m.variable} = ${m.code === "system" ? s.blank : m.code}: ${formatCount(m.count)}`)
          .join("; ")
      ),
    ...("suppression" in r ? [s.suppressed(r.suppression.k, r.suppression.hidden)] : [])
  ]
  return blocks.join("\n\n") + "\n" + notes.join("\n") + "\n"
}

/**
 * The banner result (or a `suppressBanner` result) as JSON; NaN becomes null.
 *
 * @example
 * JSON.parse(renderBannerJson(result)).stub[0].rows[0].cells[1].letters
 */
export const renderBannerJson = (r: BannerResult | SuppressedBannerResult): string => toJson(r)
