/**
 * Parquet files through DuckDB (`@duckdb/node-api`, imported only when a Parquet file is read or written):
 * `readParquet` into a Dataset (integer columns as codes, floating and decimal columns as numbers) and
 * `writeParquet` from one (codes as INTEGER with blanks as NULL, numbers as DOUBLE).
 */
import { randomBytes } from "node:crypto"
import { rename, rm, stat } from "node:fs/promises"
import { createRequire } from "node:module"
import type { Column, ColumnTyping, Dataset } from "@danvan/domain"
import { makeDataset, SYSTEM_MISSING } from "@danvan/domain"
import type { DuckDBConnection } from "@duckdb/node-api"
import * as Effect from "effect/Effect"
import { DataFileError, FileReadError } from "./errors.js"
import { FileWriteError } from "./writeTextFiles.js"

const quoteIdent = (name: string): string => `"${name.replaceAll("\"", "\"\"")}"`
const quoteString = (text: string): string => `'${text.replaceAll("'", "''")}'`
const firstLine = (e: unknown): string => (e instanceof Error ? e.message : String(e)).split("\n")[0]

const INTEGER_TYPES = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT)$/
const NUMERIC_TYPES = /^(FLOAT|DOUBLE|DECIMAL.*)$/

const fileProblem = (file: string, value: string, expected: string) =>
  new DataFileError({ file, problems: [{ row: 0, column: "", value, expected }], totalProblems: 1 })

/**
 * @duckdb/node-api through `require`, not `import()`: it is CommonJS with some fifty re-exported modules, which
 * Node's ESM loader would lex one by one for named exports (~0.3 s; see packages/analysis/src/duckdb/index.ts).
 */
const loadDuckdb = (): typeof import("@duckdb/node-api") => createRequire(import.meta.url)("@duckdb/node-api")

/** Runs `use` with an in-memory DuckDB connection, closed after. */
const withDuckdb = <A>(use: (c: DuckDBConnection) => Promise<A>): Promise<A> =>
  Promise.resolve().then(loadDuckdb).then(async ({ DuckDBInstance }) => {
    const instance = await DuckDBInstance.create(":memory:")
    const connection = await instance.connect()
    try {
      return await use(connection)
    } finally {
      connection.closeSync()
      instance.closeSync()
    }
  })

/** What a Parquet file's columns become: codes, numbers, or left out (text, dates…; listed in `typing`). */
interface Plan {
  readonly name: string
  readonly type: "codes" | "numeric" | "skip"
  readonly sqlType: string
}

const planColumns = async (c: DuckDBConnection, relation: string, numeric: ReadonlyArray<string>) => {
  const described = (await c.runAndReadAll(`DESCRIBE SELECT * FROM ${relation}`)).getRowObjects()
  return described.map((r): Plan => {
    const name = String(r["column_name"])
    const sqlType = String(r["column_type"])
    const type = INTEGER_TYPES.test(sqlType)
      ? (numeric.includes(name) ? "numeric" : "codes")
      : NUMERIC_TYPES.test(sqlType)
      ? "numeric"
      : "skip"
    return { name, type, sqlType }
  })
}

/** Reads the planned columns chunk by chunk into typed arrays. */
const readColumns = async (
  c: DuckDBConnection,
  relation: string,
  plan: ReadonlyArray<Plan>
): Promise<Array<Column>> => {
  const used = plan.filter((p) => p.type !== "skip")
  const count = Number((await c.runAndReadAll(`SELECT count(*) FROM ${relation}`)).getRows()[0][0])
  const arrays = used.map((p) => (p.type === "codes" ? new Int32Array(count) : new Float64Array(count)))
  if (used.length > 0) {
    const select = used.map((p) => `CAST(${quoteIdent(p.name)} AS ${p.type === "codes" ? "INTEGER" : "DOUBLE"})`)
    const result = await c.stream(`SELECT ${select.join(", ")} FROM ${relation}`)
    let offset = 0
    for (
      let chunk = await result.fetchChunk();
      chunk !== null && chunk.rowCount > 0;
      chunk = await result.fetchChunk()
    ) {
      for (let j = 0; j < used.length; j++) {
        const vector = chunk.getColumnVector(j)
        const target = arrays[j]
        const blank = used[j].type === "codes" ? SYSTEM_MISSING : Number.NaN
        for (let k = 0; k < chunk.rowCount; k++) {
          const v = vector.getItem(k) as number | null
          target[offset + k] = v === null ? blank : v
        }
      }
      offset += chunk.rowCount
    }
  }
  return used.map((p, j): Column =>
    p.type === "codes"
      ? { name: p.name, type: "codes", values: arrays[j] as Int32Array }
      : { name: p.name, type: "numeric", values: arrays[j] as Float64Array }
  )
}

