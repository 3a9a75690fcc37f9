import type { CodebookJson } from "../Codebook.js"

type Item = readonly [key: string, vi: string, en: string]

// Item keys are those of the paper's published tables (shared/data/hcmc-2024-published-tables.json).
// English labels follow the paper; Vietnamese labels restore the questionnaire's wording.
const purpose: ReadonlyArray<Item> = [
  [
    "independent_democratic_society",
    "Xây dựng xã hội độc lập, dân chủ, giàu mạnh, công bằng, văn minh",
    "Building an independent, democratic, prosperous, just and civilized society"
  ],
  ["clean_strong_party", "Xây dựng Đảng trong sạch, vững mạnh", "Building a clean and strong Party"],
  [
    "cadre_quality",
    "Nâng cao chất lượng đội ngũ cán bộ, đảng viên, sức chiến đấu và năng lực lãnh đạo cách mạng",
    "Improve the quality of Party cadres, members, fighting power and revolutionary leadership capacity"
  ],
  [
    "people_party_relations",
    "Tăng cường mối quan hệ giữa Nhân dân với Đảng, chính quyền và các tổ chức chính trị - xã hội",
    "Strengthen people's relations with the Party, authorities and socialist organizations"
  ],
  [
    "people_living_standards",
    "Nâng cao đời sống vật chất và tinh thần của Nhân dân",
    "To improve the material and spiritual life of the people"
  ]
]

const content: ReadonlyArray<Item> = [
  [
    "propagate_guidelines",
    "Tuyên truyền, phổ biến, hướng dẫn thực hiện chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước",
    "Propagate, disseminate and guide the implementation of the Party's guidelines, policies and laws of the State"
  ],
  [
    "grassroots_democracy",
    "Vận động Nhân dân thực hiện quy chế dân chủ ở cơ sở, đi sâu, nắm chắc tình hình để kịp thời giải quyết những khiếu nại, nguyện vọng chính đáng của Nhân dân",
    "Mobilize the people to implement the regulations of grassroots democracy, go deep and closely grasp the situation in order to promptly resolve the people's legitimate grievances and aspirations"
  ],
  [
    "member_quality",
    "Nâng cao chất lượng đảng viên đáp ứng yêu cầu, nhiệm vụ trong tổ chức",
    "Improve the quality of Party members to meet the requirements and tasks in the organization"
  ],
  [
    "participate_building",
    "Tổ chức, động viên Nhân dân tham gia xây dựng Đảng, xây dựng chính quyền",
    "Organize and encourage people to participate in Party building and government building"
  ],
  [
    "care_benefits",
    "Chăm lo lợi ích vật chất, tinh thần của Nhân dân",
    "Take care of the material and spiritual benefits of the people"
  ],
  [
    "action_movement",
    "Xây dựng phong trào hành động cách mạng của quần chúng",
    "Building a people's revolutionary action movement"
  ],
  [
    "members_interests_first",
    "Chăm lo lợi ích của đảng viên là trước hết, không cần chăm lo cho Nhân dân",
    "Taking care of the interests of Party members comes first, there is no need to take care of the people"
  ],
  [
    "no_self_criticism",
    "Không cần thường xuyên tự phê bình và phê bình, thành thật với Đảng",
    "No need for constant self-criticism and criticism, be honest with the Party"
  ]
]

