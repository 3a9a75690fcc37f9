import { readFileSync } from "node:fs"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import {
  call,
  cli,
  createKey,
  errorCode,
  EXAMPLE_CSV,
  type Reply,
  type Running,
  startServer,
  tempDir,
  uploadDataset,
  waitForLog
} from "./server.js"

// Analyses run on worker threads. With ONE worker and a queue of ONE, and analyses far slower than the time
// limit, the order of events is fixed whatever the machine's speed: the first slow request to reach the pool
// runs, the second waits, the third is refused (503 BUSY); health answers while they run; the running one is
// stopped at the limit (504 ANALYSIS_TIMEOUT), then the queued one; afterwards the server answers as before.

const TIMEOUT_MS = 5000
// A bootstrap of 100,000 resamples of a 21,920-row dataset (the example 20 times): about a millisecond per
// resample there, so a minute or more of CPU, far over TIMEOUT_MS on any machine.
const COPIES = 20
const SLOW = { group: "level", set: "purpose", method: "bootstrap", resamples: 100_000, seed: 1 }
const FAST = { row: "level", col: "people_trust_limited", fisher: { method: "none" } }

const tmp = tempDir()
let server: Running
let key: string
let datasetId: string
let largeId: string

/** A request without the helper's 10 s client timeout (the slow ones take two time limits). */
const post = async (path: string, body: unknown): Promise<Reply> => {
  const response = await fetch(server.url + path, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(60_000)
  })
  const text = await response.text()
  return { status: response.status, json: JSON.parse(text) as unknown, text, headers: response.headers }
}

beforeAll(async () => {
  server = await startServer(tmp.db, {
    DANVAN_WORKERS: "1",
    DANVAN_QUEUE_SIZE: "1",
    DANVAN_ANALYSIS_TIMEOUT_MS: String(TIMEOUT_MS)
  })
  key = createKey(tmp.db, "district-7")
  datasetId = await uploadDataset(server, key, readFileSync(EXAMPLE_CSV), "codebook=hcmc-2024&name=survey.csv")
  const lines = readFileSync(EXAMPLE_CSV, "utf8").trim().split(/\r?\n/)
  const large = [lines[0], ...Array.from({ length: COPIES }, () => lines.slice(1).join("\n"))].join("\n") + "\n"
  largeId = await uploadDataset(server, key, large, "codebook=hcmc-2024&name=large.csv")
}, 60_000)

afterAll(async () => {
  await server?.stop()
  tmp.cleanup()
})

describe("analysis workers", () => {
  it(
    "health answers during slow analyses; a full queue is 503 BUSY; over the limit is 504 ANALYSIS_TIMEOUT",
    async () => {
      const path = `/v1/datasets/${datasetId}/crosstab`
      const before = await post(path, FAST)
      expect(before.status).toBe(200)

      const events: Array<string> = []
      const slow = [0, 1, 2].map((i) =>
        post(`/v1/datasets/${largeId}/multiple-response`, SLOW).then((r) => {
          events.push(`slow${i}:${r.status}`)
          return r
        })
      )
      // All three have reached the pool once one is refused: one runs, one waits.
      await waitForLog(server, "\"event\":\"analysis.busy\"")
      const health = await call(server.url, "GET", "/v1/health")
      events.push(`health:${health.status}`)
      const ready = await call(server.url, "GET", "/v1/ready")
      events.push(`ready:${ready.status}`)
      const replies = await Promise.all(slow)

      // Health and readiness answered while both admitted analyses were still running or waiting.
      expect(health.json).toEqual({ status: "ok" })
      expect(ready.status).toBe(200)
      const firstTimeout = events.findIndex((e) => e.endsWith(":504"))
      expect(events.indexOf("health:200")).toBeLessThan(firstTimeout)
      expect(events.indexOf("ready:200")).toBeLessThan(firstTimeout)

      const statuses = replies.map((r) => r.status).sort()
      expect(statuses).toEqual([503, 504, 504])
      const busy = replies.find((r) => r.status === 503)!
      expect(errorCode(busy)).toBe("BUSY")
      expect(busy.headers.get("retry-after")).toMatch(/^\d+$/)
      expect(busy.json).toMatchObject({ error: { details: { workers: 1, queueSize: 1 } } })
      for (const r of replies.filter((r) => r.status === 504)) {
        expect(errorCode(r)).toBe("ANALYSIS_TIMEOUT")
        expect(r.json).toMatchObject({ error: { details: { limitMs: TIMEOUT_MS } } })
      }

      // The stopped worker was replaced: the same analysis answers as before, and user errors are still 422.
      const after = await post(path, FAST)
      expect(after.status).toBe(200)
      expect(after.json).toEqual(before.json)
      const unknown = await post(path, { row: "levle", col: "people_trust_limited" })
      expect(unknown.status).toBe(422)
      expect(errorCode(unknown)).toBe("UNKNOWN_VARIABLE")
      expect(server.logs.some((l) => l.includes("\"event\":\"request.failed\""))).toBe(false)
    },
    90_000
  )

  it("the analyses on the workers equal the CLI's JSON", async () => {
    const api = await post(`/v1/datasets/${datasetId}/crosstab`, {
      row: "level",
      col: "people_trust_limited",
      fisher: { method: "monte-carlo", B: 2000, seed: 7 }
    })
    expect(api.status).toBe(200)
    const r = cli([
      "crosstab",
      "--data",
      EXAMPLE_CSV,
      "--codebook",
      "hcmc-2024",
      "--row",
      "level",
      "--col",
      "people_trust_limited",
      "--exact",
      "monte-carlo",
      "--resamples",
      "2000",
      "--seed",
      "7",
      "--format",
      "json"
    ])
    expect(r.stderr).toBe("")
    expect(api.json).toEqual(JSON.parse(r.stdout))
  }, 60_000)

  it("SIGTERM while an analysis runs: it finishes (200), then the workers close and the process exits 0", async () => {
    // Its own server, with the default time limit: a slow Monte Carlo test, surely still running at SIGTERM.
    await server.stop()
    server = await startServer(tmp.db, { DANVAN_WORKERS: "1" })
    const running = post(`/v1/datasets/${largeId}/multiple-response`, { ...SLOW, resamples: 2000 })
    await waitForLog(server, "\"event\":\"analysis.start\"")
    server.process.kill("SIGTERM")
    const reply = await running
    expect(reply.status).toBe(200)
    expect(reply.json).toMatchObject({ kind: "multiple-response", method: "bootstrap" })
    expect((await server.exited).code).toBe(0)
  }, 90_000)
})