/**
 * Reads a Parquet file into a Dataset: integer columns as codes (blank = NULL; a code beyond 32 bits is an
 * error naming the file), FLOAT/DOUBLE/DECIMAL columns and `numericColumns` as numbers; other columns (text,
 * dates) are left out and listed in the dataset's `typing`. With `columns`, only those (and `numericColumns`)
 * are read. A missing or broken file is a DataFileError naming it.
 *
 * @example
 * const dataset = yield* readParquet("survey.parquet")
 */
export const readParquet = (
  path: string,
  options: { readonly columns?: ReadonlyArray<string>; readonly numericColumns?: ReadonlyArray<string> } = {}
): Effect.Effect<Dataset, DataFileError | FileReadError> =>
  Effect.gen(function*() {
    yield* Effect.tryPromise({
      try: () => stat(path),
      catch: () => new FileReadError({ path, reason: "no such file" })
    })
    const relation = `read_parquet(${quoteString(path)})`
    const numeric = options.numericColumns ?? []
    return yield* Effect.tryPromise({
      try: () =>
        withDuckdb(async (c) => {
          const all = await planColumns(c, relation, numeric)
          const wanted = options.columns === undefined ? undefined : new Set([...options.columns, ...numeric])
          const plan = wanted === undefined ? all : all.filter((p) => wanted.has(p.name))
          const typing: Array<ColumnTyping> = plan.filter((p) => p.type === "skip").map((p) => ({
            name: p.name,
            type: /DATE|TIME/.test(p.sqlType) ? "date" : "text",
            row: 1,
            value: `Parquet type ${p.sqlType}`,
            file: path
          }))
          return makeDataset(await readColumns(c, relation, plan), undefined, typing.length > 0 ? typing : undefined)
        }),
      catch: (e) =>
        fileProblem(
          path,
          `not readable as Parquet (${firstLine(e)})`,
          "a Parquet file (for example one written by `danvan convert --out FILE.parquet`)"
        )
    })
  })

/**
 * Creates table `name` from a Dataset with DuckDB's appender (codes as INTEGER, blanks NULL; numbers DOUBLE).
 *
 * @example
 * await loadDatasetIntoDuckdb(connection, "data", dataset)
 */
export const loadDatasetIntoDuckdb = async (c: DuckDBConnection, name: string, dataset: Dataset): Promise<void> => {
  const defs = dataset.columns.map((col) => `${quoteIdent(col.name)} ${col.type === "codes" ? "INTEGER" : "DOUBLE"}`)
  await c.run(`CREATE TABLE ${quoteIdent(name)} (${defs.join(", ")})`)
  const appender = await c.createAppender(name)
  for (let k = 0; k < dataset.rowCount; k++) {
    for (const col of dataset.columns) {
      const v = col.values[k]
      if (col.type === "codes" ? v === SYSTEM_MISSING : Number.isNaN(v)) appender.appendNull()
      else if (col.type === "codes") appender.appendInteger(v)
      else appender.appendDouble(v)
    }
    appender.endRow()
  }
  appender.closeSync()
}

/**
 * Writes a Dataset as Parquet (DuckDB's COPY, zstd-compressed), atomically: to a temporary file renamed over
 * `path` once complete, so a failed write leaves nothing. The codebook is not stored (keep its JSON beside).
 *
 * @example
 * yield* writeParquet("survey.parquet", dataset)
 */
export const writeParquet = (
  path: string,
  dataset: Dataset
): Effect.Effect<void, FileWriteError> => {
  const temp = `${path}.tmp-${randomBytes(4).toString("hex")}`
  return Effect.tryPromise({
    try: () =>
      withDuckdb(async (c) => {
        await loadDatasetIntoDuckdb(c, "data", dataset)
        await c.run(`COPY data TO ${quoteString(temp)} (FORMAT parquet, COMPRESSION zstd)`)
        await rename(temp, path)
      }),
    catch: (e) => new FileWriteError({ path, reason: firstLine(e) })
  }).pipe(Effect.tapError(() => Effect.promise(() => rm(temp, { force: true }))))
}
