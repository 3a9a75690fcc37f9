import { createHash } from "node:crypto"
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs"
import { extname, join, relative, sep } from "node:path"
import { gzipSync } from "node:zlib"

/** One built file of the web app, held in memory with its gzip form (when that is smaller). */
export interface Asset {
  readonly body: Uint8Array
  readonly gzip: Uint8Array | undefined
  readonly contentType: string
  readonly etag: string
  readonly cacheControl: string
}

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json"
}

const COMPRESSIBLE = new Set([".html", ".js", ".css", ".json", ".svg", ".txt", ".map"])

/** Vite writes content-hashed names under assets/: they never change, so they may be cached for a year. */
const IMMUTABLE = "public, max-age=31536000, immutable"
/** Everything else (index.html above all) is revalidated on every load, so a new build shows at once. */
const REVALIDATE = "no-cache"

const walk = (dir: string): Array<string> =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? walk(path) : [path]
  })

/**
 * Every file of the built web app under `dir`, by URL path (`/index.html`, `/assets/index-3f2a.js`), read once
 * at start-up: the server then never touches the file system for a request, and no path can escape `dir`.
 * Undefined when `dir` does not exist (the web app is not built).
 *
 * @example
 * loadAssets("apps/web/dist")?.get("/index.html")?.cacheControl // "no-cache"
 */
export const loadAssets = (dir: string): ReadonlyMap<string, Asset> | undefined => {
  if (!existsSync(join(dir, "index.html"))) return undefined
  const assets = new Map<string, Asset>()
  for (const file of walk(dir)) {
    const path = "/" + relative(dir, file).split(sep).join("/")
    const ext = extname(file).toLowerCase()
    const body = new Uint8Array(readFileSync(file))
    const zipped = COMPRESSIBLE.has(ext) ? new Uint8Array(gzipSync(body, { level: 9 })) : undefined
    assets.set(path, {
      body,
      gzip: zipped !== undefined && zipped.byteLength < body.byteLength ? zipped : undefined,
      contentType: TYPES[ext] ?? "application/octet-stream",
      etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`,
      cacheControl: path.startsWith("/assets/") ? IMMUTABLE : REVALIDATE
    })
  }
  return assets
}
