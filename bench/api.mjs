#!/usr/bin/env node
// Load benchmark of the HTTP API (not a test). `pnpm bench:api` builds the API and the CLI, then:
//   1. writes a 10,000-row dataset with the synthesizer (`danvan synth hcmc-2024`, seeds 1..10, first 10,000 rows),
//   2. starts the built server on 127.0.0.1 (free port) with a temporary database and a key from
//      `danvan api-key create`,
//   3. uploads the dataset and runs autocannon: 32 connections for 30 s on POST /v1/datasets/{id}/crosstab
//      (level x people_trust_limited with fisher.method "none": on 10,000 cases the default "auto" Fisher test
//      is a Monte Carlo simulation of 10,000 tables, seconds of CPU per request, which would measure the
//      simulation rather than the API; one such request is timed separately and reported as defaultFisherMs),
//      and a GET /v1/health sent while that slow request runs is timed too (healthDuringSlowAnalysis),
//   4. the mixed workload (issue 23): 32 connections for the same time, each cycling through crosstab,
//      multiple-response, Likert, frequencies and a report (JSON) of the hcmc-2024 plan, every response checked
//      for 200 (target: >= 100 req/s with p99 < 1 s at DANVAN_WORKERS=2 on the 2-core machine),
//   5. writes requests/s, p50/p99 latency, errors and the machine to bench/api-results.json.
// BENCH_API_ONLY=mixed runs only the mixed workload (the crosstab-only results are then kept from the last run).
// Only loopback traffic; bounded in time (BENCH_API_SECONDS, default 30).
// `--postgres`: two instances on one PostgreSQL instead (bench/api-postgres.mjs).
import { spawn, spawnSync } from "node:child_process"
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import os from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import autocannon from "autocannon"

if (process.argv.includes("--postgres")) {
  await import("./api-postgres.mjs")
  process.exit(0)
}

const root = fileURLToPath(new URL("..", import.meta.url))
const CLI = join(root, "apps/cli/dist/bin.js")
const SERVER = join(root, "apps/api/dist/main.js")
const ROWS = 10_000
const SECONDS = Number(process.env.BENCH_API_SECONDS ?? 30)
const CONNECTIONS = 32

const dir = mkdtempSync(join(os.tmpdir(), "danvan-bench-api-"))
const db = join(dir, "bench.sqlite")
const env = { ...process.env, DANVAN_DB: db, PORT: "0", HOST: "127.0.0.1", NO_COLOR: "1" }

const cli = (args) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", env, timeout: 120_000 })
  if (r.status !== 0) throw new Error(`danvan ${args.join(" ")} failed: ${r.stderr}`)
  return r.stdout
}

// 1. The dataset: synthetic respondents from ten seeds, cut to exactly ROWS rows.
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

// 2. The server.
const key = cli(["api-key", "create", "--tenant", "bench"]).trim()
const server = spawn(process.execPath, [SERVER], { env, stdio: ["ignore", "ignore", "pipe"] })
const url = await new Promise((resolve, reject) => {
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
    // Keep only the last partial line: request logs are not needed here.
    buffer = buffer.slice(buffer.lastIndexOf("\n") + 1)
  })
  server.on("exit", (code) => reject(new Error(`server exited with ${code}`)))
})

