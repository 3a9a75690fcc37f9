import * as Either from "effect/Either"
import { UnknownNameError } from "../errors.js"
import { decodeAnalysisPlan } from "./decode.js"
import type { AnalysisPlan, AnalysisPlanJson } from "./schema.js"

const table = (n: number, vi: string, en: string) => ({ vi: `Bảng ${n}. ${vi}`, en: `Table ${n}. ${en}` })

/**
 * The paper's report (Dinh Van Chi 2024): the respondent profile, then Tables 1-3 (the purpose, content and
 * method multiple-response sets by cadre level) and Table 4 (the difficulty items by cadre level, each item
 * also as a level x response crosstab with χ² and Cramér's V). Sex, age group and position are profiled when
 * the data file has them (the paper names them; the shipped synthetic example does not hold them).
 */
export const hcmc2024PlanJson = {
  id: "hcmc-2024",
  title: {
    vi: "Nhận thức của cán bộ về công tác dân vận trong tổ chức cơ sở đảng ở Thành phố Hồ Chí Minh",
    en: "Cadre awareness of mass mobilization work in Party grassroots organizations in Ho Chi Minh City"
  },
  codebook: "hcmc-2024",
  sections: [
    {
      kind: "frequencies",
      id: "profile",
      title: { vi: "Đặc điểm người trả lời", en: "Respondent profile" },
      variables: ["level", "sex", "age_group", "position"],
      ifPresent: true
    },
    {
      kind: "multiple-response",
      id: "table1-purpose",
      title: table(
        1,
        "Nhận thức về mục đích của công tác dân vận, theo cấp cán bộ",
        "Awareness of the purpose of mass mobilization work, by cadre level"
      ),
      set: "purpose",
      by: "level"
    },
    {
      kind: "multiple-response",
      id: "table2-content",
      title: table(
        2,
        "Nhận thức về nội dung của công tác dân vận, theo cấp cán bộ",
        "Awareness of the content of mass mobilization work, by cadre level"
      ),
      set: "content",
      by: "level"
    },
    {
      kind: "multiple-response",
      id: "table3-method",
      title: table(
        3,
        "Nhận thức về phương thức của công tác dân vận, theo cấp cán bộ",
        "Awareness of the methods of mass mobilization work, by cadre level"
      ),
      set: "method",
      by: "level"
    },
    {
      kind: "likert",
      id: "table4-difficulty",
      title: table(
        4,
        "Khó khăn trong thực hiện công tác dân vận, theo cấp cán bộ",
        "Difficulties in implementing mass mobilization work, by cadre level"
      ),
      set: "difficulty",
      by: "level"
    }
  ]
} satisfies AnalysisPlanJson

/** The analysis plans that ship with danvan, by id, in their JSON (file) form. */
export const builtinPlanJson: Readonly<Record<string, AnalysisPlanJson>> = { "hcmc-2024": hcmc2024PlanJson }

/**
 * Ids of the built-in analysis plans.
 *
 * @example
 * builtinPlanIds() // ["hcmc-2024"]
 */
export const builtinPlanIds = (): Array<string> => Object.keys(builtinPlanJson)

/**
 * A built-in analysis plan by id (`"hcmc-2024"`), decoded with the same checks as a user's file.
 *
 * @example
 * const plan = Either.getOrThrow(builtinPlan("hcmc-2024"))
 * plan.sections.map((s) => s.id) // ["profile", "table1-purpose", …]
 */
export const builtinPlan = (id: string): Either.Either<AnalysisPlan, UnknownNameError> => {
  const json = Object.hasOwn(builtinPlanJson, id) ? builtinPlanJson[id] : undefined
  if (json === undefined) {
    return Either.left(new UnknownNameError({ what: "built-in analysis plan", name: id, known: builtinPlanIds() }))
  }
  return Either.right(Either.getOrThrowWith(decodeAnalysisPlan(json, id), (e) => new Error(e.message)))
}
