import { copyFileSync, readFileSync } from "node:fs"
import { join } from "node:path"
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

const TOP2 = { variable: "people_trust_limited", name: "Top 2", codes: [1, 2] }

interface SuppressedBanner {
  stub: Array<{ base: Array<number>; rows: Array<{ kind: string; cells: Array<{ count: number | null }> }> }>
  missingByCode: Array<{ count: number }>
  suppression: { k: number; hidden: number }
}

/** Per data row of a rendered Markdown banner table (count, column-% and mean rows): which data cells show [c]. */
const markdownHidden = (md: string): Array<Array<boolean>> =>
  md.split("\n").filter((l) => l.startsWith("|")).flatMap((l) => {
    const cells = l.split("|").slice(1, -1).map((c) => c.trim())
    if (cells[1] !== "Count" && cells[1] !== "Column %" && cells[0] !== "Mean") return []
    // label, row kind, Total, then each category followed by its letters column
    return [[cells[2], ...cells.slice(3).filter((_, j) => j % 2 === 0)].map((c) => c === "\\[c\\]")]
  })

/** How many [c] the text form shows: a count and a column % per hidden cell, a mean once. */
const textMarks = (json: SuppressedBanner) =>
  json.stub.flatMap((st) => st.rows).reduce(
    (n, row) => n + row.cells.filter((c) => c.count === null).length * (row.kind === "mean" ? 1 : 2),
    0
  )

/** The JSON's hidden cells in the Markdown's row order: a count and a column-% row per row, one per mean row. */
const expectSameHidden = (json: SuppressedBanner, marked: ReadonlyArray<ReadonlyArray<boolean>>) => {
  const rows = json.stub.flatMap((st) =>
    st.rows.flatMap((row) => {
      const flags = row.cells.map((c) => c.count === null)
      return row.kind === "mean" ? [flags] : [flags, flags]
    })
  )
  expect(rows.length).toBeGreaterThan(0)
  expect(rows).toEqual(marked)
  const hidden = json.stub.flatMap((st) => st.rows.flatMap((row) => row.cells)).filter((c) => c.count === null)
  expect(hidden.length).toBeGreaterThan(0)
  expect(json.suppression.hidden).toBe(hidden.length)
}

