import { isUserMissing, type MissingSpec, SYSTEM_MISSING } from "@danvan/domain"
import type { Expr, ExprType } from "./ast.js"

/**
 * Type checking and compilation of parsed expressions into closures over a row index. Values are numbers;
 * logical values are 1 (true), 0 (false) and NaN (missing); a missing operand makes arithmetic and comparisons
 * missing, and `and`/`or` follow SPSS's three-valued logic (false and missing = false, true or missing = true).
 * A variable read in an expression is missing when it is system-missing or one of its user-missing codes
 * (as in SPSS); `VALUE(x)` reads the code itself.
 */

/** A problem found in an expression: character position, message, and the variable involved if any. */
export class ExpressionError extends Error {
  constructor(readonly pos: number, readonly detail: string, readonly variable?: string) {
    super(`at character ${pos}: ${detail}`)
  }
}

/** What an expression may refer to: each variable's storage and missing codes, in file order. */
export interface Scope {
  readonly order: ReadonlyArray<string>
  readonly has: (name: string) => boolean
}

export interface ColumnSource {
  readonly type: "codes" | "numeric"
  readonly values: Int32Array | Float64Array
  readonly missing: MissingSpec
}

export interface Env extends Scope {
  readonly column: (name: string) => ColumnSource
}

type RowFn = (row: number) => number

const expandRange = (e: Extract<Expr, { kind: "varRange" }>, scope: Scope): Array<string> => {
  const a = scope.order.indexOf(e.from)
  const b = scope.order.indexOf(e.to)
  if (a < 0) throw new ExpressionError(e.pos, `unknown variable "${e.from}"`, e.from)
  if (b < 0) throw new ExpressionError(e.pos, `unknown variable "${e.to}"`, e.to)
  if (b < a) {
    throw new ExpressionError(e.pos, `"${e.from} to ${e.to}": ${e.to} comes before ${e.from} in the data`, e.from)
  }
  return scope.order.slice(a, b + 1)
}

const expect = (e: Expr, scope: Scope, want: ExprType, what: string): void => {
  const got = typeOf(e, scope)
  if (got !== want) {
    const name = e.kind === "var" ? e.name : undefined
    throw new ExpressionError(e.pos, `type mismatch: ${what} needs a ${want} value, found a ${got} one`, name)
  }
}

