import { afterAll, describe, expect, it } from "vitest"
import { rawRequest } from "./raw.js"
import { call, createKey, errorCode, type Running, startServer, tempDir, waitForLog } from "./server.js"

// Uploads are bounded (issue 20): a stalled body is cut, bodies in flight share a memory budget, SIGTERM does not
// wait for a stalled upload forever, and parsing runs on a worker so the server keeps answering.

const tmp = tempDir()
const servers: Array<Running> = []
const start = async (env: Record<string, string>, db = `${tmp.dir}/${servers.length}.sqlite`) => {
  const server = await startServer(db, env)
  servers.push(server)
  return { server, key: createKey(db, "uploads") }
}
afterAll(async () => {
  for (const s of servers) await s.stop()
  tmp.cleanup()
})

const uploadHead = (key: string, length: number, extra = "") =>
  `POST /v1/datasets HTTP/1.1\r\nAuthorization: Bearer ${key}\r\nContent-Type: text/csv\r\nContent-Length: ${length}${extra}`

const lineOf = (server: Running, text: string) => server.logs.findIndex((l) => l.includes(text))

describe("a stalled upload", () => {
  it("is cut with 408 BODY_IDLE_TIMEOUT after the idle time, and the connection is closed", async () => {
    const { server, key } = await start({ DANVAN_BODY_IDLE_TIMEOUT_MS: "300" })
    const r = rawRequest(server.url, uploadHead(key, 10_000), "level,people_trust_limited\n1,1\n")
    const reply = await r.reply
    expect(reply.status).toBe(408)
    expect((reply.json as { error: { code: string; details: { limitMs: number } } }).error).toMatchObject({
      code: "BODY_IDLE_TIMEOUT",
      details: { limitMs: 300 }
    })
    expect(reply.text).toMatch(/\r\nconnection: close\r\n/i)
    // The cut is logged, then the request line with its 408.
    await waitForLog(server, "\"status\":408")
    const cut = lineOf(server, "\"event\":\"body.timeout\"")
    expect(cut).toBeGreaterThanOrEqual(0)
    expect(JSON.parse(server.logs[cut]!)).toMatchObject({ kind: "idle", received: 31, limitMs: 300 })
    expect(cut).toBeLessThan(lineOf(server, "\"status\":408"))
    // The server answers as before.
    expect((await call(server.url, "GET", "/v1/health")).status).toBe(200)
  })

  it("a body still arriving after DANVAN_BODY_TIMEOUT_MS is cut with 408 BODY_TIMEOUT", async () => {
    const { server, key } = await start({ DANVAN_BODY_TIMEOUT_MS: "400", DANVAN_BODY_IDLE_TIMEOUT_MS: "60000" })
    const r = rawRequest(server.url, uploadHead(key, 10_000), "level\n")
    // Trickle a byte every 50 ms: never idle, never done.
    const trickle = setInterval(() => r.socket.writable && r.socket.write("1\n"), 50)
    const reply = await r.reply
    clearInterval(trickle)
    expect(reply.status).toBe(408)
    expect(errorCode({ status: reply.status, json: reply.json, text: reply.text, headers: new Headers() })).toBe(
      "BODY_TIMEOUT"
    )
  })
})

describe("memory held by uploads in flight", () => {
  it("past DANVAN_UPLOAD_MEMORY_MB a new upload is refused with 503 UPLOADS_BUSY and Retry-After; the budget is given back", async () => {
    // 10 KB for all bodies in flight; a stalled upload declares 8 KB of it.
    const { server, key } = await start({
      DANVAN_UPLOAD_MEMORY_MB: String(10 / 1024),
      DANVAN_BODY_IDLE_TIMEOUT_MS: "60000"
    })
    const stalled = rawRequest(server.url, uploadHead(key, 8192, "\r\nExpect: 100-continue"), "")
    await stalled.continued
    stalled.socket.write("level\n1\n")
    const second = await rawRequest(server.url, uploadHead(key, 8192), "").reply
    expect(second.status).toBe(503)
    expect((second.json as { error: { code: string; details: { limitBytes: number } } }).error).toMatchObject({
      code: "UPLOADS_BUSY",
      details: { limitBytes: 10_240 }
    })
    expect(second.text).toMatch(/\r\nretry-after: 5\r\n/i)
    // The stalled client goes away: its share is released, and an upload fits again.
    stalled.socket.destroy()
    await stalled.reply
    await waitForLog(server, "\"path\":\"/v1/datasets\"", 2)
    const ok = await call(server.url, "POST", "/v1/datasets?name=small.csv", {
      key,
      body: "level,people_trust_limited\n1,1\n2,2\n"
    })
    expect(ok.status).toBe(201)
  })
})

describe("shutdown", () => {
  it("SIGTERM with a stalled upload exits once DANVAN_SHUTDOWN_TIMEOUT_MS has passed, cutting it", async () => {
    const { server, key } = await start({
      DANVAN_SHUTDOWN_TIMEOUT_MS: "300",
      DANVAN_BODY_IDLE_TIMEOUT_MS: "600000",
      DANVAN_BODY_TIMEOUT_MS: "600000"
    })
    const stalled = rawRequest(server.url, uploadHead(key, 10_000, "\r\nExpect: 100-continue"), "")
    await stalled.continued
    stalled.socket.write("level\n1\n")
    server.process.kill("SIGTERM")
    const exit = await server.exited
    expect(exit.code === 0 || exit.signal === "SIGTERM").toBe(true)
    const deadline = server.logs.find((l) => l.includes("\"event\":\"shutdown.deadline\""))
    expect(deadline !== undefined && JSON.parse(deadline)).toMatchObject({ cut: 1, limitMs: 300 })
    await stalled.reply
  }, 30_000)
})

describe("parsing runs on a worker", () => {
  it(
    "health answers while a 20,000-column upload is parsed; more columns than DANVAN_MAX_COLUMNS are a 413",
    async () => {
      const { server, key } = await start({ DANVAN_MAX_COLUMNS: "10000", DANVAN_WORKERS: "1" })
      const columns = 20_000
      const header = Array.from({ length: columns }, (_, j) => `v${j}`).join(",")
      const row = (i: number) => Array.from({ length: columns }, (_, j) => String(((i + j) % 3) + 1)).join(",")
      const csv = [header, ...Array.from({ length: 100 }, (_, i) => row(i))].join("\n") + "\n"
      let uploadDone = false
      const upload = call(server.url, "POST", "/v1/datasets?name=wide.csv", { key, body: csv }).then((r) => {
        uploadDone = true
        return r
      })
      await waitForLog(server, "\"kind\":\"parseUpload\"")
      const health = await call(server.url, "GET", "/v1/health")
      expect(health.status).toBe(200)
      expect(uploadDone).toBe(false)
      const r = await upload
      expect(r.status).toBe(413)
      expect((r.json as { error: { code: string; details: unknown } }).error).toMatchObject({
        code: "TOO_MANY_COLUMNS",
        details: { columns: 20_000, limit: 10_000 }
      })
      expect(
        ((await call(server.url, "GET", "/v1/datasets", { key })).json as { datasets: Array<unknown> }).datasets
      ).toHaveLength(0)
    },
    60_000
  )
})