try {
  // 3. Upload, one checked request, then the load.
  const auth = { authorization: `Bearer ${key}` }
  const uploaded = await fetch(`${url}/v1/datasets?codebook=hcmc-2024&name=bench.csv`, {
    method: "POST",
    headers: { ...auth, "content-type": "text/csv" },
    body: csv
  })
  if (uploaded.status !== 201) throw new Error(`upload failed: ${uploaded.status} ${await uploaded.text()}`)
  const { id, rows: stored } = await uploaded.json()
  const path = `/v1/datasets/${id}/crosstab`
  const body = JSON.stringify({ row: "level", col: "people_trust_limited", fisher: { method: "none" } })
  const check = await fetch(url + path, {
    method: "POST",
    headers: { ...auth, "content-type": "application/json" },
    body
  })
  if (check.status !== 200) throw new Error(`crosstab failed: ${check.status} ${await check.text()}`)

  const t0 = performance.now()
  let slowDone = false
  const slow = fetch(url + path, {
    method: "POST",
    headers: { ...auth, "content-type": "application/json" },
    body: JSON.stringify({ row: "level", col: "people_trust_limited" })
  }).then((r) => {
    slowDone = true
    return r
  })
  // While that analysis runs on a worker thread, the event loop still answers: time a health check meanwhile.
  await new Promise((r) => setTimeout(r, 500))
  const h0 = performance.now()
  const health = await fetch(`${url}/v1/health`)
  const healthDuringSlow = {
    ms: Math.round((performance.now() - h0) * 10) / 10,
    status: health.status,
    answeredBeforeTheAnalysis: !slowDone
  }
  const withFisher = await slow
  const defaultFisherMs = Math.round(performance.now() - t0)
  const fisherMethod = (await withFisher.json()).tests?.fisherExact?.method

  const onlyMixed = process.env.BENCH_API_ONLY === "mixed"
  const result = onlyMixed ? undefined : await autocannon({
    url: url + path,
    method: "POST",
    headers: { ...auth, "content-type": "application/json" },
    body,
    connections: CONNECTIONS,
    duration: SECONDS
  })

  // The mixed workload: each connection cycles through the five analyses in turn.
  const json = { ...auth, "content-type": "application/json" }
  const post = (p, b) => ({ method: "POST", path: p, headers: json, body: JSON.stringify(b) })
  const mixedRequests = [
    post(path, { row: "level", col: "people_trust_limited", fisher: { method: "none" } }),
    post(`/v1/datasets/${id}/multiple-response`, { group: "level", set: "purpose" }),
    post(`/v1/datasets/${id}/likert`, { by: "level", set: "difficulty" }),
    post(`/v1/datasets/${id}/frequencies`, { variables: ["level", "people_trust_limited"] }),
    post(`/v1/datasets/${id}/reports`, { plan: "hcmc-2024", format: "json" })
  ]
  // each request alone, one at a time (checked for 200): the median of 5 wall times per kind
  const singleRequestMs = {}
  for (const r of mixedRequests) {
    const times = []
    for (let k = 0; k < 5; k++) {
      const t = performance.now()
      const res = await fetch(url + r.path, { method: "POST", headers: r.headers, body: r.body })
      if (res.status !== 200) throw new Error(`${r.path} failed: ${res.status} ${(await res.text()).slice(0, 300)}`)
      await res.arrayBuffer()
      times.push(performance.now() - t)
    }
    singleRequestMs[r.path.split("/").pop()] = Math.round(times.sort((a, b) => a - b)[2] * 10) / 10
  }
  console.log("single requests (ms, median of 5):", singleRequestMs)
  const mixed = await autocannon({
    url,
    requests: mixedRequests,
    connections: CONNECTIONS,
    duration: SECONDS
  })
  const summary = (r) => ({
    requestsPerSecond: { mean: r.requests.average, p50: r.requests.p50, min: r.requests.min, max: r.requests.max },
    latencyMs: {
      p50: r.latency.p50,
      p90: r.latency.p90,
      p99: r.latency.p99,
      mean: r.latency.average,
      max: r.latency.max
    },
    requests: r.requests.total,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx
  })
  const previous = onlyMixed ? JSON.parse(readFileSync(join(root, "bench/api-results.json"), "utf8")) : undefined

  // 4. Results with the machine they ran on.
  const cpus = os.cpus()
  const out = {
    date: new Date().toISOString(),
    endpoint: `POST /v1/datasets/{id}/crosstab ${body}`,
    defaultFisherMs: {
      ms: defaultFisherMs,
      fisherMethod,
      what: "one request without the fisher option (default auto), before the load"
    },
    healthDuringSlowAnalysis: {
      ...healthDuringSlow,
      what: "GET /v1/health sent 0.5 s into that request (analyses run on worker threads)"
    },
    server: {
      workers: process.env.DANVAN_WORKERS ?? `default max(1, cores - 1) = ${Math.max(1, os.availableParallelism() - 1)}`
    },
    dataset: {
      rows: stored,
      columns: header.split(",").length,
      source: "danvan synth hcmc-2024, seeds 1..10, first 10,000 rows"
    },
    load: { tool: "autocannon 8.0.0", connections: CONNECTIONS, durationSeconds: SECONDS },
    ...(result !== undefined
      ? summary(result)
      : Object.fromEntries(
        ["requestsPerSecond", "latencyMs", "requests", "errors", "timeouts", "non2xx"].map((k) => [k, previous?.[k]])
      )),
    mixed: {
      what: "32 connections, each cycling through crosstab (fisher none), multiple-response (set purpose), Likert " +
        "(set difficulty), frequencies (2 variables) and a JSON report of the hcmc-2024 plan",
      target: ">= 100 requests/s with p99 < 1000 ms at DANVAN_WORKERS=2",
      singleRequestMs,
      ...summary(mixed),
      met: mixed.requests.average >= 100 && mixed.latency.p99 < 1000 && mixed.non2xx === 0 && mixed.errors === 0
    },
    machine: {
      cpu: cpus[0]?.model ?? "unknown",
      cores: cpus.length,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
      loadAverageAtEnd: os.loadavg().map((x) => Math.round(x * 100) / 100)
    },
    note: process.env.BENCH_API_NOTE ??
      "server and load generator on the same machine (loopback); the machine may be shared with other processes, see loadAverageAtEnd"
  }
  // the two-instance PostgreSQL run (bench/api-postgres.mjs) writes its own field: keep it
  const file = join(root, "bench/api-results.json")
  const before = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {}
  if (before.postgresTwoInstances !== undefined) out.postgresTwoInstances = before.postgresTwoInstances
  writeFileSync(file, JSON.stringify(out, null, 2) + "\n")
  console.log(
    `requests/s ${out.requestsPerSecond.mean}, p50 ${out.latencyMs.p50} ms, p99 ${out.latencyMs.p99} ms, errors ${out.errors}, non-2xx ${out.non2xx}`
  )
  console.log(
    `mixed: requests/s ${out.mixed.requestsPerSecond.mean}, p50 ${out.mixed.latencyMs.p50} ms, p99 ${out.mixed.latencyMs.p99} ms, ` +
      `errors ${out.mixed.errors}, non-2xx ${out.mixed.non2xx}`
  )
} finally {
  server.kill("SIGTERM")
  await new Promise((resolve) => {
    const t = setTimeout(() => {
      server.kill("SIGKILL")
      resolve()
    }, 15_000)
    server.on("exit", () => {
      clearTimeout(t)
      resolve()
    })
  })
  rmSync(dir, { recursive: true, force: true })
}
