/**
 * Every string the page shows, in Vietnamese (the default) and English, and number formats by language
 * (decimal comma and dot thousands in vi). Placeholders are `{name}`.
 */
import { defaultDecimal, fixed, formatP } from "@danvan/report/sentences"
import { enDesign, viDesign } from "./i18nDesign.js"
import { enMore, viMore } from "./i18nMore.js"

export type Lang = "vi" | "en"

const vi = {
  appTitle: "danvan: phân tích khảo sát cán bộ",
  skip: "Bỏ qua đến nội dung chính",
  language: "Ngôn ngữ",
  switchTo: "English",
  signedInAs: "Đăng nhập: {tenant}",
  localUser: "Chế độ máy cá nhân",
  signOut: "Đăng xuất",
  sessionRenewed:
    "Phiên làm việc đã được mở lại (phiên cũ đã kết thúc: đăng xuất ở nơi khác hoặc 12 giờ không dùng). Hãy thực hiện lại thao tác vừa rồi.",
  signInTitle: "Đăng nhập",
  signInHelp: "Máy chủ này dùng chung: nhập khóa API do quản trị viên cấp (lệnh danvan api-key create).",
  apiKey: "Khóa API",
  signIn: "Đăng nhập",
  signingIn: "Đang đăng nhập…",
  loading: "Đang tải…",
  datasets: "Bộ dữ liệu",
  uploadTitle: "Tải dữ liệu lên",
  uploadHelp: "Chọn hoặc kéo thả tệp .csv, .sav hoặc .xlsx vào đây.",
  chooseFile: "Chọn tệp…",
  codebook: "Sổ mã (codebook)",
  noCodebook: "Không dùng sổ mã",
  uploading: "Đang tải lên {name}: {percent}",
  uploaded: "Đã tải lên {name}: {rows} dòng.",
  noDatasets: "Chưa có bộ dữ liệu nào. Hãy tải một tệp lên.",
  name: "Tên",
  rows: "Số dòng",
  date: "Ngày tải",
  actions: "Thao tác",
  open: "Phân tích",
  delete: "Xóa",
  confirmDelete: "Xóa bộ dữ liệu “{name}”? Không thể hoàn tác.",
  confirmYes: "Xóa hẳn",
  cancel: "Hủy",
  deleted: "Đã xóa {name}.",
  analysis: "Phân tích: {name}",
  back: "← Danh sách bộ dữ liệu",
  kind: "Loại phân tích",
  crosstab: "Bảng chéo",
  mr: "Câu hỏi nhiều lựa chọn theo nhóm",
  likert: "Thang Likert theo nhóm",
  means: "Trung bình theo nhóm",
  describe: "Thống kê mô tả",
  set: "Bộ câu hỏi",
  groupVar: "Biến nhóm",
  numericVar: "Biến số",
  layerVar: "Biến lớp (kiểm soát)",
  noLayer: "Không phân lớp",
  weightVar: "Trọng số",
  weightDefault: "Theo sổ mã (mặc định)",
  noWeight: "Không dùng trọng số",
  chooseSet: "Hãy chọn một bộ câu hỏi và biến nhóm.",
  chooseNumeric: "Hãy chọn biến số và biến nhóm.",
  noSets: "Sổ mã của bộ dữ liệu này không có bộ câu hỏi loại này.",
  layerIs: "{layer} = {category}",
  allLayers: "Mọi nhóm của {layer}",
  noLayerTable: "Không lập được bảng: {reason}",
  cmhTitle: "Kiểm định qua các lớp",
  cmh: "Cochran-Mantel-Haenszel",
  cmhCorrected: "Mantel-Haenszel (hiệu chỉnh liên tục)",
  breslowDay: "Breslow-Day (hiệu chỉnh Tarone)",
  commonOr: "Tỷ số chênh chung Mantel-Haenszel",
  ci95: "KTC 95%",
  item: "Nội dung",
  percentCases: "% người trả lời",
  largerThan: "> cột",
  lettersNote:
    "Chữ cái cột: mỗi chữ chỉ một nhóm có tỷ lệ nhỏ hơn có ý nghĩa (kiểm định z, hiệu chỉnh Bonferroni trong từng nội dung, α = 0,05).",
  base: "Số người trả lời (cơ số)",
  meanScore: "Điểm TB",
  sd: "ĐLC",
  se: "SE",
  median: "Trung vị",
  n: "N",
  mean: "Trung bình",
  min: "Nhỏ nhất",
  max: "Lớn nhất",
  quartiles: "Q1–Q3",
  skewness: "Độ lệch",
  kurtosis: "Độ nhọn",
  anova: "ANOVA một yếu tố",
  welch: "ANOVA Welch",
  kruskalWallis: "Kruskal-Wallis",
  levene: "Levene",
  brownForsythe: "Brown-Forsythe",
  effectSizes: "η² = {eta}; ω² = {omega}",
  weightedBy: "Có trọng số theo {var}, N = {n}.",
  cronbach: "Cronbach α = {alpha} (n = {n}).",
  frequencies: "Tần suất",
  rowVar: "Biến hàng",
  colVar: "Biến cột",
  variable: "Biến",
  choose: "— chọn —",
  run: "Chạy",
  running: "Đang tính…",
  total: "Tổng",
  count: "Tần số",
  percent: "%",
  validPercent: "% hợp lệ",
  missing: "Thiếu",
  tests: "Kiểm định",
  test: "Kiểm định",
  statistic: "Giá trị",
  df: "Bậc tự do",
  pValue: "p",
  pearson: "Khi bình phương Pearson",
  likelihoodRatio: "Tỷ số hợp lý",
  linearByLinear: "Tuyến tính theo tuyến tính",
  apa: "Câu báo cáo (APA)",
  nValid: "N hợp lệ = {valid}; thiếu = {missing}",
  rowPercentNote: "Ô: tần số (phần trăm theo hàng).",
  command: "Lệnh danvan tương đương",
  copy: "Sao chép",
  copied: "Đã sao chép",
  chooseBoth: "Hãy chọn cả biến hàng và biến cột.",
  chooseDifferent: "Biến hàng và biến cột phải khác nhau.",
  chooseOne: "Hãy chọn một biến.",
  dropHere: "Thả tệp vào đây",
  errUnreadable: "Không đọc được tệp {name}: {detail} Hãy kiểm tra tệp (CSV UTF-8 có dòng tiêu đề, .sav hoặc .xlsx) " +
    "rồi tải lên lại.",
  errProblems: "Không đọc được tệp {name}: {count} lỗi, chưa lưu gì. Hãy sửa các chỗ dưới đây rồi tải lên lại.",
  problem: "Dòng {row}, cột “{column}”: giá trị “{value}”; cần: {expected}.",
  moreProblems: "… và {count} lỗi khác.",
  errType: "Tệp {name} không phải .csv, .sav hoặc .xlsx. Hãy chọn một tệp dữ liệu loại đó.",
  errTooLarge: "Tệp quá lớn cho máy chủ này: {detail}",
  errUnauthorized: "Phiên đăng nhập đã hết hoặc khóa API không đúng. Hãy đăng nhập lại.",
  errNotFound: "Không tìm thấy: {detail}. Có thể nó đã bị xóa; hãy tải lại danh sách.",
  errUnprocessable: "Máy chủ không thể thực hiện yêu cầu: {detail}",
  errBusy: "Máy chủ đang bận. Hãy thử lại sau ít giây.",
  errTimeout: "Phân tích chạy quá lâu và đã bị dừng. Hãy chọn bảng nhỏ hơn.",
  errNetwork: "Không kết nối được máy chủ. Hãy kiểm tra rằng danvan serve đang chạy rồi thử lại.",
  errServer: "Máy chủ gặp lỗi (mã {status}). Hãy thử lại; nếu vẫn lỗi, báo cho quản trị viên mã yêu cầu {requestId}.",
  errBadRequest: "Yêu cầu không hợp lệ: {detail}",
  warnings: "Lưu ý",
  variableView: "Danh sách biến (Variable View)",
  label: "Nhãn",
  measure: "Thang đo",
  values: "Giá trị và nhãn",
  valid: "Hợp lệ",
  missingCode: "giá trị khuyết",
  numeric: "số (trọng số)",
  nominal: "định danh",
  ordinal: "thứ bậc",
  scale: "khoảng/tỷ lệ",
  reportTitle: "Báo cáo",
  reportHelp:
    "Báo cáo đầy đủ theo kế hoạch phân tích {plan}: các bảng, kiểm định, câu APA và biểu đồ, bằng ngôn ngữ của trang.",
  reportFormat: "Định dạng",
  reportDownload: "Tải báo cáo",
  addToReport: "Thêm vào báo cáo",
  addedToReport: "Đã thêm vào báo cáo ({count} mục)",
  notInPlans: "Trung bình theo nhóm chưa thể đưa vào báo cáo (kế hoạch phân tích không có loại này)",
  weightMismatch: "Kết quả này dùng trọng số khác với các mục đã chọn; một báo cáo dùng một trọng số",
  builderTitle: "Báo cáo tự chọn",
  builderEmpty: "Chưa có kết quả nào. Chạy một phân tích rồi bấm “Thêm vào báo cáo”.",
  builderReportTitle: "Tiêu đề báo cáo",
  builderDefaultTitle: "Báo cáo: {name}",
  builderDownload: "Tải báo cáo tự chọn",
  builderPlan: "Tải plan.json",
  moveUp: "Chuyển lên: {title}",
  moveDown: "Chuyển xuống: {title}",
  removeItem: "Bỏ: {title}",
  footer: "danvan: mã nguồn mở. Mọi bước cũng chạy được bằng dòng lệnh.",
  ...viMore,
  ...viDesign
}

