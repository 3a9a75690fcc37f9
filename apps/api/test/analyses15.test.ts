import { readFileSync } from "node:fs"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { call, cli, createKey, EXAMPLE_CSV, type Running, startServer, tempDir } from "./server.js"

// Issue 15/17: the layered crosstab, means by group and describe through the API, each equal to the CLI's JSON
// for the same file and codebook.

const tmp = tempDir()
let server: Running
let key: string
let datasetId: string

const cliJson = (args: ReadonlyArray<string>): unknown => {
  const r = cli([...args, "--data", EXAMPLE_CSV, "--codebook", "hcmc-2024", "--format", "json"])
  expect(r.stderr).toBe("")
  expect(r.code).toBe(0)
  return JSON.parse(r.stdout)
}

const post = (path: string, body: unknown) =>
  call(server.url, "POST", `/v1/datasets/${datasetId}/${path}`, { key, body })

beforeAll(async () => {
  server = await startServer(tmp.db)
  key = createKey(tmp.db, "district-7")
  const upload = await call(server.url, "POST", "/v1/datasets?codebook=hcmc-2024&name=hcmc.csv", {
    key,
    body: readFileSync(EXAMPLE_CSV)
  })
  expect(upload.status).toBe(201)
  datasetId = (upload.json as { id: string }).id
}, 60_000)

afterAll(async () => {
  await server?.stop()
  tmp.cleanup()
})

describe("layered crosstab, means, describe", () => {
  it("crosstab with layer equals `danvan crosstab --layer --format json` (layers and CMH)", async () => {
    const body = { row: "independent_democratic_society", col: "clean_strong_party", layer: "level" }
    const api = await post("crosstab", body)
    expect(api.status).toBe(200)
    const expected = cliJson(["crosstab", "--row", body.row, "--col", body.col, "--layer", "level"]) as {
      layers: Array<unknown>
      cochranMantelHaenszel: { p: number }
    }
    expect(expected.layers).toHaveLength(3)
    expect(typeof expected.cochranMantelHaenszel.p).toBe("number")
    expect(api.json).toEqual(expected)
    const corrected = await post("crosstab", { ...body, correct: true })
    expect(corrected.json).toEqual(
      cliJson(["crosstab", "--row", body.row, "--col", body.col, "--layer", "level", "--correct"])
    )
  })

  it("a layer that is not a column is a 422 naming it; correct without layer and weight with noWeight are 400s", async () => {
    const unknown = await post("crosstab", { row: "level", col: "people_trust_limited", layer: "nope" })
    expect(unknown.status).toBe(422)
    expect(JSON.stringify(unknown.json)).toContain("nope")
    const correct = await post("crosstab", { row: "level", col: "people_trust_limited", correct: true })
    expect(correct.status).toBe(400)
    const both = await post("means", { variable: "people_trust_limited", by: "level", weight: "x", noWeight: true })
    expect(both.status).toBe(400)
  })

  it("means equals `danvan means --format json`", async () => {
    const api = await post("means", { variable: "people_trust_limited", by: "level" })
    expect(api.status).toBe(200)
    const expected = cliJson(["means", "--var", "people_trust_limited", "--by", "level"]) as { groups: Array<unknown> }
    expect(expected.groups).toHaveLength(3)
    expect(api.json).toEqual(expected)
  })

  it("describe equals `danvan describe --format json`", async () => {
    const api = await post("describe", { variables: ["people_trust_limited", "qualifications_limited"] })
    expect(api.status).toBe(200)
    const expected = cliJson(["describe", "people_trust_limited", "qualifications_limited"]) as Array<unknown>
    expect(expected).toHaveLength(2)
    expect(api.json).toEqual(expected)
  })
})
