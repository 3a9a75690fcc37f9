import fc from "fast-check"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { call, createKey, errorCode, type Running, startServer, tempDir, uploadDataset } from "./server.js"

// Property-based bad requests: whatever the body, content type, path id or query, the server answers with a
// status below 500 and, for an error, the envelope {error: {code, message, details}}. A fixed seed and a fixed
// number of runs (no time limit that would count as a pass); `node scripts/fuzz.mjs` runs many more with
// FUZZ_SEED and FUZZ_SCALE.

const SEED = Number(process.env["FUZZ_SEED"] ?? 20)
const SCALE = Number(process.env["FUZZ_SCALE"] ?? 1)
const runs = (n: number) => ({ seed: SEED, numRuns: Math.max(1, Math.round(n * SCALE)), endOnFailure: true })

const tmp = tempDir()
let server: Running
let key: string
let datasetId: string

beforeAll(async () => {
  server = await startServer(tmp.db, { DANVAN_MAX_BODY_MB: "1" })
  key = createKey(tmp.db, "fuzz")
  datasetId = await uploadDataset(
    server,
    key,
    "level,purpose_1,purpose_2,people_trust_limited\n1,1,0,1\n2,0,1,2\n3,1,1,3\n1,0,0,2\n2,1,0,1\n3,0,1,2\n"
  )
}, 60_000)

afterAll(async () => {
  await server?.stop()
  tmp.cleanup()
})

const endpoints = (id: string) =>
  [
    ["POST", "/v1/codebooks"],
    ["POST", "/v1/datasets?codebook=hcmc-2024"],
    ["POST", `/v1/datasets/${id}/frequencies`],
    ["POST", `/v1/datasets/${id}/crosstab`],
    ["POST", `/v1/datasets/${id}/multiple-response`],
    ["POST", `/v1/datasets/${id}/likert`],
    ["POST", `/v1/datasets/${id}/means`],
    ["POST", `/v1/datasets/${id}/describe`],
    ["POST", `/v1/datasets/${id}/reports`],
    ["POST", "/v1/tables/test"]
  ] as const

const contentTypes = fc.constantFrom(
  "application/json",
  "text/csv",
  "application/octet-stream",
  "multipart/form-data; boundary=x",
  "application/x-www-form-urlencoded",
  "text/plain; charset=utf-8"
)

const names = fc.oneof(
  fc.constantFrom(
    "level",
    "purpose_1",
    "purpose_2",
    "people_trust_limited",
    "purpose",
    "difficulty",
    "hcmc-2024",
    "",
    "__proto__",
    "constructor",
    "toString",
    "hasOwnProperty"
  ),
  fc.string({ maxLength: 12 })
)
const values = fc.oneof(
  names,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(names, { maxLength: 3 }),
  fc.array(fc.array(fc.oneof(fc.integer({ min: -5, max: 50 }), fc.double()), { maxLength: 4 }), { maxLength: 4 }),
  fc.dictionary(names, fc.array(fc.integer(), { maxLength: 3 }), { maxKeys: 2 })
)
const fields = fc.constantFrom(
  "row",
  "col",
  "variables",
  "group",
  "items",
  "set",
  "by",
  "method",
  "resamples",
  "seed",
  "missing",
  "weight",
  "counts",
  "codebook",
  "fisher",
  "id",
  "title",
  "plan",
  "format",
  "lang",
  "decimal",
  "suppressBelow",
  "sections"
)
/** Bodies near the valid ones: the right field names with wrong or odd values, and stray fields. */
const nearlyValid = fc.dictionary(fields, values, { maxKeys: 5 }).map((o) => JSON.stringify(o))
/** Bracket towers, alone or as a field's value: the error formatter overflowed on them before issue 20. */
const deep = fc.tuple(fc.integer({ min: 50, max: 12_000 }), fc.constantFrom("[", "{\"a\":"), fields).map(
  ([depth, open, field]) => {
    const tower = open.repeat(depth) + (open === "[" ? "" : "1") + (open === "[" ? "]" : "}").repeat(depth)
    return depth % 2 === 0 ? tower : `{"${field}": ${tower}}`
  }
)
const anything = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 200 }),
  fc.uint8Array({ maxLength: 300 }),
  deep
)

const assertNo5xx = async (method: string, path: string, body: string | Uint8Array, contentType: string) => {
  const r = await call(server.url, method, path, { key, body, contentType })
  expect(r.status, `${method} ${path} ${contentType} ${String(body).slice(0, 200)} -> ${r.text.slice(0, 300)}`)
    .toBeLessThan(500)
  if (r.status >= 400) expect(errorCode(r), r.text).toBeDefined()
}

describe("bad requests never give a 5xx", () => {
  it("arbitrary bodies and content types on every endpoint with a body", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...endpoints(datasetId)),
        anything,
        contentTypes,
        async ([method, path], body, contentType) => {
          await assertNo5xx(method, path, body, contentType)
        }
      ),
      runs(100)
    )
  }, 90_000 * Math.max(1, SCALE))

  it("bodies with the right field names and wrong values", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...endpoints(datasetId)), nearlyValid, async ([method, path], body) => {
        await assertNo5xx(method, path, body, "application/json")
      }),
      runs(100)
    )
  }, 90_000 * Math.max(1, SCALE))

  it("odd ids and query strings", async () => {
    const segment = fc.string({ maxLength: 40 }).map((s) => encodeURIComponent(s))
    await fc.assert(
      fc.asyncProperty(segment, segment, fc.constantFrom("GET", "DELETE", "POST"), async (id, query, method) => {
        const path = method === "POST" ? `/v1/datasets?codebook=${query}&name=${id}` : `/v1/datasets/${id}?${query}`
        const r = await call(server.url, method, path, { key, ...(method === "POST" ? { body: "level\n1\n" } : {}) })
        expect(r.status, `${method} ${path} -> ${r.text.slice(0, 300)}`).toBeLessThan(500)
        if (r.status >= 400) expect(errorCode(r), r.text).toBeDefined()
      }),
      runs(100)
    )
  }, 90_000 * Math.max(1, SCALE))
})
