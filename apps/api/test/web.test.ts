import { mkdirSync, writeFileSync } from "node:fs"
import { request } from "node:http"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { configFromEnv } from "../src/config.js"
import { call, createKey, errorCode, type Running, startServer, tempDir } from "./server.js"

// The web app's files at `/` and its browser sessions (src/web/): a stand-in build in a temporary folder, so
// these tests do not need apps/web built (its own browser tests run the real one).

const tmp = tempDir()
const web = join(tmp.dir, "web")
const SCRIPT = "/assets/index-3f2a9c.js"
let local: Running
let shared: Running
let key: string

/** The session cookies of a response, as a Cookie header, and the CSRF token. */
const sessionOf = (headers: Headers) => {
  const cookies = headers.getSetCookie().map((c) => c.split(";")[0]!)
  const csrf = cookies.find((c) => c.startsWith("danvan_csrf="))?.slice("danvan_csrf=".length)
  return { cookie: cookies.join("; "), csrf: csrf ?? "", raw: headers.getSetCookie() }
}

beforeAll(async () => {
  mkdirSync(join(web, "assets"), { recursive: true })
  writeFileSync(
    join(web, "index.html"),
    `<!doctype html><html lang="vi"><script type="module" src="${SCRIPT}"></script></html>`
  )
  writeFileSync(join(web, SCRIPT), "console.log('danvan')\n".repeat(50))
  key = createKey(tmp.db, "district-7")
  local = await startServer(tmp.db, { DANVAN_WEB_DIR: web })
  shared = await startServer(tmp.db, { DANVAN_WEB_DIR: web, DANVAN_MODE: "server" })
}, 60_000)

afterAll(async () => {
  await local?.stop()
  await shared?.stop()
  tmp.cleanup()
})

describe("the web app's files", () => {
  it("index.html is revalidated (no-cache, ETag, 304); hashed assets are immutable and gzipped", async () => {
    const index = await call(local.url, "GET", "/")
    expect(index.status).toBe(200)
    expect(index.headers.get("cache-control")).toBe("no-cache")
    expect(index.headers.get("content-security-policy")).toContain("default-src 'self'")
    const etag = index.headers.get("etag")!
    expect((await call(local.url, "GET", "/", { headers: { "if-none-match": etag } })).status).toBe(304)
    const script = await fetch(local.url + SCRIPT, { headers: { "accept-encoding": "gzip" } })
    expect(script.status).toBe(200)
    expect(script.headers.get("cache-control")).toBe("public, max-age=31536000, immutable")
    expect(script.headers.get("content-encoding")).toBe("gzip")
    expect(script.headers.get("content-type")).toBe("text/javascript; charset=utf-8")
    expect(await script.text()).toBe("console.log('danvan')\n".repeat(50))
  })

  it("/ is index.html; other paths, missing files, unknown API paths and escapes are JSON 404s", async () => {
    expect((await call(local.url, "GET", "/")).text).toContain(SCRIPT)
    expect((await call(local.url, "GET", "/index.html")).text).toContain(SCRIPT)
    for (const path of ["/datasets/123", "/assets/missing.js", "/v2/datasets"]) {
      const r = await call(local.url, "GET", path)
      expect(r.status).toBe(404)
      expect(errorCode(r)).toBe("NOT_FOUND")
    }
    const api = await call(local.url, "GET", "/v1/nothing-here")
    expect(api.status).toBe(404)
    expect(errorCode(api)).toBe("NOT_FOUND")
    for (const path of ["/%2e%2e/%2e%2e/package.json", "/assets/..%2f..%2fpackage.json"]) {
      const r = await call(local.url, "GET", path)
      expect(r.text).not.toContain("\"name\"")
    }
    // the API's own pages are untouched
    expect((await call(local.url, "GET", "/openapi.json")).json).toMatchObject({ openapi: expect.any(String) })
    expect((await call(local.url, "GET", "/v1/health")).json).toEqual({ status: "ok" })
    expect((await call(local.url, "GET", "/docs")).text).toMatch(/swagger/i)
  })
})

