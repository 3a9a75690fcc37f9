import { SYSTEM_MISSING } from "@danvan/domain"
import type { DuckDBConnection } from "@duckdb/node-api"
import { type Cell, CellCollector, type CellTable, compareCodes } from "../counting/port.js"
import { fixedPointTerm, fixedPointWeight, planWeightSum, type WeightSumPlan } from "./fixedPoint.js"

/** Where the queries of a counter go, for tests and profiles: each SQL text before it runs. */
export type QueryTrace = (sql: string) => void

const toNumber = (v: unknown): number | null =>
  v === null ? null : typeof v === "bigint" ? Number(v) : typeof v === "number" ? v : Number(v)

const quoteIdent = (name: string): string => `"${name.replaceAll("\"", "\"\"")}"`

/** One query's rows, traced. */
export const rowsOf = async (
  connection: DuckDBConnection,
  sql: string,
  trace: QueryTrace | undefined
): Promise<Array<Array<unknown>>> => {
  trace?.(sql)
  return (await connection.runAndReadAll(sql)).getRows() as Array<Array<unknown>>
}

const codesOf = (variables: ReadonlyArray<string>) => variables.map((v) => `CAST(${quoteIdent(v)} AS INTEGER)`)
const cellCodes = (row: ReadonlyArray<unknown>, k: number) => row.slice(0, k).map((c) => toNumber(c) ?? SYSTEM_MISSING)

/**
 * Unweighted cells, or weighted ones with each cell's runs of equal weights (`GROUP BY cell, weight`): the
 * general path, exact for every weight, whose groups grow with the number of distinct weights.
 */
export const countByWeight = async (
  connection: DuckDBConnection,
  relation: string,
  source: string,
  variables: ReadonlyArray<string>,
  weight: string | undefined,
  trace?: QueryTrace
): Promise<CellTable> => {
  const w = weight === undefined ? [] : [`CAST(${quoteIdent(weight)} AS DOUBLE)`]
  const sql = `SELECT ${[...codesOf(variables), ...w, "count(*)"].join(", ")} FROM ${relation} GROUP BY ALL`
  const collector = new CellCollector(variables, weight, source)
  const k = variables.length
  for (const row of await rowsOf(connection, sql, trace)) {
    collector.add(cellCodes(row, k), weight === undefined ? undefined : toNumber(row[k]), Number(row[row.length - 1]))
  }
  return collector.table()
}

/**
 * The plan for the weight column: its smallest and largest values and the row count (answered from Parquet's
 * statistics without a scan), and, when some weights are zero or negative, the smallest positive one (a scan).
 */
const planFor = async (
  connection: DuckDBConnection,
  relation: string,
  weight: string,
  trace: QueryTrace | undefined
): Promise<{ plan: WeightSumPlan; allPositive: boolean }> => {
  const w = quoteIdent(weight)
  const [[min, max, rows]] = await rowsOf(
    connection,
    `SELECT CAST(min(${w}) AS DOUBLE), CAST(max(${w}) AS DOUBLE), count(*) FROM ${relation}`,
    trace
  )
  const lo = toNumber(min)
  const hi = toNumber(max)
  if (lo === null || lo > 0) return { plan: planWeightSum(lo, hi, Number(rows)), allPositive: true }
  const [[minPositive]] = await rowsOf(
    connection,
    `SELECT CAST(min(${w}) FILTER (${w} > 0) AS DOUBLE) FROM ${relation}`,
    trace
  )
  return { plan: planWeightSum(toNumber(minPositive), hi, Number(rows)), allPositive: false }
}

/**
 * Weighted cells with exactly rounded sums computed in SQL as fixed-point integers (fixedPoint.ts): one
 * `GROUP BY` on the codes alone, whatever the number of distinct weights. Falls back to {@link countByWeight}
 * when the weights' range does not fit (the plan says so), or when a weight the statistics did not show makes
 * the integer cast fail (NaN, out of range). The cells carry no runs of weights (`Cell.weights`).
 */
export const countWeighted = async (
  connection: DuckDBConnection,
  relation: string,
  source: string,
  variables: ReadonlyArray<string>,
  weight: string,
  trace?: QueryTrace
): Promise<CellTable> => {
  const { allPositive, plan } = await planFor(connection, relation, weight, trace)
  if (plan.kind === "pairs") return countByWeight(connection, relation, source, variables, weight, trace)
  const w = `CAST(${quoteIdent(weight)} AS DOUBLE)`
  const term = fixedPointTerm(w, plan)
  const aggregates = allPositive
    ? ["count(*)", `count(${w})`, "0", "0", `sum(${term})`]
    : [
      "count(*)",
      `count(*) FILTER (${w} > 0)`,
      `count(*) FILTER (${w} = 0)`,
      `count(*) FILTER (${w} < 0)`,
      `sum(${term}) FILTER (${w} > 0)`
    ]
  const sql = `SELECT ${[...codesOf(variables), ...aggregates].join(", ")} FROM ${relation} GROUP BY ALL`
  let rows: Array<Array<unknown>>
  try {
    rows = await rowsOf(connection, sql, trace)
  } catch {
    return countByWeight(connection, relation, source, variables, weight, trace)
  }
  const k = variables.length
  const excluded = { blank: 0, zero: 0, negative: 0 }
  const cells = rows.map((row): Cell => {
    const [n, positive, zero, negative] = row.slice(k, k + 4).map((x) => Number(x))
    excluded.zero += zero
    excluded.negative += negative
    excluded.blank += n - positive - zero - negative
    return {
      codes: cellCodes(row, k),
      count: positive,
      weight: fixedPointWeight(row[k + 4] as bigint | null, plan.scale)
    }
  }).sort((a, b) => compareCodes(a.codes, b.codes))
  return { variables, weight, cells, excluded }
}
