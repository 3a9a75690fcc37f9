import {
  type Codebook,
  codebookFromDataset,
  type Column,
  type Dataset,
  makeDataset,
  plainLabel,
  type Recipe,
  RecipeError,
  type RecipeStep,
  type Variable
} from "@danvan/domain"
import * as Either from "effect/Either"
import { ExpressionError } from "./compile.js"
import { initialState, type RecipeLogEntry, type State, variableOf } from "./state.js"
import { runAppend, runDedupe, runKeepDrop, runLabel, runMerge, runMissing, runRename } from "./structure.js"
import { runBin, runCompute, runCount, runFilter, runRecode, runReverse, runScore, StepDataError } from "./transform.js"
import { type Shape, validateRecipe } from "./validate.js"

/** Another data file a recipe names (`append`, `merge`), read by the caller with the same codebook. */
export interface OtherData {
  readonly dataset: Dataset
  readonly codebook: Codebook | undefined
}

/** A prepared dataset: what the analyses see, every row for writing out, the codebook and the log. */
export interface PreparedData {
  /** The rows selected by the recipe's filters (all rows when it has none): what analyses read. */
  readonly dataset: Dataset
  /** Every row, with a `filter_$` column (1 = selected) when the recipe filters: what `prepare --out` writes. */
  readonly all: Dataset
  /** The codebook of the result: new variables, labels and missing codes included. */
  readonly codebook: Codebook | undefined
  readonly log: ReadonlyArray<RecipeLogEntry>
}

/** The name of the selection column in `PreparedData.all` (SPSS's FILTER variable). */
export const FILTER_VARIABLE = "filter_$"

const shapeOf = (d: Dataset): Shape => ({
  order: d.columns.map((c) => c.name),
  types: new Map(d.columns.map((c) => [c.name, c.type]))
})

const runStep = (
  s: State,
  step: RecipeStep,
  others: ReadonlyMap<string, OtherData>
): { summary: string; ids?: Array<number> } => {
  switch (step.op) {
    case "recode":
      return { summary: runRecode(s, step) }
    case "compute":
      return { summary: runCompute(s, step) }
    case "score":
      return { summary: runScore(s, step) }
    case "reverse":
      return { summary: runReverse(s, step) }
    case "count":
      return { summary: runCount(s, step) }
    case "bin":
      return { summary: runBin(s, step) }
    case "filter":
      return { summary: runFilter(s, step) }
    case "rename":
      return { summary: runRename(s, step) }
    case "keep":
    case "drop":
      return { summary: runKeepDrop(s, step) }
    case "label":
      return { summary: runLabel(s, step) }
    case "missing":
      return { summary: runMissing(s, step) }
    case "append":
      return { summary: runAppend(s, step, others.get(step.data)!) }
    case "merge":
      return { summary: runMerge(s, step, others.get(step.data)!) }
    case "dedupe":
      return runDedupe(s, step)
  }
}

const columnsOf = (
  s: State,
  rows: ((values: Int32Array | Float64Array) => Int32Array | Float64Array) | undefined
): Array<Column> =>
  s.order.map((name) => {
    const c = s.cols.get(name)!
    const values = rows === undefined ? c.values : rows(c.values)
    return c.type === "codes"
      ? { name, type: "codes", values: values as Int32Array }
      : { name, type: "numeric", values: values as Float64Array }
  })

const resultCodebook = (s: State, base: Codebook | undefined, all: Dataset): Codebook | undefined => {
  if (base === undefined && s.vars.size === 0) return undefined
  // Only the columns nothing describes are scanned for their codes.
  const undescribed = makeDataset(all.columns.filter((c) => !s.vars.has(c.name)))
  const derived = codebookFromDataset(undescribed, {
    id: base?.id ?? "recipe",
    title: base?.title ?? plainLabel("recipe")
  })
  const byName = new Map(derived.variables.map((v) => [v.name, v]))
  const inData = new Set(all.columns.map((c) => c.name))
  // The codebook's variables that the file does not hold stay described (a plan may name them).
  const absent = [...s.vars.values()].filter((v) => !inData.has(v.name))
  const variables: Array<Variable> = [...all.columns.map((c) => byName.get(c.name) ?? variableOf(s, c.name)), ...absent]
  const names = new Set(variables.map((v) => v.name))
  const cb = s.codebook ?? derived
  return {
    ...cb,
    variables,
    multipleResponseSets: cb.multipleResponseSets.filter((m) => m.items.every((i) => names.has(i))),
    indicatorSets: cb.indicatorSets.filter((m) => m.items.every((i) => names.has(i))),
    ...(cb.groupVariable !== undefined && !names.has(cb.groupVariable) ? { groupVariable: undefined } : {}),
    ...(cb.weightVariable !== undefined && !names.has(cb.weightVariable) ? { weightVariable: undefined } : {})
  }
}