const method: ReadonlyArray<Item> = [
  [
    "persuade_trust",
    "Làm tốt công tác tuyên truyền, vận động, thuyết phục Nhân dân tin tưởng vào Đảng",
    "Do well in propaganda and mobilization to persuade people to trust the Party"
  ],
  [
    "persuade_follow",
    "Làm tốt công tác tuyên truyền, vận động, thuyết phục Nhân dân đi theo Đảng, chấp hành các nghị quyết",
    "Do well in propaganda work, mobilize to persuade people to follow the Party and comply with resolutions"
  ],
  [
    "lead_through_organizations",
    "Lãnh đạo, chỉ đạo thực hiện công tác dân vận thông qua hoạt động của các tổ chức, cán bộ, đảng viên",
    "Leading and directing the implementation of mass mobilization work through the work of organizations, cadres and Party members"
  ],
  [
    "legitimate_interests",
    "Bằng việc chăm lo lợi ích chính đáng của Nhân dân, phù hợp với lòng dân",
    "By taking care of the legitimate interests of the people, in accordance with the people's popularity"
  ],
  [
    "inspect_supervise",
    "Thường xuyên kiểm tra, giám sát hoạt động của tổ chức đảng và đảng viên trong thực hiện công tác dân vận ở cơ sở",
    "Regularly conduct inspection and supervision of activities of Party organizations and Party members in implementing mass mobilization work at grassroots level"
  ],
  [
    "ignore_party_line",
    "Thực hiện không cần theo chủ trương, đường lối của Đảng",
    "Implementation does not need to follow the guidelines and lines of the Party"
  ],
  ["ignore_people", "Làm mà không cần lắng nghe ý kiến của Nhân dân", "Do it without hearing from the people"]
]

const difficulty: ReadonlyArray<Item> = [
  [
    "people_trust_limited",
    "Niềm tin, sự tham gia và phối hợp của Nhân dân còn hạn chế",
    "People's trust, participation and cooperation are limited"
  ],
  [
    "qualifications_limited",
    "Trình độ chuyên môn của cán bộ, đảng viên còn hạn chế",
    "The professional qualifications of Party cadres and members are still limited"
  ],
  [
    "plans_not_localized",
    "Chương trình, kế hoạch chưa được triển khai phù hợp với địa phương",
    "Programs and plans that have not been implemented in accordance with localities"
  ],
  [
    "methods_not_renewed",
    "Nội dung, phương thức vận động các tầng lớp Nhân dân chưa được đổi mới",
    "Contents and methods of mobilization of all classes of people have not been renewed"
  ],
  [
    "working_conditions_limited",
    "Cơ chế, điều kiện làm việc tại cơ quan công tác còn hạn chế",
    "Mechanisms and working conditions at working agencies are still limited"
  ]
]

const noAnswer = { code: 9, label: { vi: "Không trả lời", en: "No answer" } }
const missing9 = { values: [9] }

const items = (list: ReadonlyArray<Item>, kind: "multiple-response-item" | "likert-item", scale: string) =>
  list.map(([name, vi, en]) => ({ name, label: { vi, en }, kind, scale }))

const set = (name: string, vi: string, en: string, list: ReadonlyArray<Item>) => ({
  name,
  label: { vi, en },
  items: list.map(([key]) => key) as unknown as readonly [string, ...Array<string>]
})

/**
 * The instrument of Dinh Van Chi (2024), "Cadre awareness of mass mobilization work in Party grassroots
 * organization in Ho Chi Minh City" (survey of 1,096 cadres, SPSS 20). Purpose, content and method are
 * "tick all that apply" blocks coded 1 = selected / 0 = not selected; difficulty items are a 3-point scale
 * scored Difficult = 3, Normal = 2, Not difficult = 1. Code 9 is "no answer" everywhere.
 *
 * The paper names sex, age and position of respondents but not their categories; the categories below are
 * the usual ones of Vietnamese cadre surveys and are documented as an assumption in the package README.
 */
