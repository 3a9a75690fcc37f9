import { fileURLToPath } from "node:url"
import { HttpApiBuilder, HttpServerRequest, HttpServerResponse } from "@effect/platform"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import { type AppMode, Config, isLoopback, type ServerConfig } from "../config.js"
import { errorJson } from "../errors.js"
import { logEvent } from "../log.js"
import { Store } from "../store.js"
import { type Asset, loadAssets } from "./assets.js"
import { CSRF_COOKIE, type Session, SESSION_COOKIE, SESSION_IDLE_MS, Sessions } from "./sessions.js"

/** The tenant of local mode: the one user of a server only this machine can reach. */
export const LOCAL_TENANT = "local"

/**
 * Local mode only ever on a loopback address: a server other machines can reach always asks for a key,
 * whatever DANVAN_MODE says.
 */
export const appMode = (config: ServerConfig): AppMode => isLoopback(config.host) ? (config.mode ?? "local") : "server"

/** apps/web/dist, found from the API's own built file (apps/api/dist or apps/cli/dist: both two levels down). */
const defaultWebDir = () => fileURLToPath(new URL("../../web/dist/", import.meta.url))

const HTML_HEADERS = {
  "content-security-policy":
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; " +
    "form-action 'self'; frame-ancestors 'none'",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY"
}

const API_PATHS = /^\/(v1(\/|$)|docs$|openapi\.json$|auth(\/|$))/

const serveAsset = (assets: ReadonlyMap<string, Asset> | undefined, request: HttpServerRequest.HttpServerRequest) => {
  const path = request.url.split("?")[0] ?? "/"
  // The app has one page (no client-side routes): `/` is index.html, every other path is a file of the build
  // or a 404 (worded by the envelope middleware), so unknown API paths stay JSON 404s.
  if (API_PATHS.test(path) || (path !== "/" && assets?.has(path) !== true)) {
    return HttpServerResponse.empty({ status: 404 })
  }
  if (assets === undefined) {
    return HttpServerResponse.unsafeJson(
      errorJson(
        "WEB_APP_NOT_BUILT",
        "the web app is not built: run `pnpm build` (apps/web/dist is missing), or use the API under /v1 and /docs"
      ),
      { status: 404 }
    )
  }
  const asset = assets.get(path === "/" ? "/index.html" : path)
  if (asset === undefined) return HttpServerResponse.empty({ status: 404 })
  const html = asset.contentType.startsWith("text/html")
  const headers: Record<string, string> = {
    "cache-control": asset.cacheControl,
    etag: asset.etag,
    vary: "accept-encoding",
    "x-content-type-options": "nosniff",
    ...(html ? HTML_HEADERS : {})
  }
  if (request.headers["if-none-match"] === asset.etag) return HttpServerResponse.empty({ status: 304, headers })
  const gzip = asset.gzip !== undefined && /\bgzip\b/.test(request.headers["accept-encoding"] ?? "")
  if (gzip) headers["content-encoding"] = "gzip"
  return HttpServerResponse.uint8Array(gzip ? asset.gzip! : asset.body, { contentType: asset.contentType, headers })
}

/** The page must come from this machine's own name in local mode (no DNS-rebinding page may sign in). */
const hostIsLoopback = (request: HttpServerRequest.HttpServerRequest): boolean => {
  const host = (request.headers["host"] ?? "").replace(/:\d+$/, "")
  return isLoopback(host)
}

const secureRequest = (request: HttpServerRequest.HttpServerRequest) =>
  request.headers["x-forwarded-proto"] === "https" || request.url.startsWith("https:")

const withSession = (mode: AppMode, session: Session, request: HttpServerRequest.HttpServerRequest) => {
  const options = {
    path: "/",
    sameSite: "strict" as const,
    secure: secureRequest(request),
    maxAge: SESSION_IDLE_MS / 1000
  }
  return HttpServerResponse.unsafeJson({ mode, tenant: session.tenant, csrf: session.csrf }).pipe(
    HttpServerResponse.unsafeSetCookie(SESSION_COOKIE, session.id, { ...options, httpOnly: true }),
    HttpServerResponse.unsafeSetCookie(CSRF_COOKIE, session.csrf, options)
  )
}

