import { randomUUID } from "node:crypto"
import { HttpApiBuilder } from "@effect/platform"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import { DanvanApi, Tenant } from "../api.js"
import { readBody } from "../body.js"
import { getDatasetCodebookJson, putDatasetCodebook } from "../codebookEdit.js"
import { resolveCodebook } from "../codebooks.js"
import { Config } from "../config.js"
import { NotFound } from "../errors.js"
import { logEvent } from "../log.js"
import { prepareDataset } from "../prepare.js"
import type { DatasetMeta } from "../schemas.js"
import { Store } from "../store.js"
import { AnalysisWorkers } from "../workers.js"

/**
 * Upload (read on a worker, validated all-or-nothing, stored in one transaction), list, metadata, delete. The
 * file's format comes from its content (CSV, SPSS .sav/.zsav, .xlsx); a .sav uploaded without a codebook keeps
 * its own dictionary, and with it its weight variable.
 */
export const DatasetsLive = HttpApiBuilder.group(DanvanApi, "datasets", (handlers) =>
  handlers
    .handleRaw("upload", ({ request, urlParams }) =>
      Effect.gen(function*() {
        const tenant = yield* Tenant
        const config = yield* Config
        const store = yield* Store
        const codebook = urlParams.codebook !== undefined
          ? yield* resolveCodebook(tenant.name, urlParams.codebook)
          : undefined
        const body = yield* readBody(request)
        const parsed = yield* (yield* AnalysisWorkers).parse({
          kind: "parseUpload",
          body,
          contentType: request.headers["content-type"] ?? "",
          name: urlParams.name,
          codebook,
          weight: urlParams.weight,
          maxRows: config.maxRows,
          maxColumns: config.maxColumns
        })
        const fromFile = parsed.fileCodebook !== undefined
        const meta: DatasetMeta = {
          id: randomUUID(),
          name: parsed.name,
          codebook: codebook?.id ?? parsed.fileCodebook?.id ?? null,
          rows: parsed.rows,
          createdAt: new Date().toISOString(),
          variables: parsed.variables,
          warnings: parsed.warnings,
          format: parsed.format,
          ...(fromFile ? { codebookFromFile: true } : {}),
          weightVariable: parsed.weightVariable ?? null
        }
        logEvent("info", "dataset.store", {
          dataset: meta.id,
          tenant: tenant.name,
          rows: meta.rows,
          columns: parsed.columns.length,
          format: parsed.format
        })
        yield* store.insertDataset(
          tenant.name,
          meta,
          parsed,
          fromFile ? JSON.stringify(parsed.fileCodebook) : undefined
        )
        return meta
      }))
    .handle("list", () =>
      Effect.gen(function*() {
        const tenant = yield* Tenant
        return { datasets: yield* (yield* Store).listDatasets(tenant.name) }
      }))
    .handle("get", ({ path }) =>
      Effect.gen(function*() {
        const tenant = yield* Tenant
        const meta = yield* (yield* Store).getDatasetMeta(tenant.name, path.id)
        if (Option.isNone(meta)) return yield* Effect.fail(NotFound.of("dataset", path.id))
        return meta.value
      }))
    .handle(
      "getCodebook",
      ({ path }) => Effect.flatMap(Tenant, (tenant) => getDatasetCodebookJson(tenant.name, path.id))
    )
    .handleRaw("putCodebook", ({ path, request }) =>
      Effect.gen(function*() {
        const tenant = yield* Tenant
        const body = new TextDecoder().decode(yield* readBody(request))
        return yield* putDatasetCodebook(tenant.name, path.id, body)
      }))
    .handle("prepare", ({ path, payload }) =>
      Effect.flatMap(Tenant, (tenant) => prepareDataset(tenant.name, path.id, payload)))
    .handle("delete", ({ path }) =>
      Effect.gen(function*() {
        const tenant = yield* Tenant
        if (!(yield* (yield* Store).deleteDataset(tenant.name, path.id))) {
          return yield* Effect.fail(NotFound.of("dataset", path.id))
        }
      })))
