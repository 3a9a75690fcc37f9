import { availableParallelism } from "node:os"
import { join } from "node:path"
import * as Context from "effect/Context"
import { isPostgresUrl, redactUrl } from "./databaseUrl.js"
import { DATABASE_FILE, userDataDir } from "./dataDir.js"

/** Limits and places the server runs with (from the environment, see `configFromEnv`). */
export interface ServerConfig {
  readonly host: string
  readonly port: number
  /** The SQLite file (`DANVAN_DB`; local mode: in the user's data folder, `DANVAN_DATA_DIR`; else ./data), or the
   * PostgreSQL URL (`DANVAN_DATABASE_URL`, postgres://…) when that is set. */
  readonly database: string
  /** Largest request body in bytes (`DANVAN_MAX_BODY_MB`, default 50 MB); larger gets 413. */
  readonly maxBodyBytes: number
  /** Most data rows an upload may have (`DANVAN_MAX_ROWS`, default 1,000,000); more gets 413. */
  readonly maxRows: number
  /** Analysis worker threads (`DANVAN_WORKERS`, default one per core but one, at least 1). */
  readonly workers: number
  /** Analyses that may wait for a worker (`DANVAN_QUEUE_SIZE`, default 64); one more gets 503. */
  readonly queueSize: number
  /** An analysis's time limit in ms (`DANVAN_ANALYSIS_TIMEOUT_MS`, default 60000); over it, 504. */
  readonly analysisTimeoutMs: number
  /** `local` (one user, no key: the default on a loopback host) or `server` (sign-in with a key); `DANVAN_MODE`. */
  readonly mode?: AppMode
  /** The web app's built files (`DANVAN_WEB_DIR`, default apps/web/dist next to the API); see web/serve.ts. */
  readonly webDir?: string
  /** A request body that sends nothing for this long is cut with 408 (`DANVAN_BODY_IDLE_TIMEOUT_MS`, default 30000). */
  readonly bodyIdleTimeoutMs: number
  /** A request body still arriving after this long is cut with 408 (`DANVAN_BODY_TIMEOUT_MS`, default 300000). */
  readonly bodyTimeoutMs: number
  /** Bytes all request bodies in flight may hold together (`DANVAN_UPLOAD_MEMORY_MB`, default 256); over it, 503. */
  readonly uploadMemoryBytes: number
  /** Most columns an upload may have (`DANVAN_MAX_COLUMNS`, default 10000); more gets 413. */
  readonly maxColumns: number
  /** After SIGTERM, requests still running this long are cut (`DANVAN_SHUTDOWN_TIMEOUT_MS`, default 30000). */
  readonly shutdownTimeoutMs: number
  /**
   * Most distinct values a table dimension may have (`DANVAN_MAX_CATEGORIES`, default 100); more is refused as
   * identifier-like.
   */
  readonly maxCategories: number
  /**
   * Server-wide minimum cell size (`DANVAN_MIN_CELL`, default 0 = off): smaller counts are suppressed in every
   * aggregate.
   */
  readonly minCell: number
}

/** The running server's configuration, for handlers that check limits. */
export class Config extends Context.Tag("@danvan/api/Config")<Config, ServerConfig>() {}

const positive = (name: string, text: string | undefined, fallback: number, integer: boolean): number => {
  if (text === undefined || text.trim() === "") return fallback
  const value = Number(text)
  if (!Number.isFinite(value) || value < 0 || (integer && !Number.isInteger(value))) {
    throw new Error(
      `${name}=${JSON.stringify(text)} is not a ${integer ? "non-negative integer" : "non-negative number"}`
    )
  }
  return value
}

const atLeastOne = (name: string, value: number): number => {
  if (value < 1) throw new Error(`${name}=${value} must be at least 1`)
  return value
}

/** DANVAN_DATABASE_URL (a postgres:// URL, checked) if set, else DANVAN_DB, else ./data/danvan.sqlite. */
const databaseOf = (env: Readonly<Record<string, string | undefined>>): string => {
  const url = env["DANVAN_DATABASE_URL"]?.trim()
  if (url === undefined || url === "") {
    // Local mode keeps its data in the user's data folder (see dataDir.ts); server mode where it is configured.
    return env["DANVAN_DB"]?.trim() ||
      (modeOf(env["DANVAN_MODE"], env["HOST"]?.trim() || "127.0.0.1") === "local"
        ? join(userDataDir(env), DATABASE_FILE)
        : "./data/danvan.sqlite")
  }
  if (!isPostgresUrl(url)) {
    throw new Error(
      `DANVAN_DATABASE_URL must be a PostgreSQL URL like postgres://user:password@host:5432/database, not ${
        JSON.stringify(redactUrl(url))
      }`
    )
  }
  return url
}

/** How the browser app signs in: see web/serve.ts (`appMode`) and apps/api/README.md. */
export type AppMode = "local" | "server"

/** True for 127.0.0.0/8, ::1 and localhost: addresses no other machine can reach. */
export const isLoopback = (host: string): boolean =>
  /^127(\.\d{1,3}){3}$/.test(host) || host === "::1" || host === "[::1]" || host.toLowerCase() === "localhost"