const selectRows = (mask: Uint8Array) => {
  let n = 0
  for (let r = 0; r < mask.length; r++) n += mask[r]!
  const rows = new Int32Array(n)
  for (let r = 0, k = 0; r < mask.length; r++) if (mask[r] === 1) rows[k++] = r
  return (values: Int32Array | Float64Array) => {
    const out = values instanceof Int32Array ? new Int32Array(n) : new Float64Array(n)
    for (let k = 0; k < n; k++) out[k] = values[rows[k]!]!
    return out
  }
}

const finish = (s: State, dataset: Dataset, base: Codebook | undefined): PreparedData => {
  const typing = dataset.typing?.filter((t) => !s.cols.has(t.name))
  const filterColumn: Array<Column> = s.mask === undefined
    ? []
    : [{ name: FILTER_VARIABLE, type: "codes", values: Int32Array.from(s.mask) }]
  if (s.mask !== undefined) {
    s.vars.set(FILTER_VARIABLE, {
      name: FILTER_VARIABLE,
      label: { vi: "Được chọn để phân tích", en: "Selected for analysis" },
      kind: "single",
      measure: "nominal",
      values: [
        { code: 0, label: { vi: "Không chọn", en: "Not selected" } },
        { code: 1, label: { vi: "Được chọn", en: "Selected" } }
      ],
      missing: { values: [], ranges: [] }
    })
  }
  const all = makeDataset([...columnsOf(s, undefined), ...filterColumn], dataset.codebookId, typing)
  const selected = s.mask === undefined
    ? makeDataset(columnsOf(s, undefined), dataset.codebookId, typing)
    : makeDataset(columnsOf(s, selectRows(s.mask)), dataset.codebookId, typing)
  return { dataset: selected, all, codebook: resultCodebook(s, base, all), log: s.log }
}

/**
 * Applies a recipe to a dataset: validates every step against the columns first (nothing is computed when a
 * step names an unknown variable, mixes types or defines a variable by itself), then runs the steps in order
 * on typed-array columns. `others` holds the data files that `append` and `merge` steps name, by the name the
 * recipe uses. Errors carry the step's JSON path (`$.steps[2].expr`), the position and the variable.
 *
 * @example
 * const prepared = applyRecipe(dataset, codebook, { version: 1, steps: [{ op: "filter", expr: "age >= 18" }] })
 * if (Either.isRight(prepared)) prepared.right.dataset.rowCount // adults only
 */
export const applyRecipe = (
  dataset: Dataset,
  codebook: Codebook | undefined,
  recipe: Recipe,
  others: ReadonlyMap<string, OtherData> = new Map(),
  source = "recipe"
): Either.Either<PreparedData, RecipeError> => {
  const shapes = new Map([...others].map(([k, v]) => [k, shapeOf(v.dataset)]))
  const issues = validateRecipe(recipe, shapeOf(dataset), shapes)
  if (issues.length > 0) return Either.left(new RecipeError({ source, issues }))
  const s = initialState(dataset, codebook)
  for (const [k, step] of recipe.steps.entries()) {
    try {
      const done = runStep(s, step, others)
      s.log.push({
        step: k + 1,
        op: step.op,
        ...(step.note !== undefined ? { note: step.note } : {}),
        summary: done.summary,
        ...(done.ids !== undefined ? { ids: done.ids } : {})
      })
    } catch (e) {
      if (e instanceof StepDataError || e instanceof ExpressionError) {
        const field = e instanceof StepDataError ? e.field : ""
        return Either.left(
          new RecipeError({ source, issues: [{ path: `$.steps[${k}]${field}`, message: `${step.op}: ${e.message}` }] })
        )
      }
      throw e
    }
  }
  return Either.right(finish(s, dataset, codebook))
}