/** No number under a "count" or "base" key anywhere in the JSON is below k. */
const expectNoCountBelow = (json: unknown, k: number) => {
  const counts: Array<number> = []
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk)
    if (typeof node !== "object" || node === null) return
    for (const [key, v] of Object.entries(node)) {
      if (key === "count" && typeof v === "number") counts.push(v)
      if (key === "base" && Array.isArray(v)) counts.push(...(v as Array<number>))
      walk(v)
    }
  }
  walk(json)
  expect(counts.length).toBeGreaterThan(0)
  expect(counts.filter((c) => c < k)).toEqual([])
}

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

  it("text and Markdown equal `danvan table --format text|md`; html and xlsx come with their types", async () => {
    copyFileSync(EXAMPLE_CSV, join(tmp.dir, "hcmc.csv"))
    const body = { rows: ["people_trust_limited", "purpose"], cols: ["level"], nets: [TOP2] }
    const args = [
      "--rows",
      "people_trust_limited,purpose",
      "--cols",
      "level",
      "--net",
      "people_trust_limited:Top 2=1,2"
    ]
    const cliIn = (more: ReadonlyArray<string>) => {
      const r = cli(["table", "--data", "hcmc.csv", "--codebook", "hcmc-2024", ...args, ...more], {}, tmp.dir)
      expect(r.stderr).toBe("")
      expect(r.code).toBe(0)
      return r.stdout
    }
    const text = await post({ ...body, format: "text", lang: "vi" })
    expect(text.status).toBe(200)
    expect(text.headers.get("content-type")).toContain("text/plain")
    expect(text.text).toContain("Top 2")
    expect(text.text).toBe(cliIn(["--format", "text", "--lang", "vi"]))
    const md = await post({ ...body, format: "md", lang: "vi", decimal: "point" })
    expect(md.status).toBe(200)
    expect(md.headers.get("content-type")).toContain("text/markdown")
    cliIn(["--format", "md", "--lang", "vi", "--decimal", "point", "--out", "t.md"])
    const written = readFileSync(join(tmp.dir, "t.md"), "utf8")
    expect(written).toContain("hcmc.csv")
    expect(md.text).toBe(written)
    const html = await post({ ...body, format: "html", suppressBelow: 5 })
    expect(html.status).toBe(200)
    expect(html.headers.get("content-type")).toContain("text/html")
    const xlsx = await fetch(`${server.url}/v1/datasets/${datasetId}/table`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify({ ...body, format: "xlsx" }),
      signal: AbortSignal.timeout(30_000)
    })
    expect(xlsx.status).toBe(200)
    expect(xlsx.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    const bytes = new Uint8Array(await xlsx.arrayBuffer())
    expect(String.fromCharCode(bytes[0], bytes[1])).toBe("PK")
  }, 60_000)

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
      [{ rows: ["people_trust_limited"], cols: ["level"], missing: { level: ["x"] } }, "$.missing.level[0]"],
      [{ rows: ["people_trust_limited"], cols: ["level"], format: "html", suppressBelow: 0 }, "$.suppressBelow"],
      [{ rows: ["people_trust_limited"], cols: ["level"], format: "sav" }, "$.format"]
    ]
    expect(cases).toHaveLength(10)
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
    min = await startServer(tmpMin.db, { DANVAN_MIN_CELL: "30" })
    minKey = createKey(tmpMin.db, "district-7")
    const upload = await call(min.url, "POST", "/v1/datasets?codebook=hcmc-2024&name=hcmc.csv", {
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

  it("the table's JSON and text hide the Markdown's [c] cells; Markdown as the CLI's --suppress-below", async () => {
    const table = { rows: ["people_trust_limited"], cols: ["level", "qualifications_limited"] }
    const md = await call(min.url, "POST", `/v1/datasets/${minId}/table`, {
      key: minKey,
      body: { ...table, format: "md" }
    })
    expect(md.status).toBe(200)
    const marked = markdownHidden(md.text)
    for (const format of [undefined, "json"]) {
      const r = await call(min.url, "POST", `/v1/datasets/${minId}/table`, { key: minKey, body: { ...table, format } })
      expect(r.status).toBe(200)
      const json = r.json as SuppressedBanner
      expect(json.suppression.k).toBe(30)
      expectSameHidden(json, marked)
      expectNoCountBelow(json, 30)
      // what the CLI prints for the same file with --suppress-below 30
      expect(json).toEqual(
        cliJson(["--rows", table.rows.join(","), "--cols", table.cols.join(","), "--suppress-below", "30"])
      )
    }
    const text = await call(min.url, "POST", `/v1/datasets/${minId}/table`, {
      key: minKey,
      body: { ...table, format: "text" }
    })
    expect(text.status).toBe(200)
    // without DANVAN_MIN_CELL, suppressBelow 30 hides the same cells; the text's [c] are those and the note's "([c])"
    const hidden = (await post({ ...table, suppressBelow: 30 })).json as SuppressedBanner
    expectSameHidden(hidden, marked)
    expect(text.text.match(/\[c\]/g)?.length).toBe(textMarks(hidden) + 1)
    expect(text.text).toContain("counts below 30 are hidden")
    copyFileSync(EXAMPLE_CSV, join(tmpMin.dir, "hcmc.csv"))
    const args = ["--rows", "people_trust_limited", "--cols", "level,qualifications_limited", "--format", "md"]
    for (const [suppressBelow, floor] of [[undefined, 30], [2, 30], [200, 200]] as const) {
      const md = await call(min.url, "POST", `/v1/datasets/${minId}/table`, {
        key: minKey,
        body: { ...table, format: "md", ...(suppressBelow !== undefined ? { suppressBelow } : {}) }
      })
      expect(md.status).toBe(200)
      const c = cli(
        [
          "table",
          "--data",
          "hcmc.csv",
          "--codebook",
          "hcmc-2024",
          ...args,
          "--suppress-below",
          `${floor}`,
          "--out",
          "t.md"
        ],
        {},
        tmpMin.dir
      )
      expect(c.code, c.stderr).toBe(0)
      const expected = readFileSync(join(tmpMin.dir, "t.md"), "utf8")
      // counts of 21 to 24 (and the cells that would give them away) hidden under 30; most under 200
      expect(expected).toContain("\\[c\\]")
      expect(md.text).toBe(expected)
    }
    const plan = { id: "banner", title: { vi: "Bảng", en: "Table" }, sections: [{ kind: "table", id: "t1", ...table }] }
    const report = await call(min.url, "POST", `/v1/datasets/${minId}/reports`, {
      key: minKey,
      body: { plan, format: "json" }
    })
    expect(report.status).toBe(200)
    const doc = report.json as { document: { suppression?: { k: number } }; results?: unknown }
    expect(doc.document.suppression?.k).toBe(30)
    expect(doc.results).toBeUndefined()
  })
})
