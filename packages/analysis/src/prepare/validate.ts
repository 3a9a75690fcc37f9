import type { CodebookIssue, Recipe, RecipeStep } from "@danvan/domain"
import type { Expr } from "./ast.js"
import { ExpressionError, type Scope, typeOf, variablesOf } from "./compile.js"
import { parseExpression } from "./parse.js"
import { ExpressionSyntaxError } from "./tokenize.js"

/** The columns of a dataset as the validation pass sees them: names in order and storage types. */
export interface Shape {
  readonly order: Array<string>
  readonly types: Map<string, "codes" | "numeric">
}

const scopeOf = (shape: Shape): Scope => ({ order: shape.order, has: (n) => shape.types.has(n) })

const add = (shape: Shape, name: string, type: "codes" | "numeric") => {
  if (!shape.types.has(name)) shape.order.push(name)
  shape.types.set(name, type)
}

interface Ctx {
  readonly shape: Shape
  readonly others: ReadonlyMap<string, Shape>
  readonly issues: Array<CodebookIssue>
  readonly path: string
  readonly step: RecipeStep
}

const fail = (ctx: Ctx, field: string, message: string): void => {
  ctx.issues.push({ path: `${ctx.path}${field}`, message: `${ctx.step.op}: ${message}` })
}

const needVariables = (ctx: Ctx, field: string, names: ReadonlyArray<string>): boolean => {
  let ok = true
  names.forEach((n, k) => {
    if (!ctx.shape.types.has(n)) {
      fail(ctx, `${field}[${k}]`, `unknown variable "${n}"; the data has ${list(ctx.shape.order)}`)
      ok = false
    }
  })
  return ok
}

const list = (
  names: ReadonlyArray<string>
) => (names.length <= 12 ? names.join(", ") : `${names.slice(0, 12).join(", ")}, …`)

/**
 * Parses and type-checks one expression of a step; returns it, or undefined after recording the issue (with
 * the character position and the variable).
 */
const checkExpression = (
  ctx: Ctx,
  field: string,
  text: string,
  want: "logical" | "any",
  target?: string
): Expr | undefined => {
  try {
    const e = parseExpression(text)
    const scope = scopeOf(ctx.shape)
    if (target !== undefined && !ctx.shape.types.has(target)) {
      const self = safeVariables(e, scope).includes(target)
      if (self) {
        fail(ctx, field, `cycle: "${target}" is defined in terms of itself before it exists (in "${text}")`)
        return undefined
      }
    }
    const type = typeOf(e, scope)
    if (want === "logical" && type !== "logical") {
      fail(ctx, field, `type mismatch: "${text}" is a number, a condition (true/false) is needed`)
      return undefined
    }
    return e
  } catch (err) {
    if (err instanceof ExpressionSyntaxError || err instanceof ExpressionError) {
      const variable = err instanceof ExpressionError && err.variable !== undefined
        ? ` (variable "${err.variable}")`
        : ""
      fail(ctx, field, `in "${text}" at character ${err.pos}: ${err.detail}${variable}`)
      return undefined
    }
    throw err
  }
}

const safeVariables = (e: Expr, scope: Scope): Array<string> => {
  try {
    return variablesOf(e, scope)
  } catch {
    return []
  }
}

const wholeNumbers = (xs: ReadonlyArray<number | string>) =>
  xs.every((x) => typeof x === "string" || Number.isInteger(x))

/**
 * Storage of a recode's result: codes when every new value is a whole number and the source holds codes or
 * the result is a new variable; otherwise numbers. `reverse` passes `into = false` (its values follow the source).
 */
export const outputType = (source: "codes" | "numeric", into: boolean, whole: boolean): "codes" | "numeric" =>
  whole && (into || source === "codes") ? "codes" : "numeric"

/** Storage of a reversed score: codes stay codes when min and max are whole numbers. */
export const reverseType = (source: "codes" | "numeric", min: number, max: number): "codes" | "numeric" =>
  source === "codes" && Number.isInteger(min) && Number.isInteger(max) ? "codes" : "numeric"

const checkRecodeLike = (
  ctx: Ctx,
  variables: ReadonlyArray<string>,
  into: ReadonlyArray<string> | undefined,
  typeOf: (source: "codes" | "numeric") => "codes" | "numeric"
) => {
  if (!needVariables(ctx, ".variables", variables)) return
  if (into !== undefined && into.length !== variables.length) {
    return fail(ctx, ".into", `${into.length} new names for ${variables.length} variables; give one per variable`)
  }
  variables.forEach((v, k) => {
    const source = ctx.shape.types.get(v)!
    add(ctx.shape, into?.[k] ?? v, typeOf(source))
  })
}

