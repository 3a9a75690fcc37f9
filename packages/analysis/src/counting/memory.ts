import type { Column, Dataset } from "@danvan/domain"
import { getColumn, SYSTEM_MISSING } from "@danvan/domain"
import * as Effect from "effect/Effect"
import { AnalysisError } from "../errors.js"
import { CellCollector, type CellTable, type Counter, type CounterColumn } from "./port.js"

/**
 * Dense indexes of a code column's distinct codes (in numeric order, blank = SYSTEM_MISSING first), and the
 * codes themselves: through a lookup table over the code range when it spans at most 2^20 codes, else a Map.
 */
const indexCodes = (values: Int32Array): { index: Int32Array; codes: Array<number> } => {
  let min = Infinity
  let max = -Infinity
  let blanks = false
  for (let k = 0; k < values.length; k++) {
    const c = values[k]
    if (c === SYSTEM_MISSING) blanks = true
    else {
      if (c < min) min = c
      if (c > max) max = c
    }
  }
  const index = new Int32Array(values.length)
  if (max - min + 1 <= 1 << 20 || min === Infinity) {
    const range = min === Infinity ? 0 : max - min + 1
    const seen = new Uint8Array(range)
    for (let k = 0; k < values.length; k++) if (values[k] !== SYSTEM_MISSING) seen[values[k] - min] = 1
    const lut = new Int32Array(range)
    const codes: Array<number> = blanks ? [SYSTEM_MISSING] : []
    for (let d = 0; d < range; d++) {
      if (seen[d] === 1) {
        lut[d] = codes.length
        codes.push(d + min)
      }
    }
    for (let k = 0; k < values.length; k++) index[k] = values[k] === SYSTEM_MISSING ? 0 : lut[values[k] - min]
    return { index, codes }
  }
  const codes = [...new Set(values)].sort((a, b) => a - b)
  const lookup = new Map(codes.map((c, i) => [c, i]))
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
  // (A plain array of maps by cell when the cells are few enough, else a Map of them.)
  const dense = cellCount <= 1 << 24 ? new Array<Map<number, number> | undefined>(cellCount) : undefined
  const sparse = new Map<number, Map<number, number>>()
  for (let k = 0; k < n; k++) {
    const w = weight === undefined ? 1 : weightOf(weight, k)
    const cell = cellOf[k]
    let m = dense !== undefined ? dense[cell] : sparse.get(cell)
    if (m === undefined) {
      m = new Map()
      if (dense !== undefined) dense[cell] = m
      else sparse.set(cell, m)
    }
    m.set(w, (m.get(w) ?? 0) + 1)
  }
  const byCell = dense !== undefined
    ? dense.flatMap((m, cell) => (m === undefined ? [] : [[cell, m] as const]))
    : [...sparse]
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
