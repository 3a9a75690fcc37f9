/**
 * The DuckDB counting engine (`@danvan/analysis/duckdb`): GROUP BY counts pushed into DuckDB over a Parquet
 * file or a Dataset loaded into it. A separate entry so that `@danvan/analysis` never loads DuckDB's native
 * module; import it only when `--engine duckdb` (or a Parquet file) asks for it.
 */
import { createRequire } from "node:module"
import type { Dataset } from "@danvan/domain"
import { SYSTEM_MISSING } from "@danvan/domain"
import type { DuckDBConnection } from "@duckdb/node-api"
import * as Effect from "effect/Effect"
import type * as Scope from "effect/Scope"
import type { Counter, CounterColumn } from "../counting/port.js"
import { AnalysisError } from "../errors.js"
import { countByWeight, countWeighted, type QueryTrace, rowsOf } from "./weighted.js"

export { fixedPointWeight, planWeightSum } from "./fixedPoint.js"
export type { WeightSumPlan } from "./fixedPoint.js"
export type { QueryTrace } from "./weighted.js"

const engineError = (source: string, e: unknown) =>
  new AnalysisError({
    code: "ENGINE_ERROR",
    message: `DuckDB could not count ${source}: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`
  })

/**
 * A SQL identifier, double-quoted.
 *
 * @example
 * quoteIdent('a"b') // '"a""b"'
 */
export const quoteIdent = (name: string): string => `"${name.replaceAll("\"", "\"\"")}"`
/**
 * A SQL string literal, single-quoted.
 *
 * @example
 * quoteString("it's.parquet") // "'it''s.parquet'"
 */
export const quoteString = (text: string): string => `'${text.replaceAll("'", "''")}'`

const INTEGER_TYPES = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT)$/
const NUMERIC_TYPES = /^(FLOAT|DOUBLE|DECIMAL.*)$/

/**
 * A DuckDB column type as the counting port sees it.
 *
 * @example
 * kindOfType("SMALLINT") // "codes"; kindOfType("DOUBLE") // "numeric"; kindOfType("VARCHAR") // "other"
 */
export const kindOfType = (type: string): CounterColumn["kind"] =>
  INTEGER_TYPES.test(type) ? "codes" : NUMERIC_TYPES.test(type) ? "numeric" : "other"

/**
 * @duckdb/node-api through `require`: it is a CommonJS package of some fifty modules re-exported from its index,
 * and `import()` makes Node's ESM loader parse each of them for its named exports (cjs-module-lexer) before
 * loading them again as CommonJS, which took ~0.2-0.4 s of a `danvan crosstab --engine duckdb` (bench/README.md).
 */
const loadDuckdb = (): typeof import("@duckdb/node-api") => createRequire(import.meta.url)("@duckdb/node-api")

/** An in-memory DuckDB connection, closed with the scope. */
export const duckdbConnection: Effect.Effect<DuckDBConnection, AnalysisError, Scope.Scope> = Effect.acquireRelease(
  Effect.tryPromise({
    try: async () => {
      const { DuckDBInstance } = loadDuckdb()
      const instance = await DuckDBInstance.create(":memory:")
      return { instance, connection: await instance.connect() }
    },
    catch: (e) => engineError("the data", e)
  }),
  ({ connection, instance }) =>
    Effect.sync(() => {
      connection.closeSync()
      instance.closeSync()
    })
).pipe(Effect.map(({ connection }) => connection))

/** Options of a DuckDB counter. */
export interface DuckdbCounterOptions {
  /** Called with each SQL text before it runs (tests, profiles). */
  readonly trace?: QueryTrace
}

/**
 * A Counter over a relation of a DuckDB connection: a table or view name, or a table function such as
 * `read_parquet('survey.parquet')`. Unweighted, each `countCells` is one `SELECT codes..., count(*) ... GROUP BY
 * ALL`. Weighted, the weights are summed exactly in SQL as fixed-point integers (fixedPoint.ts: one `GROUP BY` on
 * the codes, after a look at the weight column's range that Parquet answers from its statistics); when the range
 * does not fit, or the cases are to be rebuilt (`weightRuns`), the query groups by (cell, weight) and the runs are
 * summed exactly in JavaScript (exactSum.ts). Either way the sums are those of the memory engine, bit for bit.
 *
 * @example
 * const counter = yield* duckdbCounter(connection, "read_parquet('survey.parquet')", "survey.parquet")
 */
