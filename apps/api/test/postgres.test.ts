import { spawnSync } from "node:child_process"
import { readFileSync } from "node:fs"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type PostgresServer, psql, startPostgres } from "./postgres.js"
import {
  call,
  cli,
  createKey,
  errorCode,
  EXAMPLE_CSV,
  type Running,
  SERVER,
  startServer,
  uploadDataset
} from "./server.js"

// Two API instances on ONE PostgreSQL (issue 19): what one stores, the other lists, describes, analyses and
// deletes; a failed upload leaves nothing behind; an unreachable database is one clear line and exit 1.
// The server is a throwaway PostgreSQL (scripts/postgres.mjs: initdb in a temp dir, 127.0.0.1, a free port).

let pg: PostgresServer
let url: string
let key: string
let a: Running
let b: Running
const servers: Array<Running> = []
const start = async (db: string) => {
  const s = await startServer(db)
  servers.push(s)
  return s
}

beforeAll(async () => {
  pg = await startPostgres()
  url = pg.createDatabase("shared")
  key = createKey(url, "district-7")
  a = await start(url)
  b = await start(url)
}, 120_000)

afterAll(async () => {
  for (const s of servers) await s.stop()
  pg?.stop()
})

const csv = readFileSync(EXAMPLE_CSV)
const rowsOfCsv = readFileSync(EXAMPLE_CSV, "utf8").trim().split(/\r?\n/).length - 1
const columnsOfCsv = readFileSync(EXAMPLE_CSV, "utf8").split(/\r?\n/)[0]!.split(",").length
const ids = async (s: Running, k = key) =>
  ((await call(s.url, "GET", "/v1/datasets", { key: k })).json as { datasets: Array<{ id: string }> }).datasets.map(
    (d) => d.id
  )

describe("two API instances on one PostgreSQL", () => {
  it("both logged the PostgreSQL URL without its password, and /v1/ready shows it so", async () => {
    const redacted = url.replace(`:${pg.password}@`, ":***@")
    expect(redacted).not.toBe(url)
    for (const s of [a, b]) {
      const line = s.logs.find((l) => l.includes("\"event\":\"listening\""))!
      expect(JSON.parse(line).database).toBe(redacted)
      const ready = await call(s.url, "GET", "/v1/ready")
      expect(ready.json).toEqual({ status: "ready", database: redacted })
      expect(s.logs.join("\n") + ready.text).not.toContain(pg.password)
    }
  })

  it("an upload on one is listed, described and analysed on the other, with the same answers", async () => {
    const id = await uploadDataset(a, key, csv, "codebook=hcmc-2024&name=d7.csv")
    expect(await ids(b)).toEqual([id])
    const metaA = await call(a.url, "GET", `/v1/datasets/${id}`, { key })
    const metaB = await call(b.url, "GET", `/v1/datasets/${id}`, { key })
    expect(metaB.status).toBe(200)
    expect(metaB.json).toEqual(metaA.json)
    expect((metaB.json as { rows: number }).rows).toBe(rowsOfCsv)
    const body = { row: "level", col: "people_trust_limited" }
    const onB = await call(b.url, "POST", `/v1/datasets/${id}/crosstab`, { key, body })
    const onA = await call(a.url, "POST", `/v1/datasets/${id}/crosstab`, { key, body })
    expect(onB.status).toBe(200)
    expect(onB.json).toEqual(onA.json)
    const cliJson = cli([
      "crosstab",
      "--data",
      EXAMPLE_CSV,
      "--codebook",
      "hcmc-2024",
      "--row",
      "level",
      "--col",
      "people_trust_limited",
      "--format",
      "json"
    ])
    expect(cliJson.code).toBe(0)
    expect(onB.json).toEqual(JSON.parse(cliJson.stdout))
    expect(psql(pg, "shared", `SELECT count(*) FROM dataset_columns WHERE dataset_id = '${id}'`)).toBe(
      String(columnsOfCsv)
    )
  })

  it("a codebook created on one checks an upload on the other", async () => {
    const builtin = await call(a.url, "GET", "/v1/codebooks/hcmc-2024", { key })
    const mine = { ...(builtin.json as Record<string, unknown>), id: "district-7-survey" }
    expect((await call(a.url, "POST", "/v1/codebooks", { key, body: mine })).status).toBe(201)
    expect((await call(b.url, "POST", "/v1/codebooks", { key, body: mine })).status).toBe(409)
    const id = await uploadDataset(b, key, csv, "codebook=district-7-survey")
    const meta = await call(a.url, "GET", `/v1/datasets/${id}`, { key })
    expect(meta.json).toMatchObject({ id, codebook: "district-7-survey" })
  })

  it("a delete on one is seen by the other, though the other had the dataset in memory", async () => {
    const id = await uploadDataset(a, key, csv)
    const body = { variables: ["level"] }
    expect((await call(a.url, "POST", `/v1/datasets/${id}/frequencies`, { key, body })).status).toBe(200)
    expect((await call(b.url, "DELETE", `/v1/datasets/${id}`, { key })).status).toBe(204)
    const after = await call(a.url, "POST", `/v1/datasets/${id}/frequencies`, { key, body })
    expect(after.status).toBe(404)
    expect(errorCode(after)).toBe("NOT_FOUND")
    expect(await ids(a)).not.toContain(id)
    expect(psql(pg, "shared", `SELECT count(*) FROM dataset_columns WHERE dataset_id = '${id}'`)).toBe("0")
  })

  it("keeps tenants apart across instances: another tenant's key made while both run sees nothing", async () => {
    const other = createKey(url, "district-9")
    expect(await ids(b, other)).toEqual([])
    const [first] = await ids(a)
    expect((await call(b.url, "GET", `/v1/datasets/${first}`, { key: other })).status).toBe(404)
  })

  it("two instances starting at once on a new database migrate it once", async () => {
    const fresh = pg.createDatabase("fresh")
    const [c, d] = await Promise.all([start(fresh), start(fresh)])
    expect(
      psql(pg, "fresh", "SELECT string_agg(migration_id::text, ',' ORDER BY migration_id) FROM effect_sql_migrations")
    )
      .toBe("1,2,3")
    const k = createKey(fresh, "t")
    const id = await uploadDataset(c!, k, csv)
    expect(await ids(d!, k)).toEqual([id])
  })
})

