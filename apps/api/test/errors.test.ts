import { readFileSync } from "node:fs"
import { request } from "node:http"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { call, createKey, errorCode, EXAMPLE_CSV, type Running, startServer, tempDir, uploadDataset } from "./server.js"

// Limits and errors: every error is {error: {code, message, details}} with the right status; user input never
// gives a 500. The server runs with small limits so that the tests stay small: 50 KB of body, 100 rows.

const tmp = tempDir()
let server: Running
let key: string
let datasetId: string
const small = "level,people_trust_limited,id\n1,1,1\n2,2,2\n3,1,3\n1,3,4\n2,1,5\n3,2,6\n"

beforeAll(async () => {
  server = await startServer(tmp.db, { DANVAN_MAX_BODY_MB: String(50 / 1024), DANVAN_MAX_ROWS: "100" })
  key = createKey(tmp.db, "limits")
  datasetId = await uploadDataset(server, key, small)
}, 60_000)

afterAll(async () => {
  await server?.stop()
  tmp.cleanup()
})

describe("413", () => {
  it("a body over the limit (declared Content-Length) is refused", async () => {
    const r = await call(server.url, "POST", "/v1/datasets?codebook=hcmc-2024", {
      key,
      body: readFileSync(EXAMPLE_CSV)
    })
    expect(r.status).toBe(413)
    expect(errorCode(r)).toBe("BODY_TOO_LARGE")
    expect((r.json as { error: { details: { limitBytes: number } } }).error.details.limitBytes).toBe(50 * 1024)
  })

  it("a chunked body (no Content-Length) is refused once it passes the limit", async () => {
    const url = new URL(`${server.url}/v1/datasets?codebook=hcmc-2024`)
    const status = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(url, {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "text/csv", "transfer-encoding": "chunked" },
        timeout: 10_000
      }, (res) => {
        let body = ""
        res.setEncoding("utf8")
        res.on("data", (c: string) => (body += c))
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }))
      })
      req.on("error", reject)
      req.on("timeout", () => req.destroy(new Error("timeout")))
      const bytes = readFileSync(EXAMPLE_CSV)
      for (let i = 0; i < bytes.length; i += 4096) req.write(bytes.subarray(i, i + 4096))
      req.end()
    })
    expect(status.status).toBe(413)
    expect((JSON.parse(status.body) as { error: { code: string } }).error.code).toBe("BODY_TOO_LARGE")
  })

  it("more rows than DANVAN_MAX_ROWS are refused and nothing is stored", async () => {
    const rows = Array.from({ length: 101 }, (_, i) => `${(i % 3) + 1},${(i % 2) + 1}`).join("\n")
    const r = await call(server.url, "POST", "/v1/datasets?codebook=hcmc-2024", {
      key,
      body: `level,people_trust_limited\n${rows}\n`
    })
    expect(r.status).toBe(413)
    expect(errorCode(r)).toBe("TOO_MANY_ROWS")
    expect(((await call(server.url, "GET", "/v1/datasets", { key })).json as { datasets: Array<unknown> }).datasets)
      .toHaveLength(1)
  })
})

