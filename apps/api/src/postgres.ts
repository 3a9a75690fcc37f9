import * as NodeContext from "@effect/platform-node/NodeContext"
import type * as SqlClient from "@effect/sql/SqlClient"
import { PgClient, PgMigrator } from "@effect/sql-pg"
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

const causeMessage = (cause: unknown): string => {
  const inner = typeof cause === "object" && cause !== null && "cause" in cause ? cause.cause : cause
  if (inner instanceof AggregateError && inner.errors.length > 0) return causeMessage(inner.errors[0])
  if (inner instanceof Error && inner.message !== "") return inner.message
  if (typeof inner === "object" && inner !== null && "code" in inner) return String(inner.code)
  return String(inner)
}

/**
 * What an unreachable database says: the URL without its password, PostgreSQL's (or the network's) reason, and
 * what to check.
 *
 * @example
 * unreachableMessage("postgres://u:pw@127.0.0.1:1/x", new Error("connect ECONNREFUSED 127.0.0.1:1"))
 */
export const unreachableMessage = (url: string, cause: unknown): string => {
  let password = ""
  try {
    password = decodeURIComponent(new URL(url).password)
  } catch {
    password = ""
  }
  let reason = causeMessage(cause).split(url).join(redactUrl(url))
  if (password.length >= 1) reason = reason.split(password).join("***")
  return `cannot connect to PostgreSQL at ${redactUrl(url)}: ${reason}. ` +
    "Check DANVAN_DATABASE_URL (host, port, user, password, database) and that the server is running."
}

/** A transaction-scoped advisory lock: instances starting together run the migrations one after another. */
const MIGRATION_LOCK = 7_163_001

/**
 * The PostgreSQL store at `url` (a pool of at most 10 connections per API instance), migrated with the same
 * migrations as SQLite. Connecting fails within 10 s with a `DatabaseError` naming the URL without its password.
 *
 * @example
 * Effect.provide(program, postgresLayer("postgres://danvan:secret@db:5432/danvan", migrations))
 */
export const postgresLayer = (
  url: string,
  migrations: Record<string, Effect.Effect<void, unknown, SqlClient.SqlClient>>
) => {
  const client = PgClient.layer({
    url: Redacted.make(url),
    connectTimeout: Duration.seconds(10),
    maxConnections: 10,
    applicationName: "danvan-api"
  }).pipe(Layer.mapError((e) => new DatabaseError({ message: unreachableMessage(url, e), url: redactUrl(url) })))
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
      Effect.mapError((e) => new DatabaseError({ message: unreachableMessage(url, e), url: redactUrl(url) }))
    )
  ).pipe(Layer.provide(NodeContext.layer))
  return Layer.provideMerge(setup, client)
}
