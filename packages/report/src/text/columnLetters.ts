import type { CrosstabResult } from "@danvan/analysis"
import { formatPercent } from "./format.js"
import { label, type Lang } from "./i18n.js"
import type { TextTable } from "./table.js"

const S = {
  en: {
    title: (row: string, col: string) => `Comparisons of Column Proportions: ${row} * ${col}`,
    note: (alpha: string) =>
      `% within the column. A letter marks a column whose proportion is significantly smaller (p < ${alpha}, two-sided, Bonferroni-adjusted within each row); columns at 0% or 100% or with a base under 2 are not compared.`
  },
  vi: {
    title: (row: string, col: string) => `So sánh tỷ lệ theo cột: ${row} * ${col}`,
    note: (alpha: string) =>
      `% trong cột. Chữ cái chỉ cột có tỷ lệ nhỏ hơn có ý nghĩa (p < ${alpha}, hai phía, hiệu chỉnh Bonferroni trong từng hàng); cột 0% hoặc 100% hoặc cỡ mẫu dưới 2 không được so sánh.`
  }
} as const

/**
 * SPSS's column-proportion letters as a text table: column % with the letters of the columns each cell is
 * significantly larger than (undefined when the result has no `columnProportions`).
 *
 * @example
 * const table = columnLettersTable(result, "en")
 */
export const columnLettersTable = (r: CrosstabResult, lang: Lang): TextTable | undefined => {
  const cp = r.columnProportions
  if (cp === undefined) return undefined
  const s = S[lang]
  const rowName = label(r.row.label, lang) || r.row.name
  const colName = label(r.col.label, lang) || r.col.name
  return {
    title: s.title(rowName, colName),
    align: ["left", ...r.col.categories.map(() => "right" as const)],
    header: [[
      rowName,
      ...r.col.categories.map((c, j) => `${label(c.label, lang) || String(c.code)} (${cp.letters[j]})`)
    ]],
    body: r.row.categories.map((c, i) => [
      label(c.label, lang) || String(c.code),
      ...r.col.categories.map((_, j) =>
        `${formatPercent(r.percents.col[i][j])}${cp.largerThan[i][j] === "" ? "" : ` ${cp.largerThan[i][j]}`}`
      )
    ]),
    footnotes: [s.note(String(cp.alpha).replace(/^0/, ""))]
  }
}
