/**
 * Answer sets whose natural order is known (Likert-like scales), lowest to highest, in Vietnamese and English.
 * A question whose answers all belong to one of them keeps that order (codes 1..n) instead of first appearance.
 */
export const KNOWN_SCALES: ReadonlyArray<ReadonlyArray<string>> = [
  ["Rất khó khăn", "Khó khăn", "Bình thường", "Không khó khăn"],
  ["Rất khó khăn", "Khó khăn", "Không khó khăn"],
  ["Khó khăn", "Bình thường", "Không khó khăn"],
  ["Hoàn toàn không đồng ý", "Không đồng ý", "Phân vân", "Đồng ý", "Hoàn toàn đồng ý"],
  ["Hoàn toàn không đồng ý", "Không đồng ý", "Trung lập", "Đồng ý", "Hoàn toàn đồng ý"],
  ["Hoàn toàn không đồng ý", "Không đồng ý", "Bình thường", "Đồng ý", "Hoàn toàn đồng ý"],
  ["Rất không hài lòng", "Không hài lòng", "Bình thường", "Hài lòng", "Rất hài lòng"],
  ["Rất kém", "Kém", "Trung bình", "Khá", "Tốt"],
  ["Kém", "Trung bình", "Khá", "Tốt", "Rất tốt"],
  ["Không bao giờ", "Hiếm khi", "Thỉnh thoảng", "Thường xuyên", "Rất thường xuyên"],
  ["Không bao giờ", "Hiếm khi", "Thỉnh thoảng", "Thường xuyên", "Luôn luôn"],
  ["Không quan trọng", "Ít quan trọng", "Quan trọng", "Rất quan trọng"],
  ["Very difficult", "Difficult", "Neutral", "Not difficult"],
  ["Very difficult", "Difficult", "Not difficult"],
  ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"],
  ["Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree"],
  ["Very dissatisfied", "Dissatisfied", "Neutral", "Satisfied", "Very satisfied"],
  ["Very poor", "Poor", "Fair", "Good", "Excellent"],
  ["Never", "Rarely", "Sometimes", "Often", "Always"],
  ["Not important", "Slightly important", "Moderately important", "Important", "Very important"]
]

/**
 * Nominal answer sets with a customary order (not scored): the cadre levels, City before District before
 * Ward/Commune, as the codebooks of the field use (1, 2, 3).
 */
export const KNOWN_ORDERS: ReadonlyArray<ReadonlyArray<string>> = [
  ["Thành phố", "Quận/Huyện", "Phường/Xã"],
  ["Tỉnh", "Huyện", "Xã"],
  ["Cấp tỉnh", "Cấp huyện", "Cấp xã"],
  ["Thành phố", "Quận, huyện", "Phường, xã"],
  ["City", "District", "Ward/Commune"],
  ["Nam", "Nữ"],
  ["Male", "Female"],
  ["Có", "Không"],
  ["Yes", "No"]
]

const fold = (s: string) => s.normalize("NFC").trim().toLocaleLowerCase("vi")

/**
 * The known scale holding every answer (compared without case), the shortest such; undefined when none does
 * or fewer than two distinct answers were seen.
 *
 * @example
 * knownScaleOf(["Khó khăn", "Rất khó khăn"])
 * // ["Rất khó khăn", "Khó khăn", "Không khó khăn"] (the shortest scale holding both)
 */
export const knownScaleOf = (
  answers: ReadonlyArray<string>,
  scales: ReadonlyArray<ReadonlyArray<string>> = KNOWN_SCALES
): ReadonlyArray<string> | undefined => {
  const seen = new Set(answers.map(fold))
  if (seen.size < 2) return undefined
  const fits = scales.filter((scale) => {
    const folded = new Set(scale.map(fold))
    return [...seen].every((a) => folded.has(a))
  })
  return fits.sort((a, b) => a.length - b.length)[0]
}

/**
 * The answers ordered by the scale (the scale's own spelling is not imposed: each answer keeps the spelling
 * seen first in the file).
 *
 * @example
 * orderByScale(["Khó khăn", "Rất khó khăn"], scale) // ["Rất khó khăn", "Khó khăn"]
 */
export const orderByScale = (answers: ReadonlyArray<string>, scale: ReadonlyArray<string>): Array<string> => {
  const rank = new Map(scale.map((s, k) => [fold(s), k]))
  return [...answers].sort((a, b) => (rank.get(fold(a)) ?? 0) - (rank.get(fold(b)) ?? 0))
}