export const hcmc2024Json = {
  id: "hcmc-2024",
  title: {
    vi: "Nhận thức của cán bộ về công tác dân vận trong tổ chức cơ sở đảng ở Thành phố Hồ Chí Minh (2024)",
    en: "Cadre awareness of mass mobilization work in Party grassroots organizations in Ho Chi Minh City (2024)"
  },
  source: "Dinh Van Chi (2024), Ho Chi Minh City Cadre Academy; questionnaire survey of cadres at three levels",
  groupVariable: "level",
  scales: {
    selected: {
      label: { vi: "Có chọn / Không chọn", en: "Selected / Not selected" },
      measure: "nominal",
      values: [
        { code: 1, label: { vi: "Có chọn", en: "Selected" }, order: 1 },
        { code: 0, label: { vi: "Không chọn", en: "Not selected" }, order: 2 },
        noAnswer
      ],
      missing: missing9
    },
    difficulty3: {
      label: { vi: "Mức độ khó khăn", en: "Level of difficulty" },
      measure: "ordinal",
      values: [
        { code: 1, label: { vi: "Khó khăn", en: "Difficult" }, order: 1, score: 3 },
        { code: 2, label: { vi: "Bình thường", en: "Normal" }, order: 2, score: 2 },
        { code: 3, label: { vi: "Không khó khăn", en: "Not difficult" }, order: 3, score: 1 },
        noAnswer
      ],
      missing: missing9
    }
  },
  variables: [
    { name: "id", label: { vi: "Mã phiếu", en: "Respondent id" }, kind: "numeric", measure: "scale" },
    {
      name: "level",
      label: { vi: "Cấp cán bộ", en: "Cadre level" },
      kind: "single",
      measure: "ordinal",
      values: [
        { code: 1, label: { vi: "Thành phố", en: "City" } },
        { code: 2, label: { vi: "Quận/Huyện", en: "District" } },
        { code: 3, label: { vi: "Phường/Xã", en: "Ward/Commune" } },
        noAnswer
      ],
      missing: missing9
    },
    {
      name: "sex",
      label: { vi: "Giới tính", en: "Sex" },
      kind: "single",
      measure: "nominal",
      values: [{ code: 1, label: { vi: "Nam", en: "Male" } }, { code: 2, label: { vi: "Nữ", en: "Female" } }, noAnswer],
      missing: missing9
    },
    {
      name: "age_group",
      label: { vi: "Nhóm tuổi", en: "Age group" },
      kind: "single",
      measure: "ordinal",
      values: [
        { code: 1, label: { vi: "Dưới 30 tuổi", en: "Under 30" } },
        { code: 2, label: { vi: "Từ 30 đến 39 tuổi", en: "30-39" } },
        { code: 3, label: { vi: "Từ 40 đến 49 tuổi", en: "40-49" } },
        { code: 4, label: { vi: "Từ 50 tuổi trở lên", en: "50 and over" } },
        noAnswer
      ],
      missing: missing9
    },
    {
      name: "position",
      label: { vi: "Chức vụ, vị trí công tác", en: "Position" },
      kind: "single",
      measure: "nominal",
      values: [
        { code: 1, label: { vi: "Cán bộ Đảng", en: "Party cadre" } },
        { code: 2, label: { vi: "Cán bộ chính quyền", en: "Government official" } },
        { code: 3, label: { vi: "Cán bộ Mặt trận Tổ quốc", en: "Fatherland Front cadre" } },
        { code: 4, label: { vi: "Cán bộ đoàn thể chính trị - xã hội", en: "Socio-political organization cadre" } },
        { code: 5, label: { vi: "Khác", en: "Other" } },
        noAnswer
      ],
      missing: missing9
    },
    ...items(purpose, "multiple-response-item", "selected"),
    ...items(content, "multiple-response-item", "selected"),
    ...items(method, "multiple-response-item", "selected"),
    ...items(difficulty, "likert-item", "difficulty3")
  ],
  multipleResponseSets: [
    {
      ...set("purpose", "Mục đích của công tác dân vận", "Purpose of mass mobilization work", purpose),
      countedValue: 1
    },
    {
      ...set("content", "Nội dung của công tác dân vận", "Content of mass mobilization work", content),
      countedValue: 1
    },
    {
      ...set("method", "Phương thức của công tác dân vận", "Method of mass mobilization work", method),
      countedValue: 1
    }
  ],
  indicatorSets: [
    {
      ...set("purpose", "Mục đích của công tác dân vận", "Purpose of mass mobilization work", purpose),
      kind: "multiple-response"
    },
    {
      ...set("content", "Nội dung của công tác dân vận", "Content of mass mobilization work", content),
      kind: "multiple-response"
    },
    {
      ...set("method", "Phương thức của công tác dân vận", "Method of mass mobilization work", method),
      kind: "multiple-response"
    },
    {
      ...set(
        "difficulty",
        "Khó khăn trong thực hiện công tác dân vận",
        "Difficulties in implementing mass mobilization work",
        difficulty
      ),
      kind: "likert"
    }
  ]
} satisfies CodebookJson