describe("400 with JSON paths", () => {
  it("a schema error names the JSON path of each problem", async () => {
    const r = await call(server.url, "POST", `/v1/datasets/${datasetId}/crosstab`, {
      key,
      body: { row: "level", col: 5, missing: { level: ["x"] } }
    })
    expect(r.status).toBe(400)
    expect(errorCode(r)).toBe("INVALID_BODY")
    const paths = (r.json as { error: { details: { issues: Array<{ path: string }> } } }).error.details.issues.map((
      i
    ) => i.path)
    expect(paths).toEqual(expect.arrayContaining(["$.col", "$.missing.level[0]"]))
  })

  it("a counts matrix with a non-number names its cell", async () => {
    const r = await call(server.url, "POST", "/v1/tables/test", { key, body: { counts: [[1, 2], [3, "four"]] } })
    expect(r.status).toBe(400)
    expect((r.json as { error: { message: string } }).error.message).toContain("$.counts[1][1]")
  })

  it("malformed JSON, an unknown field and an invalid codebook are 400s", async () => {
    const bad = await call(server.url, "POST", "/v1/tables/test", {
      key,
      body: "{\"counts\": [[1,2],[3,4]]",
      contentType: "application/json"
    })
    expect(bad.status).toBe(400)
    expect(errorCode(bad)).toBe("INVALID_JSON")
    const extra = await call(server.url, "POST", "/v1/tables/test", {
      key,
      body: { counts: [[1, 2], [3, 4]], rows: "level" }
    })
    expect(extra.status).toBe(400)
    expect((extra.json as { error: { details: { issues: Array<{ path: string }> } } }).error.details.issues[0].path)
      .toBe("$.rows")
    const codebook = await call(server.url, "POST", "/v1/codebooks", {
      key,
      body: {
        id: "x",
        title: { vi: "x", en: "x" },
        variables: [{ name: "a", label: { vi: "a", en: "a" }, kind: "single", measure: "bogus" }]
      }
    })
    expect(codebook.status).toBe(400)
    expect(errorCode(codebook)).toBe("INVALID_CODEBOOK")
    expect(JSON.stringify((codebook.json as { error: { details: unknown } }).error.details)).toContain(
      "$.variables[0].measure"
    )
  })

  it("a query parameter that fails its schema (given twice) is a 400 in the envelope with its JSON path", async () => {
    const r = await call(server.url, "POST", "/v1/datasets?codebook=hcmc-2024&codebook=other", { key, body: small })
    expect(r.status).toBe(400)
    expect(errorCode(r)).toBe("INVALID_REQUEST")
    expect(JSON.stringify((r.json as { error: { details: unknown } }).error.details)).toContain("$.codebook")
  })
})

describe("422 naming the unknown name", () => {
  it("an unknown variable", async () => {
    const r = await call(server.url, "POST", `/v1/datasets/${datasetId}/crosstab`, {
      key,
      body: { row: "level", col: "peopel_trust" }
    })
    expect(r.status).toBe(422)
    expect(errorCode(r)).toBe("UNKNOWN_VARIABLE")
    expect((r.json as { error: { message: string } }).error.message).toContain("\"peopel_trust\"")
  })

  it("an unknown multiple-response or Likert set", async () => {
    const mr = await call(server.url, "POST", `/v1/datasets/${datasetId}/multiple-response`, {
      key,
      body: { group: "level", set: "porpose" }
    })
    expect(mr.status).toBe(422)
    expect((mr.json as { error: { message: string } }).error.message).toContain("\"porpose\"")
    const likert = await call(server.url, "POST", `/v1/datasets/${datasetId}/likert`, {
      key,
      body: { by: "level", set: "dificulty" }
    })
    expect(likert.status).toBe(422)
    expect((likert.json as { error: { message: string } }).error.message).toContain("\"dificulty\"")
  })

  it("a CSV that fails the codebook lists its problems (row, column, value) and stores nothing", async () => {
    const r = await call(server.url, "POST", "/v1/datasets?codebook=hcmc-2024", {
      key,
      body: "level,people_trust_limited\n1,1\n7,2\n"
    })
    expect(r.status).toBe(422)
    expect(errorCode(r)).toBe("INVALID_DATA")
    expect((r.json as { error: { details: { problems: Array<unknown> } } }).error.details.problems).toEqual([
      expect.objectContaining({ row: 3, column: "level", value: "7" })
    ])
    expect(((await call(server.url, "GET", "/v1/datasets", { key })).json as { datasets: Array<unknown> }).datasets)
      .toHaveLength(1)
  })

  it("an unknown codebook id is a 404", async () => {
    const r = await call(server.url, "POST", "/v1/datasets?codebook=nope", { key, body: small })
    expect(r.status).toBe(404)
    expect((r.json as { error: { message: string } }).error.message).toContain("\"nope\"")
  })
})

