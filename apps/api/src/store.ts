import { createHash, randomBytes, randomUUID } from "node:crypto"
import { type Dataset, makeDataset } from "@danvan/domain"
import * as SqlClient from "@effect/sql/SqlClient"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import { columnBytes, columnFromBytes } from "./columns.js"
import type { DatasetMeta, DatasetSummary } from "./schemas.js"

/**
 * The SHA-256 hex digest under which an API key is stored (the key itself never is).
 *
 * @example
 * hashKey("dvk_example") // 64 hex digits
 */
export const hashKey = (key: string): string => createHash("sha256").update(key, "utf8").digest("hex")

interface DatasetRow {
  readonly id: string
  readonly name: string
  readonly codebook_id: string | null
  readonly row_count: number
  readonly column_count: number
  readonly meta: string
  readonly created_at: string
}

const summary = (r: DatasetRow): DatasetSummary => ({
  id: r.id,
  name: r.name,
  codebook: r.codebook_id,
  rows: r.row_count,
  createdAt: r.created_at
})

/** Decoded datasets kept in memory, so repeated analyses of one dataset do not re-read its columns. */
const CACHE_SIZE = 16

/**
 * Everything the API keeps: API keys, tenants' codebooks and datasets, all in the database (SQLite or PostgreSQL,
 * see db.ts; every statement here runs on both). SQL failures are defects (a broken database is not the user's
 * input): they become a 500 and a log line.
 */
export class Store extends Context.Tag("@danvan/api/Store")<Store, Effect.Effect.Success<typeof makeStore>>() {
  /** The store over the SqlClient in context. */
  static readonly layer = Layer.effect(Store, Effect.suspend(() => makeStore))
}

