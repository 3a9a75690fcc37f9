/**
 * The BUILT API server (`apps/api/dist/main.js`, which serves this app's `dist/`) and CLI as child processes,
 * on 127.0.0.1 with a free port and a temporary database, as apps/api/test/server.ts does for the API's tests
 * (turbo builds both, and this app, before these tests).
 */
import { spawn, spawnSync } from "node:child_process"
import { existsSync, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"

export const SERVER = fileURLToPath(new URL("../../api/dist/main.js", import.meta.url))
export const CLI = fileURLToPath(new URL("../../cli/dist/bin.js", import.meta.url))
export const EXAMPLE_CSV = fileURLToPath(new URL("../../../examples/hcmc-2024-synthetic.csv", import.meta.url))

const cleanEnv = (extra: Readonly<Record<string, string>>): Record<string, string> => {
  const env: Record<string, string> = {}
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !k.startsWith("DANVAN_") && k !== "PORT" && k !== "HOST") env[k] = v
  }
  return { ...env, ...extra }
}

/** A temporary folder with a database path, removed by `cleanup`. */
export const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "danvan-web-"))
  return { dir, db: join(dir, "danvan.sqlite"), cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

export interface Running {
  readonly url: string
  readonly logs: ReadonlyArray<string>
  readonly stop: () => Promise<void>
}

/**
 * Starts the built server with `DANVAN_DB=db` (and `env`) and waits at most 30 s for its "listening" line.
 *
 * @example
 * const server = await startServer(db, { DANVAN_MODE: "server" })
 */
export const startServer = (db: string, env: Readonly<Record<string, string>> = {}): Promise<Running> => {
  if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: build the API first (pnpm build)`)
  const child = spawn(process.execPath, [SERVER], {
    env: cleanEnv({ PORT: "0", HOST: "127.0.0.1", DANVAN_DB: db, DANVAN_WORKERS: "1", ...env }),
    stdio: ["ignore", "ignore", "pipe"]
  })
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()))
  const logs: Array<string> = []
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL")
      reject(new Error(`server did not start within 30 s:\n${logs.join("\n")}`))
    }, 30_000)
    let buffer = ""
    child.stderr.setEncoding("utf8")
    child.stderr.on("data", (chunk: string) => {
      buffer += chunk
      const lines = buffer.split("\n")
      buffer = lines.pop() ?? ""
      for (const line of lines) {
        logs.push(line)
        if (!line.includes("\"event\":\"listening\"")) continue
        clearTimeout(timer)
        const stop = async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM")
          await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))])
          if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL")
        }
        resolve({ url: (JSON.parse(line) as { url: string }).url, logs, stop })
      }
    })
    void exited.then(() => {
      clearTimeout(timer)
      reject(new Error(`server exited before listening:\n${logs.join("\n")}${buffer}`))
    })
  })
}

/**
 * Runs the built CLI (60 s at most).
 *
 * @example
 * cli(["crosstab", "--data", EXAMPLE_CSV, "--row", "level", "--col", "sex", "--format", "json"])
 */
export const cli = (args: ReadonlyArray<string>) => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build the CLI first (pnpm build)`)
  const r = spawnSync(process.execPath, [CLI, ...args], {
    encoding: "utf8",
    env: cleanEnv({ NO_COLOR: "1" }),
    timeout: 60_000
  })
  if (r.status !== 0) throw new Error(`danvan ${args.join(" ")} failed (${r.status}): ${r.stderr}`)
  return r.stdout
}

/** A new API key for `tenant` in `db` (`danvan api-key create`). */
export const createKey = (db: string, tenant: string): string =>
  cli(["api-key", "create", "--tenant", tenant, "--db", db]).trim()