describe("other errors keep the envelope", () => {
  it("an unknown route, a wrong method", async () => {
    // GET / is the web app (test/web.test.ts)
    for (const [method, path] of [["GET", "/v2/datasets"], ["PUT", "/v1/datasets"], ["GET", "/index.htm"]] as const) {
      const r = await call(server.url, method, path, { key })
      expect(r.status).toBe(404)
      expect(errorCode(r)).toBe("NOT_FOUND")
    }
  })
})

describe("documentation", () => {
  it("OpenAPI 3.1 documents every endpoint, the bearer scheme and the error statuses", async () => {
    const spec = (await call(server.url, "GET", "/openapi.json")).json as {
      openapi: string
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>
      components: { securitySchemes: Record<string, { scheme?: string }> }
    }
    expect(spec.openapi).toBe("3.1.0")
    expect(Object.keys(spec.paths).sort()).toEqual([
      "/v1/codebooks",
      "/v1/codebooks/{id}",
      "/v1/datasets",
      "/v1/datasets/{id}",
      "/v1/datasets/{id}/codebook",
      "/v1/datasets/{id}/crosstab",
      "/v1/datasets/{id}/describe",
      "/v1/datasets/{id}/frequencies",
      "/v1/datasets/{id}/likert",
      "/v1/datasets/{id}/means",
      "/v1/datasets/{id}/multiple-response",
      "/v1/datasets/{id}/prepare",
      "/v1/datasets/{id}/reports",
      "/v1/datasets/{id}/table",
      "/v1/health",
      "/v1/ready",
      "/v1/tables/test"
    ])
    expect(Object.keys(spec.paths["/v1/datasets/{id}/crosstab"].post.responses).sort()).toEqual([
      "200",
      "400",
      "401",
      "404",
      "408",
      "413",
      "422",
      "431",
      "503",
      "504"
    ])
    // Analyses run on worker threads: a full queue is a 503 with Retry-After, an analysis over the time limit a 504.
    for (const path of ["/v1/datasets/{id}/reports", "/v1/datasets/{id}/table", "/v1/tables/test"]) {
      expect(Object.keys(spec.paths[path].post.responses)).toEqual(expect.arrayContaining(["503", "504"]))
    }
    expect(JSON.stringify(spec.paths["/v1/datasets/{id}/crosstab"].post.responses["503"])).toContain("Retry-After")
    expect(Object.values(spec.components.securitySchemes).map((s) => s.scheme)).toContain("bearer")
    // A 400 is documented as the envelope it is, not as the platform's own decode error.
    expect(JSON.stringify(spec.paths["/v1/datasets/{id}/crosstab"].post.responses["400"])).toContain(
      "#/components/schemas/BadRequest"
    )
    expect(JSON.stringify(spec)).not.toContain("HttpApiDecodeError")
    // The banner table's request is documented field by field (rows, cols, nets as in a plan's table section).
    expect(JSON.stringify(spec.paths["/v1/datasets/{id}/table"].post)).toContain("#/components/schemas/TableRequest")
    const tableRequest = (spec.components as unknown as { schemas: Record<string, { properties?: object }> }).schemas[
      "TableRequest"
    ]
    expect(Object.keys(tableRequest.properties ?? {})).toEqual(
      expect.arrayContaining(["rows", "cols", "nets", "weight", "noWeight", "missing"])
    )
  })

  it("/docs is Swagger UI served whole from this server: it loads nothing from another host", async () => {
    const r = await call(server.url, "GET", "/docs")
    expect(r.status).toBe(200)
    expect(r.text).toContain("SwaggerUIBundle")
    // No external script, stylesheet, image or font: every src/href attribute and CSS url() is local.
    const refs = [
      ...r.text.matchAll(/\b(?:src|href)\s*=\s*["']([^"']+)["']/gi),
      ...r.text.matchAll(/url\(\s*["']?([^"')]+)/gi)
    ].map((m) => m[1])
    expect(refs.filter((u) => /^(https?:)?\/\//i.test(u))).toEqual([])
    expect(r.text).not.toMatch(/<(script|link|img)[^>]+(src|href)\s*=\s*["'](https?:)?\/\//i)
  })
})
