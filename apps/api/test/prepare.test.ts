import { readFileSync, writeFileSync } from "node:fs"
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

// POST /v1/datasets/{id}/prepare: a recipe previewed, then stored as a new dataset whose analyses equal the CLI's
// with --recipe on the same file; bad recipes are a 400 (JSON paths) or a 422 (the step and what to do).

const tmp = tempDir()
let server: Running
let key: string
let id: string
const recipe = {
  version: 1,
  steps: [
    {
      op: "recode",
      variables: ["level"],
      into: ["city"],
      rules: [{ from: 1, to: 1 }, { from: [2, 3], to: 2 }],
      label: { vi: "Thành phố hay không", en: "City or not" },
      values: [{ code: 1, label: { vi: "Thành phố", en: "City" } }, {
        code: 2,
        label: { vi: "Quận, phường", en: "District, ward" }
      }]
    },
    { op: "compute", target: "problems", expr: "people_trust_limited + qualifications_limited" },
    { op: "filter", expr: "level != 9" }
  ]
}
const recipeFile = join(tmp.dir, "recipe.json")

beforeAll(async () => {
  server = await startServer(tmp.db)
  key = createKey(tmp.db, "district-7")
  id = await uploadDataset(server, key, readFileSync(EXAMPLE_CSV), "codebook=hcmc-2024&name=survey.csv")
  writeFileSync(recipeFile, JSON.stringify(recipe))
}, 60_000)

afterAll(async () => {
  await server?.stop()
  tmp.cleanup()
})

