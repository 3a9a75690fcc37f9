#!/usr/bin/env node
// Heap benchmark of the HTTP API under a mixed workload (issue 20; not a test). `pnpm bench:heap` builds the API and
// the CLI, then:
//   1. starts the built server with `node --expose-gc` (SIGUSR2 then makes it collect garbage fully and log its heap),
//   2. uploads a 5,000-row synthetic dataset,
//   3. runs BENCH_HEAP_ROUNDS rounds (default 8) of BENCH_HEAP_SECONDS each (default 30) with 32 connections over a
//      mix of requests: crosstab, frequencies, multiple-response, Likert, a typed table, small uploads (each deleted
//      at the end of its round), health, and bad requests (deep JSON, unknown variables, prototype names),
//   4. after each round: a full GC in the server and its heap (heapUsed, rss, external, arrayBuffers) from the log,
//   5. prints the heap per round and writes bench/heap-results.json
//      (a quick run: BENCH_HEAP_ROUNDS=3 BENCH_HEAP_SECONDS=3).
// A heap that keeps growing after full GC round after round is a leak; a step then a plateau is a cache filling.
import { spawn, spawnSync } from "node:child_process"
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import os from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import autocannon from "autocannon"

const root = fileURLToPath(new URL("..", import.meta.url))
const CLI = join(root, "apps/cli/dist/bin.js")
const SERVER = join(root, "apps/api/dist/main.js")
const ROUNDS = Number(process.env.BENCH_HEAP_ROUNDS ?? 8)
const SECONDS = Number(process.env.BENCH_HEAP_SECONDS ?? 30)
const CONNECTIONS = 32
const ROWS = 5_000

const dir = mkdtempSync(join(os.tmpdir(), "danvan-bench-heap-"))
const env = { ...process.env, DANVAN_DB: join(dir, "bench.sqlite"), PORT: "0", HOST: "127.0.0.1", NO_COLOR: "1" }
const cli = (args) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", env, timeout: 120_000 })
  if (r.status !== 0) throw new Error(`danvan ${args.join(" ")} failed: ${r.stderr}`)
  return r.stdout
}

const synth = join(dir, "synth.csv")
cli(["synth", "hcmc-2024", "--out", synth, "--seed", "1"])
const lines = readFileSync(synth, "utf8").trim().split(/\r?\n/)
const csv = [lines[0], ...Array.from({ length: ROWS }, (_, i) => lines[1 + (i % (lines.length - 1))])].join("\n") + "\n"
const smallCsv = [lines[0], ...lines.slice(1, 51)].join("\n") + "\n"
const key = cli(["api-key", "create", "--tenant", "bench"]).trim()

const server = spawn(process.execPath, ["--expose-gc", SERVER], { env, stdio: ["ignore", "ignore", "pipe"] })
const waiters = []
const onLine = (line) => {
  for (const w of [...waiters]) {
    if (line.includes(w.text)) {
      waiters.splice(waiters.indexOf(w), 1)
      w.resolve(JSON.parse(line))
    }
  }
}
const nextLog = (text) => new Promise((resolve) => waiters.push({ text, resolve }))
let buffer = ""
server.stderr.setEncoding("utf8")
server.stderr.on("data", (chunk) => {
  buffer += chunk
  const parts = buffer.split("\n")
  buffer = parts.pop() ?? ""
  parts.forEach(onLine)
})
const { url } = await Promise.race([
  nextLog("\"event\":\"listening\""),
  new Promise((_, reject) => server.on("exit", (c) => reject(new Error(`server exited with ${c}`))))
])
const heap = async () => {
  const line = nextLog("\"event\":\"heap\"")
  server.kill("SIGUSR2")
  const { heapUsedMB, rssMB, externalMB, arrayBuffersMB } = await line
  const round = (x) => Math.round(x * 10) / 10
  return {
    heapUsedMB: round(heapUsedMB),
    rssMB: round(rssMB),
    externalMB: round(externalMB),
    arrayBuffersMB: round(arrayBuffersMB)
  }
}

