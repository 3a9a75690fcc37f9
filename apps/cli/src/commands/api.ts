import * as Command from "@effect/cli/Command"
import * as Options from "@effect/cli/Options"
import * as Effect from "effect/Effect"
import { UsageError } from "../errors.js"

const db = Options.text("db").pipe(
  Options.withDescription(
    "The SQLite database file, or a postgres:// URL for PostgreSQL (default: $DANVAN_DATABASE_URL, else $DANVAN_DB, " +
      "else in local mode danvan.sqlite in the user's data folder or $DANVAN_DATA_DIR, else ./data/danvan.sqlite)."
  ),
  Options.optional
)

export const serveOptions = {
  host: Options.text("host").pipe(
    Options.withDescription("Address to listen on (default: $HOST, else 127.0.0.1)."),
    Options.optional
  ),
  port: Options.integer("port").pipe(
    Options.withDescription("Port to listen on (default: $PORT, else 8080; 0 picks a free port)."),
    Options.optional
  ),
  db
}

export const serve = Command.make("serve", serveOptions, (args) =>
  Effect.flatMap(
    Effect.promise(() => import("../run/api.js")),
    (m) => m.runServe(args)
  )).pipe(
    Command.withDescription(
      "Run the HTTP API (OpenAPI at /openapi.json, docs at /docs). Also: DANVAN_MAX_BODY_MB (50), DANVAN_MAX_ROWS (1000000). Ctrl-C or SIGTERM stops it after in-flight requests finish."
    )
  )

export const apiKeyCreateOptions = {
  tenant: Options.text("tenant").pipe(
    Options.withDescription("The tenant (owner of codebooks and datasets) the key acts for.")
  ),
  db
}

const create = Command.make("create", apiKeyCreateOptions, (args) =>
  Effect.flatMap(
    Effect.promise(() => import("../run/api.js")),
    (m) => m.runApiKeyCreate(args)
  )).pipe(
    Command.withDescription("Create an API key for a tenant and print it once (only its SHA-256 hash is stored).")
  )

export const apiKey = Command.make(
  "api-key",
  {},
  () => Effect.fail(new UsageError({ command: "api-key", message: "missing subcommand; expected: create" }))
).pipe(Command.withDescription("Manage API keys of the HTTP API."), Command.withSubcommands([create]))
