import type * as Command from "@effect/cli/Command"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type { apiKeyCreateOptions, serveOptions } from "../commands/api.js"
import { UsageError } from "../errors.js"
import { writeStderr, writeStdout } from "../terminal.js"

export type ServeArgs = Command.Command.ParseConfig<typeof serveOptions>
export type ApiKeyCreateArgs = Command.Command.ParseConfig<typeof apiKeyCreateOptions>

const databaseOf = (db: Option.Option<string>): string =>
  Option.getOrElse(
    db,
    () => process.env["DANVAN_DATABASE_URL"]?.trim() || process.env["DANVAN_DB"]?.trim() || "./data/danvan.sqlite"
  )

/**
 * `danvan serve`: the HTTP API with the environment's configuration, overridden by --host, --port and --db.
 *
 * @example
 * yield* runServe(args) // runs until SIGINT/SIGTERM
 */
export const runServe = (args: ServeArgs) =>
  Effect.gen(function*() {
    // The server (and its native SQLite driver) loads only for this command, so `danvan --help` stays fast.
    const api = yield* Effect.promise(() => import("@danvan/api"))
    const config = yield* Effect.try({
      // --host decides the default mode (local on a loopback address, else server), so it is read as HOST.
      try: () => api.configFromEnv(Option.isSome(args.host) ? { ...process.env, HOST: args.host.value } : process.env),
      catch: (e) => new UsageError({ command: "serve", message: (e as Error).message })
    })
    if (Option.isSome(args.port) && (args.port.value < 0 || args.port.value > 65535)) {
      return yield* Effect.fail(
        new UsageError({ command: "serve", message: `--port must be 0..65535, got ${args.port.value}` })
      )
    }
    return yield* api.runServer({
      ...config,
      host: Option.getOrElse(args.host, () => config.host),
      port: Option.getOrElse(args.port, () => config.port),
      database: Option.isSome(args.db) ? args.db.value : config.database
    })
  })

/**
 * `danvan api-key create`: a new key for --tenant, printed once on stdout; the database keeps its SHA-256.
 *
 * @example
 * yield* runApiKeyCreate(args) // prints "dvk_…"
 */
export const runApiKeyCreate = (args: ApiKeyCreateArgs) =>
  Effect.gen(function*() {
    const tenant = args.tenant.trim()
    if (!/^[\w.@-]{1,100}$/.test(tenant)) {
      return yield* Effect.fail(
        new UsageError({
          command: "api-key",
          message: `--tenant "${args.tenant}" must be 1-100 letters, digits, '.', '_', '-' or '@'`
        })
      )
    }
    const api = yield* Effect.promise(() => import("@danvan/api"))
    const database = databaseOf(args.db)
    const created = yield* api.createApiKey(database, tenant)
    yield* writeStdout(`${created.key}\n`)
    yield* writeStderr(
      `danvan: API key for tenant "${tenant}" stored (hashed) in ${
        api.redactUrl(database)
      }; it is shown only this once.`
    )
  })
