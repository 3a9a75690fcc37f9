import {
  type CheckRules,
  type Codebook,
  type Dataset,
  isUserMissing,
  RecipeError,
  SYSTEM_MISSING
} from "@danvan/domain"
import * as Either from "effect/Either"
import { columnReader, compile, type Env, ExpressionError, typeOf } from "./compile.js"
import { parseExpression } from "./parse.js"
import { ExpressionSyntaxError } from "./tokenize.js"

/** One finding of `checkData`. `ids`: the case IDs (or 1-based row numbers without an ID), at most 200. */
export interface CheckFinding {
  readonly level: "error" | "warning" | "info"
  readonly code: "UNDEFINED_CODE" | "OUT_OF_RANGE" | "MISSING" | "DUPLICATE_ID" | "RULE" | "STRAIGHT_LINING"
  readonly check: string
  readonly variable?: string
  readonly message: string
  readonly count: number
  readonly ids: ReadonlyArray<number>
}

export interface CheckReport {
  readonly rows: number
  /** The ID variable the `ids` are values of; undefined when they are row numbers. */
  readonly idVariable?: string
  readonly findings: ReadonlyArray<CheckFinding>
  readonly errors: number
}

const MAX_IDS = 200

const envOf = (d: Dataset, codebook: Codebook | undefined): Env => ({
  order: d.columns.map((c) => c.name),
  has: (n) => d.columns.some((c) => c.name === n),
  column: (n) => {
    const c = d.columns.find((x) => x.name === n)!
    return {
      type: c.type,
      values: c.values,
      missing: codebook?.variables.find((v) => v.name === n)?.missing ?? { values: [], ranges: [] }
    }
  }
})

const compileRule = (text: string, env: Env, path: string): (r: number) => number => {
  try {
    const e = parseExpression(text)
    if (typeOf(e, env) !== "logical") {
      throw new ExpressionError(1, "a rule needs a condition (true/false), not a number")
    }
    return compile(e, env)
  } catch (err) {
    if (err instanceof ExpressionSyntaxError || err instanceof ExpressionError) {
      const v = err instanceof ExpressionError && err.variable !== undefined ? ` (variable "${err.variable}")` : ""
      throw new RecipeError({
        source: "rules",
        issues: [{ path, message: `in "${text}" at character ${err.pos}: ${err.detail}${v}` }]
      })
    }
    throw err
  }
}

/**
 * Checks data against its codebook and a rules file: codes without a label, numbers out of range, missing
 * values by variable, duplicate IDs, consistency rules (`when` ... `require`, in the recipe expression language)
 * and straight-lining over item sets. Every finding lists the case IDs. Rules are validated before any row is
 * read.
 *
 * @example
 * const report = checkData(dataset, codebook, {
 *   version: 1,
 *   rules: [{ name: "skip", level: "error", when: "q5 = 2", require: "MISSING(q6)" }],
 *   ranges: [],
 *   straightlining: []
 * })
 * report.errors // number of error-level findings
 */
