import type { BilingualLabel, Codebook, Dataset } from "@danvan/domain"
import { parseJsonText, SYSTEM_MISSING } from "@danvan/domain"
import * as Either from "effect/Either"
import { AnalysisError } from "./errors.js"
import { type CategoricalVariable, categoricalVariable, checkMissingNames } from "./variables.js"
import { analysisWeights, type WeightChoice } from "./weights.js"

/** Known population totals per variable: `{ "capbac": { "1": 120, "2": 480, "3": 700 } }`, by code or value label. */
export type RakeMargins = Readonly<Record<string, Readonly<Record<string, number>>>>

/** Options of {@link rake}. */
export interface RakeOptions extends WeightChoice {
  /**
   * Convergence tolerance, as R survey's `rake(control = list(epsilon))`: below 1 it is relative to the sum of the
   * starting weights; raking stops when no cell of the variables' joint table changes by `tolerance` or more
   * in a pass. Default 1e-10 (relative).
   */
  readonly tolerance?: number
  /** Iteration cap (passes over all variables), R's `maxit`; default 100. */
  readonly maxIterations?: number
  readonly missing?: Readonly<Record<string, ReadonlyArray<number>>>
}

/** One category of a raking variable: its target total and the weighted total before and after raking. */
export interface RakeCategory {
  readonly code: number
  readonly label: BilingualLabel
  readonly target: number
  readonly before: number
  readonly after: number
}

/** Raked weights and what raking did. */
export interface RakeResult {
  readonly kind: "rake"
  /** The starting weight variable (absent: every case started at 1). */
  readonly weight?: string
  readonly variables: ReadonlyArray<
    { readonly name: string; readonly label: BilingualLabel; readonly categories: ReadonlyArray<RakeCategory> }
  >
  /** The population total every margin sums to, and the sum of the starting weights. */
  readonly total: { readonly target: number; readonly before: number }
  readonly convergence: {
    readonly tolerance: number
    /** The tolerance in weighted-count units (relative tolerances times the sum of the starting weights). */
    readonly absoluteTolerance: number
    readonly maxIterations: number
    /** Passes over all variables until the joint table changed by less than the tolerance. */
    readonly iterations: number
    /** The largest change of a joint-table cell in the last pass. */
    readonly lastChange: number
  }
  /** Cases left out of raking (weight 0, blank or negative: their raked weight is 0). */
  readonly excluded: number
  /** One raked weight per data row. */
  readonly weights: Float64Array
}

const fail = (message: string) => Either.left(new AnalysisError({ code: "BAD_OPTION", message }))

interface Margin {
  readonly variable: CategoricalVariable
  /** target total per code */
  readonly targets: Map<number, number>
  readonly labels: Map<number, BilingualLabel>
}

/** The code a margin key names: an integer code, or a value label (vi or en) of the codebook. */
const codeOfKey = (v: CategoricalVariable, key: string): number | undefined => {
  const k = key.trim().normalize("NFC")
  if (/^[+-]?\d+$/.test(k)) return Number(k)
  const found = v.variable?.values.find((x) => x.label.vi.normalize("NFC") === k || x.label.en === k)
  return found?.code
}

const readMargin = (
  v: CategoricalVariable,
  spec: Readonly<Record<string, number>>
): Either.Either<Margin, AnalysisError> => {
  const targets = new Map<number, number>()
  const labels = new Map<number, BilingualLabel>()
  for (const [key, target] of Object.entries(spec)) {
    const code = codeOfKey(v, key)
    if (code === undefined) {
      return fail(
        `the margins of "${v.name}" name "${key}", which is neither a code nor a value label of "${v.name}"${
          v.variable === undefined ? " (without a codebook, give codes)" : ""
        }`
      )
    }
    if (typeof target !== "number" || !Number.isFinite(target) || target <= 0) {
      return fail(`the margin of "${v.name}" = ${key} is ${JSON.stringify(target)}; give a positive population total`)
    }
    if (targets.has(code)) return fail(`the margins of "${v.name}" give code ${code} twice ("${key}")`)
    targets.set(code, target)
    const l = v.variable?.values.find((x) => x.code === code)?.label
    labels.set(code, l ?? { vi: String(code), en: String(code) })
  }
  if (targets.size === 0) return fail(`the margins of "${v.name}" are empty`)
  return Either.right({ variable: v, targets, labels })
}

