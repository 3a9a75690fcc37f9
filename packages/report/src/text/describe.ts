import type { DescribeResult } from "@danvan/analysis"
import { type RenderOptions, toJson } from "./crosstab.js"
import { csvDocument, type CsvRow } from "./csv.js"
import { designFootnotes } from "./design.js"
import { fixed, formatCount, rawNumber } from "./format.js"
import { label, type Lang } from "./i18n.js"
import { mdEscape, mdTable } from "./markdown.js"
import { renderTable, type TextTable } from "./table.js"

const words = {
  title: { en: "Descriptive Statistics", vi: "Thống kê mô tả" },
  n: { en: "N", vi: "N" },
  valid: { en: "Valid", vi: "Hợp lệ" },
  missing: { en: "Missing", vi: "Thiếu" },
  mean: { en: "Mean", vi: "Trung bình" },
  se: { en: "Std. Error of Mean", vi: "Sai số chuẩn của trung bình" },
  median: { en: "Median", vi: "Trung vị" },
  sd: { en: "Std. Deviation", vi: "Độ lệch chuẩn" },
  skewness: { en: "Skewness", vi: "Độ lệch (skewness)" },
  skewnessSe: { en: "Std. Error of Skewness", vi: "Sai số chuẩn của độ lệch" },
  kurtosis: { en: "Kurtosis", vi: "Độ nhọn (kurtosis)" },
  kurtosisSe: { en: "Std. Error of Kurtosis", vi: "Sai số chuẩn của độ nhọn" },
  min: { en: "Minimum", vi: "Nhỏ nhất" },
  max: { en: "Maximum", vi: "Lớn nhất" },
  percentiles: { en: "Percentiles", vi: "Phân vị" },
  method: {
    en:
      "Percentiles by SPSS's default HAVERAGE method (R's quantile type 6); skewness and kurtosis are SPSS's G1 and G2.",
    vi:
      "Phân vị theo phương pháp HAVERAGE mặc định của SPSS (quantile type 6 của R); độ lệch và độ nhọn là G1, G2 của SPSS."
  },
  weighted: {
    en: "Weighted by {w}, N = {n} (sum of weights); the statistics use frequency weights.",
    vi: "Có trọng số theo {w}, N = {n} (tổng trọng số); thống kê dùng trọng số tần suất."
  }
} as const

const w = (key: keyof typeof words, lang: Lang) => words[key][lang]

const title = (r: DescribeResult, lang: Lang): string => {
  const text = label(r.variable.label, lang)
  return text === r.variable.name ? text : `${text} (${r.variable.name})`
}

/** The statistics in SPSS's FREQUENCIES /STATISTICS order: [group, name, value of a result, decimals]. */
const ROWS: ReadonlyArray<
  readonly [string, keyof typeof words | "p25" | "p50" | "p75", (r: DescribeResult) => number, number]
> = [
  ["n", "valid", (r) => r.n.valid, -1],
  ["", "missing", (r) => r.n.missing, -1],
  ["mean", "mean", (r) => r.mean, 4],
  ["se", "se", (r) => r.se, 4],
  ["median", "median", (r) => r.median, 4],
  ["sd", "sd", (r) => r.sd, 4],
  ["skewness", "skewness", (r) => r.skewness.value, 3],
  ["skewnessSe", "skewnessSe", (r) => r.skewness.se, 3],
  ["kurtosis", "kurtosis", (r) => r.kurtosis.value, 3],
  ["kurtosisSe", "kurtosisSe", (r) => r.kurtosis.se, 3],
  ["min", "min", (r) => r.min, 4],
  ["max", "max", (r) => r.max, 4],
  ["percentiles", "p25", (r) => r.quartiles.q1, 4],
  ["", "p50", (r) => r.median, 4],
  ["", "p75", (r) => r.quartiles.q3, 4]
]

const rowName = (group: string, name: string, lang: Lang): [string, string] => {
  if (name === "p25" || name === "p50" || name === "p75") {
    return [group === "" ? "" : w("percentiles", lang), name.slice(1)]
  }
  if (name === "valid" || name === "missing") return [group === "" ? "" : w("n", lang), w(name, lang)]
  return [w(name as keyof typeof words, lang), ""]
}

