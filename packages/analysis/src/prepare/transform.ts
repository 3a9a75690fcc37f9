import { type RecipeStep, type RecodeMatch, SYSTEM_MISSING, type ValueLabel } from "@danvan/domain"
import { columnReader, compile, missingTest } from "./compile.js"
import { parseExpression } from "./parse.js"
import { envOf, setColumn, type State, toCodes, variableOf, type WorkColumn } from "./state.js"
import { outputType, reverseType } from "./validate.js"

/** A step failed on the data itself (a non-whole value stored as codes): named by the caller with the step. */
export class StepDataError extends Error {
  constructor(readonly field: string, readonly detail: string) {
    super(detail)
  }
}

type Step<K extends RecipeStep["op"]> = Extract<RecipeStep, { op: K }>

const store = (values: Float64Array, type: "codes" | "numeric", field: string): WorkColumn => {
  if (type === "numeric") return { type, values }
  const codes = toCodes(values)
  if ("bad" in codes) {
    throw new StepDataError(field, `row ${codes.row + 1} gives ${codes.bad}, which is not a whole-number code`)
  }
  return { type, values: codes.codes }
}

/** Whether a value (NaN = system-missing; `user` = user-missing) matches a recode/count specification. */
export const matcher = (m: RecodeMatch): (x: number, user: boolean) => boolean => {
  if (m === "sysmis") return (x) => x !== x
  if (m === "missing") return (x, user) => x !== x || user
  if (typeof m === "number") return (x) => x === m
  if (Array.isArray(m)) {
    const set = new Set<number>(m)
    return (x) => set.has(x)
  }
  const range = m as { low?: number; high?: number }
  const low = range.low ?? -Infinity
  const high = range.high ?? Infinity
  return (x) => x >= low && x <= high
}

const userMissingReader = (s: State, name: string) => {
  const raw = columnReader(envOf(s).column(name), true)
  const missing = missingTest(variableOf(s, name).missing)
  return { raw, isUser: (r: number) => missing(raw(r)) }
}

export const runRecode = (s: State, step: Step<"recode">): string => {
  const into = step.into
  const elseCopy = (step.else ?? (into === undefined ? "copy" : "missing")) === "copy"
  const whole = step.rules.every((r) => r.to === "sysmis" || Number.isInteger(r.to))
  const tests = step.rules.map((r) => matcher(r.from))
  const to = step.rules.map((r) => (r.to === "sysmis" ? NaN : r.to))
  step.variables.forEach((name, k) => {
    const { raw, isUser } = userMissingReader(s, name)
    const out = new Float64Array(s.rowCount)
    for (let r = 0; r < s.rowCount; r++) {
      const x = raw(r)
      const user = isUser(r)
      let k = 0
      while (k < tests.length && !tests[k]!(x, user)) k++
      out[r] = k < tests.length ? to[k]! : elseCopy ? x : NaN
    }
    const type = outputType(s.cols.get(name)!.type, into !== undefined, whole)
    setColumn(s, into?.[k] ?? name, store(out, type, ".rules"), labels(step))
  })
  return `recoded ${step.variables.join(", ")}${into !== undefined ? ` into ${into.join(", ")}` : ""}`
}

const labels = (step: { readonly label?: ValueLabel["label"]; readonly values?: ReadonlyArray<ValueLabel> }) => ({
  ...(step.label !== undefined ? { label: step.label } : {}),
  ...(step.values !== undefined ? { values: step.values } : {})
})

export const runReverse = (s: State, step: Step<"reverse">): string => {
  step.variables.forEach((name, k) => {
    const read = columnReader(envOf(s).column(name), true)
    const out = new Float64Array(s.rowCount)
    for (let r = 0; r < s.rowCount; r++) out[r] = step.min + step.max - read(r)
    const type = reverseType(s.cols.get(name)!.type, step.min, step.max)
    const source = variableOf(s, name)
    // Value labels follow their codes; user-missing codes are left as they were.
    const missing = missingTest(source.missing)
    const values = source.values.map((v) => (missing(v.code) ? v : { ...v, code: step.min + step.max - v.code }))
    const target = step.into?.[k] ?? name
    setColumn(s, target, keepMissing(store(out, type, ".variables"), read, source.missing, s.rowCount), { values })
  })
  return `reversed ${step.variables.join(", ")} (x -> ${step.min + step.max} - x)`
}