/** Every case with a positive weight has a code with a margin; every margin code has such a case. */
const checkCoverage = (m: Margin, w: Float64Array): Either.Either<void, AnalysisError> => {
  const seen = new Set<number>()
  const v = m.variable
  for (let k = 0; k < w.length; k++) {
    if (!(w[k]! > 0)) continue
    const c = v.codes[k]!
    if (c === SYSTEM_MISSING || v.isMissing(c)) {
      return fail(
        `"${v.name}" is ${c === SYSTEM_MISSING ? "blank" : `the missing code ${c}`} in data row ${k + 2}: every ` +
          `weighted case needs a category to be raked; fill it in, or give the case weight 0`
      )
    }
    if (!m.targets.has(c)) {
      return fail(
        `"${v.name}" has the code ${c} in data row ${k + 2}, which the margins do not list; add its population ` +
          `total to the margins of "${v.name}" or merge the category`
      )
    }
    seen.add(c)
  }
  for (const code of m.targets.keys()) {
    if (!seen.has(code)) {
      return fail(
        `the margins of "${v.name}" give a total for code ${code}, but no case with a positive weight has it; ` +
          `raking cannot reach that total: drop the code or merge it with another`
      )
    }
  }
  return Either.right(undefined)
}

const totalsBy = (m: Margin, w: Float64Array): Map<number, number> => {
  const out = new Map<number, number>([...m.targets.keys()].map((c) => [c, 0]))
  for (let k = 0; k < w.length; k++) {
    if (w[k]! > 0) out.set(m.variable.codes[k]!, out.get(m.variable.codes[k]!)! + w[k]!)
  }
  return out
}

/** The joint table of all raking variables, as weighted totals per observed cell. */
const jointTable = (cells: Int32Array, w: Float64Array, size: number): Float64Array => {
  const t = new Float64Array(size)
  for (let k = 0; k < w.length; k++) if (cells[k]! >= 0) t[cells[k]!]! += w[k]!
  return t
}

const jointCells = (margins: ReadonlyArray<Margin>, w: Float64Array): { cells: Int32Array; size: number } => {
  const ids = new Map<string, number>()
  const cells = new Int32Array(w.length).fill(-1)
  for (let k = 0; k < w.length; k++) {
    if (!(w[k]! > 0)) continue
    const key = margins.map((m) => m.variable.codes[k]).join(",")
    let id = ids.get(key)
    if (id === undefined) {
      id = ids.size
      ids.set(key, id)
    }
    cells[k] = id
  }
  return { cells, size: ids.size }
}

/** The category whose raked total is farthest from its target. */
const worstMargin = (parsed: ReadonlyArray<Margin>, after: ReadonlyArray<Map<number, number>>) => {
  let worst = { error: 0, name: "", code: 0, reached: 0, target: 0 }
  parsed.forEach((m, i) => {
    for (const [code, target] of m.targets) {
      const reached = after[i]!.get(code)!
      const error = Math.abs(reached - target)
      if (error > worst.error) worst = { error, name: m.variable.name, code, reached, target }
    }
  })
  return worst
}

/** A margin's categories in the codebook's order (codes ascending without one). */
const ordered = (m: Margin): Array<[number, number]> => {
  const order = (code: number) => {
    const i = m.variable.variable?.values.findIndex((x) => x.code === code) ?? -1
    return i < 0 ? Number.MAX_SAFE_INTEGER : i
  }
  return [...m.targets.entries()].sort(([a], [b]) => order(a) - order(b) || a - b)
}

/** Iterative proportional fitting, R survey's `rake`: post-stratify on each margin in turn, pass after pass. */
const fit = (margins: ReadonlyArray<Margin>, w: Float64Array, epsilon: number, maxIterations: number) => {
  const { cells, size } = jointCells(margins, w)
  let old = jointTable(cells, w, size)
  let change = Infinity
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    for (const m of margins) {
      const totals = totalsBy(m, w)
      const codes = m.variable.codes
      for (let k = 0; k < w.length; k++) {
        if (w[k]! > 0) w[k] = (w[k]! * m.targets.get(codes[k]!)!) / totals.get(codes[k]!)!
      }
    }
    const next = jointTable(cells, w, size)
    change = 0
    for (let c = 0; c < size; c++) change = Math.max(change, Math.abs(next[c]! - old[c]!))
    if (change < epsilon) return { converged: true, iterations: iteration + 1, change, cells: size }
    old = next
  }
  return { converged: false, iterations: maxIterations, change, cells: size }
}

/**
 * Rakes weights to known population totals of several variables (iterative proportional fitting), as R survey's
 * `rake(design, sample.margins, population.margins)`: each pass post-stratifies on every variable in turn
 * (w ← w·N_c/Σ_{k in c} w_k); it stops when no cell of the variables' joint table changes by the tolerance or
 * more in a pass (R's convergence rule), and fails after `maxIterations` passes.
 *
 * @example
 * const r = Either.getOrThrow(rake(dataset, codebook, { capbac: { "1": 120, "2": 480, "3": 700 } }, { weight: "w" }))
 * r.weights // the raked weight of every row
 */
