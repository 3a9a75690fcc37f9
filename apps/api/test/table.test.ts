import { readFileSync } from "node:fs"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { call, cli, createKey, errorCode, EXAMPLE_CSV, type Running, startServer, tempDir } from "./server.js"

// Issue 15: banner tables through the API. `POST /v1/datasets/{id}/table` answers what `danvan table --format json`
// prints for the same file, codebook and options; bad requests are 4xx with the CLI's own messages.

const tmp = tempDir()
let server: Running
let key: string
let datasetId: string

const cliTable = (args: ReadonlyArray<string>) =>
  cli(["table", "--data", EXAMPLE_CSV, "--codebook", "hcmc-2024", "--format", "json", ...args])

const cliJson = (args: ReadonlyArray<string>): unknown => {
  const r = cliTable(args)
  expect(r.stderr).toBe("")
  expect(r.code).toBe(0)
  return JSON.parse(r.stdout)
}

/** The CLI's one-line error for the same request (exit 1). */
const cliError = (args: ReadonlyArray<string>): string => {
  const r = cliTable(args)
  expect(r.code).toBe(1)
  return r.stderr
}

const post = (body: unknown, options: { key?: string; id?: string } = {}) =>
  call(server.url, "POST", `/v1/datasets/${options.id ?? datasetId}/table`, { key: options.key ?? key, body })

const message = (reply: { json: unknown }) => (reply.json as { error: { message: string } }).error.message
const paths = (reply: { json: unknown }) =>
  (reply.json as { error: { details: { issues: Array<{ path: string }> } } }).error.details.issues.map((i) => i.path)

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

interface Banner {
  kind: string
  banner: Array<{ name: string; categories: Array<{ letter: string }> }>
  stub: Array<{ name: string; kind: string; rows: Array<{ kind: string; cells: Array<{ letters: string }> }> }>
  weighted: boolean
  missingByCode: Array<unknown>
}

