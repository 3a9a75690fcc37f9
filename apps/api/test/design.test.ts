import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { call, cli, createKey, type Running, startServer, tempDir } from "./server.js"

// Issue 18: a sampling design in API request bodies (strata, cluster, fpc, weightMode, lonelyPsu), equal to the
// CLI's JSON and to R survey (packages/stats/scripts/survey.R and its fixture).
const CSV = fileURLToPath(new URL("../../../packages/stats/test/fixtures/survey-design.csv", import.meta.url))
const ref = JSON.parse(
  readFileSync(new URL("../../../packages/stats/test/fixtures/survey.json", import.meta.url), "utf8")
)
const fpcCase = ref.cases.find((c: { id: string }) => c.id === "strata, clusters and fpc")
const tmp = tempDir()
let server: Running
let key: string
let datasetId: string

const post = (path: string, body: unknown) =>
  call(server.url, "POST", `/v1/datasets/${datasetId}/${path}`, { key, body })

beforeAll(async () => {
  server = await startServer(tmp.db)
  key = createKey(tmp.db, "district-7")
  const upload = await call(server.url, "POST", "/v1/datasets?name=survey.csv&weight=trongso", {
    key,
    body: readFileSync(CSV)
  })
  expect(upload.status).toBe(201)
  datasetId = (upload.json as { id: string }).id
}, 60_000)

afterAll(async () => {
  await server?.stop()
  tmp.cleanup()
})

describe("a sampling design in request bodies", () => {
  const design = { weight: "trongso", strata: "huyen", cluster: "xa", fpc: "nxa" }
  it("crosstab: the Rao-Scott test as R's svychisq and as the CLI", async () => {
    const api = await post("crosstab", { row: "capbac", col: "gioitinh", ...design })
    expect(api.status).toBe(200)
    const out = api.json as any
    expect(out.design).toMatchObject({ mode: "sampling", strata: "huyen", cluster: "xa", fpc: "nxa", df: 14 })
    expect(Math.abs(out.tests.raoScott.p - fpcCase.capbacByGioitinh.p) / fpcCase.capbacByGioitinh.p).toBeLessThan(1e-8)
    const r = cli([
      "crosstab",
      "--data",
      CSV,
      "--row",
      "capbac",
      "--col",
      "gioitinh",
      "--weight",
      "trongso",
      "--strata",
      "huyen",
      "--cluster",
      "xa",
      "--fpc",
      "nxa",
      "--format",
      "json"
    ])
    expect(r.code).toBe(0)
    expect(out).toEqual(JSON.parse(r.stdout))
  })
  it("frequencies and means carry the design too", async () => {
    const f = await post("frequencies", { variables: ["hailong"], ...design })
    expect(f.status).toBe(200)
    const rows = (f.json as any)[0].rows.filter((x: { missing: boolean }) => !x.missing)
    expect(rows.length).toBe(5)
    expect(Math.abs(rows[1].design.se - 100 * fpcCase.hailong.se[1]) / (100 * fpcCase.hailong.se[1])).toBeLessThan(1e-8)
    const m = await post("means", { variable: "diem", by: "capbac", ...design, weightMode: "sampling" })
    expect(m.status).toBe(200)
    expect((m.json as any).groups[0].design.se).toBeCloseTo(fpcCase.diemByCapbac[0].se, 10)
  })
  it("a lonely PSU under the default rule is a 422 naming the stratum", async () => {
    const r = await post("crosstab", {
      row: "capbac",
      col: "gioitinh",
      weight: "trongso",
      strata: "tang",
      cluster: "xa"
    })
    expect(r.status).toBe(422)
    expect(JSON.stringify(r.json)).toContain("only one PSU")
  })
})
