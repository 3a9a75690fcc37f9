import { describeDataset } from "@danvan/analysis"
import { readCsv } from "@danvan/io"
import { HttpApiBuilder } from "@effect/platform"
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

/**
 * The CSV file of a multipart form: its `file` part (or its only file part). The body is read under the size
 * limit first, then parsed with the platform's Fetch `Request.formData()`, so a truncated or malformed form is a
 * 400 and never a request left waiting.
 */
const multipartFile = (bytes: Uint8Array, contentType: string) =>
  Effect.gen(function* () {
    const form = yield* Effect.tryPromise({
      try: () => new Request("http://localhost/", { method: "POST", headers: { "content-type": contentType }, body: bytes }).formData(),
      catch: (e) => BadRequest.of("INVALID_MULTIPART", `the multipart form could not be read: ${e instanceof Error ? e.message : String(e)}`)
    })
    type Part = { readonly name: string; arrayBuffer(): Promise<ArrayBuffer> }
    const files = [...form.entries()].filter((entry) => typeof entry[1] !== "string") as unknown as Array<[string, Part]>
    const chosen = files.find(([field]) => field === "file") ?? (files.length === 1 ? files[0] : undefined)
    if (chosen === undefined) return yield* Effect.fail(BadRequest.of("MISSING_FILE", 'the multipart form has no file part named "file"'))
    const content = new Uint8Array(yield* Effect.promise(() => chosen[1].arrayBuffer()))
    return { bytes: content, fileName: chosen[1].name === "" ? undefined : chosen[1].name }
  })

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
        const body = yield* readBody(request)
        const upload = contentType.startsWith("multipart/form-data") ? yield* multipartFile(body, contentType) : { bytes: body, fileName: undefined }
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
