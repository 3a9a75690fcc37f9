import { type Codebook, type Dataset, type RecipeStep, SYSTEM_MISSING, type Variable } from "@danvan/domain"
import { columnReader } from "./compile.js"
import { envOf, NO_MISSING, type State, variableOf, type WorkColumn } from "./state.js"
import { StepDataError } from "./transform.js"

type Step<K extends RecipeStep["op"]> = Extract<RecipeStep, { op: K }>

const renameInCodebook = (c: Codebook | undefined, to: (n: string) => string): Codebook | undefined =>
  c === undefined
    ? undefined
    : {
      ...c,
      ...(c.groupVariable !== undefined ? { groupVariable: to(c.groupVariable) } : {}),
      ...(c.weightVariable !== undefined ? { weightVariable: to(c.weightVariable) } : {}),
      multipleResponseSets: c.multipleResponseSets.map((m) => ({ ...m, items: mapItems(m.items, to) })),
      indicatorSets: c.indicatorSets.map((m) => ({ ...m, items: mapItems(m.items, to) }))
    }

const mapItems = (
  items: readonly [string, ...Array<string>],
  to: (n: string) => string
): [string, ...Array<string>] => [
  to(items[0]),
  ...items.slice(1).map(to)
]

export const runRename = (s: State, step: Step<"rename">): string => {
  const to = (n: string) => step.names[n] ?? n
  const cols = new Map(s.cols)
  const vars = new Map(s.vars)
  s.cols.clear()
  s.vars.clear()
  for (const n of s.order) {
    s.cols.set(to(n), cols.get(n)!)
    const v = vars.get(n)
    if (v !== undefined) s.vars.set(to(n), { ...v, name: to(n) })
  }
  s.order = s.order.map(to)
  s.codebook = renameInCodebook(s.codebook, to)
  return `renamed ${Object.entries(step.names).map(([a, b]) => `${a} -> ${b}`).join(", ")}`
}

export const runKeepDrop = (s: State, step: Step<"keep" | "drop">): string => {
  const chosen = new Set(step.variables)
  const removed = s.order.filter((n) => chosen.has(n) !== (step.op === "keep"))
  for (const n of removed) {
    s.cols.delete(n)
    s.vars.delete(n)
  }
  s.order = s.order.filter((n) => s.cols.has(n))
  return `${step.op === "keep" ? "kept" : "dropped"} ${step.variables.join(", ")} (${s.order.length} variables remain)`
}

export const runLabel = (s: State, step: Step<"label">): string => {
  const v = variableOf(s, step.variable)
  s.vars.set(step.variable, {
    ...v,
    ...(step.label !== undefined ? { label: step.label } : {}),
    ...(step.values !== undefined ? { values: step.values } : {})
  })
  return `labelled ${step.variable}`
}

export const runMissing = (s: State, step: Step<"missing">): string => {
  for (const n of step.variables) {
    s.vars.set(n, { ...variableOf(s, n), missing: { values: step.values, ranges: step.ranges } })
  }
  return `user-missing for ${step.variables.join(", ")}: ${
    [...step.values.map(String), ...step.ranges.map((r) => `${r.low} thru ${r.high}`)].join(", ") || "none"
  }`
}

const emptyLike = (type: "codes" | "numeric", n: number): WorkColumn =>
  type === "codes"
    ? { type, values: new Int32Array(n).fill(SYSTEM_MISSING) }
    : { type, values: new Float64Array(n).fill(NaN) }

const asNumeric = (c: WorkColumn): Float64Array => {
  if (c.type === "numeric") return c.values as Float64Array
  const out = new Float64Array(c.values.length)
  c.values.forEach((x, r) => (out[r] = x === SYSTEM_MISSING ? NaN : x))
  return out
}

const concat = (a: WorkColumn, b: WorkColumn): WorkColumn => {
  if (a.type === "codes" && b.type === "codes") {
    const out = new Int32Array(a.values.length + b.values.length)
    out.set(a.values)
    out.set(b.values, a.values.length)
    return { type: "codes", values: out }
  }
  const x = asNumeric(a)
  const y = asNumeric(b)
  const out = new Float64Array(x.length + y.length)
  out.set(x)
  out.set(y, x.length)
  return { type: "numeric", values: out }
}

const addVariables = (s: State, other: { readonly codebook: Codebook | undefined }, names: ReadonlyArray<string>) => {
  for (const n of names) {
    const v = other.codebook?.variables.find((x: Variable) => x.name === n)
    if (!s.vars.has(n) && v !== undefined) s.vars.set(n, v)
  }
}