const makeStore = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const cache = new Map<string, { readonly tenant: string; readonly dataset: Dataset }>()
  const orDie = <A, E, R>(e: Effect.Effect<A, E, R>) => Effect.orDie(e)

  const createApiKey = (tenant: string) =>
    Effect.gen(function*() {
      const key = `dvk_${randomBytes(32).toString("base64url")}`
      const id = randomUUID()
      yield* sql`INSERT INTO api_keys (id, tenant, key_hash, created_at) VALUES (${id}, ${tenant}, ${hashKey(key)}, ${
        new Date().toISOString()
      })`
      return { id, tenant, key }
    }).pipe(orDie)

  const tenantOfKey = (key: string) =>
    sql<{ tenant: string }>`SELECT tenant FROM api_keys WHERE key_hash = ${hashKey(key)}`.pipe(
      Effect.map((rows) => Option.map(Option.fromNullable(rows[0]), (r) => r.tenant)),
      orDie
    )

  const listCodebooks = (tenant: string) =>
    sql<{ id: string; body: string }>`SELECT id, body FROM codebooks WHERE tenant = ${tenant} ORDER BY id`.pipe(orDie)

  const getCodebook = (tenant: string, id: string) =>
    sql<{ body: string }>`SELECT body FROM codebooks WHERE tenant = ${tenant} AND id = ${id}`.pipe(
      Effect.map((rows) => Option.map(Option.fromNullable(rows[0]), (r) => r.body)),
      orDie
    )

  /** Inserts a codebook; false when the tenant has one with that id already. */
  const insertCodebook = (tenant: string, id: string, body: string) =>
    sql<{ id: string }>`INSERT INTO codebooks (tenant, id, body, created_at) VALUES (${tenant}, ${id}, ${body}, ${
      new Date().toISOString()
    })
      ON CONFLICT (tenant, id) DO NOTHING RETURNING id`.pipe(
      Effect.map((rows) => rows.length === 1),
      orDie
    )

  /**
   * Stores a dataset's metadata and every column in ONE transaction: it is there whole or not at all.
   * `fileCodebook` is the codebook the file brought (a .sav's dictionary, file-form JSON), kept with the dataset.
   */
  const insertDataset = (tenant: string, meta: DatasetMeta, dataset: Pick<Dataset, "columns">, fileCodebook?: string) =>
    Effect.gen(function*() {
      yield* sql`INSERT INTO datasets (id, tenant, name, codebook_id, row_count, column_count, meta, created_at, codebook_body)
        VALUES (${meta.id}, ${tenant}, ${meta.name}, ${meta.codebook}, ${meta.rows}, ${dataset.columns.length}, ${
        JSON.stringify(meta)
      }, ${meta.createdAt}, ${fileCodebook ?? null})`
      for (const [position, column] of dataset.columns.entries()) {
        yield* sql`INSERT INTO dataset_columns (dataset_id, position, name, type, data)
          VALUES (${meta.id}, ${position}, ${column.name}, ${column.type}, ${columnBytes(column)})`
      }
    }).pipe(sql.withTransaction, orDie)

  const listDatasets = (tenant: string) =>
    sql<DatasetRow>`SELECT * FROM datasets WHERE tenant = ${tenant} ORDER BY created_at, id`.pipe(
      Effect.map((rows) => rows.map(summary)),
      orDie
    )

  const datasetRow = (tenant: string, id: string) =>
    sql<DatasetRow>`SELECT * FROM datasets WHERE tenant = ${tenant} AND id = ${id}`.pipe(
      Effect.map((rows) => Option.fromNullable(rows[0])),
      orDie
    )

  const getDatasetMeta = (tenant: string, id: string) =>
    Effect.map(datasetRow(tenant, id), Option.map((r) => JSON.parse(r.meta) as DatasetMeta))

  /** The codebook a dataset's file brought (file-form JSON), if any. */
  const getDatasetCodebook = (tenant: string, id: string) =>
    sql<{ codebook_body: string | null }>`SELECT codebook_body FROM datasets WHERE tenant = ${tenant} AND id = ${id}`
      .pipe(
        Effect.map((rows) => Option.fromNullable(rows[0]?.codebook_body)),
        orDie
      )

  /**
   * The dataset's columns, from memory or from the database. Its row is read every time: another API instance on
   * the same PostgreSQL may have deleted it since it was cached.
   */
  const loadDataset = (tenant: string, id: string) =>
    Effect.gen(function*() {
      const row = yield* datasetRow(tenant, id)
      if (Option.isNone(row)) {
        cache.delete(id)
        return Option.none<Dataset>()
      }
      const cached = cache.get(id)
      if (cached !== undefined && cached.tenant === tenant) return Option.some(cached.dataset)
      const cols = yield* sql<
        { name: string; type: string; data: Uint8Array }
      >`SELECT name, type, data FROM dataset_columns
        WHERE dataset_id = ${id} ORDER BY position`
      if (cols.length !== row.value.column_count) {
        return yield* Effect.die(new Error(`dataset ${id}: ${cols.length} of ${row.value.column_count} columns stored`))
      }
      const dataset = makeDataset(
        cols.map((c) => columnFromBytes(c.name, c.type, c.data)),
        row.value.codebook_id ?? undefined
      )
      if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string)
      cache.set(id, { tenant, dataset })
      return Option.some(dataset)
    }).pipe(orDie)

  /**
   * Replaces a dataset's codebook (file-form JSON) and metadata with what `change` makes of the stored dataset,
   * in ONE transaction: `change` may fail (nothing is written); none when the tenant has no such dataset.
   */
  const updateDatasetCodebook = <E, R>(
    tenant: string,
    id: string,
    change: (dataset: Dataset, meta: DatasetMeta) => Effect.Effect<{ meta: DatasetMeta; body: string }, E, R>
  ) =>
    Effect.gen(function*() {
      const meta = yield* getDatasetMeta(tenant, id)
      const dataset = yield* loadDataset(tenant, id)
      if (Option.isNone(meta) || Option.isNone(dataset)) return Option.none<DatasetMeta>()
      const next = yield* change(dataset.value, meta.value)
      yield* sql`UPDATE datasets SET meta = ${JSON.stringify(next.meta)}, codebook_id = ${next.meta.codebook},
        codebook_body = ${next.body} WHERE tenant = ${tenant} AND id = ${id}`.pipe(orDie)
      cache.delete(id)
      return Option.some(next.meta)
    }).pipe(sql.withTransaction, Effect.catchTag("SqlError", Effect.die))

  /** Deletes a dataset; false when the tenant has none with that id. */
  const deleteDataset = (tenant: string, id: string) =>
    Effect.gen(function*() {
      const gone = yield* sql<{ id: string }>`DELETE FROM datasets WHERE tenant = ${tenant} AND id = ${id} RETURNING id`
      if (gone.length === 0) return false
      yield* sql`DELETE FROM dataset_columns WHERE dataset_id = ${id}`
      cache.delete(id)
      return true
    }).pipe(sql.withTransaction, orDie)

  const ping = sql<{ ok: number }>`SELECT 1 AS ok`.pipe(Effect.as(true), Effect.orElseSucceed(() => false))

  return {
    createApiKey,
    tenantOfKey,
    listCodebooks,
    getCodebook,
    insertCodebook,
    insertDataset,
    listDatasets,
    getDatasetMeta,
    getDatasetCodebook,
    loadDataset,
    updateDatasetCodebook,
    deleteDataset,
    ping
  }
})
