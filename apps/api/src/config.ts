import * as Context from "effect/Context"

/** Limits and places the server runs with (from the environment, see `configFromEnv`). */
export interface ServerConfig {
  readonly host: string
  readonly port: number
  /** The SQLite file (`DANVAN_DB`). */
  readonly database: string
  /** Largest request body in bytes (`DANVAN_MAX_BODY_MB`, default 50 MB); larger gets 413. */
  readonly maxBodyBytes: number
  /** Most data rows an upload may have (`DANVAN_MAX_ROWS`, default 1,000,000); more gets 413. */
  readonly maxRows: number
}

/** The running server's configuration, for handlers that check limits. */
export class Config extends Context.Tag("@danvan/api/Config")<Config, ServerConfig>() {}

const positive = (name: string, text: string | undefined, fallback: number, integer: boolean): number => {
  if (text === undefined || text.trim() === "") return fallback
  const value = Number(text)
  if (!Number.isFinite(value) || value < 0 || (integer && !Number.isInteger(value))) {
    throw new Error(`${name}=${JSON.stringify(text)} is not a ${integer ? "non-negative integer" : "non-negative number"}`)
  }
  return value
}

/**
 * The configuration from environment variables: HOST (127.0.0.1), PORT (8080; 0 picks a free port),
 * DANVAN_DB (./data/danvan.sqlite), DANVAN_MAX_BODY_MB (50), DANVAN_MAX_ROWS (1000000). Throws on a value
 * that is not a number, naming the variable.
 *
 * @example
 * configFromEnv({ PORT: "0", DANVAN_DB: "/tmp/t.sqlite" }).port // 0
 */
export const configFromEnv = (env: Readonly<Record<string, string | undefined>> = process.env): ServerConfig => ({
  host: env["HOST"]?.trim() || "127.0.0.1",
  port: positive("PORT", env["PORT"], 8080, true),
  database: env["DANVAN_DB"]?.trim() || "./data/danvan.sqlite",
  maxBodyBytes: Math.round(positive("DANVAN_MAX_BODY_MB", env["DANVAN_MAX_BODY_MB"], 50, false) * 1024 * 1024),
  maxRows: positive("DANVAN_MAX_ROWS", env["DANVAN_MAX_ROWS"], 1_000_000, true)
})