/** SPSS ADD FILES: the other file's rows after these; a variable one file lacks is system-missing there. */
export const runAppend = (
  s: State,
  step: Step<"append">,
  other: { readonly dataset: Dataset; readonly codebook: Codebook | undefined }
): string => {
  const d = other.dataset
  const names = [...s.order, ...d.columns.map((c) => c.name).filter((n) => !s.cols.has(n))]
  for (const n of names) {
    const mine = s.cols.get(n) ?? emptyLike(d.columns.find((c) => c.name === n)!.type, s.rowCount)
    const theirs = d.columns.find((c) => c.name === n) ?? emptyLike(mine.type, d.rowCount)
    s.cols.set(n, concat(mine, { type: theirs.type, values: theirs.values }))
  }
  addVariables(s, other, names)
  s.order = names
  if (s.mask !== undefined) {
    const mask = new Uint8Array(s.rowCount + d.rowCount).fill(1)
    mask.set(s.mask)
    s.mask = mask
  }
  s.rowCount += d.rowCount
  return `appended ${d.rowCount} rows of ${step.data} (${s.rowCount} rows now)`
}

/** SPSS MATCH FILES /FILE=* /TABLE=other /BY id: each row gets the other file's variables of the same ID. */
export const runMerge = (
  s: State,
  step: Step<"merge">,
  other: { readonly dataset: Dataset; readonly codebook: Codebook | undefined }
): string => {
  const d = other.dataset
  const theirId = columnReader({ ...d.columns.find((c) => c.name === step.by)!, missing: NO_MISSING }, true)
  const index = new Map<number, number>()
  for (let r = 0; r < d.rowCount; r++) {
    const id = theirId(r)
    if (id !== id) continue
    if (index.has(id)) {
      throw new StepDataError(
        ".data",
        `${step.data} holds ${step.by} = ${id} twice (rows ${index.get(id)! + 2} and ${
          r + 2
        }); a table to merge needs unique IDs (add a dedupe step to it first)`
      )
    }
    index.set(id, r)
  }
  const myId = columnReader(envOf(s).column(step.by), true)
  const rows = new Int32Array(s.rowCount)
  let matched = 0
  for (let r = 0; r < s.rowCount; r++) {
    const id = myId(r)
    const at = id === id ? index.get(id) : undefined
    rows[r] = at ?? -1
    if (at !== undefined) matched++
  }
  const added = d.columns.filter((c) => !s.cols.has(c.name))
  for (const c of added) {
    const out = emptyLike(c.type, s.rowCount)
    for (let r = 0; r < s.rowCount; r++) if (rows[r]! >= 0) out.values[r] = c.values[rows[r]!]!
    s.cols.set(c.name, out)
    s.order.push(c.name)
  }
  addVariables(s, other, added.map((c) => c.name))
  return `merged ${added.length} variables of ${step.data} by ${step.by}: ${matched} of ${s.rowCount} rows matched`
}

/** Keeps the first row of each ID; the dropped rows' IDs are reported. */
export const runDedupe = (s: State, step: Step<"dedupe">): { summary: string; ids: Array<number> } => {
  const id = columnReader(envOf(s).column(step.by), true)
  const seen = new Set<number>()
  const keep: Array<number> = []
  const dropped: Array<number> = []
  for (let r = 0; r < s.rowCount; r++) {
    const x = id(r)
    if (x === x && seen.has(x)) {
      dropped.push(x)
      continue
    }
    if (x === x) seen.add(x)
    keep.push(r)
  }
  if (dropped.length > 0) {
    for (const n of s.order) {
      const c = s.cols.get(n)!
      const out = c.type === "codes" ? new Int32Array(keep.length) : new Float64Array(keep.length)
      keep.forEach((r, k) => (out[k] = c.values[r]!))
      s.cols.set(n, { type: c.type, values: out })
    }
    if (s.mask !== undefined) s.mask = Uint8Array.from(keep, (r) => s.mask![r]!)
    s.rowCount = keep.length
  }
  const shown = dropped.slice(0, 20).join(", ")
  const summary = `dropped ${dropped.length} rows with a repeated ${step.by}${
    dropped.length > 0 ? ` (${shown}${dropped.length > 20 ? ", …" : ""})` : ""
  }; the first of each was kept`
  return { summary, ids: dropped.slice(0, 100) }
}