const checkStep = (ctx: Ctx): void => {
  const s = ctx.step
  const shape = ctx.shape
  switch (s.op) {
    case "recode":
      return checkRecodeLike(
        ctx,
        s.variables,
        s.into,
        (t) => outputType(t, s.into !== undefined, wholeNumbers(s.rules.map((r) => r.to)))
      )
    case "reverse":
      return checkRecodeLike(ctx, s.variables, s.into, (t) => reverseType(t, s.min, s.max))
    case "compute": {
      const e = checkExpression(ctx, ".expr", s.expr, "any", s.target)
      if (s.when !== undefined) checkExpression(ctx, ".when", s.when, "logical")
      if (s.else !== undefined) {
        if (s.when === undefined) fail(ctx, ".else", `"else" needs "when"`)
        checkExpression(ctx, ".else", s.else, "any", s.target)
      }
      if (e !== undefined) add(shape, s.target, s.type === "codes" ? "codes" : "numeric")
      return
    }
    case "score":
      if (needVariables(ctx, ".items", s.items)) add(shape, s.target, "numeric")
      return
    case "count":
      if (needVariables(ctx, ".items", s.items)) add(shape, s.target, "codes")
      return
    case "bin":
      if (needVariables(ctx, ".variable", [s.variable])) add(shape, s.into, "codes")
      return
    case "filter":
      checkExpression(ctx, ".expr", s.expr, "logical")
      return
    case "rename":
      return checkRename(ctx, s.names)
    case "keep":
    case "drop": {
      if (!needVariables(ctx, ".variables", s.variables)) return
      const chosen = new Set(s.variables)
      const kept = shape.order.filter((n) => chosen.has(n) === (s.op === "keep"))
      for (const n of shape.order) if (!kept.includes(n)) shape.types.delete(n)
      shape.order.splice(0, shape.order.length, ...kept)
      return
    }
    case "label":
      needVariables(ctx, ".variable", [s.variable])
      return
    case "missing":
      needVariables(ctx, ".variables", s.variables)
      return
    case "dedupe":
      needVariables(ctx, ".by", [s.by])
      return
    case "append":
    case "merge":
      return checkOther(ctx, s)
  }
}

const checkRename = (ctx: Ctx, names: Readonly<Record<string, string>>) => {
  const shape = ctx.shape
  const entries = Object.entries(names)
  if (!needVariables(ctx, ".names", entries.map(([from]) => from))) return
  const leaving = new Set(entries.map(([from]) => from))
  const targets = new Set<string>()
  for (const [from, to] of entries) {
    if (targets.has(to)) return fail(ctx, `.names.${from}`, `two variables renamed to "${to}"`)
    if (shape.types.has(to) && !leaving.has(to)) return fail(ctx, `.names.${from}`, `"${to}" already exists`)
    targets.add(to)
  }
  const types = new Map(shape.types)
  shape.types.clear()
  const order = shape.order.map((n) => names[n] ?? n)
  order.forEach((n, k) => shape.types.set(n, types.get(shape.order[k]!)!))
  shape.order.splice(0, shape.order.length, ...order)
}

const checkOther = (ctx: Ctx, s: Extract<RecipeStep, { op: "append" | "merge" }>) => {
  const other = ctx.others.get(s.data)
  if (other === undefined) return fail(ctx, ".data", `the data file "${s.data}" was not read`)
  if (s.op === "merge") {
    if (!needVariables(ctx, ".by", [s.by])) return
    if (!other.types.has(s.by)) return fail(ctx, ".by", `"${s.by}" is not a column of ${s.data}`)
  }
  for (const n of other.order) {
    const mine = ctx.shape.types.get(n)
    if (mine === undefined) add(ctx.shape, n, other.types.get(n)!)
    else if (mine !== other.types.get(n)) add(ctx.shape, n, "numeric")
  }
}

/**
 * Checks a whole recipe against the columns it will meet, before any data is touched: unknown variables,
 * expression syntax and types, a variable defined in terms of itself, renames onto existing names. Each issue
 * names the step (its JSON path `$.steps[i]`), the operation, the position in the expression and the variable.
 *
 * @example
 * validateRecipe(recipe, { order: ["q1"], types: new Map([["q1", "codes"]]) }, new Map()) // []
 */
export const validateRecipe = (
  recipe: Recipe,
  start: Shape,
  others: ReadonlyMap<string, Shape>
): Array<CodebookIssue> => {
  const shape: Shape = { order: [...start.order], types: new Map(start.types) }
  const issues: Array<CodebookIssue> = []
  recipe.steps.forEach((step, k) => checkStep({ shape, others, issues, step, path: `$.steps[${k}]` }))
  return issues
}