const checkCall = (e: Extract<Expr, { kind: "call" }>, scope: Scope): ExprType => {
  const args = e.args
  const arity = (min: number, max = Infinity) => {
    if (args.length < min || args.length > max) {
      const want = max === min ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`
      throw new ExpressionError(
        e.pos,
        `${e.fn} takes ${want} argument${min === 1 && max === 1 ? "" : "s"}, found ${args.length}`
      )
    }
  }
  const numbers = (list: ReadonlyArray<Expr>) => {
    for (const a of list) {
      if (a.kind === "varRange") expandRange(a, scope)
      else expect(a, scope, "number", e.fn)
    }
  }
  switch (e.fn) {
    case "MISSING":
    case "SYSMIS":
    case "VALUE": {
      arity(1, 1)
      const a = args[0]!
      if (a.kind !== "var") throw new ExpressionError(a.pos, `${e.fn} takes a variable name`)
      typeOf(a, scope)
      return e.fn === "VALUE" ? "number" : "logical"
    }
    case "ABS":
    case "RND":
    case "TRUNC":
      arity(1, 1)
      numbers(args)
      return "number"
    case "ANY":
    case "RANGE":
      arity(e.fn === "ANY" ? 2 : 3)
      if (e.fn === "RANGE" && args.length % 2 === 0) {
        throw new ExpressionError(e.pos, "RANGE takes a value and pairs of low, high")
      }
      numbers(args)
      return "logical"
    default:
      arity(1)
      numbers(args)
      return "number"
  }
}

/**
 * The type of an expression; throws `ExpressionError` for an unknown variable, function misuse or a type
 * mismatch, before any data is read.
 *
 * @example
 * typeOf(parseExpression("q1 = 2 and age > 30"), scope) // "logical"
 */
export const typeOf = (e: Expr, scope: Scope): ExprType => {
  switch (e.kind) {
    case "number":
      return "number"
    case "var":
      if (!scope.has(e.name)) throw new ExpressionError(e.pos, `unknown variable "${e.name}"`, e.name)
      return "number"
    case "varRange":
      throw new ExpressionError(
        e.pos,
        `"${e.from} to ${e.to}" is only allowed as an argument of MEAN, SUM, MIN, MAX, ANY, RANGE`
      )
    case "unary":
      expect(e.arg, scope, e.op === "-" ? "number" : "logical", e.op === "-" ? "unary minus" : "not")
      return e.op === "-" ? "number" : "logical"
    case "in":
      expect(e.arg, scope, "number", "in")
      return "logical"
    case "call":
      return checkCall(e, scope)
    case "binary": {
      const logical = e.op === "and" || e.op === "or"
      expect(e.left, scope, logical ? "logical" : "number", `"${e.op}"`)
      expect(e.right, scope, logical ? "logical" : "number", `"${e.op}"`)
      return logical || ["=", "<>", "<", "<=", ">", ">="].includes(e.op) ? "logical" : "number"
    }
  }
}

/**
 * Every variable an expression reads (ranges expanded).
 *
 * @example
 * variablesOf(parseExpression("MEAN(q1 to q3) > age"), scope) // ["q1", "q2", "q3", "age"]
 */
export const variablesOf = (e: Expr, scope: Scope): Array<string> => {
  switch (e.kind) {
    case "number":
      return []
    case "var":
      return [e.name]
    case "varRange":
      return expandRange(e, scope)
    case "unary":
    case "in":
      return variablesOf(e.arg, scope)
    case "binary":
      return [...variablesOf(e.left, scope), ...variablesOf(e.right, scope)]
    case "call":
      return e.args.flatMap((a) => variablesOf(a, scope))
  }
}

/**
 * Reads a column as numbers: NaN where system-missing and, unless `raw`, where user-missing.
 *
 * @example
 * const read = columnReader(env.column("q1"), false); read(0) // 3, or NaN when q1 is missing in row 0
 */
export const columnReader = (c: ColumnSource, raw: boolean): RowFn => {
  const v = c.values
  const hasMissing = !raw && (c.missing.values.length > 0 || c.missing.ranges.length > 0)
  const missing = missingTest(c.missing)
  if (c.type === "codes") {
    const codes = v as Int32Array
    if (!hasMissing) return (r) => (codes[r] === SYSTEM_MISSING ? NaN : codes[r]!)
    return (r) => {
      const x = codes[r]!
      return x === SYSTEM_MISSING || missing(x) ? NaN : x
    }
  }
  const nums = v as Float64Array
  if (!hasMissing) return (r) => nums[r]!
  return (r) => {
    const x = nums[r]!
    return missing(x) ? NaN : x
  }
}

/**
 * `isUserMissing` specialised to one missing specification (a single code, a few codes, ranges), for loops over
 * a million rows.
 *
 * @example
 * missingTest({ values: [9], ranges: [] })(9) // true
 */
export const missingTest = (m: MissingSpec): (x: number) => boolean => {
  const vals = m.values
  if (m.ranges.length === 0) {
    if (vals.length === 0) return () => false
    if (vals.length === 1) {
      const a = vals[0]!
      return (x) => x === a
    }
    const set = new Set(vals)
    return (x) => set.has(x)
  }
  return (x) => isUserMissing(m, x)
}

const args = (list: ReadonlyArray<Expr>, env: Env): Array<RowFn> =>
  list.flatMap((
    a
  ) => (a.kind === "varRange" ? expandRange(a, env).map((n) => columnReader(env.column(n), false)) : [compile(a, env)]))

const aggregate = (fns: Array<RowFn>, min: number, kind: "MEAN" | "SUM" | "MIN" | "MAX"): RowFn => (r) => {
  let n = 0
  let acc = kind === "MIN" ? Infinity : kind === "MAX" ? -Infinity : 0
  for (let k = 0; k < fns.length; k++) {
    const x = fns[k]!(r)
    if (x !== x) continue
    n++
    if (kind === "MIN") acc = x < acc ? x : acc
    else if (kind === "MAX") acc = x > acc ? x : acc
    else acc += x
  }
  if (n < min) return NaN
  return kind === "MEAN" ? acc / n : acc
}

const compileCall = (e: Extract<Expr, { kind: "call" }>, env: Env): RowFn => {
  switch (e.fn) {
    case "MISSING": {
      const read = columnReader(env.column((e.args[0] as { name: string }).name), false)
      return (r) => (read(r) !== read(r) ? 1 : 0)
    }
    case "SYSMIS": {
      const read = columnReader(env.column((e.args[0] as { name: string }).name), true)
      return (r) => (read(r) !== read(r) ? 1 : 0)
    }
    case "VALUE":
      return columnReader(env.column((e.args[0] as { name: string }).name), true)
    case "ABS":
    case "RND":
    case "TRUNC": {
      const f = compile(e.args[0]!, env)
      const g = e.fn === "ABS"
        ? Math.abs
        : e.fn === "TRUNC"
        ? Math.trunc
        : (x: number) => Math.sign(x) * Math.round(Math.abs(x))
      return (r) => g(f(r))
    }
    case "ANY": {
      const [x, ...rest] = args(e.args, env)
      return (r) => {
        const v = x!(r)
        if (v !== v) return NaN
        for (const f of rest) if (f(r) === v) return 1
        return 0
      }
    }
    case "RANGE": {
      const [x, ...rest] = args(e.args, env)
      return (r) => {
        const v = x!(r)
        if (v !== v) return NaN
        for (let k = 0; k + 1 < rest.length; k += 2) if (v >= rest[k]!(r) && v <= rest[k + 1]!(r)) return 1
        return 0
      }
    }
    default:
      return aggregate(args(e.args, env), e.minValid ?? 1, e.fn)
  }
}

const compileBinary = (e: Extract<Expr, { kind: "binary" }>, env: Env): RowFn => {
  const a = compile(e.left, env)
  const b = compile(e.right, env)
  switch (e.op) {
    case "+":
      return (r) => a(r) + b(r)
    case "-":
      return (r) => a(r) - b(r)
    case "*":
      return (r) => a(r) * b(r)
    case "/":
      return (r) => {
        const d = b(r)
        return d === 0 ? NaN : a(r) / d
      }
    case "**":
      return (r) => {
        const x = a(r) ** b(r)
        return Number.isFinite(x) ? x : NaN
      }
    case "and":
      return (r) => {
        const x = a(r)
        if (x === 0) return 0
        const y = b(r)
        return y === 0 ? 0 : x === 1 && y === 1 ? 1 : NaN
      }
    case "or":
      return (r) => {
        const x = a(r)
        if (x === 1) return 1
        const y = b(r)
        return y === 1 ? 1 : x === 0 && y === 0 ? 0 : NaN
      }
    default: {
      const cmp = COMPARE[e.op]
      return (r) => {
        const x = a(r)
        const y = b(r)
        return x !== x || y !== y ? NaN : cmp(x, y) ? 1 : 0
      }
    }
  }
}

const COMPARE: Readonly<Record<string, (x: number, y: number) => boolean>> = {
  "=": (x, y) => x === y,
  "<>": (x, y) => x !== y,
  "<": (x, y) => x < y,
  "<=": (x, y) => x <= y,
  ">": (x, y) => x > y,
  ">=": (x, y) => x >= y
}

/**
 * Compiles a type-checked expression into a function of the row index.
 *
 * @example
 * const f = compile(parseExpression("q1 + q2"), env); f(0) // q1 + q2 in row 0, NaN when either is missing
 */
export const compile = (e: Expr, env: Env): RowFn => {
  switch (e.kind) {
    case "number": {
      const v = e.value
      return () => v
    }
    case "var":
      return columnReader(env.column(e.name), false)
    case "varRange":
      throw new ExpressionError(e.pos, "a variable range outside a function")
    case "unary": {
      const f = compile(e.arg, env)
      return e.op === "-" ? (r) => -f(r) : (r) => {
        const x = f(r)
        return x !== x ? NaN : x === 0 ? 1 : 0
      }
    }
    case "in": {
      const f = compile(e.arg, env)
      const items = e.items
      return (r) => {
        const x = f(r)
        if (x !== x) return NaN
        for (const it of items) if (x >= it.low && x <= it.high) return 1
        return 0
      }
    }
    case "call":
      return compileCall(e, env)
    case "binary":
      return compileBinary(e, env)
  }
}
