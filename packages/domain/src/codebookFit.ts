import { type Codebook, isUserMissing } from "./Codebook.js"
import { type Dataset, getColumn, SYSTEM_MISSING } from "./Dataset.js"

/** One way a codebook does not describe a stored dataset: the variable, the value (if one) and what to do. */
export interface CodebookMismatch {
  readonly variable: string
  readonly value?: number
  /** How many rows hold `value`. */
  readonly rows?: number
  readonly message: string
}

/** The distinct codes of a column with how many rows hold each (system-missing left out). */
const codeCounts = (values: Int32Array): Map<number, number> => {
  const counts = new Map<number, number>()
  for (const c of values) if (c !== SYSTEM_MISSING) counts.set(c, (counts.get(c) ?? 0) + 1)
  return counts
}

/**
 * Whether `codebook` describes the stored `dataset`: each of its variables is a column (or one of `absent`, the
 * variables an earlier codebook already described without a column), a numeric variable is a numeric column
 * and a categorical one a column of codes, and every code the rows hold has a value label or is a missing code.
 * Columns the codebook leaves out are allowed. Pure; an empty list means it fits.
 *
 * @example
 * codebookMismatches(edited, dataset, new Set())
 * // [{ variable: "q1", value: 7, rows: 12, message: "variable \"q1\": code 7 is held by 12 rows but ..." }]
 */
export const codebookMismatches = (
  codebook: Codebook,
  dataset: Dataset,
  absent: ReadonlySet<string>
): Array<CodebookMismatch> => {
  const out: Array<CodebookMismatch> = []
  for (const v of codebook.variables) {
    const column = getColumn(dataset, v.name)
    if (column === undefined) {
      if (!absent.has(v.name)) {
        out.push({
          variable: v.name,
          message: `variable "${v.name}" is not a column of this dataset; remove it or use a column's name`
        })
      }
      continue
    }
    if ((v.kind === "numeric") !== (column.type === "numeric")) {
      const stored = column.type === "numeric" ? "numbers" : "integer codes"
      out.push({
        variable: v.name,
        message: `variable "${v.name}" is stored as ${stored}, so it cannot be of kind "${v.kind}"; keep kind ${
          column.type === "numeric" ? "\"numeric\"" : "single, multiple-response-item or likert-item"
        }`
      })
      continue
    }
    if (column.type !== "codes") continue
    const labelled = new Set(v.values.map((x) => x.code))
    for (const [code, rows] of [...codeCounts(column.values)].sort((a, b) => a[0] - b[0])) {
      if (labelled.has(code) || isUserMissing(v.missing, code)) continue
      out.push({
        variable: v.name,
        value: code,
        rows,
        message: `variable "${v.name}": code ${code} is held by ${rows} row${
          rows === 1 ? "" : "s"
        } but has no value label; label it or mark it as a missing code`
      })
    }
  }
  return out
}