const value = (x: number, decimals: number) => (decimals < 0 ? formatCount(x) : fixed(x, decimals))

const notes = (results: ReadonlyArray<DescribeResult>, lang: Lang): Array<string> => [
  ...[
    ...new Set(results.flatMap((r) => (r.weight !== undefined && r.design?.mode !== "sampling"
      ? [w("weighted", lang).replace("{w}", r.weight.variable).replace("{n}", formatCount(r.weight.sum))]
      : [])
    ))
  ],
  ...[...new Set(results.flatMap((r) => designFootnotes(r.design, [[r.variable.name, r.designMean]], [], lang)))],
  ...results.flatMap((r) => (r.note !== undefined ? [`${r.variable.name}: ${r.note}`] : [])),
  w("method", lang)
]

const grid = (results: ReadonlyArray<DescribeResult>, lang: Lang): Array<Array<string>> =>
  ROWS.map((
    [group, name, get, decimals]
  ) => [...rowName(group, name, lang), ...results.map((r) => value(get(r), decimals))])

/**
 * SPSS-style "Statistics" table of numeric variables as plain text: one column per variable; N valid and
 * missing, mean, SE, median, SD, skewness and kurtosis with SEs, minimum, maximum, quartiles.
 *
 * @example
 * renderDescribeText([Either.getOrThrow(describeVariable(dataset, undefined, "age"))], { lang: "en" })
 */
export const renderDescribeText = (results: ReadonlyArray<DescribeResult>, options: RenderOptions): string => {
  const { lang } = options
  const table: TextTable = {
    title: w("title", lang),
    align: ["left", "left", ...results.map(() => "right" as const)],
    header: [["", "", ...results.map((r) => title(r, lang))]],
    body: grid(results, lang),
    footnotes: notes(results, lang)
  }
  return renderTable(table, { color: options.color === true }) + "\n"
}

/**
 * The same table in GitHub Markdown, notes as a list.
 *
 * @example
 * renderDescribeMarkdown([result], { lang: "vi" })
 */
export const renderDescribeMarkdown = (results: ReadonlyArray<DescribeResult>, options: RenderOptions): string => {
  const { lang } = options
  const table = mdTable(
    ["", "", ...results.map((r) => mdEscape(title(r, lang)))],
    ["left", "left", ...results.map(() => "right" as const)],
    grid(results, lang).map((row) => row.map(mdEscape))
  )
  return [`### ${w("title", lang)}`, "", table, "", ...notes(results, lang).map((n) => `- ${mdEscape(n)}`)].join("\n") +
    "\n"
}

/**
 * CSV: one row per variable with full-precision numbers (UTF-8 BOM, CRLF).
 *
 * @example
 * renderDescribeCsv([result], { lang: "en" })
 */
export const renderDescribeCsv = (results: ReadonlyArray<DescribeResult>, options: RenderOptions): string => {
  const { lang } = options
  const header = [
    "variable",
    "label",
    "weight",
    "n",
    "missing",
    "mean",
    "sd",
    "se",
    "median",
    "q1",
    "q3",
    "min",
    "max",
    "skewness",
    "skewnessSe",
    "kurtosis",
    "kurtosisSe"
  ]
  const rows: Array<CsvRow> = [header]
  for (const r of results) {
    rows.push([
      r.variable.name,
      label(r.variable.label, lang),
      r.weight?.variable ?? "",
      ...[
        r.n.valid,
        r.n.missing,
        r.mean,
        r.sd,
        r.se,
        r.median,
        r.quartiles.q1,
        r.quartiles.q3,
        r.min,
        r.max,
        r.skewness.value,
        r.skewness.se,
        r.kurtosis.value,
        r.kurtosis.se
      ].map(rawNumber)
    ])
  }
  return csvDocument(rows)
}

/**
 * JSON: an array of DescribeResult objects, one per variable (NaN as null).
 *
 * @example
 * JSON.parse(renderDescribeJson([result]))[0].mean
 */
export const renderDescribeJson = (results: ReadonlyArray<DescribeResult>): string => toJson(results)
