// `pnpm --filter @danvan/web size`: the gzipped size of the JavaScript the first page load needs (the entry
// script and every chunk index.html preloads), and of the chunks loaded later. A benchmark, not a test: it
// prints the numbers and says whether the initial JS is under the 200 KB budget. Build first (`pnpm build`).
import { existsSync, readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { gzipSync } from "node:zlib"

const BUDGET = 200 * 1024
const dist = fileURLToPath(new URL("../dist/", import.meta.url))
if (!existsSync(join(dist, "index.html"))) {
  console.error("apps/web/dist/index.html is missing: run `pnpm build` (or `pnpm --filter @danvan/web build`) first")
  process.exit(1)
}
const html = readFileSync(join(dist, "index.html"), "utf8")
const initial = new Set([...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]))
const all = readdirSync(join(dist, "assets"))
  .filter((f) => f.endsWith(".js"))
  .map((f) => `assets/${f}`)
const size = (file) => {
  const bytes = readFileSync(join(dist, file))
  return { file, raw: bytes.byteLength, gzip: gzipSync(bytes, { level: 9 }).byteLength }
}
const kb = (n) => `${(n / 1024).toFixed(1)} KB`
const rows = all.map(size)
const sum = (list) => list.reduce((s, r) => s + r.gzip, 0)
const first = rows.filter((r) => initial.has(r.file))
const later = rows.filter((r) => !initial.has(r.file))
for (const r of first) {
  console.log(`initial  ${r.file.padEnd(40)} ${kb(r.raw).padStart(10)} raw ${kb(r.gzip).padStart(10)} gzip`)
}
for (const r of later) {
  console.log(`lazy     ${r.file.padEnd(40)} ${kb(r.raw).padStart(10)} raw ${kb(r.gzip).padStart(10)} gzip`)
}
const total = sum(first)
const verdict = total <= BUDGET ? "within budget" : "OVER BUDGET"
console.log(`initial JavaScript: ${kb(total)} gzipped (budget ${kb(BUDGET)}): ${verdict}`)
console.log(`everything, the typed API client included: ${kb(sum(rows))} gzipped`)
