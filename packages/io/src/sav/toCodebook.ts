import type { Codebook, IndicatorSet, MultipleResponseSet, ValueLabel, Variable } from "@danvan/domain"
import { plainLabel } from "@danvan/domain"
import type { SavMrSet } from "./mrsets.js"
import type { SavVariable } from "./variables.js"

/**
 * A codebook id from a file name: `Khảo sát 2024.sav` -> `khao-sat-2024`.
 *
 * @example
 * codebookIdFor("data/Survey_2024.sav") // "survey_2024"
 */
export const codebookIdFor = (fileName: string): string => {
  const base = fileName.split(/[\\/]/).pop()!.replace(/\.[^.]*$/, "")
  const ascii = base.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D")
    .toLowerCase()
  const id = ascii.replace(/[^a-z0-9._-]+/g, "-").replace(/^[^a-z0-9]+/, "").replace(/-+$/, "")
  return id === "" ? "sav" : id
}

/** SPSS has one label per thing; danvan's labels are {vi, en}: the file's label goes in both. */
const both = (text: string | undefined, fallback: string) =>
  plainLabel(text !== undefined && text.trim() !== "" ? text : fallback)

const isMissingValue = (v: SavVariable, x: number): boolean =>
  v.missing.values.includes(x) ||
  (v.missing.range !== undefined && x >= v.missing.range.low && x <= v.missing.range.high)

/**
 * What the dictionary says, as a danvan codebook. Value labels become categories (in the file's order),
 * user-missing values missing codes (a range as a range), variable labels labels, subtype 11 levels measures
 * (unknown: scale for numeric columns, nominal for codes). Dichotomy MR sets with an integer counted value
 * become multiple-response sets; category sets become indicator sets. Valid codes of ordinal variables get
 * their code as score, as SPSS treats the value of an ordinal item. `codeColumns` names the variables read
 * as integer codes; the others are kind "numeric".
 *
 * @example
 * const codebook = savCodebook(
 *   { id: "survey", title: "Survey", variables, mrSets, codeColumns: new Set(["level"]) },
 *   warn
 * )
 */
export const savCodebook = (
  input: {
    readonly id: string
    readonly title: string
    readonly source: string
    readonly variables: ReadonlyArray<SavVariable>
    readonly mrSets: ReadonlyArray<SavMrSet>
    readonly codeColumns: ReadonlySet<string>
    readonly weightVariable?: string
  },
  warn: (message: string) => void
): Codebook => {
  const dichotomyItems = new Set<string>()
  const multipleResponseSets: Array<MultipleResponseSet> = []
  const indicatorSets: Array<IndicatorSet> = []
  const known = new Set(input.variables.filter((v) => v.width === 0).map((v) => v.name))
  for (const set of input.mrSets) {
    const items = set.items.map((item) =>
      input.variables.find((v) => v.name.toUpperCase() === item.toUpperCase())?.name ?? item
    )
    const missing = items.filter((item) => !known.has(item))
    if (missing.length > 0 || items.length === 0) {
      warn(
        `multiple-response set ${set.name} left out: ${missing.join(", ")} ${
          missing.length === 1 ? "is" : "are"
        } not numeric variables of the file`
      )
      continue
    }
    const label = both(set.label, set.name)
    const counted = set.countedValue === undefined ? NaN : Number(set.countedValue)
    if (set.type === "dichotomy") {
      if (!Number.isInteger(counted)) {
        warn(
          `multiple-response set ${set.name} left out: its counted value ${
            JSON.stringify(set.countedValue)
          } is not an integer code`
        )
        continue
      }
      items.forEach((item) => dichotomyItems.add(item))
      multipleResponseSets.push({
        name: set.name,
        label,
        items: items as [string, ...Array<string>],
        countedValue: counted
      })
    } else {
      indicatorSets.push({
        name: set.name,
        label,
        kind: "multiple-response",
        items: items as [string, ...Array<string>]
      })
    }
  }

  const variables: Array<Variable> = []
  for (const v of input.variables) {
    if (v.width > 0) continue
    const isCodes = input.codeColumns.has(v.name)
    const values: Array<ValueLabel> = []
    if (isCodes) {
      for (const vl of v.valueLabels) {
        if (typeof vl.value === "number" && Number.isInteger(vl.value) && Math.abs(vl.value) <= 2147483647) {
          if (values.some((x) => x.code === vl.value)) continue
          // In SPSS an ordinal variable's value is its score (what MEANS and Likert summaries use).
          const scored = v.measure === "ordinal" && !isMissingValue(v, vl.value)
          values.push({
            code: vl.value,
            label: both(vl.label, String(vl.value)),
            ...(scored ? { score: vl.value } : {})
          })
        } else warn(`variable ${v.name}: value label for ${vl.value} left out (not an integer code)`)
      }
    }
    const missingValues = v.missing.values.filter((x): x is number => typeof x === "number")
    const kind: Variable["kind"] = !isCodes || values.length === 0
      ? "numeric"
      : dichotomyItems.has(v.name)
      ? "multiple-response-item"
      : "single"
    variables.push({
      name: v.name,
      label: both(v.label, v.name),
      kind,
      measure: v.measure ?? (isCodes ? "nominal" : "scale"),
      values,
      missing: { values: missingValues, ranges: v.missing.range === undefined ? [] : [v.missing.range] }
    })
  }
  return {
    id: input.id,
    title: plainLabel(input.title),
    source: input.source,
    ...(input.weightVariable !== undefined ? { weightVariable: input.weightVariable } : {}),
    variables,
    multipleResponseSets,
    indicatorSets
  }
}
