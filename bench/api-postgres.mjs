// `node bench/api.mjs --postgres` (`pnpm bench:api:postgres`): the API load benchmark with TWO API instances on
// ONE PostgreSQL (issue 19), not a test.
//   1. the same 10,000-row dataset as bench/api.mjs (`danvan synth hcmc-2024`, seeds 1..10, first 10,000 rows),
//   2. a throwaway PostgreSQL (apps/api/scripts/postgres.mjs: initdb in a temp dir, 127.0.0.1, a free port; as root
//      run as the `postgres` user), one key, two built servers on it (DANVAN_DATABASE_URL, each its own port),
//   3. the dataset uploaded through instance A; then instance A alone with 32 connections (the baseline), then
//      both instances at once with 16 connections each; each phase at most BENCH_API_SECONDS (default 20) seconds
//      and BENCH_API_REQUESTS (default 40,000) requests; the requests alternate POST /v1/datasets/{id}/crosstab
//      (fisher "none", the dataset A stored: on B it is read from PostgreSQL) and GET /v1/datasets (a PostgreSQL
//      query per request),
//   4. alone, per instance and together: requests/s, latency, errors, non-2xx; and the machine. Written into
//      bench/api-results.json as `postgresTwoInstances` (the single-instance SQLite fields stay as they are).
import { spawn, spawnSync } from "node:child_process"
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import os from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import autocannon from "autocannon"
import { startPostgres } from "../apps/api/scripts/postgres.mjs"

const root = fileURLToPath(new URL("..", import.meta.url))
const CLI = join(root, "apps/cli/dist/bin.js")
const SERVER = join(root, "apps/api/dist/main.js")
const ROWS = 10_000
const SECONDS = Number(process.env.BENCH_API_SECONDS ?? 20)
const MAX_REQUESTS = Number(process.env.BENCH_API_REQUESTS ?? 40_000)
const CONNECTIONS = 16

const dir = mkdtempSync(join(os.tmpdir(), "danvan-bench-api-pg-"))
const cleanEnv = {}
for (const [k, v] of Object.entries(process.env)) if (!k.startsWith("DANVAN_")) cleanEnv[k] = v
const cli = (args, env = {}) => {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    encoding: "utf8",
    env: { ...cleanEnv, NO_COLOR: "1", ...env },
    timeout: 120_000
  })
  if (r.status !== 0) throw new Error(`danvan ${args.join(" ")} failed: ${r.stderr}`)
  return r.stdout
}

let header
const rows = []
for (let seed = 1; rows.length < ROWS; seed++) {
  const file = join(dir, `synth-${seed}.csv`)
  cli(["synth", "hcmc-2024", "--out", file, "--seed", String(seed)])
  const lines = readFileSync(file, "utf8").trim().split(/\r?\n/)
  header ??= lines[0]
  rows.push(...lines.slice(1))
}
const csv = [header, ...rows.slice(0, ROWS)].join("\n") + "\n"

const startServer = (url) => {
  const server = spawn(process.execPath, [SERVER], {
    env: { ...cleanEnv, DANVAN_DATABASE_URL: url, PORT: "0", HOST: "127.0.0.1", NO_COLOR: "1" },
    stdio: ["ignore", "ignore", "pipe"]
  })
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("server did not start within 30 s")), 30_000)
    let buffer = ""
    server.stderr.setEncoding("utf8")
    server.stderr.on("data", (chunk) => {
      buffer += chunk
      const match = buffer.match(/\{[^\n]*"event":"listening"[^\n]*\}/)
      if (match) {
        clearTimeout(timer)
        resolve(JSON.parse(match[0]).url)
      }
      buffer = buffer.slice(buffer.lastIndexOf("\n") + 1)
    })
    server.on("exit", (code) => reject(new Error(`server exited with ${code}`)))
  })
  const stop = () =>
    new Promise((resolve) => {
      if (server.exitCode !== null) return resolve()
      const t = setTimeout(() => {
        server.kill("SIGKILL")
        resolve()
      }, 15_000)
      server.on("exit", () => {
        clearTimeout(t)
        resolve()
      })
      server.kill("SIGTERM")
    })
  return { ready, stop }
}

