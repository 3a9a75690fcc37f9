import { readFileSync } from "node:fs"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { call, createKey, errorCode, EXAMPLE_CSV, type Running, startServer, tempDir, uploadDataset } from "./server.js"

// The Variable View's save: PUT /v1/datasets/{id}/codebook checks the edit against the stored columns, keeps it
// with the dataset, recomputes the variables summary, and the next analysis uses the new labels and missing codes.

const tmp = tempDir()
let server: Running
let key: string
let other: string
let id: string

interface VariableJson {
  name: string
  label: { vi: string; en: string }
  kind: string
  measure: string
  values?: Array<{ code: number; label: { vi: string; en: string } }>
  missing?: { values: Array<number>; ranges: Array<unknown> }
}
interface CodebookJson {
  id: string
  variables: Array<VariableJson>
}
const variable = (c: CodebookJson, name: string) => c.variables.find((v) => v.name === name)!
const getCodebook = async () => {
  const r = await call(server.url, "GET", `/v1/datasets/${id}/codebook`, { key })
  expect(r.status).toBe(200)
  return r.json as CodebookJson
}

beforeAll(async () => {
  server = await startServer(tmp.db)
  key = createKey(tmp.db, "district-7")
  other = createKey(tmp.db, "district-1")
  id = await uploadDataset(server, key, readFileSync(EXAMPLE_CSV), "codebook=hcmc-2024&name=survey.csv")
}, 60_000)

afterAll(async () => {
  await server?.stop()
  tmp.cleanup()
})

describe("PUT /v1/datasets/{id}/codebook", () => {
  it("gives the codebook the dataset was checked against, in its file form", async () => {
    const c = await getCodebook()
    expect(c.id).toBe("hcmc-2024")
    expect(variable(c, "level").label).toEqual({ vi: "Cấp cán bộ", en: "Cadre level" })
  })

  it("saves new labels and missing codes; the summary and a later analysis use them", async () => {
    const c = await getCodebook()
    const level = variable(c, "level")
    level.label = { vi: "Cấp công tác", en: "Level of work" }
    level.values = level.values!.map((v) => v.code === 1 ? { ...v, label: { vi: "Thành phố HCM", en: "HCMC" } } : v)
    level.missing = { values: [3, 9], ranges: [] }
    const put = await call(server.url, "PUT", `/v1/datasets/${id}/codebook`, { key, body: c })
    expect(put.status).toBe(200)
    const meta = put.json as { variables: Array<{ name: string; label?: unknown; valid: number; userMissing: number }> }
    const summary = meta.variables.find((v) => v.name === "level")!
    expect(summary.label).toEqual({ vi: "Cấp công tác", en: "Level of work" })
    const before = await call(server.url, "POST", `/v1/datasets/${id}/frequencies`, {
      key: other,
      body: { variables: ["level"] }
    })
    expect(before.status).toBe(404)
    const freq = await call(server.url, "POST", `/v1/datasets/${id}/frequencies`, {
      key,
      body: { variables: ["level"] }
    })
    expect(freq.status).toBe(200)
    const text = JSON.stringify(freq.json)
    expect(text).toContain("Level of work")
    expect(text).toContain("HCMC")
    // Code 3 (ward/commune) is now a missing code: as many user-missing cases as the summary counts.
    expect(summary.userMissing).toBeGreaterThan(0)
    const again = await call(server.url, "GET", `/v1/datasets/${id}`, { key })
    expect(again.json).toEqual(meta)
    expect(variable(await getCodebook(), "level").missing!.values).toEqual([3, 9])
  })

  it("refuses a codebook that leaves a stored code unlabelled (422 naming variable and value); nothing changes", async () => {
    const before = await getCodebook()
    const c = structuredClone(before)
    const level = variable(c, "level")
    level.values = level.values!.filter((v) => v.code !== 2)
    const put = await call(server.url, "PUT", `/v1/datasets/${id}/codebook`, { key, body: c })
    expect(put.status).toBe(422)
    expect(errorCode(put)).toBe("CODEBOOK_MISMATCH")
    const error = (put.json as { error: { message: string; details: { problems: Array<Record<string, unknown>> } } })
      .error
    expect(error.message).toContain("variable \"level\": code 2 is held by")
    expect(error.details.problems[0]).toMatchObject({ variable: "level", value: 2 })
    expect(await getCodebook()).toEqual(before)
  })

  it("refuses a numeric kind on a column of codes, an unknown column and a malformed codebook", async () => {
    const c = await getCodebook()
    variable(c, "level").kind = "numeric"
    const kind = await call(server.url, "PUT", `/v1/datasets/${id}/codebook`, { key, body: c })
    expect(kind.status).toBe(422)
    expect((kind.json as { error: { message: string } }).error.message).toContain(
      "\"level\" is stored as integer codes"
    )
    const extra = await getCodebook()
    extra.variables.push({ ...variable(extra, "level"), name: "levle" })
    const unknown = await call(server.url, "PUT", `/v1/datasets/${id}/codebook`, { key, body: extra })
    expect(unknown.status).toBe(422)
    expect((unknown.json as { error: { message: string } }).error.message).toContain("\"levle\" is not a column")
    const bad = await call(server.url, "PUT", `/v1/datasets/${id}/codebook`, { key, body: { id: "x", variables: [] } })
    expect(bad.status).toBe(400)
  })

  it("is 404 for another tenant and an unknown dataset", async () => {
    const c = await getCodebook()
    const theirs = await call(server.url, "PUT", `/v1/datasets/${id}/codebook`, { key: other, body: c })
    expect(theirs.status).toBe(404)
    const none = await call(server.url, "PUT", "/v1/datasets/nope/codebook", { key, body: c })
    expect(none.status).toBe(404)
  })

  it("a dataset uploaded without a codebook gets one read off its columns, and keeps an edited label", async () => {
    const plain = await uploadDataset(server, key, "q,w\n1,1.5\n2,2\n2,1\n", "name=Khảo sát 2024.csv")
    const got = await call(server.url, "GET", `/v1/datasets/${plain}/codebook`, { key })
    const c = got.json as CodebookJson
    expect(c.id).toBe("khao-sat-2024")
    expect(c.variables.map((v) => [v.name, v.kind])).toEqual([["q", "single"], ["w", "numeric"]])
    variable(c, "q").label = { vi: "Câu hỏi", en: "Question" }
    const put = await call(server.url, "PUT", `/v1/datasets/${plain}/codebook`, { key, body: c })
    expect(put.status).toBe(200)
    expect(put.json).toMatchObject({ codebook: "khao-sat-2024" })
    const freq = await call(server.url, "POST", `/v1/datasets/${plain}/frequencies`, {
      key,
      body: { variables: ["q"] }
    })
    expect(JSON.stringify(freq.json)).toContain("Question")
  })
})
