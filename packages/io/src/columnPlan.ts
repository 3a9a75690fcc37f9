import type { Codebook, Variable } from "@danvan/domain"
import { isUserMissing, validCategories } from "@danvan/domain"
import type { DataProblem, IoWarning } from "./errors.js"

/**
 * How one column of the file is read and checked.
 *
 * @example
 * const plan: ColumnPlan = { name: "weight", type: "numeric", expected: "a number" }
 */
export interface ColumnPlan {
  readonly name: string
  /**
   * `ignored`: an unnamed column after the last named one (a trailing delimiter); its cells must be blank.
   * `auto`: a column no codebook describes: integer codes while every cell is one, else numbers (decimals),
   * else text or dates (left out of the dataset, listed in its `typing`). `skipped`: a column the command
   * does not need (`columns` option); its cells are not parsed.
   */
  readonly type: "codes" | "numeric" | "ignored" | "auto" | "skipped"
  /** What a valid cell looks like, for problem messages (“an integer code”, “one of 1 (City), … or missing 9”). */
  readonly expected: string
  /** For codebook variables: whether a (non-blank) code is a listed value or a user-missing code. */
  readonly accepts?: (code: number) => boolean
}

/**
 * The plan for all columns, with the header's problems and the warnings about codebook coverage.
 *
 * @example
 * const { columns, problems, warnings }: HeaderPlan = planColumns(["level"], { fileName: "s.csv" })
 */
export interface HeaderPlan {
  readonly columns: ReadonlyArray<ColumnPlan>
  readonly problems: ReadonlyArray<DataProblem>
  readonly warnings: ReadonlyArray<IoWarning>
}

const MAX_LISTED = 15

const list = (names: ReadonlyArray<string>): string =>
  names.length <= MAX_LISTED ? names.join(", ") : `${names.slice(0, MAX_LISTED).join(", ")}, … (${names.length} in all)`

const formatMissing = (variable: Variable): Array<string> => [
  ...variable.missing.values.map(String),
  ...variable.missing.ranges.map((r) => `${r.low} to ${r.high}`)
]

/**
 * The “expected” text for a codebook variable: its valid codes with English labels, then its missing codes.
 *
 * @example
 * expectedCodes(findVariable(hcmc, "level")!) // "one of 1 (City), 2 (District), 3 (Ward/Commune) or missing 9"
 */
export const expectedCodes = (variable: Variable): string => {
  const valid = validCategories(variable).map((v) => `${v.code} (${v.label.en})`)
  const missing = formatMissing(variable)
  const validText = valid.length <= MAX_LISTED
    ? valid.join(", ")
    : `${valid.slice(0, MAX_LISTED).join(", ")}, … (${valid.length} codes in all)`
  if (valid.length === 0) return `a missing code ${missing.join(", ")}`
  return missing.length === 0 ? `one of ${validText}` : `one of ${validText} or missing ${missing.join(", ")}`
}

const codebookColumn = (name: string, variable: Variable): ColumnPlan => {
  if (variable.kind === "numeric") return { name, type: "numeric", expected: "a number" }
  const listed = new Set(variable.values.map((v) => v.code))
  const missing = variable.missing
  return {
    name,
    type: "codes",
    expected: expectedCodes(variable),
    accepts: (code) => listed.has(code) || isUserMissing(missing, code)
  }
}

/**
 * Decides how each column is read, from the trimmed header names, the codebook and the requested numeric
 * columns: `numericColumns` are numbers; codebook variables are checked against their codes (or read as
 * numbers for kind "numeric"); other columns are typed from their contents ("auto": integer codes, else
 * numbers, else text or dates); with `columns`, columns not named are skipped. Empty names (other than unnamed columns
 * after the last named one, which are ignored) and duplicate names are problems on row 1.
 *
 * @example
 * planColumns(["level", "weight"], { fileName: "s.csv", numericColumns: ["weight"] }).columns.map((c) => c.type)
 * // ["auto", "numeric"]
 */
