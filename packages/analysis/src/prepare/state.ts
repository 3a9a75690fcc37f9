import {
  type Codebook,
  type Dataset,
  type MissingSpec,
  plainLabel,
  type ValueLabel,
  type Variable
} from "@danvan/domain"
import type { Env } from "./compile.js"

/** A column while a recipe runs: typed values, replaced (never mutated) by the steps that change it. */
export interface WorkColumn {
  readonly type: "codes" | "numeric"
  readonly values: Int32Array | Float64Array
}

/** One line of the recipe log: what a step did, for the method notes and `prepare`'s summary. */
export interface RecipeLogEntry {
  readonly step: number
  readonly op: string
  readonly note?: string
  readonly summary: string
  /** Dedupe: the IDs of the dropped rows (at most 100). */
  readonly ids?: ReadonlyArray<number>
}

export interface State {
  rowCount: number
  order: Array<string>
  readonly cols: Map<string, WorkColumn>
  readonly vars: Map<string, Variable>
  /** 1 = selected for analysis; undefined until a filter step runs. */
  mask: Uint8Array | undefined
  codebook: Codebook | undefined
  readonly log: Array<RecipeLogEntry>
}

export const NO_MISSING: MissingSpec = { values: [], ranges: [] }

/** The variable description of `name`: the codebook's, or a plain one for a column it does not describe. */
export const variableOf = (s: State, name: string): Variable => {
  const known = s.vars.get(name)
  if (known !== undefined) return known
  const numeric = s.cols.get(name)?.type === "numeric"
  return {
    name,
    label: plainLabel(name),
    kind: numeric ? "numeric" : "single",
    measure: numeric ? "scale" : "nominal",
    values: [],
    missing: NO_MISSING
  }
}

/** The expression environment over the current state. */
export const envOf = (s: State): Env => ({
  order: s.order,
  has: (name) => s.cols.has(name),
  column: (name) => {
    const c = s.cols.get(name)!
    return { type: c.type, values: c.values, missing: variableOf(s, name).missing }
  }
})

/** Sets a column (appending it to the order when new) and, for a new or relabelled variable, its description. */
export const setColumn = (
  s: State,
  name: string,
  column: WorkColumn,
  meta: { readonly label?: Variable["label"]; readonly values?: ReadonlyArray<ValueLabel> } = {}
): void => {
  if (!s.cols.has(name)) s.order.push(name)
  s.cols.set(name, column)
  const old = s.vars.get(name)
  const numeric = column.type === "numeric"
  const base: Variable = old ?? {
    name,
    label: plainLabel(name),
    kind: numeric ? "numeric" : "single",
    measure: numeric ? "scale" : "nominal",
    values: [],
    missing: NO_MISSING
  }
  s.vars.set(name, {
    ...base,
    ...(meta.label !== undefined ? { label: meta.label } : {}),
    ...(meta.values !== undefined ? { values: meta.values } : {})
  })
}

/** The state of a dataset and its (optional) codebook before the first step. */
export const initialState = (dataset: Dataset, codebook: Codebook | undefined): State => ({
  rowCount: dataset.rowCount,
  order: dataset.columns.map((c) => c.name),
  cols: new Map(dataset.columns.map((c) => [c.name, { type: c.type, values: c.values }])),
  vars: new Map((codebook?.variables ?? []).map((v) => [v.name, v])),
  mask: undefined,
  codebook,
  log: []
})

/**
 * Float64 values to a codes column: whole numbers kept, NaN to system-missing; `undefined` when a value is
 * not a whole number (the caller names the step).
 */
export const toCodes = (values: Float64Array): { codes: Int32Array } | { bad: number; row: number } => {
  const out = new Int32Array(values.length)
  for (let r = 0; r < values.length; r++) {
    const x = values[r]!
    if (x !== x) out[r] = -2147483648
    else if (Number.isInteger(x) && Math.abs(x) < 2147483647) out[r] = x
    else return { bad: x, row: r }
  }
  return { codes: out }
}
