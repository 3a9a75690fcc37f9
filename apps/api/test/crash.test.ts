import { readFileSync } from "node:fs"
import { request } from "node:http"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { call, createKey, EXAMPLE_CSV, type Running, startServer, tempDir, waitForLog } from "./server.js"

// Crash safety and shutdown with a large upload (the example's rows repeated to ~15 MB): a server killed with
// SIGKILL while receiving or while storing leaves either no dataset or the whole one, and a database that
// passes PRAGMA integrity_check; SIGTERM lets an in-flight upload finish before the process exits.

const tmp = tempDir()
let key: string
let large: Buffer
let largeRows: number

beforeAll(() => {
  const lines = readFileSync(EXAMPLE_CSV, "utf8").trim().split(/\r?\n/)
  const body = lines.slice(1)
  const copies = 240
  largeRows = body.length * copies
  large = Buffer.from([lines[0], ...Array.from({ length: copies }, () => body.join("\n"))].join("\n") + "\n")
  key = ""
}, 60_000)

afterAll(() => tmp.cleanup())

/** Sends `bytes` as an upload; resolves with the status (0 when the connection dies), never rejects. */
const upload = (server: Running, bytes: Buffer, options: { stopAfter?: number } = {}) => {
  let sent!: () => void
  const allSent = new Promise<void>((r) => (sent = r))
  const done = new Promise<number>((resolve) => {
    const url = new URL(`${server.url}/v1/datasets?codebook=hcmc-2024&name=large.csv`)
    const req = request(url, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "text/csv", "content-length": String(bytes.length) },
      timeout: 60_000
    }, (res) => {
      res.resume()
      res.on("end", () => resolve(res.statusCode ?? 0))
      res.on("error", () => resolve(0))
    })
    req.on("error", () => resolve(0))
    req.on("timeout", () => req.destroy())
    const end = options.stopAfter ?? bytes.length
    req.write(bytes.subarray(0, end), () => sent())
    if (end === bytes.length) req.end()
  })
  return { allSent, done }
}

/** Waits (at most 30 s) for a log line containing `text`. */
const checkDatabase = async () => {
  const { default: Database } = await import("better-sqlite3")
  const db = new Database(tmp.db)
  try {
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok")
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal")
    const orphans = db.prepare(
      "SELECT count(*) AS n FROM dataset_columns WHERE dataset_id NOT IN (SELECT id FROM datasets)"
    ).get() as { n: number }
    expect(orphans.n).toBe(0)
    const incomplete = db
      .prepare(
        "SELECT d.id FROM datasets d WHERE d.column_count <> (SELECT count(*) FROM dataset_columns c WHERE c.dataset_id = d.id)"
      )
      .all()
    expect(incomplete).toEqual([])
  } finally {
    db.close()
  }
}

/** After a restart: every listed dataset is whole (all its rows, and it can be analysed). */
const checkWhole = async (server: Running) => {
  const list = (await call(server.url, "GET", "/v1/datasets", { key })).json as {
    datasets: Array<{ id: string; rows: number }>
  }
  for (const d of list.datasets) {
    expect(d.rows).toBe(largeRows)
    // Fisher's test is left out: on 260,000 cases it is the slow part and says nothing about storage.
    const r = await call(server.url, "POST", `/v1/datasets/${d.id}/crosstab`, {
      key,
      body: { row: "level", col: "people_trust_limited", fisher: { method: "none" } }
    })
    expect(r.status).toBe(200)
    expect((r.json as { n: { total: number } }).n.total).toBe(largeRows)
  }
  return list.datasets.length
}

/**
 * Kills the server with SIGKILL, lets the upload end, checks the database file, restarts on it and returns
 * how many (whole) datasets it lists.
 */
const killAndRestart = async (server: Running, upload: { done: Promise<unknown> }): Promise<number> => {
  server.process.kill("SIGKILL")
  expect((await server.exited).signal).toBe("SIGKILL")
  await upload.done
  await checkDatabase()
  const restarted = await startServer(tmp.db)
  try {
    return await checkWhole(restarted)
  } finally {
    await restarted.stop()
  }
}

describe("crash safety", () => {
  it("SIGKILL while the body is arriving leaves no dataset and a sound database", async () => {
    const server = await startServer(tmp.db)
    key = createKey(tmp.db, "crash")
    const u = upload(server, large, { stopAfter: Math.floor(large.length / 2) })
    await u.allSent
    await new Promise((r) => setTimeout(r, 200))
    expect(await killAndRestart(server, u)).toBe(0)
  }, 120_000)

  it("SIGKILL while the dataset is being stored leaves it whole or absent", async () => {
    const server = await startServer(tmp.db)
    const u = upload(server, large)
    await waitForLog(server, "\"event\":\"dataset.store\"")
    expect(await killAndRestart(server, u)).toBeLessThanOrEqual(1)
  }, 120_000)
})

describe("graceful shutdown", () => {
  it("SIGTERM during an upload: the upload completes (201), then the process exits 0", async () => {
    const server = await startServer(tmp.db)
    const before =
      ((await call(server.url, "GET", "/v1/datasets", { key })).json as { datasets: Array<unknown> }).datasets.length
    const u = upload(server, large)
    await u.allSent
    server.process.kill("SIGTERM")
    expect(await u.done).toBe(201)
    expect((await server.exited).code).toBe(0)
    await checkDatabase()
    const again = await startServer(tmp.db)
    try {
      expect(await checkWhole(again)).toBe(before + 1)
    } finally {
      await again.stop()
    }
  }, 120_000)
})
