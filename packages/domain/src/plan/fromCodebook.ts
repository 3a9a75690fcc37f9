import type { Codebook, Variable } from "../Codebook.js"
import type { AnalysisPlanJson } from "./schema.js"

/** What `planFromCodebook` needs besides the codebook. */
export interface PlanFromCodebookOptions {
  /** The grouping variable every table is broken down by (e.g. the cadre level). */
  readonly by: string
  /** The data file's column names: variables and sets the file lacks are left out. All when absent. */
  readonly columns?: ReadonlyArray<string>
  /** The case-weight variable, never analysed itself (default: the codebook's `weightVariable`). */
  readonly weight?: string
}

type SectionJson = AnalysisPlanJson["sections"][number]

/** Names that identify respondents rather than measure them; such numeric variables are not described. */
const IDENTIFIER = /^(id|stt|sbd|case_?id|case|respondent(_?id)?|ma_?phieu|so_?phieu)$/i

/** A respondent identifier (by its codebook role or its name): never a table or a description of its own. */
const isIdentifier = (v: Variable) => v.role === "id" || IDENTIFIER.test(v.name)

const slug = (name: string) => name.replace(/[^A-Za-z0-9._-]/g, "-").replace(/^[^A-Za-z0-9]+/, "") || "x"

/**
 * The analysis plan a codebook implies for a report broken down by `by`, in this order:
 * 1. `profile`: frequencies of the respondent attributes: the single-choice variables that come before the
 *    first set or scale item in codebook order (questionnaires ask who the respondent is first), always with
 *    `by`; when the codebook has no set or scale items, only `by`;
 * 2. one `multiple-response` section per multiple-response set, by `by`;
 * 3. one `likert` section per Likert indicator set, by `by`, and one more listing the Likert items that belong
 *    to no set (`items`);
 * 4. one `crosstab` section (`by` x variable) per other single-choice variable;
 * 5. `describe`: the numeric variables.
 * The weight and respondent identifiers (codebook `role: "id"`, or named id, stt, ma_phieu, …) are left out.
 * Variables and sets the data lacks (`columns`) are left out. The result is the plan's JSON form (defaults not
 * filled in), to print for editing or decode with `decodeAnalysisPlan`. Pure: it reads nothing.
 *
 * @example
 * const plan = planFromCodebook(Either.getOrThrow(builtinCodebook("hcmc-2024")), { by: "level" })
 * plan.sections.map((s) => s.id) // ["profile", "mr-purpose", "mr-content", "mr-method", "likert-difficulty"]
 */
export const planFromCodebook = (codebook: Codebook, options: PlanFromCodebookOptions): AnalysisPlanJson => {
  const { by } = options
  const inData = (name: string) => options.columns === undefined || options.columns.includes(name)
  const weight = options.weight ?? codebook.weightVariable
  const variables = codebook.variables.filter((v) => inData(v.name) && v.name !== weight && !isIdentifier(v))
  const mrSets = codebook.multipleResponseSets.filter((s) => s.items.every(inData))
  const likertSets = codebook.indicatorSets.filter((s) => s.kind === "likert" && s.items.every(inData))
  const inSets = new Set([...codebook.multipleResponseSets, ...codebook.indicatorSets].flatMap((s) => s.items))
  const isItem = (v: Variable) => inSets.has(v.name) || v.kind === "likert-item" || v.kind === "multiple-response-item"
  // Position in the codebook, not in the data: a file may hold the attributes and none of the items.
  const firstItem = codebook.variables.findIndex(isItem)
  const singles = variables.filter((v) => v.kind === "single" && !inSets.has(v.name))
  const attributes = firstItem < 0 ? [] : singles.filter((v) => codebook.variables.indexOf(v) < firstItem)
  const profile = [by, ...attributes.map((v) => v.name).filter((n) => n !== by)]
  const looseLikert = variables.filter((v) => v.kind === "likert-item" && !inSets.has(v.name)).map((v) => v.name)
  const numeric = variables.filter((v) => v.kind === "numeric").map((v) => v.name)
  const sections: Array<SectionJson> = [
    {
      kind: "frequencies",
      id: "profile",
      title: { vi: "Đặc điểm người trả lời", en: "Respondent profile" },
      variables: profile as [string, ...Array<string>]
    },
    ...mrSets.map((s): SectionJson => ({ kind: "multiple-response", id: `mr-${slug(s.name)}`, set: s.name, by })),
    ...likertSets.map((s): SectionJson => ({ kind: "likert", id: `likert-${slug(s.name)}`, set: s.name, by })),
    ...(looseLikert.length > 0
      ? [
        {
          kind: "likert",
          id: "likert-items",
          items: looseLikert as [string, ...Array<string>],
          by
        } satisfies SectionJson
      ]
      : []),
    ...singles
      .filter((v) => !profile.includes(v.name))
      .map((v): SectionJson => ({ kind: "crosstab", id: `crosstab-${slug(v.name)}`, row: by, col: v.name })),
    ...(numeric.length > 0
      ? [
        {
          kind: "describe",
          id: "describe",
          title: { vi: "Biến định lượng", en: "Numeric variables" },
          variables: numeric as [string, ...Array<string>]
        } satisfies SectionJson
      ]
      : [])
  ]
  const id = `${codebook.id}-by-${slug(by).toLowerCase()}`.replace(/[^a-z0-9._-]/g, "-")
  const byLabel = codebook.variables.find((v) => v.name === by)?.label ?? { vi: by, en: by }
  return {
    id,
    title: { vi: `${codebook.title.vi} theo ${byLabel.vi}`, en: `${codebook.title.en} by ${byLabel.en}` },
    codebook: codebook.id,
    sections: sections as [SectionJson, ...Array<SectionJson>]
  }
}
