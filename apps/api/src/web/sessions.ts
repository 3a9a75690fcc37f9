import { randomBytes, timingSafeEqual } from "node:crypto"
import { HttpServerRequest } from "@effect/platform"
import * as SqlClient from "@effect/sql/SqlClient"
import * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import { hashKey } from "../store.js"

/** The HttpOnly session cookie the browser app signs in with (never readable by scripts). */
export const SESSION_COOKIE = "danvan_session"
/** The CSRF token's cookie (readable by the page: double-submit) and the header that must repeat it. */
export const CSRF_COOKIE = "danvan_csrf"
export const CSRF_HEADER = "x-csrf-token"

/** A session ends after this long without a request. */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000
/** A session's last use is written again only once it is this old: a busy page does not write on every request. */
export const SESSION_REFRESH_MS = 60 * 1000

export interface Session {
  readonly id: string
  readonly tenant: string
  readonly csrf: string
}

const token = () => randomBytes(32).toString("base64url")

const sameToken = (a: string, b: string): boolean => {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

/**
 * Browser sessions, kept in the store's database (table `web_sessions`, migration 0003 in db.ts): every API
 * instance on one PostgreSQL (or one SQLite file) knows every session, and a restart signs nobody out. A row holds
 * the SHA-256 of the session cookie (never the cookie), the tenant, the CSRF token and when it was last used.
 * A session is found from its HttpOnly cookie, and only when the request repeats the CSRF token in the
 * `X-CSRF-Token` header: a cross-site page can make the browser send the cookie but cannot read the token.
 * SQL failures are defects, as in the Store (a 500 and a log line).
 */
export class Sessions
  extends Context.Tag("@danvan/api/Sessions")<Sessions, Effect.Effect.Success<typeof makeSessions>>()
{
  /** The sessions over the SqlClient in context (its database migrated by db.ts). */
  static readonly layer = Layer.effect(Sessions, Effect.suspend(() => makeSessions))
}

interface SessionRow {
  readonly tenant: string
  readonly csrf: string
  /** ms since 1970; PostgreSQL's BIGINT arrives as a string. */
  readonly seen: number | string | bigint
}

interface Found {
  readonly session: Session
  readonly hash: string
  readonly seen: number
}

/**
 * The sessions service. Ended sessions (idle longer than SESSION_IDLE_MS) are deleted when met and whenever a new
 * session starts, so the table never outgrows the sessions in use.
 */
export const makeSessions = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient

  /** The live session of a cookie value; an ended one is deleted. */
  const find = (id: string | undefined) =>
    Effect.gen(function*() {
      if (id === undefined || id === "" || id.length > 200) return Option.none<Found>()
      const hash = hashKey(id)
      const rows = yield* sql<SessionRow>`SELECT tenant, csrf, seen FROM web_sessions WHERE id_hash = ${hash}`
      const row = rows[0]
      if (row === undefined) return Option.none<Found>()
      const now = yield* Clock.currentTimeMillis
      const seen = Number(row.seen)
      if (now - seen > SESSION_IDLE_MS) {
        yield* sql`DELETE FROM web_sessions WHERE id_hash = ${hash}`
        return Option.none<Found>()
      }
      return Option.some({ session: { id, tenant: row.tenant, csrf: row.csrf }, hash, seen })
    })

  /** Marks the session used now, writing only when its last use is SESSION_REFRESH_MS old or more. */
  const touch = (found: Found) =>
    Effect.gen(function*() {
      const now = yield* Clock.currentTimeMillis
      if (now - found.seen >= SESSION_REFRESH_MS) {
        yield* sql`UPDATE web_sessions SET seen = ${now} WHERE id_hash = ${found.hash} AND seen < ${now}`
      }
      return found.session
    })

  const create = (tenant: string) =>
    Effect.gen(function*() {
      const now = yield* Clock.currentTimeMillis
      yield* sql`DELETE FROM web_sessions WHERE seen < ${now - SESSION_IDLE_MS}`
      const session: Session = { id: token(), tenant, csrf: token() }
      yield* sql`INSERT INTO web_sessions (id_hash, tenant, csrf, created_at, seen)
        VALUES (${hashKey(session.id)}, ${tenant}, ${session.csrf}, ${new Date(now).toISOString()}, ${now})`
      return session
    }).pipe(Effect.orDie)

  /** The session of the request's cookie, whatever its CSRF header (for reading the session's own state). */
  const ofCookie = (request: HttpServerRequest.HttpServerRequest): Effect.Effect<Option.Option<Session>> =>
    Effect.gen(function*() {
      const found = yield* find(request.cookies[SESSION_COOKIE])
      return Option.isSome(found) ? Option.some(yield* touch(found.value)) : Option.none<Session>()
    }).pipe(Effect.orDie)

  /** The session of the request's cookie when the request also carries its CSRF token in the header. */
  const ofRequest = (request: HttpServerRequest.HttpServerRequest): Effect.Effect<Option.Option<Session>> =>
    Effect.gen(function*() {
      const header = request.headers[CSRF_HEADER]
      if (header === undefined) return Option.none<Session>()
      const found = yield* find(request.cookies[SESSION_COOKIE])
      if (Option.isNone(found) || !sameToken(header, found.value.session.csrf)) return Option.none<Session>()
      return Option.some(yield* touch(found.value))
    }).pipe(Effect.orDie)

  /** Ends a session (sign-out): its row is deleted, on every instance at once. */
  const remove = (id: string) =>
    sql`DELETE FROM web_sessions WHERE id_hash = ${hashKey(id)}`.pipe(Effect.asVoid, Effect.orDie)

  return { create, ofCookie, ofRequest, remove }
})

/**
 * The tenant of the current request's browser session (cookie and CSRF header), if any.
 *
 * @example
 * const tenant = yield* sessionTenant // Option<string>
 */
export const sessionTenant = Effect.gen(function*() {
  const request = yield* HttpServerRequest.HttpServerRequest
  const sessions = yield* Effect.serviceOption(Sessions)
  if (Option.isNone(sessions)) return Option.none<string>()
  return Option.map(yield* sessions.value.ofRequest(request), (session) => session.tenant)
})
