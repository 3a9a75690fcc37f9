import { readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { call, cli, createKey, EXAMPLE_CSV, type Running, startServer, tempDir } from "./server.js"

// The full flow against the real server: key -> codebook -> upload -> analyses, each equal to the CLI's JSON
// for the same file and codebook; then a restart, after which the stored dataset answers the same.

const tmp = tempDir()
let server: Running
let key: string
let datasetId: string
const codebookFile = join(tmp.dir, "district-7.codebook.json")

const cliJson = (args: ReadonlyArray<string>): unknown => {
  const r = cli([...args, "--data", EXAMPLE_CSV, "--codebook", codebookFile, "--format", "json"])
  expect(r.stderr).toBe("")
  expect(r.code).toBe(0)
  return JSON.parse(r.stdout)
}

beforeAll(async () => {
  server = await startServer(tmp.db)
  key = createKey(tmp.db, "district-7")
}, 60_000)

afterAll(async () => {
  await server?.stop()
  tmp.cleanup()
})

describe("full flow", () => {
  it("creates a codebook from the built-in one under a new id", async () => {
    const builtin = await call(server.url, "GET", "/v1/codebooks/hcmc-2024", { key })
    expect(builtin.status).toBe(200)
    const mine = { ...(builtin.json as Record<string, unknown>), id: "district-7-survey" }
    writeFileSync(codebookFile, JSON.stringify(mine))
    const created = await call(server.url, "POST", "/v1/codebooks", { key, body: mine })
    expect(created.status).toBe(201)
    expect(created.json).toMatchObject({ id: "district-7-survey", builtin: false })
    const again = await call(server.url, "POST", "/v1/codebooks", { key, body: mine })
    expect(again.status).toBe(409)
    const list = await call(server.url, "GET", "/v1/codebooks", { key })
    expect((list.json as { codebooks: Array<{ id: string }> }).codebooks.map((c) => c.id)).toEqual([
      "hcmc-2024",
      "district-7-survey"
    ])
    // GET gives the codebook in the file form `danvan codebook show FILE --format json` prints.
    const shown = await call(server.url, "GET", "/v1/codebooks/district-7-survey", { key })
    expect(shown.json).toEqual(JSON.parse(cli(["codebook", "show", codebookFile, "--format", "json"]).stdout))
  })

  it("uploads the example CSV raw and describes it without any respondent row", async () => {
    const upload = await call(server.url, "POST", "/v1/datasets?codebook=district-7-survey&name=district-7.csv", {
      key,
      body: readFileSync(EXAMPLE_CSV)
    })
    expect(upload.status).toBe(201)
    const meta = upload.json as {
      id: string
      rows: number
      name: string
      variables: Array<{ name: string; valid: number; systemMissing: number; userMissing: number }>
    }
    expect(meta.rows).toBe(readFileSync(EXAMPLE_CSV, "utf8").trim().split(/\r?\n/).length - 1)
    expect(meta.name).toBe("district-7.csv")
    const header = readFileSync(EXAMPLE_CSV, "utf8").split(/\r?\n/)[0].split(",")
    expect(meta.variables.map((v) => v.name)).toEqual(header)
    for (const v of meta.variables) expect(v.valid + v.systemMissing + v.userMissing).toBe(meta.rows)
    datasetId = meta.id
    const got = await call(server.url, "GET", `/v1/datasets/${datasetId}`, { key })
    expect(got.json).toEqual(meta)
    const list = await call(server.url, "GET", "/v1/datasets", { key })
    expect((list.json as { datasets: Array<{ id: string }> }).datasets.map((d) => d.id)).toEqual([datasetId])
  })

  it("crosstab equals `danvan crosstab --format json`", async () => {
    const api = await call(server.url, "POST", `/v1/datasets/${datasetId}/crosstab`, {
      key,
      body: { row: "level", col: "people_trust_limited" }
    })
    expect(api.status).toBe(200)
    expect(api.json).toEqual(cliJson(["crosstab", "--row", "level", "--col", "people_trust_limited"]))
  })

  it("crosstab with extra missing codes equals the CLI's --missing", async () => {
    const api = await call(server.url, "POST", `/v1/datasets/${datasetId}/crosstab`, {
      key,
      body: { row: "level", col: "people_trust_limited", missing: { level: [3] } }
    })
    expect(api.status).toBe(200)
    expect(api.json).toEqual(
      cliJson(["crosstab", "--row", "level", "--col", "people_trust_limited", "--missing", "level=3"])
    )
  })

  it("frequencies equal `danvan frequencies --format json`", async () => {
    const api = await call(server.url, "POST", `/v1/datasets/${datasetId}/frequencies`, {
      key,
      body: { variables: ["level", "people_trust_limited"] }
    })
    expect(api.status).toBe(200)
    expect(api.json).toEqual(cliJson(["frequencies", "level", "people_trust_limited"]))
  })

  it("a multiple-response set equals `danvan mr --set --format json`", async () => {
    const api = await call(server.url, "POST", `/v1/datasets/${datasetId}/multiple-response`, {
      key,
      body: { group: "level", set: "purpose" }
    })
    expect(api.status).toBe(200)
    expect(api.json).toEqual(cliJson(["mr", "--group", "level", "--set", "purpose"]))
  })

  it("a Likert set equals `danvan likert --set --format json`", async () => {
    const api = await call(server.url, "POST", `/v1/datasets/${datasetId}/likert`, {
      key,
      body: { by: "level", set: "difficulty" }
    })
    expect(api.status).toBe(200)
    expect(api.json).toEqual(cliJson(["likert", "--by", "level", "--set", "difficulty"]))
  })

  it("a typed counts matrix equals `danvan crosstab --counts --format json`", async () => {
    const counts = [[66, 209, 35], [158, 177, 41], [163, 216, 31]]
    const api = await call(server.url, "POST", "/v1/tables/test", { key, body: { counts } })
    expect(api.status).toBe(200)
    const r = cli(["crosstab", "--counts", "66,209,35;158,177,41;163,216,31", "--format", "json"])
    expect(api.json).toEqual(JSON.parse(r.stdout))
  })

  it("a multipart upload stores the same dataset", async () => {
    const form = new FormData()
    form.append("file", new Blob([readFileSync(EXAMPLE_CSV)], { type: "text/csv" }), "survey.csv")
    const response = await fetch(`${server.url}/v1/datasets?codebook=hcmc-2024`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}` },
      body: form,
      signal: AbortSignal.timeout(10_000)
    })
    expect(response.status).toBe(201)
    const meta = (await response.json()) as { id: string; name: string; rows: number }
    expect(meta.name).toBe("survey.csv")
    const del = await call(server.url, "DELETE", `/v1/datasets/${meta.id}`, { key })
    expect(del.status).toBe(204)
    expect((await call(server.url, "GET", `/v1/datasets/${meta.id}`, { key })).status).toBe(404)
  })

  it("the data survive a restart", async () => {
    const before = await call(server.url, "POST", `/v1/datasets/${datasetId}/crosstab`, {
      key,
      body: { row: "level", col: "people_trust_limited" }
    })
    await server.stop()
    expect((await server.exited).code).toBe(0)
    server = await startServer(tmp.db)
    const list = await call(server.url, "GET", "/v1/datasets", { key })
    expect((list.json as { datasets: Array<{ id: string }> }).datasets.map((d) => d.id)).toEqual([datasetId])
    const after = await call(server.url, "POST", `/v1/datasets/${datasetId}/crosstab`, {
      key,
      body: { row: "level", col: "people_trust_limited" }
    })
    expect(after.json).toEqual(before.json)
  }, 60_000)

  it("logs one JSON line per request with its request id", async () => {
    const r = await call(server.url, "GET", "/v1/health", { headers: { "x-request-id": "flow-test-1" } })
    expect(r.headers.get("x-request-id")).toBe("flow-test-1")
    await new Promise((resolve) => setTimeout(resolve, 200))
    const line = server.logs.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) =>
      l["requestId"] === "flow-test-1"
    )
    expect(line).toMatchObject({ event: "request", method: "GET", path: "/v1/health", status: 200 })
  })
})
