import { readFileSync } from "node:fs"
import type { Column, Dataset } from "@danvan/domain"
import { makeDataset, SYSTEM_MISSING } from "@danvan/domain"

/** Respondent codes that reproduce a table: `counts[i][j]` cases with row code rowCodes[i], col code colCodes[j]. */
export const expand = (
  counts: ReadonlyArray<ReadonlyArray<number>>,
  rowCodes: ReadonlyArray<number>,
  colCodes: ReadonlyArray<number>
) => {
  const rows: Array<number> = []
  const cols: Array<number> = []
  counts.forEach((r, i) =>
    r.forEach((n, j) => {
      for (let k = 0; k < n; k++) {
        rows.push(rowCodes[i])
        cols.push(colCodes[j])
      }
    })
  )
  return { rows, cols }
}

export const codes = (name: string, values: ReadonlyArray<number | null>): Column => ({
  name,
  type: "codes",
  values: Int32Array.from(values, (v) => (v === null ? SYSTEM_MISSING : v))
})

export const numeric = (name: string, values: ReadonlyArray<number>): Column => ({
  name,
  type: "numeric",
  values: Float64Array.from(values)
})

export const dataset = (...columns: Array<Column>): Dataset => makeDataset(columns)

/** R's reference values for the stats fixture tables (packages/stats/test/fixtures/chisq.json). */
export const rFixture = (id: string): any => {
  const all = JSON.parse(readFileSync(new URL("../../stats/test/fixtures/chisq.json", import.meta.url), "utf8"))
  const list = Array.isArray(all) ? all : all.tables
  const found = list.find((t: any) => t.id === id)
  if (found === undefined) throw new Error(`no fixture ${id}`)
  return found
}

export const relClose = (actual: number, expected: number, tol: number) =>
  expected === 0 ? Math.abs(actual) <= tol : Math.abs(actual - expected) / Math.abs(expected) <= tol
