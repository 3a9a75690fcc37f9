import { readFileSync } from "node:fs"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { createKey, EXAMPLE_CSV, type Running, startServer, tempDir, uploadDataset } from "./server.js"

// A PDF report over HTTP, printed by the system Chromium as `danvan report --out report.pdf` does; a server
// without a browser says so (422 PDF_UNAVAILABLE, naming the executable and CHROMIUM_PATH) instead of failing.

const tmp = tempDir()
let server: Running
let noBrowser: Running
let key: string
let datasetId: string

beforeAll(async () => {
  server = await startServer(tmp.db)
  key = createKey(tmp.db, "pdf")
  datasetId = await uploadDataset(server, key, readFileSync(EXAMPLE_CSV), "codebook=hcmc-2024&name=d7.csv")
  noBrowser = await startServer(tmp.db, { CHROMIUM_PATH: "/nonexistent/chromium" })
}, 60_000)

afterAll(async () => {
  await server?.stop()
  await noBrowser?.stop()
  tmp.cleanup()
})

const report = (base: string) =>
  fetch(`${base}/v1/datasets/${datasetId}/reports`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify({ plan: "hcmc-2024", format: "pdf", lang: "vi" }),
    signal: AbortSignal.timeout(90_000)
  })

describe("reports as .pdf", () => {
  it("format pdf: a PDF document with its media type", async () => {
    const response = await report(server.url)
    expect(response.status).toBe(200)
    expect(response.headers.get("content-type")).toBe("application/pdf")
    const bytes = Buffer.from(await response.arrayBuffer())
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-")
    expect(bytes.length).toBeGreaterThan(10_000)
  }, 120_000)

  it("without a browser: 422 PDF_UNAVAILABLE naming the executable and what to do", async () => {
    const response = await report(noBrowser.url)
    expect(response.status).toBe(422)
    const { error } = (await response.json()) as { error: { code: string; message: string } }
    expect(error.code).toBe("PDF_UNAVAILABLE")
    expect(error.message).toContain("/nonexistent/chromium")
    expect(error.message).toContain("CHROMIUM_PATH")
  }, 60_000)
})
