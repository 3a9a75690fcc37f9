/**
 * Strings of the Variable View editor, the recipe steps and the report formats (merged into i18n.ts's
 * dictionaries; the same keys in both languages, placeholders `{name}`).
 */
export const viMore = {
  variableViewHelp:
    "Bấm “Sửa” để đổi nhãn, nhãn giá trị, giá trị khuyết, thang đo hoặc chiều điểm; lưu vào sổ mã của bộ dữ liệu.",
  edit: "Sửa",
  editVariable: "Sửa biến {name}",
  labelVi: "Nhãn tiếng Việt",
  labelEn: "Nhãn tiếng Anh",
  code: "Mã",
  score: "Điểm",
  isMissing: "Giá trị khuyết",
  removeValue: "Bỏ mã {code}",
  addValue: "Thêm giá trị",
  scoresAscending: "Điểm tăng theo thứ tự mã.",
  scoresDescending: "Điểm giảm theo thứ tự mã (đã đảo chiều).",
  scoresMixed: "Điểm không theo một chiều.",
  reverseScores: "Đảo chiều điểm",
  otherMissing: "Giá trị khuyết khác (cách nhau bởi dấu phẩy)",
  saveCodebook: "Lưu vào sổ mã",
  saving: "Đang lưu…",
  codebookSaved: "Đã lưu biến {name} vào sổ mã của bộ dữ liệu. Các phân tích sau sẽ dùng nhãn mới.",
  badMissingCode: "“{value}” không phải là một mã số nguyên; hãy sửa danh sách giá trị khuyết.",
  duplicateCode: "Có hai giá trị trùng mã; mỗi mã chỉ được dùng một lần.",
  errCodebookMismatch:
    "Sổ mã không khớp với dữ liệu: biến “{variable}” có mã {value} ở {rows} dòng nhưng chưa có nhãn. Hãy thêm nhãn cho mã này hoặc đánh dấu là giá trị khuyết."
}

export const enMore: typeof viMore = {
  variableViewHelp:
    "Press “Edit” to change labels, value labels, missing codes, measure or score direction; saved as the dataset's codebook.",
  edit: "Edit",
  editVariable: "Edit variable {name}",
  labelVi: "Vietnamese label",
  labelEn: "English label",
  code: "Code",
  score: "Score",
  isMissing: "Missing code",
  removeValue: "Remove code {code}",
  addValue: "Add a value",
  scoresAscending: "Scores rise with the code order.",
  scoresDescending: "Scores fall with the code order (reversed).",
  scoresMixed: "Scores do not run one way.",
  reverseScores: "Reverse the scores",
  otherMissing: "Other missing codes (separated by commas)",
  saveCodebook: "Save to the codebook",
  saving: "Saving…",
  codebookSaved: "Saved variable {name} in the dataset's codebook. Later analyses use the new labels.",
  badMissingCode: "“{value}” is not an integer code; correct the list of missing codes.",
  duplicateCode: "Two values have the same code; each code may be used once.",
  errCodebookMismatch:
    "The codebook does not fit the data: variable “{variable}” holds code {value} in {rows} rows, which has no label. Add a label for that code or mark it as missing."
}