type Strings = typeof vi
export type Key = keyof Strings

const en: Strings = {
  appTitle: "danvan: cadre survey analysis",
  skip: "Skip to main content",
  language: "Language",
  switchTo: "Tiếng Việt",
  signedInAs: "Signed in: {tenant}",
  localUser: "Local mode (this computer)",
  signOut: "Sign out",
  sessionRenewed:
    "Your session was renewed (the old one had ended: signed out elsewhere, or 12 hours unused). Please repeat what you just did.",
  signInTitle: "Sign in",
  signInHelp: "This server is shared: enter the API key your administrator gave you (danvan api-key create).",
  apiKey: "API key",
  signIn: "Sign in",
  signingIn: "Signing in…",
  loading: "Loading…",
  datasets: "Datasets",
  uploadTitle: "Upload data",
  uploadHelp: "Choose or drop a .csv, .sav or .xlsx file here.",
  chooseFile: "Choose a file…",
  codebook: "Codebook",
  noCodebook: "No codebook",
  uploading: "Uploading {name}: {percent}",
  uploaded: "Uploaded {name}: {rows} rows.",
  noDatasets: "No datasets yet. Upload a file.",
  name: "Name",
  rows: "Rows",
  date: "Uploaded",
  actions: "Actions",
  open: "Analyse",
  delete: "Delete",
  confirmDelete: "Delete the dataset “{name}”? This cannot be undone.",
  confirmYes: "Delete it",
  cancel: "Cancel",
  deleted: "Deleted {name}.",
  analysis: "Analysis: {name}",
  back: "← Dataset list",
  kind: "Analysis",
  crosstab: "Crosstab",
  mr: "Multiple response by group",
  likert: "Likert set by group",
  means: "Means by group",
  describe: "Descriptive statistics",
  set: "Question set",
  groupVar: "Group variable",
  numericVar: "Numeric variable",
  layerVar: "Layer (control) variable",
  noLayer: "No layer",
  weightVar: "Weight",
  weightDefault: "As the codebook says (default)",
  noWeight: "Unweighted",
  chooseSet: "Choose a question set and a group variable.",
  chooseNumeric: "Choose a numeric variable and a group variable.",
  noSets: "This dataset's codebook has no set of this kind.",
  layerIs: "{layer} = {category}",
  allLayers: "All categories of {layer}",
  noLayerTable: "No table: {reason}",
  cmhTitle: "Tests across layers",
  cmh: "Cochran-Mantel-Haenszel",
  cmhCorrected: "Mantel-Haenszel (continuity corrected)",
  breslowDay: "Breslow-Day (Tarone's correction)",
  commonOr: "Mantel-Haenszel common odds ratio",
  ci95: "95% CI",
  item: "Item",
  percentCases: "% of cases",
  largerThan: "> col.",
  lettersNote:
    "Column letters: each letter marks a group whose proportion is significantly smaller (z-test, Bonferroni within the item, α = .05).",
  base: "Respondents (base)",
  meanScore: "Mean score",
  sd: "SD",
  se: "SE",
  median: "Median",
  n: "N",
  mean: "Mean",
  min: "Minimum",
  max: "Maximum",
  quartiles: "Q1–Q3",
  skewness: "Skewness",
  kurtosis: "Kurtosis",
  anova: "One-way ANOVA",
  welch: "Welch's ANOVA",
  kruskalWallis: "Kruskal-Wallis",
  levene: "Levene",
  brownForsythe: "Brown-Forsythe",
  effectSizes: "η² = {eta}; ω² = {omega}",
  weightedBy: "Weighted by {var}, N = {n}.",
  cronbach: "Cronbach's α = {alpha} (n = {n}).",
  frequencies: "Frequencies",
  rowVar: "Row variable",
  colVar: "Column variable",
  variable: "Variable",
  choose: "— choose —",
  run: "Run",
  running: "Computing…",
  total: "Total",
  count: "Count",
  percent: "%",
  validPercent: "Valid %",
  missing: "Missing",
  tests: "Tests",
  test: "Test",
  statistic: "Value",
  df: "df",
  pValue: "p",
  pearson: "Pearson chi-square",
  likelihoodRatio: "Likelihood ratio",
  linearByLinear: "Linear-by-linear",
  apa: "APA sentence",
  nValid: "Valid N = {valid}; missing = {missing}",
  rowPercentNote: "Cells: count (row percent).",
  command: "Equivalent danvan command",
  copy: "Copy",
  copied: "Copied",
  chooseBoth: "Choose both a row and a column variable.",
  chooseDifferent: "The row and column variables must differ.",
  chooseOne: "Choose a variable.",
  dropHere: "Drop the file here",
  errUnreadable: "The file {name} could not be read: {detail} Check the file (UTF-8 CSV with a header row, .sav or " +
    ".xlsx) and upload it again.",
  errProblems: "The file {name} could not be read ({count} problem(s)); nothing was stored. " +
    "Fix the places below and upload it again.",
  problem: "Row {row}, column “{column}”: value “{value}”; expected: {expected}.",
  moreProblems: "… and {count} more.",
  errType: "The file {name} is not .csv, .sav or .xlsx. Choose a data file of one of those types.",
  errTooLarge: "The file is too large for this server: {detail}",
  errUnauthorized: "Your session has ended or the API key is wrong. Sign in again.",
  errNotFound: "Not found: {detail}. It may have been deleted; reload the list.",
  errUnprocessable: "The server cannot do this: {detail}",
  errBusy: "The server is busy. Try again in a few seconds.",
  errTimeout: "The analysis ran too long and was stopped. Choose a smaller table.",
  errNetwork: "The server cannot be reached. Check that danvan serve is running and try again.",
  errServer: "The server failed (status {status}). Try again; if it keeps failing, give your administrator the " +
    "request id {requestId}.",
  errBadRequest: "The request is not valid: {detail}",
  warnings: "Notes",
  variableView: "Variables (Variable View)",
  label: "Label",
  measure: "Measure",
  values: "Values and labels",
  valid: "Valid",
  missingCode: "missing",
  numeric: "numeric (weight)",
  nominal: "nominal",
  ordinal: "ordinal",
  scale: "scale",
  reportTitle: "Report",
  reportHelp:
    "The full report of the {plan} analysis plan: tables, tests, APA sentences and charts, in the page's language.",
  reportFormat: "Format",
  reportDownload: "Download the report",
  addToReport: "Add to report",
  addedToReport: "Added to the report ({count} items)",
  notInPlans: "Means by group cannot go in a report yet (analysis plans have no such section)",
  weightMismatch: "This result uses a different weight from the picked ones; a report has one weight",
  builderTitle: "Report builder",
  builderEmpty: "No results yet. Run an analysis, then press “Add to report”.",
  builderReportTitle: "Report title",
  builderDefaultTitle: "Report: {name}",
  builderDownload: "Download the built report",
  builderPlan: "Download plan.json",
  moveUp: "Move up: {title}",
  moveDown: "Move down: {title}",
  removeItem: "Remove: {title}",
  footer: "danvan: open source. Every step also runs on the command line.",
  ...enMore,
  ...enDesign
}

