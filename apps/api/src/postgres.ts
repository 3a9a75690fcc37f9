import * as NodeContext from "@effect/platform-node/NodeContext"
import type * as SqlClient from "@effect/sql/SqlClient"
import { PgClient, PgMigrator } from "@effect/sql-pg"
import * as Cause from "effect/Cause"
import * as Data from "effect/Data"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import { redactUrl } from "./databaseUrl.js"

/**
 * The store's database could not be reached or set up at start-up (wrong host, port, user, password or
 * database, server down): the operator's to fix. `url` is the database URL without its password.
 */
export class DatabaseError extends Data.TaggedError("DatabaseError")<{
  readonly message: string
  readonly url: string
}> {}

/** The innermost reason in a chain of causes (SqlError -> pg's error, MigrationError -> SqlError -> ...). */
const causeMessage = (cause: unknown): string => {
  let inner = cause
  for (let depth = 0; depth < 8; depth++) {
    if (inner instanceof AggregateError && inner.errors.length > 0) inner = inner.errors[0]
    else if (typeof inner === "object" && inner !== null && "cause" in inner && inner.cause !== undefined) {
      inner = inner.cause
    } else break
  }
  if (inner instanceof Error && inner.message !== "") return inner.message
  if (typeof inner === "object" && inner !== null && "code" in inner) return String(inner.code)
  return String(inner)
}

/** The reason, with the URL's password (if it is repeated in it) replaced by `***`. */
const reasonOf = (url: string, cause: unknown): string => {
  let password = ""
  try {
    password = decodeURIComponent(new URL(url).password)
  } catch {
    password = ""
  }
  const reason = causeMessage(cause).split(url).join(redactUrl(url))
  return password.length >= 1 ? reason.split(password).join("***") : reason
}

/**
 * What an unreachable database says: the URL without its password, PostgreSQL's (or the network's) reason, and
 * what to check.
 *
 * @example
 * unreachableMessage("postgres://u:pw@127.0.0.1:1/x", new Error("connect ECONNREFUSED 127.0.0.1:1"))
 */
export const unreachableMessage = (url: string, cause: unknown): string =>
  `cannot connect to PostgreSQL at ${redactUrl(url)}: ${reasonOf(url, cause)}. ` +
  "Check DANVAN_DATABASE_URL (host, port, user, password, database) and that the server is running."

/**
 * What a database that answers but cannot be set up says (a migration failed: usually the user may not create
 * tables in it).
 *
 * @example
 * setupMessage("postgres://u:pw@db/x", new Error("permission denied for schema public"))
 */
export const setupMessage = (url: string, cause: unknown): string =>
  `cannot set up the store in PostgreSQL at ${redactUrl(url)} (migrations): ${reasonOf(url, cause)}. ` +
  "The user needs the right to create tables in that database (or its administrator runs the API once with " +
  "such a user)."

/** A transaction-scoped advisory lock: instances starting together run the migrations one after another. */
const MIGRATION_LOCK = 7_163_001

/** The default of DANVAN_DATABASE_POOL_SIZE: connections per API instance. */
export const DEFAULT_POOL_SIZE = 10

/**
 * DANVAN_DATABASE_POOL_SIZE: the most connections one API instance opens to PostgreSQL (default 10), a whole
 * number from 1 to 10000; else the message naming the variable and its value.
 *
 * @example
 * poolSizeOf(undefined) // { size: 10 }
 * poolSizeOf("25") // { size: 25 }
 * poolSizeOf("0").error // 'DANVAN_DATABASE_POOL_SIZE="0" must be a whole number of connections from 1 to 10000 …'
 */
export const poolSizeOf = (text: string | undefined): { readonly size: number } | { readonly error: string } => {
  if (text === undefined || text.trim() === "") return { size: DEFAULT_POOL_SIZE }
  const size = Number(text.trim())
  return /^\d+$/.test(text.trim()) && size >= 1 && size <= 10_000 ? { size } : {
    error: `DANVAN_DATABASE_POOL_SIZE=${JSON.stringify(text)} must be a whole number of connections from 1 to 10000 ` +
      `(default ${DEFAULT_POOL_SIZE}); PostgreSQL's max_connections must cover it times the number of API instances`
  }
}

/**
 * The PostgreSQL store at `url` (a pool of at most `poolSize` connections per API instance, by default
 * DANVAN_DATABASE_POOL_SIZE or 10), migrated with the same migrations as SQLite. Connecting fails within 10 s with
 * a `DatabaseError` naming the URL without its password; so does a bad pool size.
 *
 * @example
 * Effect.provide(program, postgresLayer("postgres://danvan:secret@db:5432/danvan", migrations))
 */
export const postgresLayer = (
  url: string,
  migrations: Record<string, Effect.Effect<void, unknown, SqlClient.SqlClient>>,
  poolSize: string | undefined = process.env["DANVAN_DATABASE_POOL_SIZE"]
) => {
  const pool = poolSizeOf(poolSize)
  if ("error" in pool) return Layer.fail(new DatabaseError({ message: pool.error, url: redactUrl(url) }))
  const client = PgClient.layer({
    url: Redacted.make(url),
    connectTimeout: Duration.seconds(10),
    maxConnections: pool.size,
    applicationName: "danvan-api"
  }).pipe(
    // A URL the driver cannot even parse (a port that is not a number) throws: the same error as unreachable.
    Layer.catchAllCause((cause) =>
      Layer.fail(new DatabaseError({ message: unreachableMessage(url, Cause.squash(cause)), url: redactUrl(url) }))
    )
  )
  const setup = Layer.effectDiscard(
    Effect.gen(function*() {
      const sql = yield* PgClient.PgClient
      // Nested in this transaction, the migrator's own transaction is a savepoint on the same connection. The
      // migrator probes for its table with a statement that fails (and so would abort this transaction) when the
      // table is missing, so it is created here first, as the migrator would, under the lock.
      yield* sql.withTransaction(
        Effect.gen(function*() {
          yield* sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`
          yield* sql`CREATE TABLE IF NOT EXISTS effect_sql_migrations (
            migration_id integer primary key,
            created_at timestamp with time zone not null default now(),
            name text not null)`
          yield* PgMigrator.run({ loader: PgMigrator.fromRecord(migrations) })
        })
      )
    }).pipe(
      // A failed migration statement is a defect of the migrator (orDie): it is the operator's to fix all the same.
      Effect.catchAllDefect(Effect.fail),
      Effect.mapError((e) => new DatabaseError({ message: setupMessage(url, e), url: redactUrl(url) }))
    )
  ).pipe(Layer.provide(NodeContext.layer))
  return Layer.provideMerge(setup, client)
}