export const rake = (
  dataset: Dataset,
  codebook: Codebook | undefined,
  margins: RakeMargins,
  options: RakeOptions = {}
): Either.Either<RakeResult, AnalysisError> =>
  Either.gen(function*() {
    const names = Object.keys(margins)
    if (names.length === 0) return yield* fail("the margins name no variable; give at least one")
    yield* checkMissingNames(dataset, options.missing)
    const tolerance = options.tolerance ?? 1e-10
    const maxIterations = options.maxIterations ?? 100
    if (!(tolerance > 0)) return yield* fail(`the tolerance must be positive, got ${tolerance}`)
    if (!Number.isInteger(maxIterations) || maxIterations < 1) {
      return yield* fail(`the iteration cap must be a positive integer, got ${maxIterations}`)
    }
    const start = yield* analysisWeights(dataset, codebook, options)
    const w = start === undefined ? new Float64Array(dataset.rowCount).fill(1) : Float64Array.from(start.values)
    const parsed: Array<Margin> = []
    for (const name of names) {
      const v = yield* categoricalVariable(dataset, codebook, name, options.missing)
      const m = yield* readMargin(v, margins[name]!)
      yield* checkCoverage(m, w)
      parsed.push(m)
    }
    const sums = parsed.map((m) => [...m.targets.values()].reduce((a, b) => a + b, 0))
    const bad = sums.findIndex((s) => Math.abs(s - sums[0]!) > 1e-9 * sums[0]!)
    if (bad >= 0) {
      return yield* fail(
        `the margins disagree on the population total: "${names[0]}" sums to ${sums[0]} but "${names[bad]}" ` +
          `to ${sums[bad]}; every variable's totals must add up to the same population`
      )
    }
    const before = parsed.map((m) => totalsBy(m, w))
    const sumBefore = w.reduce((a, b) => a + b, 0)
    const epsilon = tolerance < 1 ? tolerance * sumBefore : tolerance
    const result = fit(parsed, w, epsilon, maxIterations)
    if (!result.converged) {
      return yield* fail(
        `raking did not converge in ${maxIterations} iterations (the joint table of ${names.join(", ")} still ` +
          `changed by ${result.change} > ${epsilon}); check that the margins can be met together, or raise ` +
          `--max-iterations`
      )
    }
    const after = parsed.map((m) => totalsBy(m, w))
    // R stops when the joint table stops changing, even when the margins cannot all be met (a code of one variable
    // occurring only with codes of another whose totals are smaller): refuse that, naming the worst category
    const worst = worstMargin(parsed, after)
    if (worst.error > result.cells * epsilon + 1e-9 * sums[0]!) {
      return yield* fail(
        `the margins cannot all be met together: raking settled with "${worst.name}" = ${worst.code} at ` +
          `${worst.reached} instead of ${worst.target}; a category of one variable probably occurs only with ` +
          `categories of another whose totals are smaller: check the margins against the data`
      )
    }
    return {
      kind: "rake" as const,
      ...(start === undefined ? {} : { weight: start.variable }),
      variables: parsed.map((m, i) => ({
        name: m.variable.name,
        label: m.variable.label,
        categories: ordered(m).map(([code, target]) => ({
          code,
          label: m.labels.get(code)!,
          target,
          before: before[i]!.get(code)!,
          after: after[i]!.get(code)!
        }))
      })),
      total: { target: sums[0]!, before: sumBefore },
      convergence: {
        tolerance,
        absoluteTolerance: epsilon,
        maxIterations,
        iterations: result.iterations,
        lastChange: result.change
      },
      excluded: w.reduce((n, x) => n + (x > 0 ? 0 : 1), 0),
      weights: w
    }
  })

/**
 * Parses a margins file: `{ "VAR": { "CODE or label": total, ... }, ... }`, with a message naming the file and the
 * entry that is wrong.
 *
 * @example
 * parseRakeMargins('{"capbac": {"1": 120, "2": 480}}', "m.json") // Right({ capbac: { "1": 120, "2": 480 } })
 */
export const parseRakeMargins = (text: string, source: string): Either.Either<RakeMargins, AnalysisError> => {
  const parsed = parseJsonText(text)
  if (Either.isLeft(parsed)) return fail(`${source} is ${parsed.left}`)
  const json = parsed.right
  const expected = `expected {"VARIABLE": {"CODE or value label": population total, ...}, ...}`
  if (typeof json !== "object" || json === null || Array.isArray(json)) return fail(`${source}: ${expected}`)
  // prototype-free: a variable or label called __proto__ is a name like any other
  const out: Record<string, Record<string, number>> = Object.create(null)
  for (const [name, spec] of Object.entries(json)) {
    if (typeof spec !== "object" || spec === null || Array.isArray(spec)) {
      return fail(`${source}: "${name}" is not an object of totals; ${expected}`)
    }
    const totals: Record<string, number> = Object.create(null)
    for (const [key, total] of Object.entries(spec as Record<string, unknown>)) {
      if (typeof total !== "number") {
        return fail(
          `${source}: "${name}" → "${key}" is ${JSON.stringify(total)}; give the population total as a number`
        )
      }
      totals[key] = total
    }
    out[name] = totals
  }
  return Either.right(out)
}
