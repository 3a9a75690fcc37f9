import { decodeCodebook, makeDataset } from "@danvan/domain"
import { writeSav } from "@danvan/io"
import * as Either from "effect/Either"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { rawRequest } from "./raw.js"
import { call, createKey, errorCode, type Running, startServer, tempDir, uploadDataset } from "./server.js"

// Regressions from the fuzzing run of issue 20 (each was a 500, a silent mistake or a leak before), and uploads of
// .sav/.xlsx files (issue 12, item 7).

const tmp = tempDir()
let server: Running
let key: string
let small: string

// 40 respondents: level (3 groups), trust (3 answers), an id that is unique per row, a blank column.
const rows = Array.from({ length: 40 }, (_, i) => `${(i % 3) + 1},${i % 5 === 0 ? 3 : (i % 2) + 1},${1000 + i},`)
const csv = `level,people_trust_limited,resp,blank\n${rows.join("\n")}\n`

beforeAll(async () => {
  server = await startServer(tmp.db, { DANVAN_MAX_CATEGORIES: "30", DANVAN_MIN_CELL: "5" })
  key = createKey(tmp.db, "hardening")
  small = await uploadDataset(server, key, csv, "name=small.csv")
}, 60_000)

afterAll(async () => {
  await server?.stop()
  tmp.cleanup()
})

const deep = (depth: number) => "[".repeat(depth) + "]".repeat(depth)

describe("deeply nested JSON bodies are a 400, never a 500", () => {
  const endpoints = () => [
    `/v1/datasets/${small}/crosstab`,
    `/v1/datasets/${small}/frequencies`,
    `/v1/datasets/${small}/multiple-response`,
    `/v1/datasets/${small}/likert`,
    `/v1/datasets/${small}/reports`,
    "/v1/tables/test",
    "/v1/codebooks"
  ]
  for (const depth of [2_500, 10_000]) {
    it(`${depth} levels deep`, async () => {
      const paths = endpoints()
      expect(paths).toHaveLength(7)
      for (const path of paths) {
        const r = await call(server.url, "POST", path, { key, body: deep(depth), contentType: "application/json" })
        expect([path, r.status, errorCode(r)]).toEqual([path, 400, "INVALID_JSON"])
        expect((r.json as { error: { message: string } }).error.message).toMatch(
          /nested too deeply: deeper than 64 levels/
        )
      }
    })
  }
  it("a deep value inside a valid body is refused the same way", async () => {
    const r = await call(server.url, "POST", `/v1/datasets/${small}/crosstab`, {
      key,
      body: `{"row": "level", "col": ${deep(100)}}`,
      contentType: "application/json"
    })
    expect(r.status).toBe(400)
  })
})

describe("prototype names in missing", () => {
  for (const name of ["__proto__", "constructor", "toString", "hasOwnProperty"]) {
    it(`{"missing": {"${name}": [9]}} is a 422 naming the unknown variable`, async () => {
      const r = await call(server.url, "POST", `/v1/datasets/${small}/crosstab`, {
        key,
        body: `{"row": "level", "col": "people_trust_limited", "missing": {"${name}": [9]}}`,
        contentType: "application/json"
      })
      expect(r.status).toBe(422)
      expect(errorCode(r)).toBe("UNKNOWN_VARIABLE")
      expect((r.json as { error: { message: string } }).error.message).toContain(`unknown variable "${name}"`)
    })
  }
  it("a report plan object with a __proto__ key is refused as an unknown property, not silently rebuilt", async () => {
    const r = await call(server.url, "POST", `/v1/datasets/${small}/reports`, {
      key,
      body: "{\"plan\": {\"__proto__\": {\"x\": 1}, \"id\": \"p\"}}",
      contentType: "application/json"
    })
    expect(r.status).toBe(400)
    expect(errorCode(r)).toBe("INVALID_PLAN")
    expect(r.text).toContain("__proto__")
  })
  it("a malformed missing entry names its JSON path", async () => {
    const r = await call(server.url, "POST", `/v1/datasets/${small}/crosstab`, {
      key,
      body: { row: "level", col: "people_trust_limited", missing: { level: ["x"] } }
    })
    expect(r.status).toBe(400)
    expect((r.json as { error: { details: { issues: Array<{ path: string }> } } }).error.details.issues[0]!.path).toBe(
      "$.missing.level[0]"
    )
  })
})