describe("POST /v1/datasets/{id}/table", () => {
  it("equals `danvan table --format json`: a scored stub with a net and its mean row, an MR set, two banners", async () => {
    const body = {
      rows: ["people_trust_limited", "purpose"],
      cols: ["level", "qualifications_limited"],
      nets: [{ variable: "people_trust_limited", name: "Top 2", codes: [1, 2] }]
    }
    const api = await post(body)
    expect(api.status).toBe(200)
    expect(api.headers.get("content-type")).toContain("application/json")
    const expected = cliJson([
      "--rows",
      "people_trust_limited,purpose",
      "--cols",
      "level,qualifications_limited",
      "--net",
      "people_trust_limited:Top 2=1,2"
    ]) as Banner
    expect(expected.kind).toBe("banner")
    expect(expected.banner.map((b) => b.categories.length)).toEqual([3, 3])
    expect(expected.stub.map((s) => s.kind)).toEqual(["variable", "multiple-response"])
    // three categories, the net and the mean-score row; the purpose set has 5 items
    expect(expected.stub[0].rows.map((r) => r.kind)).toEqual(["category", "category", "category", "net", "mean"])
    expect(expected.stub[1].rows).toHaveLength(5)
    expect(expected.stub.flatMap((s) => s.rows.flatMap((r) => r.cells.map((c) => c.letters))).join("")).not.toBe("")
    expect(api.json).toEqual(expected)
  })

  it("missing codes and an unweighted table equal the CLI's --missing and --no-weight", async () => {
    const api = await post({
      rows: ["qualifications_limited"],
      cols: ["level"],
      missing: { qualifications_limited: [3] },
      noWeight: true
    })
    expect(api.status).toBe(200)
    const expected = cliJson([
      "--rows",
      "qualifications_limited",
      "--cols",
      "level",
      "--missing",
      "qualifications_limited=3",
      "--no-weight"
    ]) as Banner
    expect(expected.weighted).toBe(false)
    expect(expected.missingByCode).toContainEqual(
      expect.objectContaining({ variable: "qualifications_limited", code: 3 })
    )
    expect(api.json).toEqual(expected)
  })

  it("an unknown variable, a bad net code, a net off the stub or on a set are 422s with the CLI's messages", async () => {
    const cases: Array<[unknown, ReadonlyArray<string>, string]> = [
      [{ rows: ["q9"], cols: ["level"] }, ["--rows", "q9", "--cols", "level"], "UNKNOWN_VARIABLE"],
      [
        { rows: ["people_trust_limited"], cols: ["q9"] },
        ["--rows", "people_trust_limited", "--cols", "q9"],
        "UNKNOWN_VARIABLE"
      ],
      [
        {
          rows: ["people_trust_limited"],
          cols: ["level"],
          nets: [{ variable: "people_trust_limited", name: "X", codes: [7] }]
        },
        ["--rows", "people_trust_limited", "--cols", "level", "--net", "people_trust_limited:X=7"],
        "BAD_OPTION"
      ],
      [
        { rows: ["people_trust_limited"], cols: ["level"], nets: [{ variable: "level", name: "X", codes: [1] }] },
        ["--rows", "people_trust_limited", "--cols", "level", "--net", "level:X=1"],
        "BAD_OPTION"
      ],
      [
        { rows: ["purpose"], cols: ["level"], nets: [{ variable: "purpose", name: "X", codes: [1] }] },
        ["--rows", "purpose", "--cols", "level", "--net", "purpose:X=1"],
        "BAD_OPTION"
      ],
      [
        { rows: ["people_trust_limited"], cols: ["level"], weight: "nope" },
        ["--rows", "people_trust_limited", "--cols", "level", "--weight", "nope"],
        "UNKNOWN_VARIABLE"
      ],
      [
        { rows: ["people_trust_limited"], cols: ["level"], missing: { nope: [9] } },
        ["--rows", "people_trust_limited", "--cols", "level", "--missing", "nope=9"],
        "UNKNOWN_VARIABLE"
      ]
    ]
    expect(cases).toHaveLength(7)
    for (const [body, args, code] of cases) {
      const api = await post(body)
      expect(api.status, JSON.stringify(body)).toBe(422)
      expect(errorCode(api), JSON.stringify(body)).toBe(code)
      expect(cliError(args)).toBe(`danvan: error: ${message(api)}\n`)
    }
  })

  it("the respondent id is refused as a dimension (422 IDENTIFIER_LIKE naming it)", async () => {
    const r = await post({ rows: ["id"], cols: ["level"] })
    expect(r.status).toBe(422)
    expect(errorCode(r)).toBe("IDENTIFIER_LIKE")
    expect(message(r)).toContain("\"id\"")
  })

  it("malformed bodies are 400s with JSON paths, never 500", async () => {
    const cases: Array<[unknown, string]> = [
      [{ rows: [], cols: ["level"] }, "$.rows"],
      [{ cols: ["level"] }, "$.rows"],
      [{ rows: ["people_trust_limited"], cols: [""] }, "$.cols[0]"],
      [{
        rows: ["people_trust_limited"],
        cols: ["level"],
        nets: [{ variable: "people_trust_limited", name: "X", codes: [1.5] }]
      }, "$.nets[0].codes[0]"],
      [{
        rows: ["people_trust_limited"],
        cols: ["level"],
        nets: [{ variable: "people_trust_limited", name: "X", codes: [] }]
      }, "$.nets[0].codes"],
      [{ rows: ["people_trust_limited"], cols: ["level"], nets: ["people_trust_limited:X=1,2"] }, "$.nets[0]"],
      [{ rows: ["people_trust_limited"], cols: ["level"], weight: "w", noWeight: true }, "$.noWeight"],
      [{ rows: ["people_trust_limited"], cols: ["level"], missing: { level: ["x"] } }, "$.missing.level[0]"]
    ]
    expect(cases).toHaveLength(8)
    for (const [body, path] of cases) {
      const r = await post(body)
      expect(r.status, JSON.stringify(body)).toBe(400)
      expect(paths(r), JSON.stringify(body)).toContain(path)
    }
    const notJson = await call(server.url, "POST", `/v1/datasets/${datasetId}/table`, {
      key,
      body: "{rows:",
      contentType: "application/json"
    })
    expect(notJson.status).toBe(400)
    expect(errorCode(notJson)).toBe("INVALID_JSON")
  })

  it("needs a key; another tenant's dataset and an unknown one are 404s", async () => {
    const body = { rows: ["people_trust_limited"], cols: ["level"] }
    const anonymous = await call(server.url, "POST", `/v1/datasets/${datasetId}/table`, { body })
    expect(anonymous.status).toBe(401)
    expect(errorCode(anonymous)).toBe("UNAUTHORIZED")
    const wrongKey = await post(body, { key: "dvk_not-a-key" })
    expect(wrongKey.status).toBe(401)
    const other = await post(body, { key: createKey(tmp.db, "district-1") })
    expect(other.status).toBe(404)
    expect(errorCode(other)).toBe("NOT_FOUND")
    const unknown = await post(body, { id: "no-such-dataset" })
    expect(unknown.status).toBe(404)
  })

  it("a report plan with a table section renders through /reports, its result equal to the table endpoint's", async () => {
    const table = {
      rows: ["people_trust_limited"],
      cols: ["level"],
      nets: [{ variable: "people_trust_limited", name: "Top 2", codes: [1, 2] }]
    }
    const plan = { id: "banner", title: { vi: "Bảng", en: "Table" }, sections: [{ kind: "table", id: "t1", ...table }] }
    const report = await call(server.url, "POST", `/v1/datasets/${datasetId}/reports`, {
      key,
      body: { plan, format: "json", lang: "vi" }
    })
    expect(report.status).toBe(200)
    const doc = report.json as { kind: string; results: { sections: Array<{ result: unknown }> } }
    expect(doc.kind).toBe("report")
    expect(doc.results.sections).toHaveLength(1)
    expect(doc.results.sections[0].result).toEqual((await post(table)).json)
    const html = await call(server.url, "POST", `/v1/datasets/${datasetId}/reports`, {
      key,
      body: { plan, format: "html" }
    })
    expect(html.status).toBe(200)
    expect(html.text).toContain("Top 2")
  })
})

