import { describeDataset } from "@danvan/analysis"
import { readCsv } from "@danvan/io"
import { FileSystem, HttpApiBuilder, Multipart, type HttpServerRequest } from "@effect/platform"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import { randomUUID } from "node:crypto"
import { DanvanApi, Tenant } from "../api.js"
import { readBody } from "../body.js"
import { resolveCodebook } from "../codebooks.js"
import { Config } from "../config.js"
import { BadRequest, NotFound, PayloadTooLarge, Unprocessable } from "../errors.js"
import { logEvent } from "../log.js"
import type { DatasetMeta } from "../schemas.js"
import { Store } from "../store.js"

/** The CSV file of a multipart form: its `file` part (the only file part is accepted under any name). */
const multipartFile = (request: HttpServerRequest.HttpServerRequest, limit: number) =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    const parts = yield* Multipart.withLimits(request.multipart, { maxFileSize: Option.some(FileSystem.Size(limit)), maxTotalSize: Option.some(FileSystem.Size(limit)) })
    const files = Object.entries(parts).flatMap(([field, value]) =>
      (typeof value === "string" ? [] : Array.from(value as ReadonlyArray<unknown>)).filter(Multipart.isPersistedFile).map((file) => ({ field, file }))
    )
    const chosen = files.find((f) => f.field === "file") ?? (files.length === 1 ? files[0] : undefined)
    if (chosen === undefined) return yield* Effect.fail(BadRequest.of("MISSING_FILE", "the multipart form has no file part named \"file\""))
    const bytes = yield* Effect.orDie(fs.readFile(chosen.file.path))
    return { bytes, fileName: chosen.file.name }
  }).pipe(
    Effect.catchTag("MultipartError", (e): Effect.Effect<never, PayloadTooLarge | BadRequest> =>
      e.reason === "FileTooLarge" || e.reason === "BodyTooLarge" || e.reason === "FieldTooLarge"
        ? Effect.fail(PayloadTooLarge.of("BODY_TOO_LARGE", `the upload is larger than the limit of ${limit} bytes (DANVAN_MAX_BODY_MB)`, { limitBytes: limit }))
        : Effect.fail(BadRequest.of("INVALID_MULTIPART", `the multipart form could not be read: ${e.reason}`))
    ),
    Effect.scoped
  )

/** Upload (validated all-or-nothing, stored in one transaction), list, metadata, delete. */
export const DatasetsLive = HttpApiBuilder.group(DanvanApi, "datasets", (handlers) =>
  handlers
    .handleRaw("upload", ({ request, urlParams }) =>
      Effect.gen(function* () {
        const tenant = yield* Tenant
        const config = yield* Config
        const store = yield* Store
        const contentType = (request.headers["content-type"] ?? "").toLowerCase()
        const codebook = urlParams.codebook !== undefined ? yield* resolveCodebook(tenant.name, urlParams.codebook) : undefined
        const upload = contentType.startsWith("multipart/form-data")
          ? yield* multipartFile(request, config.maxBodyBytes)
          : { bytes: yield* readBody(request), fileName: undefined }
        const name = urlParams.name ?? upload.fileName ?? "upload.csv"
        const read = readCsv(upload.bytes, {
          fileName: name,
          ...(codebook !== undefined ? { codebook } : {}),
          ...(urlParams.weight !== undefined ? { numericColumns: [urlParams.weight] } : {})
        })
        if (Either.isLeft(read)) {
          const e = read.left
          return yield* Effect.fail(Unprocessable.of("INVALID_DATA", e.message, { file: e.file, problems: e.problems, totalProblems: e.totalProblems }))
        }
        const { dataset, warnings } = read.right
        if (dataset.rowCount > config.maxRows) {
          return yield* Effect.fail(
            PayloadTooLarge.of("TOO_MANY_ROWS", `the file has ${dataset.rowCount} data rows; the limit is ${config.maxRows} (DANVAN_MAX_ROWS)`, { rows: dataset.rowCount, limit: config.maxRows })
          )
        }
        const meta: DatasetMeta = {
          id: randomUUID(),
          name,
          codebook: codebook?.id ?? null,
          rows: dataset.rowCount,
          createdAt: new Date().toISOString(),
          variables: describeDataset(dataset, codebook),
          warnings: warnings.map((w) => ({ code: w.code, message: w.message }))
        }
        logEvent("info", "dataset.store", { dataset: meta.id, tenant: tenant.name, rows: meta.rows, columns: dataset.columns.length })
        yield* store.insertDataset(tenant.name, meta, dataset)
        return meta
      })
    )
    .handle("list", () =>
      Effect.gen(function* () {
        const tenant = yield* Tenant
        return { datasets: yield* (yield* Store).listDatasets(tenant.name) }
      })
    )
    .handle("get", ({ path }) =>
      Effect.gen(function* () {
        const tenant = yield* Tenant
        const meta = yield* (yield* Store).getDatasetMeta(tenant.name, path.id)
        if (Option.isNone(meta)) return yield* Effect.fail(NotFound.of("dataset", path.id))
        return meta.value
      })
    )
    .handle("delete", ({ path }) =>
      Effect.gen(function* () {
        const tenant = yield* Tenant
        if (!(yield* (yield* Store).deleteDataset(tenant.name, path.id))) return yield* Effect.fail(NotFound.of("dataset", path.id))
      })
    )
)
