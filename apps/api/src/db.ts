import { mkdirSync } from "node:fs"
import { dirname } from "node:path"
import * as NodeContext from "@effect/platform-node/NodeContext"
import * as SqlClient from "@effect/sql/SqlClient"
import { SqliteClient, SqliteMigrator } from "@effect/sql-sqlite-node"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"

/**
 * Schema migrations, applied in order at start-up and recorded in `effect_sql_migrations`. Never edit a
 * shipped migration: add the next one.
 */
const migrations = {
  "0001_init": Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    yield* sql`CREATE TABLE api_keys (
      id TEXT PRIMARY KEY,
      tenant TEXT NOT NULL,
      key_hash TEXT NOT NULL UNIQUE,
      created_at TEXT NOT NULL)`
    yield* sql`CREATE TABLE codebooks (
      tenant TEXT NOT NULL,
      id TEXT NOT NULL,
      body TEXT NOT NULL,
      created_at TEXT NOT NULL,
      PRIMARY KEY (tenant, id))`
    // column_count lets a reader check that every column of a dataset is there.
    yield* sql`CREATE TABLE datasets (
      id TEXT PRIMARY KEY,
      tenant TEXT NOT NULL,
      name TEXT NOT NULL,
      codebook_id TEXT,
      row_count INTEGER NOT NULL,
      column_count INTEGER NOT NULL,
      meta TEXT NOT NULL,
      created_at TEXT NOT NULL)`
    yield* sql`CREATE INDEX datasets_by_tenant ON datasets (tenant, created_at)`
    // One row per column: the typed array's bytes (little-endian Int32 codes or Float64 numbers).
    yield* sql`CREATE TABLE dataset_columns (
      dataset_id TEXT NOT NULL,
      position INTEGER NOT NULL,
      name TEXT NOT NULL,
      type TEXT NOT NULL,
      data BLOB NOT NULL,
      PRIMARY KEY (dataset_id, position))`
  }),
  // A .sav upload keeps its own dictionary as the dataset's codebook (file form JSON; NULL for other uploads).
  "0002_dataset_codebook": Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    yield* sql`ALTER TABLE datasets ADD COLUMN codebook_body TEXT`
  })
}

/**
 * The SQLite database at `filename` (its folder is created), in WAL mode, migrated to the latest schema.
 *
 * @example
 * Effect.provide(program, databaseLayer("./data/danvan.sqlite"))
 */
export const databaseLayer = (filename: string) => {
  const client = Layer.unwrapEffect(
    Effect.sync(() => {
      mkdirSync(dirname(filename), { recursive: true })
      return SqliteClient.layer({ filename })
    })
  )
  const setup = Layer.effectDiscard(
    Effect.gen(function*() {
      const sql = yield* SqlClient.SqlClient
      // A second writer (`danvan api-key create` while the server runs) waits instead of failing at once.
      yield* sql.unsafe("PRAGMA busy_timeout = 5000")
      yield* SqliteMigrator.run({ loader: SqliteMigrator.fromRecord(migrations) })
    })
  ).pipe(Layer.provide(NodeContext.layer))
  return Layer.provideMerge(setup, client)
}