const modeOf = (text: string | undefined, host: string): AppMode => {
  const given = text?.trim().toLowerCase() || (isLoopback(host) ? "local" : "server")
  if (given !== "local" && given !== "server") {
    throw new Error(`DANVAN_MODE=${JSON.stringify(text)} must be "local" or "server"`)
  }
  if (given === "local" && !isLoopback(host)) {
    throw new Error(`DANVAN_MODE=local needs a loopback HOST (127.0.0.1), not ${host}: use DANVAN_MODE=server`)
  }
  return given
}

/**
 * The configuration from environment variables: HOST (127.0.0.1), PORT (8080; 0 picks a free port),
 * DANVAN_DB (local mode: danvan.sqlite in the user's data folder, DANVAN_DATA_DIR to override, see dataDir.ts;
 * server mode: ./data/danvan.sqlite; DANVAN_DATABASE_URL=postgres://… instead selects PostgreSQL),
 * DANVAN_MAX_BODY_MB (50), DANVAN_MAX_ROWS (1000000), DANVAN_WORKERS
 * (max(1, cores - 1)), DANVAN_QUEUE_SIZE (64), DANVAN_ANALYSIS_TIMEOUT_MS (60000), DANVAN_BODY_IDLE_TIMEOUT_MS
 * (30000), DANVAN_BODY_TIMEOUT_MS (300000), DANVAN_UPLOAD_MEMORY_MB (256), DANVAN_MAX_COLUMNS (10000),
 * DANVAN_SHUTDOWN_TIMEOUT_MS (30000), DANVAN_MAX_CATEGORIES (100), DANVAN_MIN_CELL (0, off), DANVAN_MODE (local on
 * a loopback host, else server), DANVAN_WEB_DIR. Throws on a value that is not a number (or a zero worker count or
 * time limit), on a DANVAN_MODE other than local/server, and on local mode with a non-loopback HOST, naming the
 * variable.
 *
 * @example
 * configFromEnv({ PORT: "0", DANVAN_DB: "/tmp/t.sqlite" }).port // 0
 */
export const configFromEnv = (env: Readonly<Record<string, string | undefined>> = process.env): ServerConfig => ({
  host: env["HOST"]?.trim() || "127.0.0.1",
  port: positive("PORT", env["PORT"], 8080, true),
  database: databaseOf(env),
  maxBodyBytes: Math.round(positive("DANVAN_MAX_BODY_MB", env["DANVAN_MAX_BODY_MB"], 50, false) * 1024 * 1024),
  maxRows: positive("DANVAN_MAX_ROWS", env["DANVAN_MAX_ROWS"], 1_000_000, true),
  // One core is left to the event loop (HTTP, SQLite, JSON) while the others run analyses.
  workers: atLeastOne(
    "DANVAN_WORKERS",
    positive("DANVAN_WORKERS", env["DANVAN_WORKERS"], Math.max(1, availableParallelism() - 1), true)
  ),
  queueSize: positive("DANVAN_QUEUE_SIZE", env["DANVAN_QUEUE_SIZE"], 64, true),
  analysisTimeoutMs: atLeastOne(
    "DANVAN_ANALYSIS_TIMEOUT_MS",
    positive("DANVAN_ANALYSIS_TIMEOUT_MS", env["DANVAN_ANALYSIS_TIMEOUT_MS"], 60_000, true)
  ),
  bodyIdleTimeoutMs: atLeastOne(
    "DANVAN_BODY_IDLE_TIMEOUT_MS",
    positive("DANVAN_BODY_IDLE_TIMEOUT_MS", env["DANVAN_BODY_IDLE_TIMEOUT_MS"], 30_000, true)
  ),
  bodyTimeoutMs: atLeastOne(
    "DANVAN_BODY_TIMEOUT_MS",
    positive("DANVAN_BODY_TIMEOUT_MS", env["DANVAN_BODY_TIMEOUT_MS"], 300_000, true)
  ),
  uploadMemoryBytes: Math.round(
    positive("DANVAN_UPLOAD_MEMORY_MB", env["DANVAN_UPLOAD_MEMORY_MB"], 256, false) * 1024 * 1024
  ),
  maxColumns: atLeastOne("DANVAN_MAX_COLUMNS", positive("DANVAN_MAX_COLUMNS", env["DANVAN_MAX_COLUMNS"], 10_000, true)),
  shutdownTimeoutMs: positive("DANVAN_SHUTDOWN_TIMEOUT_MS", env["DANVAN_SHUTDOWN_TIMEOUT_MS"], 30_000, true),
  maxCategories: atLeastOne(
    "DANVAN_MAX_CATEGORIES",
    positive("DANVAN_MAX_CATEGORIES", env["DANVAN_MAX_CATEGORIES"], 100, true)
  ),
  minCell: positive("DANVAN_MIN_CELL", env["DANVAN_MIN_CELL"], 0, true),
  mode: modeOf(env["DANVAN_MODE"], env["HOST"]?.trim() || "127.0.0.1"),
  ...(env["DANVAN_WEB_DIR"]?.trim() ? { webDir: env["DANVAN_WEB_DIR"].trim() } : {})
})
