/** Output language of rendered tables. Labels in results and codebooks carry both. */
export type Lang = "vi" | "en"

export interface BilingualText {
  readonly vi: string
  readonly en: string
}

/**
 * The label in one language (NFC, so width counting by grapheme is exact).
 *
 * @example
 * label({ vi: "Cấp cán bộ", en: "Cadre level" }, "vi") // "Cấp cán bộ"
 */
export const label = (l: BilingualText, lang: Lang): string => l[lang].normalize("NFC")

/** Headings and fixed words of the rendered tables, following SPSS's English wording. */
const strings = {
  caseProcessingSummary: { en: "Case Processing Summary", vi: "Tóm tắt xử lý trường hợp" },
  cases: { en: "Cases", vi: "Trường hợp" },
  valid: { en: "Valid", vi: "Hợp lệ" },
  missing: { en: "Missing", vi: "Thiếu" },
  total: { en: "Total", vi: "Tổng" },
  n: { en: "N", vi: "N" },
  percent: { en: "Percent", vi: "Phần trăm" },
  crosstabulation: { en: "{row} * {col} Crosstabulation", vi: "Bảng chéo {row} * {col}" },
  count: { en: "Count", vi: "Số lượng" },
  within: { en: "% within {var}", vi: "% trong {var}" },
  ofTotal: { en: "% of Total", vi: "% trên tổng" },
  expectedCount: { en: "Expected Count", vi: "Tần số kỳ vọng" },
  adjustedResidual: { en: "Adjusted Residual", vi: "Phần dư hiệu chỉnh" },
  chiSquareTests: { en: "Chi-Square Tests", vi: "Kiểm định Chi bình phương" },
  value: { en: "Value", vi: "Giá trị" },
  df: { en: "df", vi: "df" },
  asympSig2: { en: "Asymp. Sig. (2-sided)", vi: "Mức ý nghĩa tiệm cận (2 phía)" },
  exactSig2: { en: "Exact Sig. (2-sided)", vi: "Mức ý nghĩa chính xác (2 phía)" },
  pearsonChiSquare: { en: "Pearson Chi-Square", vi: "Chi bình phương Pearson" },
  continuityCorrection: { en: "Continuity Correction", vi: "Hiệu chỉnh liên tục (Yates)" },
  likelihoodRatio: { en: "Likelihood Ratio", vi: "Tỷ số hợp lý" },
  fisherExactTest: { en: "Fisher's Exact Test", vi: "Kiểm định chính xác Fisher" },
  linearByLinear: { en: "Linear-by-Linear Association", vi: "Liên hệ tuyến tính theo tuyến tính" },
  nOfValidCases: { en: "N of Valid Cases", vi: "Số trường hợp hợp lệ" },
  fisherExactly: { en: "Fisher's exact test: exact.", vi: "Kiểm định Fisher: tính chính xác." },
  fisherMonteCarlo: {
    en: "Fisher's exact test: Monte Carlo, B = {B}, seed {seed}{se}.",
    vi: "Kiểm định Fisher: Monte Carlo, B = {B}, seed {seed}{se}."
  },
  standardErrorShort: { en: "SE", vi: "sai số chuẩn" },
  symmetricMeasures: { en: "Symmetric Measures", vi: "Đo lường đối xứng" },
  directionalMeasures: { en: "Directional Measures", vi: "Đo lường có hướng" },
  nominalByNominal: { en: "Nominal by Nominal", vi: "Định danh theo định danh" },
  ordinalByOrdinal: { en: "Ordinal by Ordinal", vi: "Thứ bậc theo thứ bậc" },
  phi: { en: "Phi", vi: "Phi" },
  cramersV: { en: "Cramér's V", vi: "Cramér's V" },
  contingencyCoefficient: { en: "Contingency Coefficient", vi: "Hệ số tương hợp" },
  kendallTauB: { en: "Kendall's tau-b", vi: "Kendall's tau-b" },
  kendallTauC: { en: "Kendall's tau-c", vi: "Kendall's tau-c" },
  gamma: { en: "Gamma", vi: "Gamma" },
  lambda: { en: "Lambda", vi: "Lambda" },
  uncertaintyCoefficient: { en: "Uncertainty Coefficient", vi: "Hệ số bất định" },
  lowExpectedItems: {
    en: "items {items} have an expected count below 5 in some group (smallest {min}): use the bootstrap test " +
      "(--method bootstrap)",
    vi: "các mục {items} có tần số kỳ vọng nhỏ hơn 5 ở một nhóm (nhỏ nhất {min}): kiểm định Chi bình phương và " +
      "Rao-Scott có thể không chính xác; hãy dùng bootstrap (--method bootstrap)"
  },
  itemTestSvychisq: {
    en: "items {items}: every group ticks them all or none, so their design-based test is the Rao-Scott F of the " +
      "item by the group (R survey's svychisq)",
    vi: "các mục {items}: mỗi nhóm đều chọn tất cả hoặc không ai chọn, nên kiểm định theo thiết kế mẫu của chúng là " +
      "F Rao-Scott của mục theo nhóm (svychisq của gói survey trong R)"
  },
  goodmanKruskalTau: { en: "Goodman and Kruskal tau", vi: "Tau của Goodman và Kruskal" },
  chiSquareApproximation: {
    en: "c. Based on chi-square approximation.",
    vi: "c. Dựa trên xấp xỉ Chi bình phương."
  },
  somersD: { en: "Somers' d", vi: "Somers' d" },
  symmetric: { en: "Symmetric", vi: "Đối xứng" },
  dependent: { en: "{var} Dependent", vi: "{var} phụ thuộc" },
  asympStdError: { en: "Asymp. Std. Error", vi: "Sai số chuẩn tiệm cận" },
  approxT: { en: "Approx. T", vi: "T xấp xỉ" },
  approxSig: { en: "Approx. Sig.", vi: "Mức ý nghĩa xấp xỉ" },
  weightedNote: {
    en: "Cases are weighted; counts are sums of weights.",
    vi: "Các trường hợp có trọng số; tần số là tổng trọng số."
  },
  missingByCode: { en: "Missing cases by code", vi: "Trường hợp thiếu theo mã" },
  system: { en: "System", vi: "Hệ thống" },
  notes: { en: "Notes", vi: "Ghi chú" },
  frequency: { en: "Frequency", vi: "Tần số" },
  validPercent: { en: "Valid Percent", vi: "Phần trăm hợp lệ" },
  cumulativePercent: { en: "Cumulative Percent", vi: "Phần trăm tích lũy" },
  statistics: { en: "Statistics", vi: "Thống kê" },
  status: { en: "Status", vi: "Trạng thái" },
  emptyCategory: {
    en: "Category {code} of {var} has no valid cases.",
    vi: "Nhóm {code} của biến {var} không có trường hợp hợp lệ nào."
  },
  unlabelledCode: {
    en: "Code {code} of {var} has no value label in the codebook.",
    vi: "Mã {code} của biến {var} không có nhãn giá trị trong sổ mã."
  },
  testNotComputed: { en: "{test} was not computed.", vi: "Không tính {test}." },
  weightedBy: {
    en: "Weighted by {var}, N = {n} (frequency weights, as SPSS WEIGHT BY: counts are sums of weights).",
    vi: "Có trọng số theo {var}, N = {n} (trọng số tần suất như WEIGHT BY của SPSS: tần số là tổng trọng số)."
  },
  weightExcluded: {
    en: "{parts} in {var} left out of the analysis (as SPSS and PSPP do).",
    vi: "{parts} của biến {var} bị loại khỏi phân tích (như SPSS và PSPP)."
  },
  weightBlank: { en: "{n} cases with a blank weight", vi: "{n} trường hợp có trọng số trống" },
  weightZero: { en: "{n} cases with a zero weight", vi: "{n} trường hợp có trọng số bằng 0" },
  weightNegative: { en: "{n} cases with a negative weight", vi: "{n} trường hợp có trọng số âm" },
  notComputed: { en: "not computed", vi: "không tính" },
  frequencyWeightsNote: {
    en:
      "Proportions, means and tests as SPSS computes them with frequency weights (as if each case were repeated); design-based tests are not available yet.",
    vi:
      "Tỷ lệ, trung bình và kiểm định tính như SPSS với trọng số tần suất (như thể mỗi trường hợp được lặp lại); chưa có kiểm định theo thiết kế mẫu."
  },
  fisherNotComputed: {
    en: "Fisher's exact test not computed: {reason}.",
    vi: "Không tính kiểm định chính xác Fisher: {reason}."
  },
  fisherFractional: {
    en: "it needs whole-number counts and the weighted table has fractional counts",
    vi: "kiểm định cần tần số nguyên, bảng có trọng số có tần số lẻ"
  },
  fisherTooLarge: {
    en: "the table has {n} cases, too many for the exact algorithm; the chi-square tests are accurate at this size",
    vi:
      "bảng có {n} trường hợp, quá lớn cho thuật toán chính xác; các kiểm định khi bình phương đủ chính xác ở cỡ mẫu này"
  },
  // codebook show
  codebook: { en: "Codebook", vi: "Sổ mã" },
  source: { en: "Source", vi: "Nguồn" },
  groupVariable: { en: "Group variable", vi: "Biến phân nhóm" },
  weightVariable: { en: "Weight variable", vi: "Biến trọng số" },
  variables: { en: "Variables", vi: "Biến" },
  name: { en: "Name", vi: "Tên" },
  label: { en: "Label", vi: "Nhãn" },
  kind: { en: "Kind", vi: "Loại" },
  measurement: { en: "Measurement", vi: "Thang đo" },
  code: { en: "Code", vi: "Mã" },
  score: { en: "Score", vi: "Điểm" },
  missingCodes: { en: "Missing codes", vi: "Mã thiếu" },
  none: { en: "none", vi: "không có" },
  question: { en: "Question", vi: "Câu hỏi" },
  multipleResponseSets: { en: "Multiple-response sets", vi: "Bộ câu hỏi nhiều lựa chọn" },
  indicatorSets: { en: "Indicator sets", vi: "Bộ chỉ báo" },
  countedValue: { en: "counted value", vi: "giá trị được đếm" },
  items: { en: "Items", vi: "Các mục" },
  kind_single: { en: "single choice", vi: "một lựa chọn" },
  "kind_multiple-response-item": { en: "multiple-response item", vi: "mục nhiều lựa chọn" },
  "kind_likert-item": { en: "Likert item", vi: "mục Likert" },
  kind_numeric: { en: "numeric", vi: "số" },
  "kind_multiple-response": { en: "multiple response", vi: "nhiều lựa chọn" },
  kind_likert: { en: "Likert", vi: "Likert" },
  measure_nominal: { en: "nominal", vi: "định danh" },
  measure_ordinal: { en: "ordinal", vi: "thứ bậc" },
  measure_scale: { en: "scale", vi: "khoảng/tỷ lệ" }
} as const satisfies Record<string, BilingualText>

export type StringKey = keyof typeof strings

/**
 * A fixed string in `lang`, with `{name}` placeholders filled from `vars`.
 *
 * @example
 * t("within", "en", { var: "Cadre level" }) // "% within Cadre level"
 */
export const t = (key: StringKey, lang: Lang, vars: Readonly<Record<string, string | number>> = {}): string =>
  fillTemplate(strings[key][lang], vars)

/**
 * `template` with its `{name}` placeholders filled from `vars` (unknown names are left as written).
 *
 * @example
 * fillTemplate("% within {var}", { var: "Cadre level" }) // "% within Cadre level"
 */
export const fillTemplate = (template: string, vars: Readonly<Record<string, string | number>>): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole))

/**
 * True when `key` names a fixed string (for kinds and measurement levels looked up by value).
 *
 * @example
 * hasString("measure_ordinal") // true
 */
export const hasString = (key: string): key is StringKey => key in strings
