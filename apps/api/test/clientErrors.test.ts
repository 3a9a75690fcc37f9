import { createServer, type Server } from "node:http"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { answerClientError } from "../src/clientErrors.js"
import { rawRequest } from "./raw.js"

// Node's own refusals, written before any handler runs, come in the API's error envelope (issue 20, item 5).
// A plain Node server with the server's clientError handler and short header limits, so the 408 comes quickly.

let server: Server
let url: string

beforeAll(async () => {
  server = createServer(
    { headersTimeout: 300, requestTimeout: 300, connectionsCheckingInterval: 50 },
    (_req, res) => res.end("ok")
  )
  server.on("clientError", answerClientError)
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

const envelope = (json: unknown) => (json as { error: { code: string; message: string; details: unknown } }).error

describe("Node's refusals in the envelope", () => {
  it("headers that do not arrive in time: 408 REQUEST_TIMEOUT", async () => {
    // The blank line that ends the headers never comes.
    const r = rawRequest(url, "GET /v1/health HTTP/1.1\r\nX-Slow: 1", "", false)
    const reply = await r.reply
    expect(reply.status).toBe(408)
    expect(envelope(reply.json)).toMatchObject({
      code: "REQUEST_TIMEOUT",
      details: { nodeCode: "ERR_HTTP_REQUEST_TIMEOUT" }
    })
  })
  it("a request line over 16 KB: 431 HEADERS_TOO_LARGE", async () => {
    const reply = await rawRequest(url, `GET /?q=${"x".repeat(20_000)} HTTP/1.1`).reply
    expect(reply.status).toBe(431)
    expect(envelope(reply.json)).toMatchObject({
      code: "HEADERS_TOO_LARGE",
      details: { nodeCode: "HPE_HEADER_OVERFLOW" }
    })
  })
  it("malformed HTTP: 400 BAD_REQUEST", async () => {
    const reply = await rawRequest(url, "NOT HTTP AT ALL").reply
    expect(reply.status).toBe(400)
    expect(envelope(reply.json).code).toBe("BAD_REQUEST")
  })
})
