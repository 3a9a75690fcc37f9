import { readFileSync } from "node:fs"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { call, createKey, errorCode, EXAMPLE_CSV, type Running, startServer, tempDir, uploadDataset } from "./server.js"

// A failed upload leaves no partial dataset in SQLite either (test/postgres.test.ts checks PostgreSQL): a trigger
// makes the fourth column's INSERT fail inside the upload's transaction, after the dataset row and three columns.

const tmp = tempDir()
let server: Running
let key: string
const csv = readFileSync(EXAMPLE_CSV)
const columnsOfCsv = readFileSync(EXAMPLE_CSV, "utf8").split(/\r?\n/)[0]!.split(",").length

const withDb = async <A>(f: (db: import("better-sqlite3").Database) => A): Promise<A> => {
  const { default: Database } = await import("better-sqlite3")
  const db = new Database(tmp.db)
  db.pragma("busy_timeout = 5000")
  try {
    return f(db)
  } finally {
    db.close()
  }
}
const count = (table: string) =>
  withDb((db) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n)

beforeAll(async () => {
  server = await startServer(tmp.db)
  key = createKey(tmp.db, "t")
}, 60_000)

afterAll(async () => {
  await server?.stop()
  tmp.cleanup()
})

describe("a failed upload on SQLite", () => {
  it("leaves no partial dataset: the dataset row and the columns stored before the failure are rolled back", async () => {
    expect(tmp.db.endsWith(".sqlite")).toBe(true)
    await withDb((db) =>
      db.exec(`CREATE TRIGGER fail_after_three BEFORE INSERT ON dataset_columns WHEN NEW.position >= 3
        BEGIN SELECT RAISE(ABORT, 'injected failure'); END`)
    )
    const r = await call(server.url, "POST", "/v1/datasets?codebook=hcmc-2024", { key, body: csv })
    expect(r.status).toBe(500)
    expect(errorCode(r)).toBeDefined()
    expect(await count("datasets")).toBe(0)
    expect(await count("dataset_columns")).toBe(0)
    expect((await call(server.url, "GET", "/v1/datasets", { key })).json).toEqual({ datasets: [] })
    // Without the fault the same upload is stored whole.
    await withDb((db) => db.exec("DROP TRIGGER fail_after_three"))
    const id = await uploadDataset(server, key, csv)
    expect(await count("dataset_columns")).toBe(columnsOfCsv)
    expect((await call(server.url, "GET", "/v1/datasets", { key })).json).toMatchObject({ datasets: [{ id }] })
  })
})