describe("local mode", () => {
  it("starts a session with no key (HttpOnly, SameSite=Strict); the API needs it and the CSRF header", async () => {
    const r = await call(local.url, "GET", "/auth/session")
    expect(r.json).toMatchObject({ mode: "local", tenant: "local", csrf: expect.any(String) })
    const s = sessionOf(r.headers)
    expect(s.raw.find((c) => c.startsWith("danvan_session="))).toMatch(/HttpOnly/i)
    expect(s.raw.find((c) => c.startsWith("danvan_session="))).toMatch(/SameSite=Strict/i)
    expect(s.csrf).toBe((r.json as { csrf: string }).csrf)
    expect(
      (await call(local.url, "GET", "/v1/datasets", { headers: { cookie: s.cookie, "x-csrf-token": s.csrf } })).status
    ).toBe(200)
    expect((await call(local.url, "GET", "/v1/datasets", { headers: { cookie: s.cookie } })).status).toBe(401)
    expect(
      (await call(local.url, "GET", "/v1/datasets", { headers: { cookie: s.cookie, "x-csrf-token": s.csrf + "x" } }))
        .status
    ).toBe(401)
  })

  it("answers only a page opened at a loopback name (no DNS rebinding)", async () => {
    // fetch() cannot set Host: node:http can, as a browser would send it for a rebound name
    const r = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(`${local.url}/auth/session`, { headers: { host: "evil.example:8080" } }, (res) => {
        let body = ""
        res.setEncoding("utf8")
        res.on("data", (chunk: string) => (body += chunk))
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }))
      })
      req.on("error", reject)
      req.end()
    })
    expect(r.status).toBe(403)
    expect(JSON.parse(r.body)).toMatchObject({ error: { code: "NOT_LOCAL" } })
  })

  it("cannot be configured on an address other machines reach", () => {
    expect(() => configFromEnv({ HOST: "0.0.0.0", DANVAN_MODE: "local" })).toThrow(/DANVAN_MODE=local/)
    expect(configFromEnv({ HOST: "0.0.0.0" }).mode).toBe("server")
    expect(configFromEnv({}).mode).toBe("local")
    expect(() => configFromEnv({ DANVAN_MODE: "open" })).toThrow(/DANVAN_MODE/)
  })
})

describe("server mode", () => {
  it("has no session until signed in with a key; a wrong key or a form post is refused", async () => {
    expect((await call(shared.url, "GET", "/auth/session")).json).toEqual({ mode: "server", tenant: null, csrf: null })
    const wrong = await call(shared.url, "POST", "/auth/session", { body: { key: "dvk_wrong" } })
    expect(wrong.status).toBe(401)
    expect(wrong.headers.getSetCookie()).toEqual([])
    const form = await call(shared.url, "POST", "/auth/session", {
      body: `key=${key}`,
      contentType: "application/x-www-form-urlencoded"
    })
    expect(form.status).toBe(415)
    expect((await call(shared.url, "POST", "/auth/session", { body: { key: "k".repeat(5000) } })).status).toBe(413)
  })

  it("signs in as the key's tenant, and out: the old cookie then opens nothing", async () => {
    const r = await call(shared.url, "POST", "/auth/session", { body: { key } })
    expect(r.json).toMatchObject({ mode: "server", tenant: "district-7" })
    const s = sessionOf(r.headers)
    const headers = { cookie: s.cookie, "x-csrf-token": s.csrf }
    expect((await call(shared.url, "GET", "/v1/datasets", { headers })).status).toBe(200)
    expect((await call(shared.url, "DELETE", "/auth/session", { headers: { cookie: s.cookie } })).status).toBe(401)
    const out = await call(shared.url, "DELETE", "/auth/session", { headers })
    expect(out.status).toBe(204)
    expect(out.headers.getSetCookie().join(";")).toMatch(/danvan_session=;/)
    expect((await call(shared.url, "GET", "/v1/datasets", { headers })).status).toBe(401)
  })
})