export const checkData = (
  dataset: Dataset,
  codebook: Codebook | undefined,
  rules: CheckRules | undefined,
  source = "rules"
): Either.Either<CheckReport, RecipeError> => {
  const env = envOf(dataset, codebook)
  const idName = rules?.id ?? codebook?.variables.find((v) => v.role === "id" && env.has(v.name))?.name ??
    (env.has("id") ? "id" : undefined)
  if (idName !== undefined && !env.has(idName)) {
    return Either.left(new RecipeError({ source, issues: [{ path: "$.id", message: `unknown variable "${idName}"` }] }))
  }
  let compiled: Array<
    { rule: CheckRules["rules"][number]; when: ((r: number) => number) | undefined; require: (r: number) => number }
  >
  try {
    compiled = (rules?.rules ?? []).map((rule, k) => ({
      rule,
      when: rule.when !== undefined ? compileRule(rule.when, env, `$.rules[${k}].when`) : undefined,
      require: compileRule(rule.require, env, `$.rules[${k}].require`)
    }))
    const unknown = [
      ...(rules?.ranges ?? []).flatMap((g, k) =>
        g.variables.map((v, j) => [v, `$.ranges[${k}].variables[${j}]`] as const)
      ),
      ...(rules?.straightlining ?? []).flatMap((g, k) =>
        g.items.map((v, j) => [v, `$.straightlining[${k}].items[${j}]`] as const)
      )
    ].filter(([v]) => !env.has(v))
    if (unknown.length > 0) {
      return Either.left(
        new RecipeError({ source, issues: unknown.map(([v, path]) => ({ path, message: `unknown variable "${v}"` })) })
      )
    }
  } catch (e) {
    if (e instanceof RecipeError) return Either.left(new RecipeError({ source, issues: e.issues }))
    throw e
  }
  const idOf = idName !== undefined ? columnReader(env.column(idName), true) : (r: number) => r + 1
  const findings: Array<CheckFinding> = []
  const add = (f: Omit<CheckFinding, "ids" | "count">, rows: Array<number>) => {
    if (rows.length > 0) findings.push({ ...f, count: rows.length, ids: rows.slice(0, MAX_IDS).map(idOf) })
  }
  codeFindings(dataset, codebook, add)
  for (const g of rules?.ranges ?? []) {
    for (const v of g.variables) {
      const read = columnReader(env.column(v), false)
      add({
        level: g.level,
        code: "OUT_OF_RANGE",
        check: "range",
        variable: v,
        message: `${v} outside ${g.min} to ${g.max}`
      }, rowsWhere(dataset.rowCount, (r) => read(r) < g.min || read(r) > g.max))
    }
  }
  if (idName !== undefined) {
    const read = columnReader(env.column(idName), true)
    const seen = new Set<number>()
    add(
      {
        level: "error",
        code: "DUPLICATE_ID",
        check: "duplicate-id",
        variable: idName,
        message: `${idName} repeats an earlier row's`
      },
      rowsWhere(dataset.rowCount, (r) => {
        const x = read(r)
        if (x !== x) return false
        if (seen.has(x)) return true
        seen.add(x)
        return false
      })
    )
  }
  for (const { rule, when, require } of compiled) {
    const text = rule.when !== undefined ? `if ${rule.when} then ${rule.require}` : rule.require
    add({
      level: rule.level,
      code: "RULE",
      check: rule.name,
      message: `${rule.name}: ${text}${rule.note !== undefined ? ` (${rule.note})` : ""}`
    }, rowsWhere(dataset.rowCount, (r) => (when === undefined || when(r) === 1) && require(r) !== 1))
  }
  for (const g of rules?.straightlining ?? []) {
    const reads = g.items.map((v) => columnReader(env.column(v), false))
    add(
      {
        level: g.level,
        code: "STRAIGHT_LINING",
        check: g.name,
        message: `${g.name}: the same answer to all ${g.items.length} items (${g.items.join(", ")})`
      },
      rowsWhere(dataset.rowCount, (r) => {
        const first = reads[0]!(r)
        return first === first && reads.every((f) => f(r) === first)
      })
    )
  }
  return Either.right({
    rows: dataset.rowCount,
    ...(idName !== undefined ? { idVariable: idName } : {}),
    findings,
    errors: findings.filter((f) => f.level === "error").length
  })
}

const rowsWhere = (n: number, test: (r: number) => boolean): Array<number> => {
  const out: Array<number> = []
  for (let r = 0; r < n; r++) if (test(r)) out.push(r)
  return out
}

/** Codes without a value label (error) and missing values by variable (info). */
const codeFindings = (
  dataset: Dataset,
  codebook: Codebook | undefined,
  add: (f: Omit<CheckFinding, "ids" | "count">, rows: Array<number>) => void
) => {
  for (const c of dataset.columns) {
    const v = codebook?.variables.find((x) => x.name === c.name)
    const missing = v?.missing ?? { values: [], ranges: [] }
    if (c.type === "codes" && v !== undefined && v.values.length > 0 && v.role !== "id") {
      const known = new Set(v.values.map((x) => x.code))
      const rows = rowsWhere(dataset.rowCount, (r) => {
        const x = c.values[r]!
        return x !== SYSTEM_MISSING && !known.has(x) && !isUserMissing(missing, x)
      })
      const codes = [...new Set(rows.map((r) => c.values[r]!))].sort((a, b) => a - b)
      add({
        level: "error",
        code: "UNDEFINED_CODE",
        check: "codes",
        variable: c.name,
        message: `${c.name} holds codes the codebook does not define: ${codes.slice(0, 10).join(", ")}`
      }, rows)
    }
    const miss = rowsWhere(dataset.rowCount, (r) => {
      const x = c.values[r]!
      return x === SYSTEM_MISSING || Number.isNaN(x) || isUserMissing(missing, x)
    })
    add({
      level: "info",
      code: "MISSING",
      check: "missing",
      variable: c.name,
      message: `${c.name}: ${miss.length} of ${dataset.rowCount} missing`
    }, miss)
  }
}
