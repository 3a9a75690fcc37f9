import type { DivergingBarChartData, GroupedBarChartData } from "../../src/index.js"

/** Cadre levels as in the hcmc-2024 codebook. */
export const LEVELS = [
  { vi: "Thành phố", en: "City" },
  { vi: "Quận/Huyện", en: "District" },
  { vi: "Phường/Xã", en: "Ward/Commune" }
]

export const purpose: GroupedBarChartData = {
  title: { vi: "Mục đích của công tác dân vận", en: "Purpose of mass mobilization work" },
  groups: LEVELS,
  items: [
    {
      label: {
        vi: "Tuyên truyền, vận động nhân dân thực hiện chủ trương của Đảng, chính sách pháp luật của Nhà nước",
        en:
          "Propaganda and mobilization of the people to carry out the Party's guidelines and the State's policies and laws"
      },
      percents: [61.5, 48.2, 70.1]
    },
    { label: { vi: "Củng cố lòng tin của nhân dân", en: "Strengthening people's trust" }, percents: [21.5, 38.25, 10] },
    { label: { vi: "Phát huy quyền làm chủ", en: "Promoting democracy" }, percents: [0, 12.34, 100] },
    { label: { vi: "Khác", en: "Other" }, percents: [3.3, 4.4, 5.5] }
  ]
}

export const difficulty: DivergingBarChartData = {
  title: { vi: "Mức độ khó khăn", en: "Difficulty" },
  categories: [
    { label: { vi: "Rất khó khăn", en: "Very difficult" }, side: "negative" },
    { label: { vi: "Khó khăn", en: "Difficult" }, side: "negative" },
    { label: { vi: "Bình thường", en: "Neutral" }, side: "neutral" },
    { label: { vi: "Không khó khăn", en: "Not difficult" }, side: "positive" }
  ],
  rows: [
    { label: { vi: "Nguồn lực", en: "Resources" }, percents: [20, 30, 10, 40] },
    { label: { vi: "Niềm tin của nhân dân còn hạn chế", en: "People's trust is limited" }, percents: [5, 25, 30, 40] },
    { label: { vi: "Năng lực cán bộ", en: "Cadre capacity" }, percents: [0, 10, 60, 30] }
  ]
}
