import type { Codebook, Variable } from "./Codebook.js"
import { type Dataset, SYSTEM_MISSING } from "./Dataset.js"
import { type BilingualLabel, plainLabel } from "./Label.js"

/**
 * A codebook read off a dataset that came without one: each column of integer codes is a single-choice
 * variable whose categories are the codes it holds (labelled by the code itself), each numeric column a
 * numeric variable. No missing codes, no sets: write a codebook to say more. Pure.
 *
 * @example
 * const codebook = codebookFromDataset(dataset, { id: "survey", title: plainLabel("survey.csv") })
 * codebook.variables.map((v) => v.kind) // ["single", "numeric"]
 */
export const codebookFromDataset = (
  dataset: Dataset,
  meta: { readonly id: string; readonly title: BilingualLabel }
): Codebook => ({
  id: meta.id,
  title: meta.title,
  variables: dataset.columns.map((column): Variable => {
    const base = { name: column.name, label: plainLabel(column.name), missing: { values: [], ranges: [] } }
    if (column.type === "numeric") return { ...base, kind: "numeric", measure: "scale", values: [] }
    const codes = new Set<number>()
    for (const c of column.values) if (c !== SYSTEM_MISSING) codes.add(c)
    const values = [...codes].sort((a, b) => a - b).map((code) => ({ code, label: plainLabel(String(code)) }))
    return { ...base, kind: "single", measure: "nominal", values }
  }),
  multipleResponseSets: [],
  indicatorSets: []
})
