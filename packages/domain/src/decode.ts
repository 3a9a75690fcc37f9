import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import type { Codebook, Variable } from "./Codebook.js"
import { CodebookJson, MissingSpec } from "./Codebook.js"
import { CodebookError, type CodebookIssue } from "./errors.js"
import { jsonTooDeep, MAX_JSON_DEPTH } from "./jsonDepth.js"

/**
 * `["variables", 3, "values", 0]` -> `$.variables[3].values[0]`
 *
 * @example
 * jsonPath(["variables", 3, "values", 0]) // "$.variables[3].values[0]"
 */
export const jsonPath = (path: ReadonlyArray<PropertyKey>): string =>
  "$" + path.map((k) => (typeof k === "number" ? `[${k}]` : `.${String(k)}`)).join("")

/**
 * effect/Schema's parse issues as `{ path, message }` with JSON paths. An empty array where a non-empty one is
 * required shows up as a missing element 0: it is reported at the array as "needs at least one entry". *
 * @example
 * const result = Schema.decodeUnknownEither(CodebookJson)({ id: "x" })
 * if (Either.isLeft(result)) formatParseIssues(result.left)
 * // [{ path: "$.title", message: "is missing" }, { path: "$.variables", message: "is missing" }]
 */
export const formatParseIssues = (error: ParseResult.ParseError): Array<{ path: string; message: string }> =>
  ParseResult.ArrayFormatter.formatErrorSync(error).map((i) =>
    i._tag === "Missing" && i.path.at(-1) === 0
      ? { path: jsonPath(i.path.slice(0, -1)), message: "needs at least one entry" }
      : { path: jsonPath(i.path), message: i.message }
  )

/**
 * Parses JSON text (a leading BOM allowed); a syntax error comes back as its message instead of a throw, and so
 * does text nested deeper than `MAX_JSON_DEPTH` (checked before parsing, so nothing recursive overflows).
 *
 * @example
 * parseJsonText('{"a": 1}') // Right({ a: 1 })
 * parseJsonText("{") // Left("not valid JSON: Expected property name or '}' in JSON at position 1")
 */
export const parseJsonText = (text: string): Either.Either<unknown, string> => {
  const deep = jsonTooDeep(text)
  if (deep !== undefined) {
    const where = `deeper than ${MAX_JSON_DEPTH} levels of arrays/objects at character ${deep.position + 1}`
    return Either.left(`nested too deeply: ${where}; no danvan input needs more`)
  }
  try {
    return Either.right(JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text))
  } catch (e) {
    return Either.left(`not valid JSON: ${(e as Error).message}`)
  }
}

const decodeJson = Schema.decodeUnknownEither(CodebookJson, { errors: "all", onExcessProperty: "error" })
const noMissing: MissingSpec = { values: [], ranges: [] }

/**
 * Decodes and cross-checks a codebook (parsed JSON). Every problem comes back with its JSON path:
 * structure and types first; then references (scales, set items, the group variable), duplicate names
 * and codes, and Likert items without scores.
 *
 * @example
 * const result = decodeCodebook(JSON.parse(text), "survey.codebook.json")
 * if (Either.isLeft(result)) console.error(result.left.message)
 */
