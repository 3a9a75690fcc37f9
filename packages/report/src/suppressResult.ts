import { suppressCells, suppressMatrix } from "./suppress.js"

type Json = unknown
type Obj = Record<string, Json>

const isObj = (x: Json): x is Obj => typeof x === "object" && x !== null && !Array.isArray(x)
const isVector = (x: Json): x is Array<number | null> =>
  Array.isArray(x) && x.length > 0 && x.every((v) => typeof v === "number" || v === null)
const isMatrix = (x: Json): x is Array<Array<number | null>> => Array.isArray(x) && x.length > 0 && x.every(isVector)

// Zero cells reveal no one: they are never primary, and are hidden for secondary suppression only as a last resort.
const sensitive = (v: number | null, k: number): number =>
  v === null ? Number.MAX_SAFE_INTEGER : v === 0 ? k + Number.MAX_SAFE_INTEGER / 2 : v

/**
 * Nulls the hidden cells in every matrix of the same shape under `node` (the counts' siblings: expected,
 * percents, residuals).
 */
const hideInMatrices = (node: Json, hidden: ReadonlyArray<ReadonlyArray<boolean>>): void => {
  if (isMatrix(node)) {
    if (node.length === hidden.length && node.every((row, i) => row.length === hidden[i]!.length)) {
      node.forEach((row, i) => row.forEach((_, j) => hidden[i]![j] && (row[j] = null)))
    }
  } else if (isObj(node)) { for (const v of Object.values(node)) hideInMatrices(v, hidden) }
}

const hideInVectors = (node: Obj, hidden: ReadonlyArray<boolean>): void => {
  for (const v of Object.values(node)) {
    if (isVector(v) && v.length === hidden.length) hidden.forEach((h, j) => h && (v[j] = null))
  }
}

/**
 * Applies a minimum cell size to an analysis result (JSON as the CLI prints it), in place: every count below
 * `minCell` (zeros excepted: they reveal no one) is replaced by null, together with the cells it determines (its
 * expected count, percents, residuals), and further cells are hidden until no hidden count can be worked out from
 * the shown cells and totals (`suppressCells`). Handles crosstab `counts` matrices (and layers), vectors of
 * `counts` (multiple-response items) and `distribution` (Likert groups), and frequency `rows`. Returns how many
 * count cells were hidden.
 *
 * @example
 * const result = { counts: [[1, 40], [50, 60]], expected: [[..]] }
 * suppressResult(result, 5) // 4: the 1 and, for the row and column totals, the other three
 */
export const suppressResult = (result: Json, minCell: number): number => {
  if (minCell <= 1) return 0
  let cells = 0
  const visit = (node: Json): void => {
    if (Array.isArray(node)) return node.forEach(visit)
    if (!isObj(node)) return
    const counts = node["counts"]
    if (isMatrix(counts)) {
      const hidden = suppressMatrix(
        counts.map((row) => row.map((v) => sensitive(v, minCell))),
        minCell
      )
      cells += hidden.flat().filter(Boolean).length
      for (const [key, v] of Object.entries(node)) if (key !== "layers") hideInMatrices(v, hidden)
    }
    for (const key of ["counts", "distribution"]) {
      const vector = node[key]
      if (isVector(vector)) {
        const hidden = suppressCells(
          vector.map((v) => sensitive(v, minCell)),
          [vector.map((_, j) => j)],
          minCell
        )
        cells += hidden.filter(Boolean).length
        hideInVectors(node, hidden)
      }
    }
    const rows = node["rows"]
    if (node["kind"] === "frequencies" && Array.isArray(rows) && rows.every(isObj)) {
      cells += suppressFrequencyRows(rows, minCell)
    }
    for (const [key, v] of Object.entries(node)) if (key !== "counts") visit(v)
  }
  visit(result)
  return cells
}

const suppressFrequencyRows = (rows: Array<Obj>, minCell: number): number => {
  const values = rows.map((r) =>
    typeof r["count"] === "number" ? sensitive(r["count"], minCell) : Number.MAX_SAFE_INTEGER
  )
  const all = rows.map((_, i) => i)
  const valid = all.filter((i) => rows[i]!["missing"] !== true)
  const hidden = suppressCells(values, [valid, all], minCell)
  if (!hidden.some(Boolean)) return 0
  rows.forEach((r, i) => {
    if (hidden[i]) { for (const key of ["count", "percent", "validPercent"]) if (key in r) r[key] = null }
    // A running total would give the hidden counts back by difference.
    if ("cumulativePercent" in r) r["cumulativePercent"] = null
  })
  return hidden.filter(Boolean).length
}