export const planColumns = (
  header: ReadonlyArray<string>,
  options: {
    readonly fileName: string
    readonly codebook?: Codebook
    readonly numericColumns?: ReadonlyArray<string>
    /** false: columns no codebook describes are integer codes, not typed from their contents. */
    readonly typeColumns?: boolean
    /** Only these columns are parsed (the others are skipped unchecked); each must be in the header. */
    readonly columns?: ReadonlyArray<string>
  }
): HeaderPlan => {
  const { fileName, codebook } = options
  const numeric = new Set(options.numericColumns ?? [])
  const wanted = options.columns === undefined ? undefined : new Set([...options.columns, ...numeric])
  const variables = new Map((codebook?.variables ?? []).map((v) => [v.name, v]))
  const problems: Array<DataProblem> = []
  const warnings: Array<IoWarning> = []
  let lastNamed = header.length - 1
  while (lastNamed >= 0 && header[lastNamed] === "") lastNamed--
  const firstSeen = new Map<string, number>()
  const notInCodebook: Array<string> = []
  let inCodebook = 0

  const columns = header.map((name, k): ColumnPlan => {
    if (name === "" && lastNamed >= 0 && k > lastNamed) {
      return {
        name: `(unnamed column ${k + 1})`,
        type: "ignored",
        expected: "a blank cell (the column has no name in the header)"
      }
    }
    if (name === "") {
      problems.push({
        row: 1,
        column: "",
        value: `column ${k + 1} has no name`,
        expected: "a name for every column in the header row"
      })
    } else if (firstSeen.has(name)) {
      problems.push({
        row: 1,
        column: name,
        value: name,
        expected: `a column name used once (column ${firstSeen.get(name)! + 1} has the same name)`
      })
    } else firstSeen.set(name, k)
    if (wanted !== undefined && name !== "" && !wanted.has(name)) {
      return { name, type: "skipped", expected: "anything (the column is not used)" }
    }
    if (numeric.has(name)) return { name, type: "numeric", expected: "a number" }
    const variable = variables.get(name)
    if (variable !== undefined) {
      inCodebook++
      return codebookColumn(name, variable)
    }
    if (codebook !== undefined && name !== "") notInCodebook.push(name)
    return options.typeColumns === false
      ? { name, type: "codes", expected: "an integer code" }
      : { name, type: "auto", expected: "an integer code, a number, a date or text" }
  })

  if (codebook !== undefined && notInCodebook.length > 0) {
    const hinted = notInCodebook.map((name) => {
      const near = codebook.variables.find((v) => v.name.toLowerCase() === name.toLowerCase())
      return near === undefined ? name : `${name} (the codebook has "${near.name}")`
    })
    warnings.push({
      code: "COLUMN_NOT_IN_CODEBOOK",
      message: `${fileName}: ${notInCodebook.length} column${
        notInCodebook.length === 1 ? "" : "s"
      } not in codebook ${codebook.id}, ${
        options.typeColumns === false
          ? "read as integer codes"
          : "typed from their contents (integer codes, numbers or text)"
      }: ${list(hinted)}`
    })
  }
  if (codebook !== undefined && inCodebook > 0) {
    const absent = codebook.variables.filter((v) => !firstSeen.has(v.name)).map((v) => v.name)
    if (absent.length > 0) {
      warnings.push({
        code: "VARIABLE_NOT_IN_FILE",
        message: `${fileName}: ${absent.length} variable${
          absent.length === 1 ? "" : "s"
        } of codebook ${codebook.id} not in the file: ${list(absent)}`
      })
    }
  }
  for (const name of options.columns ?? []) {
    if (!firstSeen.has(name)) {
      const near = [...firstSeen.keys()].find((h) => h.toLowerCase() === name.toLowerCase())
      problems.push({
        row: 1,
        column: name,
        value: near === undefined
          ? "no column of this name in the header"
          : `no column of this name in the header (it has "${near}")`,
        expected: `a column the command uses; the file has ${list([...firstSeen.keys()])}`
      })
    }
  }
  const absentNumeric = [...numeric].filter((name) => !firstSeen.has(name))
  if (absentNumeric.length > 0) {
    warnings.push({
      code: "VARIABLE_NOT_IN_FILE",
      message: `${fileName}: numeric column${absentNumeric.length === 1 ? "" : "s"} not in the file: ${
        list(absentNumeric)
      }`
    })
  }
  const ignored = header.length - 1 - lastNamed
  if (lastNamed >= 0 && ignored > 0) {
    warnings.push({
      code: "DELIMITER",
      message: `${fileName}: ${ignored} unnamed column${
        ignored === 1 ? "" : "s"
      } after the last named one (a trailing delimiter) ignored; their cells must be blank`
    })
  }
  return { columns, problems, warnings }
}