export const decodeCodebook = (input: unknown, source = "codebook"): Either.Either<Codebook, CodebookError> => {
  const decoded = decodeJson(input)
  if (Either.isLeft(decoded)) {
    return Either.left(new CodebookError({ source, issues: formatParseIssues(decoded.left) }))
  }
  const json = decoded.right
  const issues: Array<CodebookIssue> = []
  const variables: Array<Variable> = []
  const seen = new Map<string, number>()

  json.variables.forEach((v, i) => {
    const at = `$.variables[${i}]`
    if (seen.has(v.name)) {
      issues.push({
        path: `${at}.name`,
        message: `duplicate variable name "${v.name}" (also at $.variables[${seen.get(v.name)}])`
      })
    }
    seen.set(v.name, i)
    const scale = v.scale === undefined || !Object.hasOwn(json.scales, v.scale) ? undefined : json.scales[v.scale]
    if (v.scale !== undefined && scale === undefined) {
      const known = Object.keys(json.scales)
      issues.push({
        path: `${at}.scale`,
        message: `unknown scale "${v.scale}"; the codebook's scales are: ${known.join(", ") || "(none)"}`
      })
    }
    const values = v.values ?? scale?.values ?? []
    if (values.length === 0 && v.kind !== "numeric") {
      issues.push({ path: at, message: `a ${v.kind} variable needs value labels ("values" or "scale")` })
    }
    const codes = new Map<number, number>()
    values.forEach((value, k) => {
      if (codes.has(value.code)) {
        issues.push({ path: `${at}.values[${k}].code`, message: `duplicate code ${value.code}` })
      }
      codes.set(value.code, k)
    })
    const missing = v.missing ?? scale?.missing ?? noMissing
    if (v.kind === "likert-item") {
      values.forEach((value, k) => {
        const isMissing = missing.values.includes(value.code) ||
          missing.ranges.some((r) => value.code >= r.low && value.code <= r.high)
        if (!isMissing && value.score === undefined) {
          issues.push({ path: `${at}.values[${k}].score`, message: "a Likert item needs a score for every valid code" })
        }
      })
    }
    const ordered = values
      .map((value, k) => ({ value, k }))
      .sort((a, b) => (a.value.order ?? a.k + 1) - (b.value.order ?? b.k + 1) || a.k - b.k)
      .map(({ value }) => value)
    variables.push({
      name: v.name,
      label: v.label,
      kind: v.kind,
      measure: v.scale !== undefined && v.measure === "nominal" && scale?.measure !== undefined
        ? scale.measure
        : v.measure,
      values: ordered,
      missing,
      ...(v.question !== undefined ? { question: v.question } : {}),
      ...(v.role !== undefined ? { role: v.role } : {}),
      ...(v.note !== undefined ? { note: v.note } : {})
    })
  })

  const checkRef = (name: string, path: string, what: string) => {
    if (!seen.has(name)) issues.push({ path, message: `${what} "${name}" is not a variable of this codebook` })
  }
  if (json.groupVariable !== undefined) checkRef(json.groupVariable, "$.groupVariable", "group variable")
  if (json.weightVariable !== undefined) checkRef(json.weightVariable, "$.weightVariable", "weight variable")
  json.multipleResponseSets.forEach((set, i) => {
    set.items.forEach((item, j) => {
      checkRef(item, `$.multipleResponseSets[${i}].items[${j}]`, "item")
      const variable = variables[seen.get(item) ?? -1]
      if (
        variable !== undefined && variable.values.length > 0 &&
        !variable.values.some((v) => v.code === set.countedValue)
      ) {
        issues.push({
          path: `$.multipleResponseSets[${i}].countedValue`,
          message: `code ${set.countedValue} is not a value of item "${item}"`
        })
      }
    })
  })
  json.indicatorSets.forEach((set, i) =>
    set.items.forEach((item, j) => checkRef(item, `$.indicatorSets[${i}].items[${j}]`, "item"))
  )
  const texts = new Set<string>()
  json.textVariables?.forEach((tv, i) => {
    const clash = seen.has(tv.name) ? "is also a variable" : texts.has(tv.name) ? "is given twice" : undefined
    if (clash !== undefined) {
      issues.push({ path: `$.textVariables[${i}].name`, message: `text variable "${tv.name}" ${clash}` })
    }
    texts.add(tv.name)
  })

  if (issues.length > 0) return Either.left(new CodebookError({ source, issues }))
  return Either.right({
    id: json.id,
    title: json.title,
    ...(json.description !== undefined ? { description: json.description } : {}),
    ...(json.source !== undefined ? { source: json.source } : {}),
    ...(json.groupVariable !== undefined ? { groupVariable: json.groupVariable } : {}),
    ...(json.weightVariable !== undefined ? { weightVariable: json.weightVariable } : {}),
    variables,
    multipleResponseSets: json.multipleResponseSets,
    indicatorSets: json.indicatorSets,
    ...(json.textVariables !== undefined && json.textVariables.length > 0 ? { textVariables: json.textVariables } : {})
  })
}

/**
 * Parses codebook JSON text, reporting a syntax error as a codebook issue at `$` instead of throwing.
 *
 * @example
 * parseCodebook(readFileSync("survey.codebook.json", "utf8"), "survey.codebook.json")
 * // Either<Codebook, CodebookError>
 * parseCodebook("{", "x.json") // Left(CodebookError: "invalid codebook x.json:\n  $: not valid JSON: …")
 */
export const parseCodebook = (text: string, source = "codebook"): Either.Either<Codebook, CodebookError> =>
  Either.match(parseJsonText(text), {
    onLeft: (message) => Either.left(new CodebookError({ source, issues: [{ path: "$", message }] })),
    onRight: (json) => decodeCodebook(json, source)
  })