describe("input errors, not 500s", () => {
  it("a variable blank in every row is a 422 naming it", async () => {
    const r = await call(server.url, "POST", `/v1/datasets/${small}/crosstab`, {
      key,
      body: { row: "level", col: "blank" }
    })
    expect(r.status).toBe(422)
    expect(errorCode(r)).toBe("EMPTY_TABLE")
    expect((r.json as { error: { message: string } }).error.message).toMatch(/^variable "blank" has no valid values/)
  })
  it("a URL over 16 KB is a 431 in the error envelope", async () => {
    const reply = await rawRequest(server.url, `GET /v1/health?x=${"a".repeat(20_000)} HTTP/1.1`).reply
    expect(reply.status).toBe(431)
    expect((reply.json as { error: { code: string } }).error.code).toBe("HEADERS_TOO_LARGE")
  })
})

describe("no respondent rows through aggregates", () => {
  it("a mostly unique column is refused as a crosstab row, a frequency table, a group", async () => {
    for (
      const [path, body] of [
        ["crosstab", { row: "resp", col: "level" }],
        ["crosstab", { row: "level", col: "resp" }],
        ["frequencies", { variables: ["resp"] }],
        ["multiple-response", { group: "resp", items: ["people_trust_limited"] }],
        ["likert", { by: "resp", items: ["people_trust_limited"] }]
      ] as const
    ) {
      const r = await call(server.url, "POST", `/v1/datasets/${small}/${path}`, { key, body })
      expect([path, r.status, errorCode(r)]).toEqual([path, 422, "IDENTIFIER_LIKE"])
      expect((r.json as { error: { message: string } }).error.message).toMatch(
        /^variable "resp" cannot be a table dimension: it has more than 30 distinct values/
      )
    }
    // Under the category limit but mostly unique: 24 distinct values in 25 rows.
    const unique = Array.from({ length: 25 }, (_, i) => `${Math.min(i, 23) + 1},${(i % 2) + 1}`).join("\n")
    const id = await uploadDataset(server, key, `code,people_trust_limited\n${unique}\n`, "name=unique.csv")
    const r = await call(server.url, "POST", `/v1/datasets/${id}/crosstab`, {
      key,
      body: { row: "people_trust_limited", col: "code" }
    })
    expect(r.status).toBe(422)
    expect((r.json as { error: { message: string } }).error.message).toMatch(
      /^variable "code" cannot be a table dimension: 24 of its 25 valid values are distinct \(mostly unique\)/
    )
  })
  it("more distinct values than DANVAN_MAX_CATEGORIES are refused", async () => {
    const many = Array.from({ length: 200 }, (_, i) => `${(i % 40) + 1},${(i % 2) + 1}`).join("\n")
    const id = await uploadDataset(server, key, `district,people_trust_limited\n${many}\n`, "name=districts.csv")
    const r = await call(server.url, "POST", `/v1/datasets/${id}/crosstab`, {
      key,
      body: { row: "district", col: "people_trust_limited" }
    })
    expect(r.status).toBe(422)
    expect((r.json as { error: { message: string } }).error.message).toContain(
      "more than 30 distinct values (DANVAN_MAX_CATEGORIES)"
    )
  })
  it("a codebook role \"id\" is refused whatever its values", async () => {
    const codebook = {
      id: "with-id",
      title: { vi: "Có mã", en: "With id" },
      variables: [
        {
          name: "level",
          label: { vi: "Cấp", en: "Level" },
          kind: "single",
          values: [1, 2, 3].map((code) => ({ code, label: { vi: `C${code}`, en: `L${code}` } }))
        },
        {
          name: "people_trust_limited",
          label: { vi: "Tin", en: "Trust" },
          kind: "single",
          values: [1, 2, 3].map((code) => ({ code, label: { vi: `T${code}`, en: `T${code}` } }))
        },
        {
          name: "team",
          label: { vi: "Tổ", en: "Team" },
          kind: "single",
          role: "id",
          values: [1, 2].map((code) => ({ code, label: { vi: `T${code}`, en: `T${code}` } }))
        }
      ]
    }
    expect((await call(server.url, "POST", "/v1/codebooks", { key, body: codebook })).status).toBe(201)
    const data = `level,people_trust_limited,team\n${
      Array.from({ length: 12 }, (_, i) => `${(i % 3) + 1},${(i % 2) + 1},${(i % 2) + 1}`).join("\n")
    }\n`
    const id = await uploadDataset(server, key, data, "codebook=with-id&name=team.csv")
    const r = await call(server.url, "POST", `/v1/datasets/${id}/crosstab`, {
      key,
      body: { row: "team", col: "level" }
    })
    expect(r.status).toBe(422)
    expect((r.json as { error: { message: string } }).error.message).toContain(
      "the codebook marks it as the respondent identifier (role \"id\")"
    )
  })
  it("DANVAN_MIN_CELL hides small counts (and the cells that would give them away) and says so", async () => {
    const r = await call(server.url, "POST", `/v1/datasets/${small}/crosstab`, {
      key,
      body: { row: "level", col: "people_trust_limited" }
    })
    expect(r.status).toBe(200)
    const result = r.json as {
      counts: Array<Array<number | null>>
      percents: { row: Array<Array<number | null>> }
      suppression: { minCell: number; cells: number }
    }
    expect(result.suppression.minCell).toBe(5)
    const shown = result.counts.flat().filter((c): c is number => c !== null)
    expect(shown.every((c) => c === 0 || c >= 5)).toBe(true)
    expect(result.counts.flat().filter((c) => c === null)).toHaveLength(result.suppression.cells)
    expect(result.suppression.cells).toBeGreaterThan(0)
    result.counts.forEach((row, i) =>
      row.forEach((c, j) => expect(c === null).toBe(result.percents.row[i]![j] === null))
    )
    const f = await call(server.url, "POST", `/v1/datasets/${small}/frequencies`, {
      key,
      body: { variables: ["level"] }
    })
    expect((f.json as Array<{ suppression: { minCell: number; cells: number } }>)[0]!.suppression).toEqual({
      minCell: 5,
      cells: 0
    })
  })
})

