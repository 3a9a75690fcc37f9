import { type BilingualText, fillTemplate, type Lang } from "./text/i18n.js"

// Language, labels and placeholder filling are shared with the terminal renderers (`@danvan/report/text`).
export { label, type Lang } from "./text/i18n.js"

/** A text in both languages. */
export type Bilingual = BilingualText

/** Every fixed word, heading and note of a report, in both languages. `{name}` is filled by `t`. */
const strings = {
  generatedBy: { en: "Produced by danvan {version}.", vi: "Được tạo bởi danvan {version}." },
  sourceData: {
    en: "Data: {file}, {n} respondents; codebook {codebook}; plan {plan}.",
    vi: "Dữ liệu: {file}, {n} người trả lời; sổ mã {codebook}; kế hoạch phân tích {plan}."
  },
  sourcePublished: {
    en: "Re-analysis of the published tables ({source}); no respondent data.",
    vi: "Phân tích lại các bảng đã công bố ({source}); không có dữ liệu từng người trả lời."
  },
  contents: { en: "Contents", vi: "Mục lục" },
  notes: { en: "Notes", vi: "Ghi chú" },
  tests: { en: "Tests", vi: "Kiểm định" },
  category: { en: "Category", vi: "Phân loại" },
  frequency: { en: "Frequency", vi: "Tần số" },
  percent: { en: "Percent", vi: "Phần trăm" },
  validPercent: { en: "Valid Percent", vi: "Phần trăm hợp lệ" },
  cumulativePercent: { en: "Cumulative Percent", vi: "Phần trăm tích lũy" },
  valid: { en: "Valid", vi: "Hợp lệ" },
  missing: { en: "Missing", vi: "Thiếu" },
  total: { en: "Total", vi: "Tổng" },
  count: { en: "Count", vi: "Số lượng" },
  n: { en: "n", vi: "n" },
  pctCases: { en: "% of cases", vi: "% số người" },
  within: { en: "% within {var}", vi: "% trong {var}" },
  item: { en: "Item", vi: "Nội dung" },
  group: { en: "Group", vi: "Nhóm" },
  base: { en: "Respondents (base)", vi: "Số người trả lời (cơ số)" },
  chiSquare: { en: "χ²", vi: "χ²" },
  df: { en: "df", vi: "df" },
  p: { en: "p", vi: "p" },
  pHolm: { en: "p (Holm)", vi: "p (Holm)" },
  cramersV: { en: "Cramér's V", vi: "V Cramér" },
  mean: { en: "Mean", vi: "Trung bình" },
  sd: { en: "SD", vi: "Độ lệch chuẩn" },
  rank: { en: "Rank", vi: "Thứ hạng" },
  kruskalWallis: { en: "Kruskal-Wallis H", vi: "Kruskal-Wallis H" },
  published: { en: "Published significance", vi: "Mức ý nghĩa đã công bố" },
  estimate: { en: "Estimate", vi: "Ước lượng" },
  lower: { en: "Lower", vi: "Cận dưới" },
  upper: { en: "Upper", vi: "Cận trên" },
  method: { en: "Method", vi: "Phương pháp" },
  wilson: { en: "Wilson score", vi: "Wilson" },
  clopperPearson: { en: "Clopper-Pearson (exact)", vi: "Clopper-Pearson (chính xác)" },
  ci: { en: "{level}% confidence interval", vi: "Khoảng tin cậy {level}%" },
  notInData: {
    en: "Not in the data file, so not profiled: {names}.",
    vi: "Không có trong tệp dữ liệu nên không mô tả: {names}."
  },
  mrNote: {
    en:
      "Multiple response: % of cases (base = respondents in the group); percentages add up to more than 100. Per item: Pearson χ² of selected vs not selected by group (no continuity correction); Holm's adjustment across the items.",
    vi:
      "Câu hỏi nhiều lựa chọn: % trên số người trả lời của nhóm (cơ số); tổng phần trăm có thể vượt 100. Mỗi nội dung: χ² Pearson của có chọn/không chọn theo nhóm (không hiệu chỉnh liên tục); hiệu chỉnh Holm giữa các nội dung."
  },
  likertNote: {
    en:
      "Row percentages of each item within each group. Mean score: {scores}. Per item: Pearson χ² of group by response (no continuity correction) with Cramér's V, and Kruskal-Wallis H of the scores across groups (ties corrected).",
    vi:
      "Phần trăm theo hàng của từng nội dung trong mỗi nhóm. Điểm trung bình: {scores}. Mỗi nội dung: χ² Pearson của nhóm theo câu trả lời (không hiệu chỉnh liên tục) kèm V Cramér, và Kruskal-Wallis H của điểm giữa các nhóm (có hiệu chỉnh hạng trùng)."
  },
  publishedNote: {
    en:
      "As published: n and % by level. Tests re-computed from the published counts: Pearson χ² by level (no continuity correction), exact p, Holm's adjustment across the table's items. The publication reported “{reported}”.",
    vi:
      "Như đã công bố: n và % theo cấp. Kiểm định tính lại từ số liệu công bố: χ² Pearson theo cấp (không hiệu chỉnh liên tục), p chính xác, hiệu chỉnh Holm giữa các nội dung của bảng. Bài báo ghi “{reported}”."
  },
  holmSummary: {
    en:
      "{holm} of {tested} items differ by group at α = .05 after Holm's adjustment ({unadjusted} without adjustment).",
    vi:
      "{holm} trên {tested} nội dung khác biệt theo nhóm ở mức α = .05 sau hiệu chỉnh Holm ({unadjusted} nếu không hiệu chỉnh)."
  },
  pFormat: {
    en: "p-values in APA style: exact to three decimals, “{lt}” below {min} (never {zero}).",
    vi:
      "Giá trị p theo chuẩn APA: chính xác đến ba chữ số thập phân, ghi “{lt}” khi nhỏ hơn {min} (không bao giờ ghi {zero})."
  },
  weightedBy: {
    en:
      "Weighted by {var}, N = {n} (frequency weights, as SPSS WEIGHT BY: counts are sums of weights, and the tests are those of the replicated cases, not design-based).",
    vi:
      "Có trọng số theo {var}, N = {n} (trọng số tần suất như WEIGHT BY của SPSS: tần số là tổng trọng số, kiểm định tính như với các trường hợp được nhân bản, không theo thiết kế mẫu)."
  },
  decimalComma: { en: "Decimal separator: comma.", vi: "Dấu thập phân: dấu phẩy." },
  decimalPoint: { en: "Decimal separator: point.", vi: "Dấu thập phân: dấu chấm." },
  suppressionRule: {
    en:
      "Disclosure control: counts below {k} are hidden ([c]) together with their percentages (primary suppression); further cells are hidden (secondary suppression) so that no hidden count can be worked out from the row, column or table totals. {cells} cells hidden in all.",
    vi:
      "Kiểm soát tiết lộ thông tin: các ô có tần số nhỏ hơn {k} bị ẩn ([c]) cùng với phần trăm của chúng (ẩn sơ cấp); một số ô khác cũng bị ẩn (ẩn thứ cấp) để không thể suy ra ô bị ẩn từ tổng hàng, tổng cột hay tổng bảng. Tổng cộng {cells} ô bị ẩn."
  },
  suppressedMark: { en: "[c] hidden by disclosure control.", vi: "[c] bị ẩn do kiểm soát tiết lộ thông tin." },
  cumulativeDropped: {
    en: "Cumulative percent is left out because cells are hidden.",
    vi: "Không trình bày phần trăm tích lũy vì có ô bị ẩn."
  },
  chartLeftOut: {
    en: "Items with hidden cells are left out of the chart: {items}.",
    vi: "Các nội dung có ô bị ẩn không được vẽ trong biểu đồ: {items}."
  },
  chartMr: { en: "% of cases by {group}", vi: "% số người theo {group}" },
  chartLikert: { en: "Responses by item (%)", vi: "Câu trả lời theo nội dung (%)" },
  overallTest: { en: "Overall test of multiple marginal independence", vi: "Kiểm định tổng thể độc lập biên bội" }
} as const satisfies Record<string, Bilingual>

export type StringKey = keyof typeof strings

/**
 * A fixed string in `lang`, with `{name}` placeholders filled from `vars`.
 *
 * @example
 * t("within", "en", { var: "Cadre level" }) // "% within Cadre level"
 */
export const t = (key: StringKey, lang: Lang, vars: Readonly<Record<string, string | number>> = {}): string =>
  fillTemplate(strings[key][lang], vars).normalize("NFC")