try {
  const auth = { authorization: `Bearer ${key}` }
  const uploaded = await fetch(`${url}/v1/datasets?codebook=hcmc-2024&name=bench.csv`, {
    method: "POST",
    headers: { ...auth, "content-type": "text/csv" },
    body: csv
  })
  if (uploaded.status !== 201) throw new Error(`upload failed: ${uploaded.status} ${await uploaded.text()}`)
  const { id } = await uploaded.json()
  const json = { ...auth, "content-type": "application/json" }
  const post = (path, body, headers = json) => ({
    method: "POST",
    path,
    headers,
    body: typeof body === "string" ? body : JSON.stringify(body)
  })
  const requests = [
    post(`/v1/datasets/${id}/crosstab`, { row: "level", col: "people_trust_limited", fisher: { method: "none" } }),
    post(`/v1/datasets/${id}/frequencies`, { variables: ["level", "people_trust_limited"] }),
    post(`/v1/datasets/${id}/multiple-response`, { group: "level", set: "purpose" }),
    post(`/v1/datasets/${id}/likert`, { by: "level", set: "difficulty" }),
    post("/v1/tables/test", {
      counts: [
        [66, 209, 35],
        [158, 177, 41],
        [163, 216, 31]
      ],
      fisher: { method: "none" }
    }),
    post("/v1/datasets?codebook=hcmc-2024&name=small.csv", smallCsv, { ...auth, "content-type": "text/csv" }),
    { method: "GET", path: "/v1/health" },
    post(`/v1/datasets/${id}/crosstab`, "[".repeat(5000) + "]".repeat(5000)),
    post(`/v1/datasets/${id}/crosstab`, "{\"row\": \"level\", \"col\": \"nope\", \"missing\": {\"__proto__\": [9]}}")
  ]
  const before = await heap()
  console.log(`round 0 (after upload): heap ${before.heapUsedMB} MB, rss ${before.rssMB} MB`)
  const rounds = []
  for (let r = 1; r <= ROUNDS; r++) {
    const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, requests })
    // The small uploads of the round are deleted, so only the server's own state can grow.
    const list = await (await fetch(`${url}/v1/datasets`, { headers: auth })).json()
    for (const d of list.datasets) {
      if (d.id !== id) await fetch(`${url}/v1/datasets/${d.id}`, { method: "DELETE", headers: auth })
    }
    const after = await heap()
    rounds.push({ round: r, requests: result.requests.total, non2xx: result.non2xx, errors: result.errors, ...after })
    console.log(
      `round ${r}: ${result.requests.total} requests (${result.non2xx} non-2xx by design), heap after full GC ${after.heapUsedMB} MB, rss ${after.rssMB} MB`
    )
  }
  const cpus = os.cpus()
  const out = {
    date: new Date().toISOString(),
    rounds: ROUNDS,
    secondsPerRound: SECONDS,
    connections: CONNECTIONS,
    mix: requests.map((q) => `${q.method} ${q.path.replace(id, "{id}")}`),
    afterUpload: before,
    perRound: rounds,
    growthMB: Math.round(
      ((rounds.at(-1)?.heapUsedMB ?? before.heapUsedMB) - (rounds[0]?.heapUsedMB ?? before.heapUsedMB)) * 10
    ) / 10,
    machine: {
      cpu: cpus[0]?.model ?? "unknown",
      cores: cpus.length,
      node: process.version,
      loadAverageAtEnd: os.loadavg().map((x) => Math.round(x * 100) / 100)
    }
  }
  writeFileSync(join(root, "bench/heap-results.json"), JSON.stringify(out, null, 2) + "\n")
  console.log(`heap growth from round 1 to round ${ROUNDS}: ${out.growthMB} MB (bench/heap-results.json)`)
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