describe("uploads of .sav and .xlsx files (format from the content)", () => {
  it("a .sav keeps its dictionary as the dataset's codebook and its weight variable", async () => {
    const codebook = Either.getOrThrow(
      decodeCodebook({
        id: "weighted",
        title: { vi: "Có trọng số", en: "Weighted" },
        weightVariable: "trongso",
        variables: [
          {
            name: "level",
            label: { vi: "Cấp cán bộ", en: "Cadre level" },
            kind: "single",
            values: [1, 2].map((code) => ({ code, label: { vi: `Cấp ${code}`, en: `Level ${code}` } }))
          },
          {
            name: "kk1",
            label: { vi: "Khó khăn 1", en: "Difficulty 1" },
            kind: "single",
            values: [1, 2].map((code) => ({ code, label: { vi: `Mức ${code}`, en: `Point ${code}` } })),
            missing: { values: [9] }
          },
          { name: "trongso", label: { vi: "Trọng số", en: "Weight" }, kind: "numeric" }
        ]
      })
    )
    const n = 24
    const dataset = makeDataset([
      { name: "level", type: "codes", values: Int32Array.from({ length: n }, (_, i) => (i % 2) + 1) },
      {
        name: "kk1",
        type: "codes",
        values: Int32Array.from({ length: n }, (_, i) => (i % 7 === 0 ? 9 : i % 3 === 0 ? 2 : 1))
      },
      { name: "trongso", type: "numeric", values: Float64Array.from({ length: n }, (_, i) => 0.5 + (i % 4) * 0.25) }
    ])
    const sav = writeSav(dataset, codebook).bytes
    const upload = await call(server.url, "POST", "/v1/datasets?name=khao-sat.dat", {
      key,
      body: sav,
      contentType: "application/octet-stream"
    })
    expect(upload.status).toBe(201)
    const meta = upload.json as {
      id: string
      format: string
      codebook: string
      codebookFromFile: boolean
      weightVariable: string
      rows: number
      variables: Array<{ name: string; label?: { vi: string }; userMissing: number }>
    }
    expect(meta).toMatchObject({ format: "sav", codebookFromFile: true, weightVariable: "trongso", rows: n })
    expect(meta.variables.find((v) => v.name === "kk1")).toMatchObject({ label: { vi: "Khó khăn 1" }, userMissing: 4 })
    expect((await call(server.url, "GET", `/v1/datasets/${meta.id}`, { key })).json).toMatchObject({
      weightVariable: "trongso",
      codebookFromFile: true
    })
    // The file's codebook labels the analysis, and the user-missing 9 stays out.
    const r = await call(server.url, "POST", `/v1/datasets/${meta.id}/frequencies`, {
      key,
      body: { variables: ["kk1"], weight: "trongso" }
    })
    expect(r.status).toBe(200)
    const rowsOut = (r.json as Array<{ rows: Array<{ code: number; label: { vi: string }; missing: boolean }> }>)[0]!
      .rows
    expect(rowsOut.map((row) => [row.code, row.label.vi, row.missing])).toEqual([
      [1, "Mức 1", false],
      [2, "Mức 2", false],
      [9, "9", true]
    ])
  })
  it("a ZIP body is read as an .xlsx workbook whatever its name, and a broken one is a 422", async () => {
    const r = await call(server.url, "POST", "/v1/datasets?name=data.csv", {
      key,
      body: Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 1, 2, 3),
      contentType: "application/octet-stream"
    })
    expect(r.status).toBe(422)
    expect(errorCode(r)).toBe("INVALID_DATA")
    expect((r.json as { error: { message: string } }).error.message).toMatch(/data\.csv/)
  })
})