describe("POST /v1/datasets/{id}/prepare", () => {
  it("previews a recipe: each step's summary, the rows kept, the new variables; nothing is stored", async () => {
    const r = await call(server.url, "POST", `/v1/datasets/${id}/prepare`, { key, body: { recipe, preview: true } })
    expect(r.status).toBe(200)
    const out = r.json as {
      log: Array<{ op: string }>
      rows: number
      variables: Array<{ name: string }>
      dataset: null
    }
    expect(out.log.map((l) => l.op)).toEqual(["recode", "compute", "filter"])
    expect(out.variables.map((v) => v.name)).toEqual(expect.arrayContaining(["city", "problems"]))
    expect(out.dataset).toBeNull()
    const list = await call(server.url, "GET", "/v1/datasets", { key })
    expect((list.json as { datasets: Array<unknown> }).datasets).toHaveLength(1)
  })

  it("stores the result as a new dataset; its frequencies equal `danvan frequencies --recipe`", async () => {
    const r = await call(server.url, "POST", `/v1/datasets/${id}/prepare`, { key, body: { recipe, name: "clean" } })
    expect(r.status).toBe(200)
    const out = r.json as { rows: number; dataset: { id: string; name: string; rows: number; prepared: unknown } }
    expect(out.dataset).toMatchObject({ name: "clean", rows: out.rows, prepared: { from: id, recipe } })
    const api = await call(server.url, "POST", `/v1/datasets/${out.dataset.id}/frequencies`, {
      key,
      body: { variables: ["city", "level"] }
    })
    expect(api.status).toBe(200)
    const c = cli([
      "frequencies",
      "city",
      "level",
      "--data",
      EXAMPLE_CSV,
      "--codebook",
      "hcmc-2024",
      "--recipe",
      recipeFile,
      "--format",
      "json"
    ])
    expect(c.stderr).toBe("")
    expect(api.json).toEqual(JSON.parse(c.stdout))
    const got = await call(server.url, "GET", `/v1/datasets/${out.dataset.id}/codebook`, { key })
    expect(JSON.stringify(got.json)).toContain("City or not")
  })

  it("refuses a malformed recipe (400), an unknown variable and an append step (422)", async () => {
    const bad = await call(server.url, "POST", `/v1/datasets/${id}/prepare`, {
      key,
      body: { recipe: { version: 1, steps: [{ op: "recode" }] } }
    })
    expect(bad.status).toBe(400)
    expect(errorCode(bad)).toBe("INVALID_RECIPE")
    const unknown = await call(server.url, "POST", `/v1/datasets/${id}/prepare`, {
      key,
      body: { recipe: { version: 1, steps: [{ op: "filter", expr: "levle == 1" }] }, preview: true }
    })
    expect(unknown.status).toBe(422)
    expect((unknown.json as { error: { message: string } }).error.message).toContain("levle")
    const append = await call(server.url, "POST", `/v1/datasets/${id}/prepare`, {
      key,
      body: { recipe: { version: 1, steps: [{ op: "append", data: "other.csv" }] } }
    })
    expect(append.status).toBe(422)
    expect(errorCode(append)).toBe("RECIPE_NEEDS_FILE")
    const list = await call(server.url, "GET", "/v1/datasets", { key })
    expect((list.json as { datasets: Array<unknown> }).datasets).toHaveLength(2)
  })

  it("append and merge name stored datasets through `datasets`: the same steps as `danvan prepare`", async () => {
    // The CLI finds wave2.csv and extra.csv beside the recipe; the API is told which stored datasets they are.
    const lines = readFileSync(EXAMPLE_CSV, "utf8").split("\n")
    const wave2 = lines.slice(0, 51).join("\n") + "\n"
    const extra = ["id,district", ...Array.from({ length: 40 }, (_, i) => `${i + 1},${(i + 1) % 4 + 1}`)].join("\n") +
      "\n"
    writeFileSync(join(tmp.dir, "wave2.csv"), wave2)
    writeFileSync(join(tmp.dir, "extra.csv"), extra)
    const both = {
      version: 1,
      steps: [{ op: "append", data: "wave2.csv" }, { op: "merge", data: "extra.csv", by: "id" }]
    }
    const bothFile = join(tmp.dir, "both.recipe.json")
    writeFileSync(bothFile, JSON.stringify(both))
    const ran = cli([
      "prepare",
      "--recipe",
      bothFile,
      "--data",
      EXAMPLE_CSV,
      "--codebook",
      "hcmc-2024",
      "--out",
      join(tmp.dir, "both.csv"),
      "--format",
      "json"
    ])
    expect(ran.code).toBe(0)
    const expected = JSON.parse(ran.stdout)
    expect(expected.steps).toHaveLength(2)
    const wave2Id = await uploadDataset(server, key, wave2, "codebook=hcmc-2024&name=wave2.csv")
    const extraId = await uploadDataset(server, key, extra, "name=extra.csv")
    const datasets = { "wave2.csv": wave2Id, "extra.csv": extraId }
    const r = await call(server.url, "POST", `/v1/datasets/${id}/prepare`, {
      key,
      body: { recipe: both, datasets, name: "both.csv" }
    })
    expect(r.status).toBe(200)
    const out = r.json as { rows: number; log: Array<{ summary: string }>; dataset: { id: string; rows: number } }
    expect(out.rows).toBe(expected.rows)
    expect(out.dataset.rows).toBe(expected.rows)
    expect(out.log.map((l) => l.summary)).toEqual(expected.steps.map((s: { summary: string }) => s.summary))
    // An id that is not one of the tenant's datasets: 404, nothing stored.
    const before = (await call(server.url, "GET", "/v1/datasets", { key })).json as { datasets: Array<unknown> }
    const unknown = await call(server.url, "POST", `/v1/datasets/${id}/prepare`, {
      key,
      body: { recipe: both, datasets: { ...datasets, "extra.csv": "00000000-0000-0000-0000-000000000000" } }
    })
    expect(unknown.status).toBe(404)
    const after = (await call(server.url, "GET", "/v1/datasets", { key })).json as { datasets: Array<unknown> }
    expect(after.datasets).toHaveLength(before.datasets.length)
    // A merge key the other dataset lacks: 422 with the step's message.
    const badKey = await call(server.url, "POST", `/v1/datasets/${id}/prepare`, {
      key,
      body: {
        recipe: { version: 1, steps: [{ op: "merge", data: "extra.csv", by: "level" }] },
        datasets,
        preview: true
      }
    })
    expect(badKey.status).toBe(422)
    expect((badKey.json as { error: { message: string } }).error.message).toContain("level")
  })
})