describe("under DANVAN_MIN_CELL", () => {
  const tmpMin = tempDir()
  let min: Running
  let minKey: string
  let minId: string

  beforeAll(async () => {
    min = await startServer(tmpMin.db, { DANVAN_MIN_CELL: "5" })
    minKey = createKey(tmpMin.db, "district-7")
    const upload = await call(min.url, "POST", "/v1/datasets?codebook=hcmc-2024", {
      key: minKey,
      body: readFileSync(EXAMPLE_CSV)
    })
    expect(upload.status).toBe(201)
    minId = (upload.json as { id: string }).id
  }, 60_000)

  afterAll(async () => {
    await min?.stop()
    tmpMin.cleanup()
  })

  it("the table's JSON (every count) is refused with a 422 pointing at a report, which hides small cells", async () => {
    const table = { rows: ["people_trust_limited"], cols: ["level", "qualifications_limited"] }
    const r = await call(min.url, "POST", `/v1/datasets/${minId}/table`, { key: minKey, body: table })
    expect(r.status).toBe(422)
    expect(errorCode(r)).toBe("SUPPRESSION_REQUIRES_REPORT")
    expect(message(r)).toContain("DANVAN_MIN_CELL")
    expect(message(r)).toContain("/reports")
    const plan = { id: "banner", title: { vi: "Bảng", en: "Table" }, sections: [{ kind: "table", id: "t1", ...table }] }
    const report = await call(min.url, "POST", `/v1/datasets/${minId}/reports`, {
      key: minKey,
      body: { plan, format: "json" }
    })
    expect(report.status).toBe(200)
    const doc = report.json as { document: { suppression?: { k: number } }; results?: unknown }
    expect(doc.document.suppression?.k).toBe(5)
    expect(doc.results).toBeUndefined()
  })
})
