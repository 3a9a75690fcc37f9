import type { DescribeResult } from "@danvan/analysis"
import type { Block, Cell, ReportTable } from "../document.js"
import { label, type Lang } from "../i18n.js"
import { designFootnotes } from "../text/design.js"
import { type BuildContext, h, num, text } from "./common.js"

const WORDS = {
  statistic: { en: "Statistic", vi: "Thống kê" },
  valid: { en: "N valid", vi: "N hợp lệ" },
  missing: { en: "N missing", vi: "N thiếu" },
  mean: { en: "Mean", vi: "Trung bình" },
  se: { en: "Std. error of mean", vi: "Sai số chuẩn của trung bình" },
  sd: { en: "Std. deviation", vi: "Độ lệch chuẩn" },
  median: { en: "Median", vi: "Trung vị" },
  q1: { en: "25th percentile", vi: "Phân vị 25" },
  q3: { en: "75th percentile", vi: "Phân vị 75" },
  min: { en: "Minimum", vi: "Nhỏ nhất" },
  max: { en: "Maximum", vi: "Lớn nhất" },
  skewness: { en: "Skewness", vi: "Độ lệch (skewness)" },
  skewnessSe: { en: "Std. error of skewness", vi: "Sai số chuẩn của độ lệch" },
  kurtosis: { en: "Kurtosis", vi: "Độ nhọn (kurtosis)" },
  kurtosisSe: { en: "Std. error of kurtosis", vi: "Sai số chuẩn của độ nhọn" },
  method: {
    en: "Percentiles by SPSS's HAVERAGE method (R's quantile type 6); skewness and kurtosis are SPSS's G1 and G2.",
    vi: "Phân vị theo phương pháp HAVERAGE của SPSS (quantile type 6 của R); độ lệch và độ nhọn là G1, G2 của SPSS."
  },
  weighted: {
    en: "Weighted by {w}: statistics use frequency weights.",
    vi: "Có trọng số theo {w}: thống kê dùng trọng số tần suất."
  },
  extremes: {
    en:
      "Minimum and maximum are left out under disclosure control (each is one respondent's value); statistics of fewer than {k} cases are hidden.",
    vi:
      "Không trình bày giá trị nhỏ nhất, lớn nhất khi kiểm soát tiết lộ thông tin (mỗi giá trị là của một người); thống kê của dưới {k} trường hợp bị ẩn."
  },
  histogram: { en: "Histogram: {v}", vi: "Biểu đồ tần số: {v}" }
} as const

const w = (key: keyof typeof WORDS, lang: Lang) => WORDS[key][lang]

/**
 * Numeric variables as one report table (a row per statistic, a column per variable, as SPSS's Statistics
 * table) and, when `chart`, a histogram per variable. Under disclosure control minimum and maximum are left
 * out and a variable with fewer valid cases than K shows only its N.
 *
 * @example
 * describeBlocks(results, "describe", true, ctx)
 */
export const describeBlocks = (
  results: ReadonlyArray<DescribeResult>,
  id: string,
  chart: boolean,
  ctx: BuildContext
): Array<Block> => {
  const { lang } = ctx
  const k = ctx.suppressBelow
  const hide = (r: DescribeResult) => k !== undefined && r.n.valid < k
  const stat = (get: (r: DescribeResult) => number, format: Cell["format"]) => (r: DescribeResult) =>
    num(get(r), format, hide(r))
  const rows: ReadonlyArray<readonly [keyof typeof WORDS, (r: DescribeResult) => Cell]> = [
    ["valid", (r) => num(r.n.valid, "count")],
    ["missing", (r) => num(r.n.missing, "count")],
    ["mean", stat((r) => r.mean, "mean")],
    ["se", stat((r) => r.se, "mean")],
    ["sd", stat((r) => r.sd, "mean")],
    ["median", stat((r) => r.median, "mean")],
    ["q1", stat((r) => r.quartiles.q1, "mean")],
    ["q3", stat((r) => r.quartiles.q3, "mean")],
    ...(k === undefined ? ([["min", stat((r) => r.min, "mean")], ["max", stat((r) => r.max, "mean")]] as const) : []),
    ["skewness", stat((r) => r.skewness.value, "stat")],
    ["skewnessSe", stat((r) => r.skewness.se, "stat")],
    ["kurtosis", stat((r) => r.kurtosis.value, "stat")],
    ["kurtosisSe", stat((r) => r.kurtosis.se, "stat")]
  ]
  const weights = [
    ...new Set(
      results.flatMap((r) => (r.weight !== undefined && r.design?.mode !== "sampling" ? [r.weight.variable] : []))
    )
  ]
  // A sampling design: the design statement and each variable's design-based mean, SE, CI and deff.
  const sampled = [
    ...new Set(
      results.flatMap((r) =>
        designFootnotes(r.design, [[label(r.variable.label, lang), r.designMean]], [], lang, ctx.decimal)
      )
    )
  ]
  const table: ReportTable = {
    id,
    title: label({ vi: "Thống kê mô tả", en: "Descriptive statistics" }, lang),
    header: [[h(w("statistic", lang)), ...results.map((r) => h(label(r.variable.label, lang)))]],
    rows: rows.map(([key, cell]) => ({ cells: [text(w(key, lang)), ...results.map(cell)] })),
    notes: [
      ...weights.map((v) => w("weighted", lang).replace("{w}", v)),
      ...sampled,
      ...results.flatMap((r) => (r.note !== undefined ? [`${label(r.variable.label, lang)}: ${r.note}`] : [])),
      w("method", lang),
      ...(k !== undefined ? [w("extremes", lang).replace("{k}", String(k))] : [])
    ]
  }
  const charts: Array<Block> = !chart
    ? []
    : results
      .filter((r) =>
        r.histogram.length > 0 && !hide(r) &&
        (k === undefined || r.histogram.every((b) => b.count === 0 || b.count >= k))
      )
      .map((r): Block => ({
        kind: "chart",
        id: `${id}-${r.variable.name}-histogram`,
        chart: {
          type: "histogram",
          data: {
            title: {
              vi: WORDS.histogram.vi.replace("{v}", r.variable.label.vi),
              en: WORDS.histogram.en.replace("{v}", r.variable.label.en)
            },
            variable: r.variable.label,
            bins: r.histogram.map((b) => ({ from: b.from, to: b.to, count: b.count }))
          }
        }
      }))
  return [{ kind: "table", table }, ...charts]
}