const refuse = (status: number, code: string, message: string) =>
  HttpServerResponse.unsafeJson(errorJson(code, message), { status })

/**
 * The browser app's routes beside the HttpApi: its built files at `/` (index.html) and `/assets/...`, and its
 * session at `/auth/session` (GET: who am I, starting the local session in local mode; POST `{key}`: sign in;
 * DELETE: sign out). API clients keep sending bearer keys; see web/sessions.ts for the cookies and CSRF.
 */
export const webAppLayer = HttpApiBuilder.Router.use((router) =>
  Effect.gen(function*() {
    const config = yield* Config
    const store = yield* Store
    const sessions = yield* Sessions
    const mode = appMode(config)
    const dir = config.webDir ?? defaultWebDir()
    const assets = loadAssets(dir)
    logEvent(assets === undefined ? "warn" : "info", "web", { mode, dir, files: assets?.size ?? 0 })

    yield* router.get(
      "/auth/session",
      Effect.gen(function*() {
        const request = yield* HttpServerRequest.HttpServerRequest
        const current = yield* sessions.ofCookie(request)
        if (Option.isSome(current)) return withSession(mode, current.value, request)
        if (mode === "server") return HttpServerResponse.unsafeJson({ mode, tenant: null, csrf: null })
        if (!hostIsLoopback(request)) {
          return refuse(403, "NOT_LOCAL", "local mode answers only pages opened at 127.0.0.1 or localhost")
        }
        return withSession(mode, yield* sessions.create(LOCAL_TENANT), request)
      })
    )
    yield* router.post(
      "/auth/session",
      Effect.gen(function*() {
        const request = yield* HttpServerRequest.HttpServerRequest
        // JSON only: a cross-site form cannot send it without a CORS preflight, so no page can sign a user in.
        if (!(request.headers["content-type"] ?? "").startsWith("application/json")) {
          return refuse(415, "JSON_REQUIRED", "send {\"key\": \"dvk_…\"} as application/json")
        }
        if (mode === "local") {
          return hostIsLoopback(request)
            ? withSession(mode, yield* sessions.create(LOCAL_TENANT), request)
            : refuse(403, "NOT_LOCAL", "local mode answers only pages opened at 127.0.0.1 or localhost")
        }
        // A key is short: a body declared (or sent chunked) beyond 4 KB is not read at all.
        const length = Number(request.headers["content-length"] ?? "-1")
        if (!(length >= 0 && length <= 4096)) {
          return refuse(413, "BODY_TOO_LARGE", "the sign-in body is larger than 4 KB")
        }
        const body = yield* Effect.orElseSucceed(request.json, () => undefined)
        const key = typeof body === "object" && body !== null && typeof (body as { key?: unknown }).key === "string"
          ? (body as { key: string }).key.trim()
          : ""
        if (key === "" || key.length > 200) {
          return refuse(400, "MISSING_KEY", "send the API key as {\"key\": \"dvk_…\"}")
        }
        const tenant = yield* store.tenantOfKey(key)
        if (Option.isNone(tenant)) return refuse(401, "UNAUTHORIZED", "unknown API key")
        return withSession(mode, yield* sessions.create(tenant.value), request)
      })
    )
    yield* router.del(
      "/auth/session",
      Effect.gen(function*() {
        const request = yield* HttpServerRequest.HttpServerRequest
        const session = yield* sessions.ofRequest(request)
        if (Option.isNone(session)) {
          return refuse(401, "UNAUTHORIZED", "no session, or the X-CSRF-Token header does not match it")
        }
        yield* sessions.remove(session.value.id)
        return HttpServerResponse.empty({ status: 204 }).pipe(
          HttpServerResponse.expireCookie(SESSION_COOKIE, { path: "/" }),
          HttpServerResponse.expireCookie(CSRF_COOKIE, { path: "/" })
        )
      })
    )
    yield* router.get(
      "/*",
      Effect.map(HttpServerRequest.HttpServerRequest, (request) => serveAsset(assets, request))
    )
  })
)