export const dictionary: Readonly<Record<Lang, Strings>> = { vi, en }

/**
 * The string `key` in `lang` with `{name}` placeholders filled.
 *
 * @example
 * translate("en", "uploaded", { name: "a.csv", rows: "1.096" }) // "Uploaded a.csv: 1.096 rows."
 */
export const translate = (lang: Lang, key: Key, vars: Readonly<Record<string, string | number>> = {}): string =>
  dictionary[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole))

const formatters = new Map<string, Intl.NumberFormat>()

/**
 * A number with `decimals` fixed digits in the page's language: 1.096,5 in vi, 1,096.5 in en.
 *
 * @example
 * formatNumber("vi", 41.0308, 2) // "41,03"
 */
export const formatNumber = (lang: Lang, x: number | null | undefined, decimals = 0): string => {
  if (x === null || x === undefined || !Number.isFinite(x)) return "—"
  const id = `${lang}:${decimals}`
  let f = formatters.get(id)
  if (f === undefined) {
    f = new Intl.NumberFormat(lang === "vi" ? "vi-VN" : "en-US", {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals
    })
    formatters.set(id, f)
  }
  return f.format(x)
}

/**
 * A p-value as the reports write it (@danvan/report): "< .001" below .001, never ".000"; "0,023" in vi.
 *
 * @example
 * formatPValue("en", 0.0234) // ".023"
 */
export const formatPValue = (lang: Lang, p: number | null | undefined): string => formatP(p, defaultDecimal(lang))

/**
 * A statistic with `decimals` digits and the language's decimal mark (no thousands separator, as in reports).
 *
 * @example
 * formatStat("vi", 41.0308, 2) // "41,03"
 */
export const formatStat = (lang: Lang, x: number | null | undefined, decimals: number): string =>
  fixed(x, decimals, defaultDecimal(lang))

/**
 * A date and time in the page's language.
 *
 * @example
 * formatDate("vi", "2026-12-05T00:00:00Z")
 */
export const formatDate = (lang: Lang, iso: string): string =>
  new Intl.DateTimeFormat(lang === "vi" ? "vi-VN" : "en-GB", { dateStyle: "medium", timeStyle: "short" }).format(
    new Date(iso)
  )
