import { spawnSync } from "node:child_process"
import { randomBytes } from "node:crypto"
import { join } from "node:path"
// @ts-expect-error -- a plain ES module (bench/api.mjs uses it too); its shape is `PostgresServer` below.
import { postgresBin, startPostgres as start } from "../scripts/postgres.mjs"

/** The test PostgreSQL server's connection details (what vitest's globalSetup provides to the test files). */
export interface PostgresInfo {
  readonly host: string
  readonly port: number
  readonly user: string
  readonly password: string
}

/** A running throwaway PostgreSQL server (scripts/postgres.mjs). */
export interface PostgresServer extends PostgresInfo {
  readonly dir: string
  readonly url: (db: string) => string
  readonly createDatabase: (name: string) => string
  /** Stops the server, keeping its files (a database outage); `resume` starts it again on the same port. */
  readonly pause: () => void
  readonly resume: () => void
  readonly stop: () => void
}

declare module "vitest" {
  export interface ProvidedContext {
    postgres: PostgresInfo | undefined
  }
}

/** Starts a throwaway PostgreSQL server: initdb in a temp dir, 127.0.0.1 and a free port (scripts/postgres.mjs). */
export const startPostgres = (): Promise<PostgresServer> => start() as Promise<PostgresServer>

/**
 * Runs SQL with psql on database `db` of the server and returns its unaligned, tuples-only output.
 *
 * @example
 * psql(info, "t1", "SELECT count(*) FROM datasets") // "0"
 */
export const psql = (info: PostgresInfo, db: string, sql: string): string => {
  const r = spawnSync(
    join(postgresBin() as string, "psql"),
    ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-c", sql],
    {
      encoding: "utf8",
      timeout: 60_000,
      env: {
        ...process.env,
        PGHOST: info.host,
        PGPORT: String(info.port),
        PGUSER: info.user,
        PGPASSWORD: info.password,
        PGDATABASE: db
      }
    }
  )
  if (r.status !== 0) throw new Error(`psql ${JSON.stringify(sql)} failed: ${r.stderr}`)
  return r.stdout.trim()
}

/**
 * Runs SQL with psql on the database at `url` (a URL made by `testDatabase`) and returns psql's output.
 *
 * @example
 * sqlOf(tmp.db, "SELECT count(*) FROM api_keys") // "2"
 */
export const sqlOf = (url: string, sql: string): string => {
  const u = new URL(url)
  const info = { host: u.hostname, port: Number(u.port), user: u.username, password: decodeURIComponent(u.password) }
  return psql(info, u.pathname.slice(1), sql)
}

/** A new empty database on the server; returns its URL. */
export const testDatabase = (info: PostgresInfo): string => {
  const name = `t_${randomBytes(6).toString("hex")}`
  psql(info, "postgres", `CREATE DATABASE ${name}`)
  return `postgres://${info.user}:${info.password}@${info.host}:${info.port}/${name}`
}
