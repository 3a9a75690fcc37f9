import type { Column, Dataset } from "@danvan/domain"
import { getColumn, SYSTEM_MISSING } from "@danvan/domain"
import * as Effect from "effect/Effect"
import { AnalysisError } from "../errors.js"
import { CellCollector, type CellTable, type Counter, type CounterColumn } from "./port.js"

/** Dense indexes of a code column's distinct codes (in numeric order), and the codes themselves. */
const indexCodes = (values: Int32Array): { index: Int32Array; codes: Array<number> } => {
  const seen = new Set<number>()
  let last = NaN
  for (let k = 0; k < values.length; k++) {
    const c = values[k]
    if (c !== last) {
      seen.add(c)
      last = c
    }
  }
  const codes = [...seen].sort((a, b) => a - b)
  const lookup = new Map(codes.map((c, i) => [c, i]))
  const index = new Int32Array(values.length)
  for (let k = 0; k < values.length; k++) index[k] = lookup.get(values[k])!
  return { index, codes }
}

const weightOf = (column: Column, k: number): number => {
  const raw = column.values[k]
  return column.type === "codes" && raw === SYSTEM_MISSING ? NaN : raw
}

/** Runs the cases through dense cell indexes (mixed radix, first variable most significant). */
const countDense = (
  dataset: Dataset,
  columns: ReadonlyArray<Int32Array>,
  weight: Column | undefined,
  collector: CellCollector
): void => {
  const indexed = columns.map(indexCodes)
  const sizes = indexed.map((x) => x.codes.length)
  const cellCount = sizes.reduce((a, b) => a * b, 1)
  const n = dataset.rowCount
  if (cellCount > Number.MAX_SAFE_INTEGER) {
    // Too many combinations for one number (dozens of items): one case at a time, keyed by its codes.
    for (let k = 0; k < n; k++) {
      const w = weight === undefined ? undefined : weightOf(weight, k)
      collector.add(columns.map((c) => c[k]), w, 1)
    }
    return
  }
  const cellOf = new Float64Array(n)
  for (let k = 0; k < n; k++) {
    let cell = 0
    for (let v = 0; v < indexed.length; v++) cell = cell * sizes[v] + indexed[v].index[k]
    cellOf[k] = cell
  }
  const codesOf = (cell: number): Array<number> => {
    const codes = new Array<number>(sizes.length)
    for (let v = sizes.length - 1; v >= 0; v--) {
      codes[v] = indexed[v].codes[cell % sizes[v]]
      cell = Math.floor(cell / sizes[v])
    }
    return codes
  }
  if (weight === undefined && cellCount <= 1 << 24) {
    const counts = new Float64Array(cellCount)
    for (let k = 0; k < n; k++) counts[cellOf[k]]++
    for (let c = 0; c < cellCount; c++) if (counts[c] > 0) collector.add(codesOf(c), undefined, counts[c])
    return
  }
  // By (cell, weight): the collector adds the weights exactly, whatever their order.
  const byCell = new Map<number, Map<number, number>>()
  for (let k = 0; k < n; k++) {
    const w = weight === undefined ? 1 : weightOf(weight, k)
    let m = byCell.get(cellOf[k])
    if (m === undefined) byCell.set(cellOf[k], m = new Map())
    m.set(w, (m.get(w) ?? 0) + 1)
  }
  for (const [cell, ws] of byCell) {
    const codes = codesOf(cell)
    for (const [w, count] of ws) collector.add(codes, weight === undefined ? undefined : w, count)
  }
}

/**
 * The in-memory counting engine over a Dataset's typed arrays (the default): one pass to index each variable's
 * codes, one to count cells. Weighted, each cell's weights are grouped by value and added exactly (see
 * exactSum.ts), so its results are bit-identical to the DuckDB engine's.
 *
 * @example
 * const table = yield* memoryCounter(dataset).countCells(["level", "q1"], "weight")
 */
export const memoryCounter = (dataset: Dataset, source = "the data"): Counter => {
  const columns: Array<CounterColumn> = dataset.columns.map((c) => ({
    name: c.name,
    kind: c.type === "codes" ? "codes" : "numeric"
  }))
  return {
    engine: "memory",
    source,
    columns,
    ...(dataset.typing !== undefined ? { typing: dataset.typing } : {}),
    countCells: (variables, weight) =>
      Effect.try({
        try: (): CellTable => {
          const codes = variables.map((name) => {
            const column = getColumn(dataset, name)
            if (column === undefined || column.type !== "codes") throw notCodes(name, source)
            return column.values
          })
          const w = weight === undefined ? undefined : getColumn(dataset, weight)
          if (weight !== undefined && w === undefined) throw notCodes(weight, source)
          const collector = new CellCollector(variables, weight, source)
          countDense(dataset, codes, w, collector)
          return collector.table()
        },
        catch: (e) => e instanceof AnalysisError ? e : new AnalysisError({ code: "BAD_OPTION", message: String(e) })
      })
  }
}

const notCodes = (name: string, source: string) =>
  new AnalysisError({ code: "UNKNOWN_VARIABLE", message: `no column of codes "${name}" in ${source}` })