describe("a failed upload on PostgreSQL", () => {
  it("leaves no partial dataset: the dataset row and the columns stored before the failure are rolled back", async () => {
    const db = pg.createDatabase("failing")
    const s = await start(db)
    const k = createKey(db, "t")
    // The fourth column's INSERT fails inside the upload's transaction, after the dataset row and three columns.
    psql(pg, "failing", "ALTER TABLE dataset_columns ADD CONSTRAINT fail_after_three CHECK (position < 3)")
    const r = await call(s.url, "POST", "/v1/datasets?codebook=hcmc-2024", { key: k, body: csv })
    expect(r.status).toBe(500)
    expect(errorCode(r)).toBeDefined()
    expect(psql(pg, "failing", "SELECT count(*) FROM datasets")).toBe("0")
    expect(psql(pg, "failing", "SELECT count(*) FROM dataset_columns")).toBe("0")
    expect(await ids(s, k)).toEqual([])
    // Without the fault the same upload is stored whole.
    psql(pg, "failing", "ALTER TABLE dataset_columns DROP CONSTRAINT fail_after_three")
    const id = await uploadDataset(s, k, csv)
    expect(psql(pg, "failing", "SELECT count(*) FROM dataset_columns")).toBe(String(columnsOfCsv))
    expect(await ids(s, k)).toEqual([id])
  })
})

const runServerWith = (env: Record<string, string>) => {
  const clean: Record<string, string> = {}
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith("DANVAN_")) clean[k] = v
  return spawnSync(process.execPath, [SERVER], {
    env: { ...clean, PORT: "0", HOST: "127.0.0.1", ...env },
    encoding: "utf8",
    timeout: 60_000
  })
}

describe("DANVAN_DATABASE_POOL_SIZE", () => {
  it("caps the connections of an instance: 2 under a burst that makes the default pool open more", async () => {
    const connections = (db: string) =>
      Number(
        psql(
          pg,
          "postgres",
          `SELECT count(*) FROM pg_stat_activity WHERE datname = '${db}' AND application_name = 'danvan-api'`
        )
      )
    const burst = async (s: Running, k: string) => {
      const replies = await Promise.all(
        Array.from({ length: 40 }, () => call(s.url, "GET", "/v1/datasets", { key: k }))
      )
      expect(replies.every((r) => r.status === 200)).toBe(true)
    }
    const small = pg.createDatabase("pool_two")
    const wide = pg.createDatabase("pool_default")
    const [smallKey, wideKey] = [createKey(small, "t"), createKey(wide, "t")]
    const two = await startServer(small, { DANVAN_DATABASE_POOL_SIZE: "2" })
    servers.push(two)
    const byDefault = await start(wide)
    await burst(two, smallKey)
    await burst(byDefault, wideKey)
    expect(connections("pool_default")).toBeGreaterThan(2)
    expect(connections("pool_two")).toBeGreaterThanOrEqual(1)
    expect(connections("pool_two")).toBeLessThanOrEqual(2)
  })
})

describe("a PostgreSQL outage while the API runs", () => {
  it("fails requests and readiness while the database is down (no crash), and recovers when it is back", async () => {
    const db = pg.createDatabase("outage")
    const s = await start(db)
    const k = createKey(db, "t")
    const id = await uploadDataset(s, k, csv)
    pg.pause()
    try {
      const ready = await call(s.url, "GET", "/v1/ready")
      expect(ready.status).toBe(503)
      expect(errorCode(ready)).toBe("UNAVAILABLE")
      const list = await call(s.url, "GET", "/v1/datasets", { key: k })
      expect(list.status).toBe(500)
      expect(errorCode(list)).toBeDefined()
      expect(list.text).not.toContain(pg.password)
      expect(s.process.exitCode).toBe(null)
    } finally {
      pg.resume()
    }
    expect((await call(s.url, "GET", "/v1/ready")).status).toBe(200)
    expect(await ids(s, k)).toEqual([id])
    const body = { variables: ["level"] }
    expect((await call(s.url, "POST", `/v1/datasets/${id}/frequencies`, { key: k, body })).status).toBe(200)
  })
})

