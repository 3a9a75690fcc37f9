import { createHash } from "node:crypto"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { sqlOf } from "./postgres.js"
import { call, createKey, type Running, startServer, tempDir } from "./server.js"

// Browser sessions live in the store's database (src/web/sessions.ts): two API instances on one database (SQLite
// here; one real PostgreSQL under vitest.pg.config.ts) know each other's sessions, and a session outlives a restart.

const tmp = tempDir()
const servers: Array<Running> = []
let key: string
let a: Running
let b: Running
const start = async () => {
  const s = await startServer(tmp.db, { DANVAN_MODE: "server" })
  servers.push(s)
  return s
}

/** Rows of a query on the test database, each row's columns joined by `|` (psql's unaligned output). */
const query = async (sql: string): Promise<Array<string>> => {
  if (tmp.db.startsWith("postgres://")) return sqlOf(tmp.db, sql).split("\n").filter((l) => l !== "")
  const { default: Database } = await import("better-sqlite3")
  const db = new Database(tmp.db, { readonly: true })
  try {
    return (db.prepare(sql).raw().all() as Array<Array<unknown>>).map((r) => r.join("|"))
  } finally {
    db.close()
  }
}

/** Signs in with the API key on `s`; the Cookie header and CSRF header a browser would then send. */
const signIn = async (s: Running) => {
  const r = await call(s.url, "POST", "/auth/session", { body: { key } })
  expect(r.status).toBe(200)
  const cookies = r.headers.getSetCookie().map((c) => c.split(";")[0]!)
  const session = cookies.find((c) => c.startsWith("danvan_session="))!.slice("danvan_session=".length)
  const csrf = (r.json as { csrf: string }).csrf
  expect(cookies).toContain(`danvan_csrf=${csrf}`)
  return { session, csrf, headers: { cookie: cookies.join("; "), "x-csrf-token": csrf } }
}

beforeAll(async () => {
  key = createKey(tmp.db, "district-7")
  a = await start()
  b = await start()
}, 120_000)

afterAll(async () => {
  for (const s of servers) await s.stop()
  tmp.cleanup()
})

describe("browser sessions shared through the store", () => {
  it("a sign-in on instance A is used on instance B; a sign-out on B ends it on A", async () => {
    const s = await signIn(a)
    const list = await call(b.url, "GET", "/v1/datasets", { headers: s.headers })
    expect(list.status).toBe(200)
    expect(list.json).toEqual({ datasets: [] })
    expect(await call(b.url, "GET", "/auth/session", { headers: { cookie: s.headers.cookie } })).toMatchObject({
      json: { mode: "server", tenant: "district-7", csrf: s.csrf }
    })
    // on B as on A, the cookie alone opens nothing
    expect((await call(b.url, "GET", "/v1/datasets", { headers: { cookie: s.headers.cookie } })).status).toBe(401)
    expect((await call(a.url, "GET", "/v1/datasets", { headers: s.headers })).status).toBe(200)
    expect((await call(b.url, "DELETE", "/auth/session", { headers: s.headers })).status).toBe(204)
    expect((await call(a.url, "GET", "/v1/datasets", { headers: s.headers })).status).toBe(401)
    expect((await call(a.url, "GET", "/auth/session", { headers: s.headers })).json).toEqual({
      mode: "server",
      tenant: null,
      csrf: null
    })
    expect((await call(a.url, "DELETE", "/auth/session", { headers: s.headers })).status).toBe(401)
  })

  it("the database holds the session cookie's SHA-256, never the cookie", async () => {
    const s = await signIn(b)
    const rows = await query("SELECT id_hash, tenant, csrf FROM web_sessions")
    expect(rows.length).toBeGreaterThan(0)
    expect(rows).toContain(`${createHash("sha256").update(s.session).digest("hex")}|district-7|${s.csrf}`)
    expect(rows.join("\n")).not.toContain(s.session)
  })

  it("a session outlives a restart of the API on the same database", async () => {
    const s = await signIn(a)
    await a.stop()
    await b.stop()
    const again = await start()
    expect((await call(again.url, "GET", "/v1/datasets", { headers: s.headers })).status).toBe(200)
    expect((await call(again.url, "DELETE", "/auth/session", { headers: s.headers })).status).toBe(204)
    expect((await call(again.url, "GET", "/v1/datasets", { headers: s.headers })).status).toBe(401)
  }, 60_000)
})
