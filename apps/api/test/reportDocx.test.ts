import { readFileSync } from "node:fs"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { createKey, EXAMPLE_CSV, type Running, startServer, tempDir, uploadDataset } from "./server.js"

// A Word report over HTTP: the same document as `danvan report --out report.docx`.

const tmp = tempDir()
let server: Running
let key: string
let datasetId: string

beforeAll(async () => {
  server = await startServer(tmp.db)
  key = createKey(tmp.db, "word")
  datasetId = await uploadDataset(server, key, readFileSync(EXAMPLE_CSV), "codebook=hcmc-2024&name=d7.csv")
}, 60_000)

afterAll(async () => {
  await server?.stop()
  tmp.cleanup()
})

describe("reports as .docx", () => {
  it("format docx: a Word document (a ZIP package with word/document.xml) with its media type", async () => {
    const response = await fetch(`${server.url}/v1/datasets/${datasetId}/reports`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify({ plan: "hcmc-2024", format: "docx", lang: "vi" }),
      signal: AbortSignal.timeout(30_000)
    })
    expect(response.status).toBe(200)
    expect(response.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    const bytes = Buffer.from(await response.arrayBuffer())
    expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK")
    expect(bytes.includes(Buffer.from("word/document.xml"))).toBe(true)
    expect(bytes.includes(Buffer.from("word/charts/chart1.xml"))).toBe(true)
  }, 60_000)
})
