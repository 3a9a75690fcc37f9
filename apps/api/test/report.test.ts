import { copyFileSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import {
  call,
  cli,
  createKey,
  errorCode,
  EXAMPLE_CSV,
  type Running,
  startServer,
  tempDir,
  uploadDataset
} from "./server.js"

// Reports of an analysis plan on a stored dataset: the JSON equals `danvan report ... --out report.json` for
// the same file (the dataset's name stands for the CLI's data path); HTML and XLSX come with their types.

const tmp = tempDir()
let server: Running
let key: string
let datasetId: string

beforeAll(async () => {
  server = await startServer(tmp.db)
  key = createKey(tmp.db, "reports")
  datasetId = await uploadDataset(server, key, readFileSync(EXAMPLE_CSV), "codebook=hcmc-2024&name=d7.csv")
}, 60_000)

afterAll(async () => {
  await server?.stop()
  tmp.cleanup()
})

describe("reports", () => {
  it("the JSON report equals `danvan report --out report.json`", async () => {
    const r = await call(server.url, "POST", `/v1/datasets/${datasetId}/reports`, {
      key,
      body: { plan: "hcmc-2024", format: "json", lang: "vi" }
    })
    expect(r.status).toBe(200)
    expect(r.headers.get("content-type")).toContain("application/json")
    copyFileSync(EXAMPLE_CSV, join(tmp.dir, "d7.csv"))
    const out = join(tmp.dir, "report.json")
    const c = cli(
      [
        "report",
        "--data",
        "d7.csv",
        "--codebook",
        "hcmc-2024",
        "--plan",
        "hcmc-2024",
        "--lang",
        "vi",
        "--out",
        "report.json"
      ],
      {},
      tmp.dir
    )
    expect(c.code, c.stderr).toBe(0)
    expect(r.json).toEqual(JSON.parse(readFileSync(out, "utf8")))
  }, 60_000)

  it("HTML (with SVG charts, nothing loaded from elsewhere) and XLSX", async () => {
    const html = await call(server.url, "POST", `/v1/datasets/${datasetId}/reports`, {
      key,
      body: { plan: "hcmc-2024" }
    })
    expect(html.status).toBe(200)
    expect(html.headers.get("content-type")).toContain("text/html")
    expect(html.text).toContain("<svg")
    expect(html.text).not.toMatch(/<(script|link|img)[^>]+(src|href)\s*=\s*["'](https?:)?\/\//i)
    const response = await fetch(`${server.url}/v1/datasets/${datasetId}/reports`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify({ plan: "hcmc-2024", format: "xlsx", suppressBelow: 5 }),
      signal: AbortSignal.timeout(30_000)
    })
    expect(response.status).toBe(200)
    expect(response.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    const bytes = new Uint8Array(await response.arrayBuffer())
    expect(String.fromCharCode(bytes[0], bytes[1])).toBe("PK")
  }, 60_000)

  it("an unknown plan id is a 404, a bad plan object a 400 with JSON paths, an unknown variable a 422, another tenant a 404", async () => {
    const unknown = await call(server.url, "POST", `/v1/datasets/${datasetId}/reports`, {
      key,
      body: { plan: "hcmc-2025" }
    })
    expect(unknown.status).toBe(404)
    const bad = await call(server.url, "POST", `/v1/datasets/${datasetId}/reports`, {
      key,
      body: { plan: { id: "p", sections: "none" } }
    })
    expect(bad.status).toBe(400)
    expect(errorCode(bad)).toBe("INVALID_PLAN")
    expect(JSON.stringify(bad.json)).toContain("$.plan")
    const plan = {
      id: "mine",
      title: { vi: "Của tôi", en: "Mine" },
      codebook: "hcmc-2024",
      sections: [{ kind: "frequencies", id: "s1", title: { vi: "Tần suất", en: "Frequencies" }, variables: ["levle"] }]
    }
    const unknownVariable = await call(server.url, "POST", `/v1/datasets/${datasetId}/reports`, { key, body: { plan } })
    expect(unknownVariable.status, unknownVariable.text).toBe(422)
    expect((unknownVariable.json as { error: { message: string } }).error.message).toContain("levle")
    const other = createKey(tmp.db, "someone-else")
    expect(
      (await call(server.url, "POST", `/v1/datasets/${datasetId}/reports`, { key: other, body: { plan: "hcmc-2024" } }))
        .status
    ).toBe(404)
  })
})