export const duckdbCounter = (
  connection: DuckDBConnection,
  relation: string,
  source: string,
  options: DuckdbCounterOptions = {}
): Effect.Effect<Counter, AnalysisError> =>
  Effect.gen(function*() {
    const described = yield* Effect.tryPromise({
      try: () => rowsOf(connection, `DESCRIBE SELECT * FROM ${relation}`, options.trace),
      catch: (e) => engineError(source, e)
    })
    const columns: Array<CounterColumn> = described.map((r) => ({
      name: String(r[0]),
      kind: kindOfType(String(r[1]))
    }))
    const countCells: Counter["countCells"] = (variables, weight, count) =>
      Effect.tryPromise({
        try: () =>
          weight === undefined || count?.weightRuns === true
            ? countByWeight(connection, relation, source, variables, weight, options.trace)
            : countWeighted(connection, relation, source, variables, weight, options.trace),
        catch: (e) => e instanceof AnalysisError ? e : engineError(source, e)
      })
    return { engine: "duckdb", source, columns, countCells }
  })

/**
 * A Counter over a Parquet file, counted by DuckDB straight from the file (nothing is loaded into JavaScript).
 *
 * @example
 * const counter = yield* parquetCounter("survey.parquet")
 */
export const parquetCounter = (
  path: string,
  options: DuckdbCounterOptions = {}
): Effect.Effect<Counter, AnalysisError, Scope.Scope> =>
  Effect.flatMap(duckdbConnection, (c) =>
    duckdbCounter(c, `read_parquet(${quoteString(path)})`, path, options).pipe(
      Effect.mapError((e) =>
        e.code === "ENGINE_ERROR"
          ? new AnalysisError({
            code: "ENGINE_ERROR",
            message: `cannot read ${path} as Parquet: ${
              e.message.replace(/^DuckDB could not count [^:]*: /, "")
            }; expected a Parquet file (for example one written by "danvan convert --out FILE.parquet")`
          })
          : e
      )
    ))

/**
 * A Counter over a Dataset loaded into an in-memory DuckDB table (codes as INTEGER with blanks as NULL, numbers
 * as DOUBLE): for data read from CSV, .xlsx or .sav, so that every file can be counted by DuckDB.
 *
 * @example
 * const counter = yield* datasetCounter(dataset, "survey.csv")
 */
export const datasetCounter = (
  dataset: Dataset,
  source = "the data",
  options: DuckdbCounterOptions = {}
): Effect.Effect<Counter, AnalysisError, Scope.Scope> =>
  Effect.gen(function*() {
    const connection = yield* duckdbConnection
    yield* Effect.tryPromise({
      try: () => loadDataset(connection, "data", dataset),
      catch: (e) => engineError(source, e)
    })
    return yield* duckdbCounter(connection, "data", source, options)
  })

/**
 * Creates table `name` from the Dataset's columns with DuckDB's appender.
 *
 * @example
 * await loadDataset(connection, "data", dataset)
 */
export const loadDataset = async (connection: DuckDBConnection, name: string, dataset: Dataset): Promise<void> => {
  const defs = dataset.columns.map((c) => `${quoteIdent(c.name)} ${c.type === "codes" ? "INTEGER" : "DOUBLE"}`)
  await connection.run(`CREATE TABLE ${quoteIdent(name)} (${defs.join(", ")})`)
  const appender = await connection.createAppender(name)
  const cols = dataset.columns
  for (let k = 0; k < dataset.rowCount; k++) {
    for (const c of cols) {
      const v = c.values[k]
      if (c.type === "codes") {
        if (v === SYSTEM_MISSING) appender.appendNull()
        else appender.appendInteger(v)
      } else if (Number.isNaN(v)) appender.appendNull()
      else appender.appendDouble(v)
    }
    appender.endRow()
  }
  appender.closeSync()
}
