import { mkdirSync } from "node:fs"
import { dirname } from "node:path"
import * as NodeContext from "@effect/platform-node/NodeContext"
import type * as Migrator from "@effect/sql/Migrator"
import * as SqlClient from "@effect/sql/SqlClient"
import type * as SqlError from "@effect/sql/SqlError"
import { SqliteClient, SqliteMigrator } from "@effect/sql-sqlite-node"
import type * as ConfigError from "effect/ConfigError"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { isPostgresUrl } from "./databaseUrl.js"
import { type DatabaseError, postgresLayer } from "./postgres.js"

/**
 * Schema migrations, applied in order at start-up and recorded in `effect_sql_migrations`. Never edit a
 * shipped migration: add the next one. Every statement runs on SQLite and on PostgreSQL; the only dialect
 * differences are the column types picked by `types` (SQLite's statements are what they always were).
 */
const types = (sql: SqlClient.SqlClient) =>
  sql.onDialectOrElse({
    // Keys sort byte-wise on PostgreSQL as on SQLite, whatever the database's locale ("C" collation).
    pg: () => ({ key: sql.literal("TEXT COLLATE \"C\""), bytes: sql.literal("BYTEA") }),
    orElse: () => ({ key: sql.literal("TEXT"), bytes: sql.literal("BLOB") })
  })

export const migrations = {
  "0001_init": Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    const t = types(sql)
    yield* sql`CREATE TABLE api_keys (
      id ${t.key} PRIMARY KEY,
      tenant TEXT NOT NULL,
      key_hash TEXT NOT NULL UNIQUE,
      created_at TEXT NOT NULL)`
    yield* sql`CREATE TABLE codebooks (
      tenant ${t.key} NOT NULL,
      id ${t.key} NOT NULL,
      body TEXT NOT NULL,
      created_at TEXT NOT NULL,
      PRIMARY KEY (tenant, id))`
    // column_count lets a reader check that every column of a dataset is there.
    yield* sql`CREATE TABLE datasets (
      id ${t.key} PRIMARY KEY,
      tenant ${t.key} NOT NULL,
      name TEXT NOT NULL,
      codebook_id TEXT,
      row_count INTEGER NOT NULL,
      column_count INTEGER NOT NULL,
      meta TEXT NOT NULL,
      created_at ${t.key} NOT NULL)`
    yield* sql`CREATE INDEX datasets_by_tenant ON datasets (tenant, created_at)`
    // One row per column: the typed array's bytes (little-endian Int32 codes or Float64 numbers).
    yield* sql`CREATE TABLE dataset_columns (
      dataset_id ${t.key} NOT NULL,
      position INTEGER NOT NULL,
      name TEXT NOT NULL,
      type TEXT NOT NULL,
      data ${t.bytes} NOT NULL,
      PRIMARY KEY (dataset_id, position))`
  }),
  // A .sav upload keeps its own dictionary as the dataset's codebook (file form JSON; NULL for other uploads).
  "0002_dataset_codebook": Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    yield* sql`ALTER TABLE datasets ADD COLUMN codebook_body TEXT`
  }),
  // The web app's browser sessions (web/sessions.ts), shared by every API instance on the database: the SHA-256 of
  // the session cookie (never the cookie itself), its tenant, its CSRF token and when it was last used (ms).
  "0003_web_sessions": Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    const t = types(sql)
    const ms = sql.onDialectOrElse({ pg: () => sql.literal("BIGINT"), orElse: () => sql.literal("INTEGER") })
    yield* sql`CREATE TABLE web_sessions (
      id_hash ${t.key} PRIMARY KEY,
      tenant ${t.key} NOT NULL,
      csrf TEXT NOT NULL,
      created_at TEXT NOT NULL,
      seen ${ms} NOT NULL)`
    yield* sql`CREATE INDEX web_sessions_by_seen ON web_sessions (seen)`
  })
}

const sqliteLayer = (filename: string) => {
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

/**
 * The store's database, migrated to the latest schema: PostgreSQL when `database` is a `postgres://` (or
 * `postgresql://`) URL (see postgres.ts; unreachable is a `DatabaseError`), else the SQLite file at `database`
 * (its folder is created) in WAL mode.
 *
 * @example
 * Effect.provide(program, databaseLayer("./data/danvan.sqlite"))
 * Effect.provide(program, databaseLayer("postgres://danvan:secret@db.internal:5432/danvan"))
 */
export const databaseLayer = (
  database: string
): Layer.Layer<
  SqlClient.SqlClient,
  DatabaseError | SqlError.SqlError | Migrator.MigrationError | ConfigError.ConfigError
> => isPostgresUrl(database) ? postgresLayer(database, migrations) : sqliteLayer(database)
