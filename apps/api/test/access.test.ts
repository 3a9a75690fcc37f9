import { readFileSync } from "node:fs"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { sqlOf } from "./postgres.js"
import { call, createKey, errorCode, EXAMPLE_CSV, type Running, startServer, tempDir, uploadDataset } from "./server.js"

// Access: bearer keys, tenants that cannot see each other's objects, aggregates only.

const tmp = tempDir()
let server: Running
let alice: string
let bob: string
let datasetId: string

beforeAll(async () => {
  server = await startServer(tmp.db)
  alice = createKey(tmp.db, "alice-ward")
  bob = createKey(tmp.db, "bob-district")
  datasetId = await uploadDataset(server, alice, readFileSync(EXAMPLE_CSV))
  const codebook = await call(server.url, "GET", "/v1/codebooks/hcmc-2024", { key: alice })
  const created = await call(server.url, "POST", "/v1/codebooks", {
    key: alice,
    body: { ...(codebook.json as object), id: "alice-only" }
  })
  expect(created.status).toBe(201)
}, 60_000)

afterAll(async () => {
  await server?.stop()
  tmp.cleanup()
})

describe("API keys", () => {
  it("an absent key is a 401 in the error envelope", async () => {
    for (
      const [method, path] of [["GET", "/v1/datasets"], ["GET", "/v1/codebooks"], [
        "POST",
        `/v1/datasets/${datasetId}/crosstab`
      ], ["POST", "/v1/tables/test"]] as const
    ) {
      const r = await call(server.url, method, path, method === "POST" ? { body: { row: "level", col: "level" } } : {})
      expect(r.status).toBe(401)
      expect(errorCode(r)).toBe("UNAUTHORIZED")
    }
  })

  it("a bad key, a malformed header or a key of another scheme is a 401", async () => {
    for (
      const authorization of ["Bearer dvk_not-a-key", "Bearer ", "Basic YWxpY2U6c2VjcmV0", `Bearer ${alice}x`, alice]
    ) {
      const r = await call(server.url, "GET", "/v1/datasets", { headers: { authorization } })
      expect(r.status).toBe(401)
      expect(errorCode(r)).toBe("UNAUTHORIZED")
    }
  })

  it("health, readiness, OpenAPI and docs need no key", async () => {
    expect((await call(server.url, "GET", "/v1/health")).json).toEqual({ status: "ok" })
    expect((await call(server.url, "GET", "/v1/ready")).json).toMatchObject({ status: "ready" })
    expect((await call(server.url, "GET", "/openapi.json")).status).toBe(200)
    expect((await call(server.url, "GET", "/docs")).status).toBe(200)
  })

  it("stores only the key's SHA-256", async () => {
    if (tmp.db.startsWith("postgres://")) {
      // The same on PostgreSQL (vitest.pg.config.ts): the rows, and no column of api_keys holding the key.
      const { createHash } = await import("node:crypto")
      expect(sqlOf(tmp.db, "SELECT tenant || ' ' || key_hash FROM api_keys ORDER BY tenant").split("\n")).toEqual([
        `alice-ward ${createHash("sha256").update(alice).digest("hex")}`,
        `bob-district ${createHash("sha256").update(bob).digest("hex")}`
      ])
      const holding = `SELECT count(*) FROM api_keys WHERE strpos(api_keys::text, '${alice}') > 0`
      expect(sqlOf(tmp.db, holding)).toBe("0")
      return
    }
    const { default: Database } = await import("better-sqlite3")
    const db = new Database(tmp.db, { readonly: true })
    try {
      const rows = db.prepare("SELECT tenant, key_hash FROM api_keys ORDER BY tenant").all() as Array<
        { tenant: string; key_hash: string }
      >
      expect(rows.map((r) => r.tenant)).toEqual(["alice-ward", "bob-district"])
      const { createHash } = await import("node:crypto")
      expect(rows[0].key_hash).toBe(createHash("sha256").update(alice).digest("hex"))
      expect(readFileSync(tmp.db).includes(Buffer.from(alice))).toBe(false)
    } finally {
      db.close()
    }
  })
})

describe("tenant isolation", () => {
  it("another tenant gets 404 for a dataset, its metadata, analyses and delete", async () => {
    for (
      const [method, path, body] of [
        ["GET", `/v1/datasets/${datasetId}`, undefined],
        ["DELETE", `/v1/datasets/${datasetId}`, undefined],
        ["POST", `/v1/datasets/${datasetId}/crosstab`, { row: "level", col: "people_trust_limited" }],
        ["POST", `/v1/datasets/${datasetId}/frequencies`, { variables: ["level"] }],
        ["POST", `/v1/datasets/${datasetId}/multiple-response`, { group: "level", set: "purpose" }],
        ["POST", `/v1/datasets/${datasetId}/likert`, { by: "level", set: "difficulty" }],
        ["POST", `/v1/datasets/${datasetId}/means`, { variable: "people_trust_limited", by: "level" }],
        ["POST", `/v1/datasets/${datasetId}/describe`, { variables: ["people_trust_limited"] }]
      ] as const
    ) {
      const r = await call(server.url, method, path, { key: bob, ...(body !== undefined ? { body } : {}) })
      expect(r.status, `${method} ${path}`).toBe(404)
      expect(errorCode(r)).toBe("NOT_FOUND")
    }
    // ... and the owner still has it.
    expect((await call(server.url, "GET", `/v1/datasets/${datasetId}`, { key: alice })).status).toBe(200)
  })

  it("another tenant does not list the dataset or the codebook, and gets 404 for the codebook", async () => {
    expect((await call(server.url, "GET", "/v1/datasets", { key: bob })).json).toEqual({ datasets: [] })
    const codebooks = (await call(server.url, "GET", "/v1/codebooks", { key: bob })).json as {
      codebooks: Array<{ id: string }>
    }
    expect(codebooks.codebooks.map((c) => c.id)).toEqual(["hcmc-2024"])
    expect((await call(server.url, "GET", "/v1/codebooks/alice-only", { key: bob })).status).toBe(404)
    const upload = await call(server.url, "POST", "/v1/datasets?codebook=alice-only", {
      key: bob,
      body: readFileSync(EXAMPLE_CSV)
    })
    expect(upload.status).toBe(404)
    const table = await call(server.url, "POST", "/v1/tables/test", {
      key: bob,
      body: { counts: [[1, 2], [3, 4]], codebook: "alice-only", row: "level", col: "sex" }
    })
    expect(table.status).toBe(404)
  })

  it("two tenants may each have a codebook with the same id", async () => {
    const codebook = await call(server.url, "GET", "/v1/codebooks/alice-only", { key: alice })
    const created = await call(server.url, "POST", "/v1/codebooks", { key: bob, body: codebook.json })
    expect(created.status).toBe(201)
  })
})

describe("aggregates only", () => {
  it("no response carries respondent-level values", async () => {
    const meta = await call(server.url, "GET", `/v1/datasets/${datasetId}`, { key: alice })
    // The synthetic file's id column holds 1..N: the metadata has counts per column, never a column's values.
    const variables = (meta.json as { variables: Array<Record<string, unknown>> }).variables
    for (const v of variables) {
      expect(Object.keys(v).sort()).toEqual(
        expect.arrayContaining(["name", "systemMissing", "type", "userMissing", "valid"])
      )
    }
    for (const v of variables) {
      expect(
        Object.keys(v).every((k) => ["name", "type", "label", "valid", "systemMissing", "userMissing"].includes(k))
      ).toBe(true)
    }
  })
})