const pg = await startPostgres()
const servers = []
try {
  const url = pg.createDatabase("bench")
  const key = cli(["api-key", "create", "--tenant", "bench", "--db", url]).trim()
  servers.push(startServer(url))
  const urlA = await servers[0].ready
  servers.push(startServer(url))
  const urlB = await servers[1].ready
  const auth = { authorization: `Bearer ${key}` }
  const uploaded = await fetch(`${urlA}/v1/datasets?codebook=hcmc-2024&name=bench.csv`, {
    method: "POST",
    headers: { ...auth, "content-type": "text/csv" },
    body: csv
  })
  if (uploaded.status !== 201) throw new Error(`upload failed: ${uploaded.status} ${await uploaded.text()}`)
  const { id, rows: stored } = await uploaded.json()
  const path = `/v1/datasets/${id}/crosstab`
  const body = JSON.stringify({ row: "level", col: "people_trust_limited", fisher: { method: "none" } })
  const post = { method: "POST", headers: { ...auth, "content-type": "application/json" }, body }
  // The same table from both instances before the load: B reads what A stored.
  const answers = await Promise.all([urlA, urlB].map((u) => fetch(u + path, post).then((r) => r.text())))
  if (answers[0] !== answers[1]) throw new Error("the two instances answer the same crosstab differently")

  const load = (base, connections, maxRequests) =>
    autocannon({
      url: base,
      connections,
      duration: SECONDS,
      maxOverallRequests: maxRequests,
      requests: [
        { method: "POST", path, headers: post.headers, body },
        { method: "GET", path: "/v1/datasets", headers: auth }
      ]
    })
  const loadAverageAtStart = os.loadavg().map((x) => Math.round(x * 100) / 100)
  // First instance A alone with all the connections (the baseline, same database, same machine), then both.
  const t1 = performance.now()
  const alone = await load(urlA, 2 * CONNECTIONS, MAX_REQUESTS)
  const aloneSeconds = (performance.now() - t1) / 1000
  const t0 = performance.now()
  const [a, b] = await Promise.all([
    load(urlA, CONNECTIONS, Math.floor(MAX_REQUESTS / 2)),
    load(urlB, CONNECTIONS, Math.floor(MAX_REQUESTS / 2))
  ])
  const seconds = (performance.now() - t0) / 1000
  const summary = (r) => ({
    requests: r.requests.total,
    requestsPerSecond: { mean: r.requests.average, p50: r.requests.p50, min: r.requests.min, max: r.requests.max },
    latencyMs: {
      p50: r.latency.p50,
      p90: r.latency.p90,
      p99: r.latency.p99,
      mean: r.latency.average,
      max: r.latency.max
    },
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx
  })
  const cpus = os.cpus()
  const out = {
    date: new Date().toISOString(),
    setup: "two API instances (each DANVAN_WORKERS default) on one PostgreSQL " +
      `${spawnSync(join(pg.bin, "postgres"), ["--version"], { encoding: "utf8" }).stdout.trim()} ` +
      "(throwaway, fsync off), all on this machine, loopback",
    workload:
      `first instance A alone with ${2 * CONNECTIONS} connections, then A and B at once with ${CONNECTIONS} each; ` +
      `alternating POST /v1/datasets/{id}/crosstab ${body} ` +
      "(dataset uploaded through instance A) and GET /v1/datasets",
    bounds: { seconds: SECONDS, maxRequests: MAX_REQUESTS },
    dataset: { rows: stored, columns: header.split(",").length, source: "as above" },
    wallSeconds: Math.round(seconds * 10) / 10,
    oneInstanceAlone: {
      connections: 2 * CONNECTIONS,
      wallSeconds: Math.round(aloneSeconds * 10) / 10,
      ...summary(alone),
      overallRequestsPerSecond: Math.round(alone.requests.total / aloneSeconds)
    },
    together: {
      requests: a.requests.total + b.requests.total,
      requestsPerSecond: Math.round((a.requests.total + b.requests.total) / seconds),
      errors: a.errors + b.errors,
      non2xx: a.non2xx + b.non2xx
    },
    instanceA: summary(a),
    instanceB: summary(b),
    machine: {
      cpu: cpus[0]?.model ?? "unknown",
      cores: cpus.length,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
      loadAverageAtStart,
      loadAverageAtEnd: os.loadavg().map((x) => Math.round(x * 100) / 100)
    },
    note: process.env.BENCH_API_NOTE ??
      "both instances, PostgreSQL and the load generator share this machine's cores, so this measures that the " +
        "instances share one database correctly under load, not how N machines scale; see loadAverageAtEnd"
  }
  const file = join(root, "bench/api-results.json")
  const existing = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {}
  writeFileSync(file, JSON.stringify({ ...existing, postgresTwoInstances: out }, null, 2) + "\n")
  console.log(
    `one instance on PostgreSQL: ${out.oneInstanceAlone.overallRequestsPerSecond} requests/s; ` +
      `two instances: ${out.together.requestsPerSecond} requests/s together, ` +
      `p99 A ${out.instanceA.latencyMs.p99} ms / B ${out.instanceB.latencyMs.p99} ms, ` +
      `errors ${out.together.errors}, non-2xx ${out.together.non2xx}`
  )
} finally {
  for (const s of servers) await s.stop()
  pg.stop()
  rmSync(dir, { recursive: true, force: true })
}
