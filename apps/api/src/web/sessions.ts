import { randomBytes, timingSafeEqual } from "node:crypto"
import { HttpServerRequest } from "@effect/platform"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"

/** The HttpOnly session cookie the browser app signs in with (never readable by scripts). */
export const SESSION_COOKIE = "danvan_session"
/** The CSRF token's cookie (readable by the page: double-submit) and the header that must repeat it. */
export const CSRF_COOKIE = "danvan_csrf"
export const CSRF_HEADER = "x-csrf-token"

/** A session ends after this long without a request. */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000

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
 * Browser sessions, kept in memory (a restart signs everyone out; in local mode the page signs in again by
 * itself). A session is found from its HttpOnly cookie, and only when the request repeats the CSRF token in
 * the `X-CSRF-Token` header: a cross-site page can make the browser send the cookie but cannot read the token.
 */
export class Sessions extends Context.Tag("@danvan/api/Sessions")<Sessions, ReturnType<typeof makeSessions>>() {
  static readonly layer = Layer.sync(Sessions, () => makeSessions())
}

const makeSessions = (now: () => number = Date.now) => {
  const sessions = new Map<string, Session & { seen: number }>()
  const live = (id: string | undefined) => {
    if (id === undefined) return undefined
    const s = sessions.get(id)
    if (s === undefined) return undefined
    if (now() - s.seen > SESSION_IDLE_MS) {
      sessions.delete(id)
      return undefined
    }
    s.seen = now()
    return s
  }
  return {
    create: (tenant: string): Session => {
      // Ended sessions go when a new one starts, so the map never outgrows the sessions in use.
      for (const [id, s] of sessions) if (now() - s.seen > SESSION_IDLE_MS) sessions.delete(id)
      const session = { id: token(), tenant, csrf: token(), seen: now() }
      sessions.set(session.id, session)
      return session
    },
    /** The session of the request's cookie, whatever its CSRF header (for reading the session's own state). */
    ofCookie: (request: HttpServerRequest.HttpServerRequest): Option.Option<Session> =>
      Option.fromNullable(live(request.cookies[SESSION_COOKIE])),
    /** The session of the request's cookie when the request also carries its CSRF token in the header. */
    ofRequest: (request: HttpServerRequest.HttpServerRequest): Option.Option<Session> => {
      const s = live(request.cookies[SESSION_COOKIE])
      const header = request.headers[CSRF_HEADER]
      return s !== undefined && header !== undefined && sameToken(header, s.csrf) ? Option.some(s) : Option.none()
    },
    remove: (id: string) => void sessions.delete(id)
  }
}

/**
 * The tenant of the current request's browser session (cookie and CSRF header), if any.
 *
 * @example
 * const tenant = yield* sessionTenant // Option<string>
 */
export const sessionTenant = Effect.gen(function*() {
  const request = yield* HttpServerRequest.HttpServerRequest
  const sessions = yield* Effect.serviceOption(Sessions)
  return Option.flatMap(sessions, (s) => Option.map(s.ofRequest(request), (session) => session.tenant))
})
