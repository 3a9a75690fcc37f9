import { createHash } from "node:crypto"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { HttpServerRequest } from "@effect/platform"
import * as SqlClient from "@effect/sql/SqlClient"
import { afterAll, describe, expect, it } from "@effect/vitest"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as TestClock from "effect/TestClock"
import { inject } from "vitest"
import { databaseLayer } from "../src/db.js"
import { type Session, SESSION_IDLE_MS, SESSION_REFRESH_MS, Sessions } from "../src/web/sessions.js"
import { testDatabase } from "./postgres.js"

// The sessions service on a SQLite file (on PostgreSQL under vitest.pg.config.ts; the migrations of db.ts), with
// the test clock: what a row holds, when it is written again, when it ends. test/sessionsShared.test.ts runs the
// built servers (two instances, a restart).

const dir = mkdtempSync(join(tmpdir(), "danvan-sessions-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let files = 0
/** Sessions and the SqlClient over a new database: a SQLite file, or one on the test PostgreSQL server. */
const fresh = () => {
  const postgres = inject("postgres")
  const db = postgres === undefined ? join(dir, `s${++files}.sqlite`) : testDatabase(postgres)
  return Layer.provideMerge(Sessions.layer, databaseLayer(db))
}

const request = (headers: Record<string, string>) =>
  HttpServerRequest.fromWeb(new Request("http://127.0.0.1/v1/datasets", { headers }))
const both = (s: Session) => request({ cookie: `danvan_session=${s.id}`, "x-csrf-token": s.csrf })

const rows = Effect.flatMap(
  SqlClient.SqlClient,
  (sql) => sql<{ id_hash: string; tenant: string; csrf: string; seen: number | string }>`SELECT * FROM web_sessions`
)

describe("browser sessions in the store", () => {
  it.effect("a row holds the cookie's SHA-256, never the cookie; the API needs cookie and CSRF header", () =>
    Effect.gen(function*() {
      const sessions = yield* Sessions
      const s = yield* sessions.create("district-7")
      const stored = yield* rows
      expect(stored.length).toBe(1)
      expect(stored[0]!.id_hash).toBe(createHash("sha256").update(s.id).digest("hex"))
      expect(stored[0]!.tenant).toBe("district-7")
      expect(JSON.stringify(stored)).not.toContain(s.id)
      expect(Option.map(yield* sessions.ofRequest(both(s)), (x) => x.tenant)).toEqual(Option.some("district-7"))
      expect(yield* sessions.ofRequest(request({ cookie: `danvan_session=${s.id}` }))).toEqual(Option.none())
      const wrong = request({ cookie: `danvan_session=${s.id}`, "x-csrf-token": `${s.csrf}x` })
      expect(yield* sessions.ofRequest(wrong)).toEqual(Option.none())
      // the stored hash is not a cookie that opens the session
      const hashed = request({ cookie: `danvan_session=${stored[0]!.id_hash}`, "x-csrf-token": s.csrf })
      expect(yield* sessions.ofRequest(hashed)).toEqual(Option.none())
      expect(Option.isSome(yield* sessions.ofCookie(request({ cookie: `danvan_session=${s.id}` })))).toBe(true)
    }).pipe(Effect.provide(fresh())))

  it.effect("use is written at most once a minute, and keeps the session beyond the idle time since sign-in", () =>
    Effect.gen(function*() {
      const sessions = yield* Sessions
      const s = yield* sessions.create("t")
      const seen = Effect.map(rows, (r) => Number(r[0]!.seen))
      const start = yield* seen
      yield* TestClock.adjust(Duration.millis(SESSION_REFRESH_MS - 1))
      expect(Option.isSome(yield* sessions.ofRequest(both(s)))).toBe(true)
      expect(yield* seen).toBe(start)
      yield* TestClock.adjust(Duration.millis(1))
      expect(Option.isSome(yield* sessions.ofRequest(both(s)))).toBe(true)
      expect(yield* seen).toBe(start + SESSION_REFRESH_MS)
      // SESSION_IDLE_MS after sign-in, but less than that after the last use written: still signed in
      yield* TestClock.adjust(Duration.millis(SESSION_IDLE_MS - SESSION_REFRESH_MS + 10))
      expect(Option.isSome(yield* sessions.ofRequest(both(s)))).toBe(true)
      expect(yield* seen).toBe(start + SESSION_IDLE_MS + 10)
      // idle for longer than SESSION_IDLE_MS: ended, and its row deleted when met
      yield* TestClock.adjust(Duration.millis(SESSION_IDLE_MS + 1))
      expect(yield* sessions.ofRequest(both(s))).toEqual(Option.none())
      expect((yield* rows).length).toBe(0)
    }).pipe(Effect.provide(fresh())))

  it.effect("ended sessions are deleted when a new one starts; sign-out deletes the row", () =>
    Effect.gen(function*() {
      const sessions = yield* Sessions
      const old = yield* sessions.create("t")
      yield* TestClock.adjust(Duration.millis(SESSION_IDLE_MS / 2))
      const kept = yield* sessions.create("t")
      yield* TestClock.adjust(Duration.millis(SESSION_IDLE_MS / 2 + 1))
      const next = yield* sessions.create("u")
      const hashes = (yield* rows).map((r) => r.id_hash).sort()
      const hash = (x: Session) => createHash("sha256").update(x.id).digest("hex")
      expect(hashes).toEqual([hash(kept), hash(next)].sort())
      expect(hashes).not.toContain(hash(old))
      yield* sessions.remove(next.id)
      expect((yield* rows).map((r) => r.id_hash)).toEqual([hash(kept)])
      expect(yield* sessions.ofRequest(both(next))).toEqual(Option.none())
      expect(Option.isSome(yield* sessions.ofRequest(both(kept)))).toBe(true)
    }).pipe(Effect.provide(fresh())))
})
