import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import type { Codebook } from "../Codebook.js"
import { findVariable } from "../Codebook.js"
import { formatParseIssues, parseJsonText } from "../decode.js"
import { AnalysisPlanError, type AnalysisPlanIssue } from "./errors.js"
import { type AnalysisPlan, AnalysisPlanJson } from "./schema.js"

const decodeJson = Schema.decodeUnknownEither(AnalysisPlanJson, { errors: "all", onExcessProperty: "error" })

/**
 * Decodes an analysis plan (parsed JSON): structure and types with JSON paths, then unique section ids.
 * Names of variables and sets are checked against a codebook by `checkPlanNames`.
 *
 * @example
 * const plan = decodeAnalysisPlan(JSON.parse(text), "plan.json")
 * if (Either.isLeft(plan)) console.error(plan.left.message)
 */
export const decodeAnalysisPlan = (
  input: unknown,
  source = "analysis plan"
): Either.Either<AnalysisPlan, AnalysisPlanError> => {
  const decoded = decodeJson(input)
  if (Either.isLeft(decoded)) {
    return Either.left(new AnalysisPlanError({ source, issues: formatParseIssues(decoded.left) }))
  }
  const plan = decoded.right
  const issues: Array<AnalysisPlanIssue> = []
  const seen = new Map<string, number>()
  plan.sections.forEach((s, i) => {
    const before = seen.get(s.id.toLowerCase())
    if (before !== undefined) {
      issues.push({
        path: `$.sections[${i}].id`,
        message: `duplicate section id "${s.id}" (also at $.sections[${before}])`
      })
    } else seen.set(s.id.toLowerCase(), i)
    if (s.kind === "rate" && s.x > s.n) {
      issues.push({ path: `$.sections[${i}].x`, message: `x = ${s.x} exceeds n = ${s.n}` })
    }
    if (s.kind === "likert" && (s.set === undefined) === (s.items === undefined)) {
      issues.push({
        path: `$.sections[${i}]`,
        message:
          "a likert section names either a codebook set (\"set\") or its items (\"items\"), not both and not neither"
      })
    }
  })
  return issues.length > 0 ? Either.left(new AnalysisPlanError({ source, issues })) : Either.right(plan)
}

/**
 * Parses analysis-plan JSON text; a syntax error comes back as an issue at `$` instead of a throw.
 *
 * @example
 * const plan = parseAnalysisPlan(readFileSync("plan.json", "utf8"), "plan.json")
 */
export const parseAnalysisPlan = (
  text: string,
  source = "analysis plan"
): Either.Either<AnalysisPlan, AnalysisPlanError> =>
  Either.match(parseJsonText(text), {
    onLeft: (message) => Either.left(new AnalysisPlanError({ source, issues: [{ path: "$", message }] })),
    onRight: (json) => decodeAnalysisPlan(json, source)
  })

const list = (
  names: ReadonlyArray<string>
) => (names.length === 0 ? "(none)" : names.length <= 12 ? names.join(", ") : `${names.slice(0, 12).join(", ")}, …`)

/**
 * Checks every variable and set a plan names against a codebook (and, when given, the data's column names),
 * before anything runs. Each issue has the plan's JSON path and lists what the codebook has.
 * A `frequencies` section with `ifPresent` may name variables the data lacks; the codebook must still know them.
 *
 * @example
 * const checked = checkPlanNames(plan, codebook, "plan.json", ["level", "sex"])
 */
export const checkPlanNames = (
  plan: AnalysisPlan,
  codebook: Codebook,
  source = "analysis plan",
  columns?: ReadonlyArray<string>
): Either.Either<AnalysisPlan, AnalysisPlanError> => {
  const issues: Array<AnalysisPlanIssue> = []
  const variables = codebook.variables.map((v) => v.name)
  const inData = (name: string) => columns === undefined || columns.includes(name)
  const variable = (name: string, path: string, optional = false) => {
    if (findVariable(codebook, name) === undefined) {
      issues.push({ path, message: `unknown variable "${name}": codebook ${codebook.id} has ${list(variables)}` })
    } else if (!optional && !inData(name)) {
      issues.push({
        path,
        message: `variable "${name}" is not a column of the data file (its columns: ${list(columns ?? [])})`
      })
    }
  }
  const set = (name: string, path: string, kind: "multiple-response" | "likert") => {
    const sets = kind === "multiple-response"
      ? codebook.multipleResponseSets
      : codebook.indicatorSets.filter((s) => s.kind === "likert")
    const found = sets.find((s) => s.name === name)
    if (found === undefined) {
      issues.push({
        path,
        message: `unknown ${kind} set "${name}": codebook ${codebook.id} has the ${kind} sets ${
          list(sets.map((s) => s.name))
        }`
      })
      return
    }
    const absent = found.items.filter((item) => !inData(item))
    if (absent.length > 0) {
      issues.push({
        path,
        message: `item${absent.length > 1 ? "s" : ""} ${absent.map((i) => `"${i}"`).join(", ")} of set "${name}" ${
          absent.length > 1 ? "are not columns" : "is not a column"
        } of the data file`
      })
    }
  }
  if (typeof plan.weight === "string") variable(plan.weight, "$.weight")
  plan.sections.forEach((s, i) => {
    const at = `$.sections[${i}]`
    switch (s.kind) {
      case "frequencies":
        s.variables.forEach((v, j) => variable(v, `${at}.variables[${j}]`, s.ifPresent))
        break
      case "crosstab":
        variable(s.row, `${at}.row`)
        variable(s.col, `${at}.col`)
        if (s.layer !== undefined) variable(s.layer, `${at}.layer`)
        break
      case "multiple-response":
        set(s.set, `${at}.set`, s.kind)
        variable(s.by, `${at}.by`)
        break
      case "likert":
        if (s.set !== undefined) set(s.set, `${at}.set`, s.kind)
        s.items?.forEach((v, j) => variable(v, `${at}.items[${j}]`))
        variable(s.by, `${at}.by`)
        break
      case "describe":
        s.variables.forEach((v, j) => variable(v, `${at}.variables[${j}]`))
        break
      case "means":
        variable(s.variable, `${at}.variable`)
        variable(s.by, `${at}.by`)
        break
      case "table":
        s.rows.forEach((v, j) =>
          codebook.multipleResponseSets.some((m) => m.name === v)
            ? set(v, `${at}.rows[${j}]`, "multiple-response")
            : variable(v, `${at}.rows[${j}]`)
        )
        s.cols.forEach((v, j) => variable(v, `${at}.cols[${j}]`))
        break
      case "rate":
        break
    }
  })
  return issues.length > 0 ? Either.left(new AnalysisPlanError({ source, issues })) : Either.right(plan)
}
