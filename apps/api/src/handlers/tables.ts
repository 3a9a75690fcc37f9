import { HttpApiBuilder } from "@effect/platform"
import * as Effect from "effect/Effect"
import { DanvanApi, Tenant } from "../api.js"
import { readJson } from "../body.js"
import { resolveCodebook } from "../codebooks.js"
import { BadRequest } from "../errors.js"
import { TableTestRequest } from "../schemas.js"
import { runAnalysis } from "./analyses.js"

const bad = (path: string, message: string) =>
  BadRequest.of("INVALID_BODY", `${path}: ${message}`, { issues: [{ path, message }] })

/** Tests of a typed counts matrix, stateless (the CLI's `crosstab --counts`), run on a worker thread. */
export const TablesLive = HttpApiBuilder.group(
  DanvanApi,
  "tables",
  (handlers) =>
    handlers.handleRaw("test", ({ request }) =>
      Effect.gen(function*() {
        const body = yield* readJson(request, TableTestRequest)
        // The same pairing rules as the CLI: row and col label the table with a codebook's variables.
        if ((body.row === undefined) !== (body.col === undefined)) {
          return yield* Effect.fail(bad("$", "give both row and col, or neither"))
        }
        if (body.row !== undefined && body.codebook === undefined) {
          return yield* Effect.fail(bad("$.codebook", "row and col name codebook variables: add codebook"))
        }
        if (body.row === undefined && body.codebook !== undefined) {
          return yield* Effect.fail(bad("$.row", "codebook labels the table only together with row and col"))
        }
        const tenant = yield* Tenant
        const codebook = body.codebook !== undefined ? yield* resolveCodebook(tenant.name, body.codebook) : undefined
        return yield* runAnalysis({
          kind: "tableTest",
          counts: body.counts,
          options: {
            ...(codebook !== undefined ? { codebook } : {}),
            ...(body.row !== undefined ? { row: body.row } : {}),
            ...(body.col !== undefined ? { col: body.col } : {}),
            ...(body.fisher !== undefined ? { fisher: body.fisher } : {})
          }
        })
      }))
)
