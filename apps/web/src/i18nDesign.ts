/**
 * Strings of the "Weights and design" section, the design-based results, append/merge steps and the report
 * title (merged into i18n.ts's dictionaries; the same keys in both languages, placeholders `{name}`).
 */
export const viDesign = {
  designTitle: "Trọng số và thiết kế mẫu",
  weightMode: "Loại trọng số",
  modeSampling: "Trọng số mẫu (mặc định)",
  modeFrequency: "Trọng số tần suất (SPSS WEIGHT BY)",
  modeHelp:
    "Trọng số mẫu là nghịch đảo xác suất chọn: sai số chuẩn và kiểm định Rao-Scott tính theo thiết kế mẫu (như gói survey của R). Trọng số tần suất coi mỗi trường hợp là w người giống hệt nhau (như WEIGHT BY của SPSS): chỉ đúng khi trọng số là số đếm thật.",
  strataVar: "Tầng (strata)",
  clusterVar: "Cụm, PSU (cluster)",
  fpcVar: "Hiệu chỉnh tổng thể hữu hạn (fpc)",
  noDesignVar: "Không có",
  lonelyPsu: "Tầng chỉ có một PSU",
  lonelyFail: "báo lỗi (mặc định)",
  lonelyRemove: "bỏ qua tầng (remove)",
  lonelyCertainty: "coi là chọn chắc chắn (certainty)",
  lonelyAdjust: "tính quanh trung bình chung (adjust)",
  lonelyAverage: "dùng phương sai trung bình (average)",
  designStatement: "Thiết kế mẫu",
  raoScottTitle: "Kiểm định theo thiết kế mẫu (Rao-Scott)",
  raoScottF: "Rao-Scott F (bậc hai)",
  raoScottChisq: "Rao-Scott khi bình phương (bậc một)",
  df1: "df1",
  df2: "df2",
  designCellsCaption: "% trên tổng với sai số chuẩn theo thiết kế và hệ số thiết kế: % (SE; deff).",
  designMeansTitle: "Trung bình theo thiết kế mẫu",
  designPercentsTitle: "Phần trăm hợp lệ theo thiết kế mẫu",
  estimate: "Ước lượng",
  designSe: "SE",
  deff: "deff",
  designMismatch:
    "Báo cáo dùng một thiết kế mẫu cho mọi phần: kết quả này chạy với trọng số hoặc thiết kế khác các kết quả đã chọn.",
  builderTitleNote: "Tiêu đề được giữ riêng cho từng ngôn ngữ; báo cáo dùng tiêu đề của ngôn ngữ đang chọn.",
  stepAppend: "Nối thêm dòng (append)",
  stepMerge: "Ghép theo khóa (merge)",
  otherDataset: "Bộ dữ liệu khác (đã tải lên)",
  mergeKey: "Biến khóa (có trong cả hai bộ)",
  appendHelp:
    "Nối các dòng của một bộ dữ liệu đã tải lên vào cuối bộ này (các biến trùng tên được xếp chung). Dòng lệnh cần tệp có tên đó nằm cạnh recipe.json.",
  mergeHelp:
    "Thêm các biến của một bộ dữ liệu đã tải lên, ghép dòng theo biến khóa. Dòng lệnh cần tệp có tên đó nằm cạnh recipe.json.",
  recipeNeedsDataset: "Hãy chọn bộ dữ liệu cần nối hoặc ghép.",
  recipeNeedsKey: "Hãy chọn biến khóa để ghép.",
  recipeRowsNow: "Kết quả có {rows} dòng (bộ dữ liệu gốc {total} dòng)."
}

export const enDesign: typeof viDesign = {
  designTitle: "Weights and design",
  weightMode: "Weight mode",
  modeSampling: "Sampling (default)",
  modeFrequency: "Frequency (SPSS WEIGHT BY)",
  modeHelp:
    "Sampling weights are inverse selection probabilities: standard errors and Rao-Scott tests follow the sampling design (as R's survey package). Frequency weights count each case as w identical people (SPSS WEIGHT BY): right only when a weight is a real count.",
  strataVar: "Strata",
  clusterVar: "Clusters, PSUs",
  fpcVar: "Finite population correction (fpc)",
  noDesignVar: "None",
  lonelyPsu: "Stratum with one PSU",
  lonelyFail: "stop with an error (default)",
  lonelyRemove: "leave it out (remove)",
  lonelyCertainty: "sampled with certainty (certainty)",
  lonelyAdjust: "centre at the grand mean (adjust)",
  lonelyAverage: "average variance (average)",
  designStatement: "Sampling design",
  raoScottTitle: "Design-based tests (Rao-Scott)",
  raoScottF: "Rao-Scott F (second order)",
  raoScottChisq: "Rao-Scott chi-square (first order)",
  df1: "df1",
  df2: "df2",
  designCellsCaption: "% of total with design-based SE and design effect: % (SE; deff).",
  designMeansTitle: "Design-based means",
  designPercentsTitle: "Design-based valid percents",
  estimate: "Estimate",
  designSe: "SE",
  deff: "deff",
  designMismatch:
    "A report uses one sampling design for every section: this result ran with another weight or design than the picked results.",
  builderTitleNote: "The title is kept for each language; the report takes the title of the language shown.",
  stepAppend: "Append rows (append)",
  stepMerge: "Merge on a key (merge)",
  otherDataset: "Another dataset (uploaded)",
  mergeKey: "Key variable (in both datasets)",
  appendHelp:
    "Adds the rows of an uploaded dataset after this one's (variables with the same name are stacked). The command line needs a file of that name beside recipe.json.",
  mergeHelp:
    "Adds the variables of an uploaded dataset, matching rows on the key variable. The command line needs a file of that name beside recipe.json.",
  recipeNeedsDataset: "Choose the dataset to append or merge.",
  recipeNeedsKey: "Choose the key variable to merge on.",
  recipeRowsNow: "The result has {rows} rows (the original dataset {total})."
}
