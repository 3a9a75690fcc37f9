import { type ChildProcess, spawn, spawnSync } from "node:child_process"
import { existsSync, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { expect, inject } from "vitest"
import { testDatabase } from "./postgres.js"

/**
 * Test helpers that run the BUILT server (`apps/api/dist/main.js`) and the built CLI as child processes, on
 * 127.0.0.1 with a free port (PORT=0) and a temporary database. turbo builds both before these tests; locally
 * run `npx tsup` in apps/api and apps/cli first.
 */

export const SERVER = fileURLToPath(new URL("../dist/main.js", import.meta.url))
export const CLI = fileURLToPath(new URL("../../cli/dist/bin.js", import.meta.url))
export const EXAMPLE_CSV = fileURLToPath(new URL("../../../examples/hcmc-2024-synthetic.csv", import.meta.url))

const cleanEnv = (extra: Readonly<Record<string, string>>): Record<string, string> => {
  const env: Record<string, string> = {}
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !k.startsWith("DANVAN_") && k !== "PORT" && k !== "HOST") env[k] = v
  }
  return { ...env, ...extra }
}

/**
 * A temporary directory (for a database and files), removed by `cleanup`. `db` is a SQLite file in it, or, when
 * the tests run against PostgreSQL (`vitest.pg.config.ts`), the URL of a new empty database on the test server.
 */
export const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "danvan-api-"))
  const postgres = inject("postgres")
  const db = postgres === undefined ? join(dir, "danvan.sqlite") : testDatabase(postgres)
  return { dir, db, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

export interface Running {
  readonly url: string
  readonly process: ChildProcess
  /** Every stderr line so far (JSON log lines). */
  readonly logs: Array<string>
  /** Resolves with the exit code (or signal) once the process has ended. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  /** SIGTERM, then waits (at most 15 s) for the exit. */
  readonly stop: () => Promise<void>
}

/**
 * Starts the server with `DANVAN_DB=db` (`DANVAN_DATABASE_URL=db` for a postgres:// URL) and waits (at most 30 s) for its "listening" log line.
 *
 * @example
 * const server = await startServer(db)
 */
export const startServer = (db: string, env: Readonly<Record<string, string>> = {}): Promise<Running> => {
  if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: build the API first (cd apps/api && npx tsup)`)
  const child = spawn(process.execPath, [SERVER], {
    env: cleanEnv({
      PORT: "0",
      HOST: "127.0.0.1",
      ...(db.startsWith("postgres://") ? { DANVAN_DATABASE_URL: db } : { DANVAN_DB: db }),
      ...env
    }),
    stdio: ["ignore", "ignore", "pipe"]
  })
  const logs: Array<string> = []
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal }))
  )
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL")
      reject(new Error(`server did not start within 30 s:\n${logs.join("\n")}`))
    }, 30_000)
    let buffer = ""
    child.stderr!.setEncoding("utf8")
    child.stderr!.on("data", (chunk: string) => {
      buffer += chunk
      const lines = buffer.split("\n")
      buffer = lines.pop() ?? ""
      for (const line of lines) {
        logs.push(line)
        if (line.includes("\"event\":\"listening\"")) {
          clearTimeout(timer)
          const { url } = JSON.parse(line) as { url: string }
          const stop = async () => {
            if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM")
            await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))])
            if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL")
          }
          resolve({ url, process: child, logs, exited, stop })
        }
      }
    })
    void exited.then(({ code }) => {
      clearTimeout(timer)
      reject(new Error(`server exited (${code}) before listening:\n${logs.join("\n")}${buffer}`))
    })
  })
}

/**
 * Waits (at most 30 s, polling every 50 ms) until the server has logged a line containing `text`.
 *
 * @example
 * await waitForLog(server, '"event":"analysis.start"')
 */
export const waitForLog = async (server: Running, text: string, count = 1): Promise<void> => {
  for (let i = 0; i < 600; i++) {
    if (server.logs.filter((l) => l.includes(text)).length >= count) return
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`no log line with ${text}`)
}

/**
 * Runs the built CLI synchronously (60 s at most).
 *
 * @example
 * cli(["crosstab", "--data", EXAMPLE_CSV, "--row", "level", "--col", "sex", "--format", "json"])
 */
export const cli = (args: ReadonlyArray<string>, env: Readonly<Record<string, string>> = {}, cwd?: string) => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build the CLI first (cd apps/cli && npx tsup)`)
  const r = spawnSync(process.execPath, [CLI, ...args], {
    encoding: "utf8",
    env: cleanEnv({ NO_COLOR: "1", ...env }),
    timeout: 60_000,
    ...(cwd !== undefined ? { cwd } : {})
  })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

/** A new API key for `tenant`, made with `danvan api-key create`. */
export const createKey = (db: string, tenant: string): string => {
  const r = cli(["api-key", "create", "--tenant", tenant, "--db", db])
  if (r.code !== 0) throw new Error(`api-key create failed: ${r.stderr}`)
  return r.stdout.trim()
}

export interface Reply {
  readonly status: number
  readonly json: unknown
  readonly text: string
  readonly headers: Headers
}

/**
 * One request (10 s timeout); the body is JSON-encoded unless it is a string or bytes.
 *
 * @example
 * const r = await call(server.url, "POST", "/v1/tables/test", { key, body: { counts: [[1, 2], [3, 4]] } })
 */
export const call = async (
  base: string,
  method: string,
  path: string,
  options: { key?: string; body?: unknown; contentType?: string; headers?: Record<string, string> } = {}
): Promise<Reply> => {
  const headers: Record<string, string> = { ...(options.headers ?? {}) }
  if (options.key !== undefined) headers["authorization"] = `Bearer ${options.key}`
  let body: string | Uint8Array | undefined
  if (options.body !== undefined) {
    body = typeof options.body === "string" || options.body instanceof Uint8Array
      ? options.body
      : JSON.stringify(options.body)
    headers["content-type"] = options.contentType ??
      (typeof options.body === "string" || options.body instanceof Uint8Array ? "text/csv" : "application/json")
  }
  const response = await fetch(base + path, { method, headers, body, signal: AbortSignal.timeout(10_000) })
  const text = await response.text()
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    json = undefined
  }
  return { status: response.status, json, text, headers: response.headers }
}

/**
 * Uploads a CSV as a dataset (`query` names the codebook and optionally the name), expects 201 and returns
 * the new dataset's id.
 *
 * @example
 * const id = await uploadDataset(server, key, readFileSync(EXAMPLE_CSV), "codebook=hcmc-2024&name=survey.csv")
 */
export const uploadDataset = async (
  server: Running,
  key: string,
  body: string | Uint8Array,
  query = "codebook=hcmc-2024"
): Promise<string> => {
  const upload = await call(server.url, "POST", `/v1/datasets?${query}`, { key, body })
  expect(upload.status).toBe(201)
  return (upload.json as { id: string }).id
}

/** The error envelope's code, or undefined when the body is not `{error: {code, message, details}}`. */
export const errorCode = (reply: Reply): string | undefined => {
  const e = (reply.json as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error
  return e !== undefined && typeof e.code === "string" && typeof e.message === "string" && "details" in e
    ? e.code
    : undefined
}