describe("an unreachable PostgreSQL", () => {
  const cases = () =>
    [
      ["a wrong password", url.replace(`:${pg.password}@`, ":not-the-password@"), /password authentication failed/],
      ["a port nothing listens on", `postgres://danvan:s3cret-pw@127.0.0.1:1/shared`, /ECONNREFUSED/],
      ["a database that does not exist", pg.url("no_such_database"), /database "no_such_database" does not exist/],
      ["a port that is not a number", `postgres://danvan:s3cret-pw@127.0.0.1:fivefour/shared`, /Invalid URL/]
    ] as const

  it("is one log line naming the URL without its password, and exit 1, for each way of being wrong", () => {
    const all = cases()
    expect(all.length).toBe(4)
    for (const [, bad, reason] of all) {
      const r = runServerWith({ DANVAN_DATABASE_URL: bad })
      expect(r.status).toBe(1)
      const lines = r.stderr.trim().split("\n")
      expect(lines.length).toBe(1)
      const line = JSON.parse(lines[0]!) as { event: string; message: string; url: string }
      expect(line.event).toBe("database")
      const password = /^postgres:\/\/[^:@]*:([^@]*)@/.exec(bad)![1]!
      expect(password.length).toBeGreaterThan(3)
      expect(line.url).toBe(bad.replace(`:${password}@`, ":***@"))
      expect(line.message).toContain(`cannot connect to PostgreSQL at ${line.url}`)
      expect(line.message).toMatch(reason)
      expect(r.stderr).not.toContain(password)
      expect(r.stderr).not.toMatch(/\n\s+at /)
    }
  })

  it("a user who may not create tables is one log line saying the store cannot be set up, and exit 1", () => {
    pg.createDatabase("locked")
    psql(pg, "postgres", "CREATE ROLE visitor LOGIN PASSWORD 'visitor-pw-9'")
    // PostgreSQL 15 gives PUBLIC no CREATE on a new database's public schema: the migrations cannot run.
    const bad = `postgres://visitor:visitor-pw-9@${pg.host}:${pg.port}/locked`
    const r = runServerWith({ DANVAN_DATABASE_URL: bad })
    expect(r.status).toBe(1)
    const lines = r.stderr.trim().split("\n")
    expect(lines.length).toBe(1)
    const line = JSON.parse(lines[0]!) as { event: string; message: string; url: string }
    expect(line.event).toBe("database")
    expect(line.message).toContain(`cannot set up the store in PostgreSQL at ${line.url} (migrations)`)
    expect(line.message).toMatch(/permission denied/)
    expect(line.url).toBe(`postgres://visitor:***@${pg.host}:${pg.port}/locked`)
    expect(r.stderr).not.toContain("visitor-pw-9")
  })

  it("`danvan api-key create --db URL` says the same and exits 1", () => {
    const bad = `postgres://danvan:s3cret-pw@127.0.0.1:1/shared`
    const r = cli(["api-key", "create", "--tenant", "t", "--db", bad])
    expect(r.code).toBe(1)
    expect(r.stdout).toBe("")
    expect(r.stderr).toContain("cannot connect to PostgreSQL at postgres://danvan:***@127.0.0.1:1/shared")
    expect(r.stderr).not.toContain("s3cret-pw")
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })

  it("a bad DANVAN_DATABASE_POOL_SIZE is one log line naming it and its value, and exit 1", () => {
    const r = runServerWith({ DANVAN_DATABASE_URL: url, DANVAN_DATABASE_POOL_SIZE: "lots" })
    expect(r.status).toBe(1)
    const lines = r.stderr.trim().split("\n")
    expect(lines.length).toBe(1)
    const line = JSON.parse(lines[0]!) as { event: string; message: string }
    expect(line.event).toBe("database")
    expect(line.message).toContain("DANVAN_DATABASE_POOL_SIZE=\"lots\" must be a whole number")
    expect(r.stderr).not.toContain(pg.password)
  })

  it("a DANVAN_DATABASE_URL that is not a PostgreSQL URL is a configuration error, exit 2", () => {
    const r = runServerWith({ DANVAN_DATABASE_URL: "mysql://root:pw@db/x" })
    expect(r.status).toBe(2)
    expect(JSON.parse(r.stderr.trim()).message).toContain("DANVAN_DATABASE_URL must be a PostgreSQL URL")
    expect(r.stderr).not.toContain(":pw@")
  })
})