/** Reversal leaves user-missing codes (9 = no answer) as they are. */
const keepMissing = (
  c: WorkColumn,
  raw: (r: number) => number,
  missing: { values: ReadonlyArray<number>; ranges: ReadonlyArray<{ low: number; high: number }> },
  n: number
): WorkColumn => {
  if (missing.values.length === 0 && missing.ranges.length === 0) return c
  for (let r = 0; r < n; r++) {
    const x = raw(r)
    if (missing.values.includes(x) || missing.ranges.some((g) => x >= g.low && x <= g.high)) c.values[r] = x
  }
  return c
}

export const runCompute = (s: State, step: Step<"compute">): string => {
  const env = envOf(s)
  const f = compile(parseExpression(step.expr), env)
  const when = step.when !== undefined ? compile(parseExpression(step.when), env) : undefined
  const otherwise = step.else !== undefined ? compile(parseExpression(step.else), env) : undefined
  const old = s.cols.has(step.target) ? columnReader(env.column(step.target), true) : undefined
  const out = new Float64Array(s.rowCount)
  for (let r = 0; r < s.rowCount; r++) {
    // As SPSS's DO IF: a missing condition runs neither branch.
    const w = when === undefined ? 1 : when(r)
    out[r] = w === 1 ? f(r) : w === 0 && otherwise !== undefined ? otherwise(r) : old !== undefined ? old(r) : NaN
  }
  const type = step.type ?? (old !== undefined ? s.cols.get(step.target)!.type : "numeric")
  setColumn(s, step.target, store(out, type, ".expr"), labels(step))
  return `${step.target} = ${step.expr}${step.when !== undefined ? ` if ${step.when}` : ""}${
    step.else !== undefined ? `, else ${step.else}` : ""
  }`
}

export const runScore = (s: State, step: Step<"score">): string => {
  const fn = step.function.toUpperCase()
  const expr = `${fn}.${step.minValid ?? 1}(${step.items.join(", ")})`
  runCompute(s, { op: "compute", target: step.target, expr, ...labels(step) })
  return `${step.target} = ${expr}`
}

export const runCount = (s: State, step: Step<"count">): string => {
  const out = new Int32Array(s.rowCount)
  const tests = step.values.map(matcher)
  for (const name of step.items) {
    const { raw, isUser } = userMissingReader(s, name)
    for (let r = 0; r < s.rowCount; r++) {
      const x = raw(r)
      const user = isUser(r)
      for (let k = 0; k < tests.length; k++) {
        if (tests[k]!(x, user)) {
          out[r]!++
          break
        }
      }
    }
  }
  setColumn(s, step.target, { type: "codes", values: out }, step.label !== undefined ? { label: step.label } : {})
  return `${step.target} = count of ${step.items.join(", ")} holding ${JSON.stringify(step.values)}`
}

export const runBin = (s: State, step: Step<"bin">): string => {
  const read = columnReader(envOf(s).column(step.variable), false)
  const out = new Int32Array(s.rowCount)
  for (let r = 0; r < s.rowCount; r++) {
    const x = read(r)
    const bin = x !== x
      ? undefined
      : step.bins.find((b) => (b.low === undefined || x >= b.low) && (b.high === undefined || x < b.high))
    out[r] = bin === undefined ? SYSTEM_MISSING : bin.code
  }
  const values = step.bins.map((b) => ({ code: b.code, label: b.label }))
  setColumn(s, step.into, { type: "codes", values: out }, {
    values,
    ...(step.label !== undefined ? { label: step.label } : {})
  })
  return `${step.into} = ${step.variable} in ${step.bins.length} bins`
}

export const runFilter = (s: State, step: Step<"filter">): string => {
  const f = compile(parseExpression(step.expr), envOf(s))
  const mask = s.mask ?? new Uint8Array(s.rowCount).fill(1)
  let kept = 0
  for (let r = 0; r < s.rowCount; r++) {
    if (mask[r] === 1 && f(r) !== 1) mask[r] = 0
    kept += mask[r]!
  }
  s.mask = mask
  return `selected cases where ${step.expr}: ${kept} of ${s.rowCount} kept for analysis`
}
