import { readFileSync } from "node:fs"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { call, createKey, type Running, startServer, tempDir } from "./server.js"

// Issue 18: the multiple-response request takes a sampling design too; R survey's design-based Rao-Scott MMI test
// (packages/stats/scripts/mmi-design.R writes packages/stats/test/fixtures/mmi-design.json).
interface Case {
  id: string
  designDf: number
  f: { statistic: number; df1: number; df2: number; p: number }
}
type Column = "stratum" | "psu" | "group" | "y1" | "y2" | "y3" | "y4" | "w"
const fx = JSON.parse(
  readFileSync(new URL("../../../packages/stats/test/fixtures/mmi-design.json", import.meta.url), "utf8")
) as { data: Record<Column, Array<number>>; cases: Array<Case> }
const reference = fx.cases.find((c) => c.id === "strata and clusters")!
const columns: ReadonlyArray<Column> = ["stratum", "psu", "group", "y1", "y2", "y3", "y4", "w"]
const csv = [columns.join(","), ...fx.data.w.map((_, k) => columns.map((c) => String(fx.data[c][k])).join(","))]
  .join("\n") + "\n"
const tmp = tempDir()
let server: Running
let key: string
let datasetId: string

beforeAll(async () => {
  server = await startServer(tmp.db)
  key = createKey(tmp.db, "district-7")
  const upload = await call(server.url, "POST", "/v1/datasets?name=mr.csv&weight=w", { key, body: csv })
  expect(upload.status).toBe(201)
  datasetId = (upload.json as { id: string }).id
}, 60_000)

afterAll(async () => {
  await server?.stop()
  tmp.cleanup()
})

describe("a sampling design in the multiple-response request", () => {
  const body = { group: "group", items: ["y1", "y2", "y3", "y4"], weight: "w" }
  it("strata and cluster give R survey's design-based Rao-Scott F test and state the design", async () => {
    expect(fx.data.w).toHaveLength(163)
    const r = await call(server.url, "POST", `/v1/datasets/${datasetId}/multiple-response`, {
      key,
      body: { ...body, strata: "stratum", cluster: "psu" }
    })
    expect(r.status).toBe(200)
    const out = r.json as any
    expect(out.design).toMatchObject({ mode: "sampling", strata: "stratum", cluster: "psu" })
    expect(out.design.degreesOfFreedom).toBe(reference.designDf)
    for (const k of ["statistic", "df1", "df2", "p"] as const) {
      expect(Math.abs(out.raoScott[k] - reference.f[k]) / Math.abs(reference.f[k]), k).toBeLessThan(1e-8)
    }
  })
  it("weightMode frequency gives SPSS frequency weights, and an unknown stratum column is a 4xx naming it", async () => {
    const frequency = await call(server.url, "POST", `/v1/datasets/${datasetId}/multiple-response`, {
      key,
      body: { ...body, weightMode: "frequency" }
    })
    expect(frequency.status).toBe(200)
    expect((frequency.json as any).design.mode).toBe("frequency")
    const bad = await call(server.url, "POST", `/v1/datasets/${datasetId}/multiple-response`, {
      key,
      body: { ...body, strata: "huyen" }
    })
    expect(bad.status).toBeGreaterThanOrEqual(400)
    expect(bad.status).toBeLessThan(500)
    expect(JSON.stringify(bad.json)).toContain("huyen")
  })
})
