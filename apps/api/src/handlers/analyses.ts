import { crosstab, frequencies, likert, multipleResponse, multipleResponseSet, type AnalysisError } from "@danvan/analysis"
import { HttpApiBuilder } from "@effect/platform"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import { DanvanApi, Tenant } from "../api.js"
import { readJson } from "../body.js"
import { resolveCodebook } from "../codebooks.js"
import { BadRequest, NotFound, Unprocessable } from "../errors.js"
import { CrosstabRequest, FrequenciesRequest, LikertRequest, MultipleResponseRequest, ReportRequest } from "../schemas.js"
import { Store } from "../store.js"
import { renderReport } from "./report.js"

/**
 * An analysis that cannot be run on this dataset (an unknown variable or set, a constant group, a bad weight):
 * 422, with the analysis's own code and message, which name the variable or set.
 *
 * @example
 * Either.mapLeft(result, unprocessable)
 */
export const unprocessable = (e: AnalysisError): Unprocessable => Unprocessable.of(e.code, e.message)

const fromEither = <A>(result: Either.Either<A, AnalysisError>) => Effect.mapError(result, unprocessable)

/** The tenant's dataset and the codebook it was checked against. */
const datasetOf = (id: string) =>
  Effect.gen(function* () {
    const tenant = yield* Tenant
    const dataset = yield* (yield* Store).loadDataset(tenant.name, id)
    if (Option.isNone(dataset)) return yield* Effect.fail(NotFound.of("dataset", id))
    const codebookId = dataset.value.codebookId
    const codebook = codebookId !== undefined ? yield* resolveCodebook(tenant.name, codebookId) : undefined
    const meta = yield* (yield* Store).getDatasetMeta(tenant.name, id)
    return { dataset: dataset.value, codebook, name: meta._tag === "Some" ? meta.value.name : id }
  })

const missingOption = (missing: Readonly<Record<string, ReadonlyArray<number>>> | undefined) =>
  missing !== undefined && Object.keys(missing).length > 0 ? { missing } : {}

const itemsOrSet = (body: { readonly items?: ReadonlyArray<string> | undefined; readonly set?: string | undefined }) =>
  (body.items === undefined) === (body.set === undefined)
    ? Effect.fail(BadRequest.of("INVALID_BODY", "give either items (column names) or set (a set of the dataset's codebook)", { issues: [{ path: "$", message: "exactly one of items, set" }] }))
    : Effect.void

/** Frequencies, crosstab, multiple-response and Likert on a stored dataset: the CLI's JSON, from the same functions. */
export const AnalysesLive = HttpApiBuilder.group(DanvanApi, "analyses", (handlers) =>
  handlers
    .handleRaw("frequencies", ({ request, path }) =>
      Effect.gen(function* () {
        const body = yield* readJson(request, FrequenciesRequest)
        const { dataset, codebook } = yield* datasetOf(path.id)
        const options = { ...(body.weight !== undefined ? { weight: body.weight } : {}), ...missingOption(body.missing) }
        return yield* Effect.forEach(body.variables, (name) => fromEither(frequencies(dataset, codebook, name, options)))
      })
    )
    .handleRaw("crosstab", ({ request, path }) =>
      Effect.gen(function* () {
        const body = yield* readJson(request, CrosstabRequest)
        const { dataset, codebook } = yield* datasetOf(path.id)
        return yield* fromEither(
          crosstab(dataset, codebook, body.row, body.col, {
            ...(body.weight !== undefined ? { weight: body.weight } : {}),
            ...missingOption(body.missing),
            ...(body.fisher !== undefined ? { fisher: body.fisher } : {})
          })
        )
      })
    )
    .handleRaw("multipleResponse", ({ request, path }) =>
      Effect.gen(function* () {
        const body = yield* readJson(request, MultipleResponseRequest)
        yield* itemsOrSet(body)
        if (body.method !== "bootstrap" && (body.resamples !== undefined || body.seed !== undefined)) {
          return yield* Effect.fail(BadRequest.of("INVALID_BODY", "resamples and seed apply to method bootstrap only", { issues: [{ path: "$.method", message: "must be \"bootstrap\" with resamples or seed" }] }))
        }
        const { dataset, codebook } = yield* datasetOf(path.id)
        const items = body.items ?? (yield* fromEither(multipleResponseSet(codebook, body.set ?? ""))).items
        return yield* fromEither(
          multipleResponse(dataset, codebook, body.group, items, {
            // The analysis's own default method (rs2) applies when none is given, as in the CLI.
            ...(body.method !== undefined ? { method: body.method } : {}),
            ...(body.resamples !== undefined ? { B: body.resamples } : {}),
            ...(body.seed !== undefined ? { seed: body.seed } : {}),
            ...missingOption(body.missing)
          })
        )
      })
    )
    .handleRaw("likert", ({ request, path }) =>
      Effect.gen(function* () {
        const body = yield* readJson(request, LikertRequest)
        yield* itemsOrSet(body)
        const { dataset, codebook } = yield* datasetOf(path.id)
        const which = body.items !== undefined ? { items: body.items } : { set: body.set ?? "" }
        return yield* fromEither(likert(dataset, codebook, which, body.by, missingOption(body.missing)))
      })
    )
    .handleRaw("report", ({ request, path }) =>
      Effect.gen(function* () {
        const body = yield* readJson(request, ReportRequest)
        const { dataset, codebook, name } = yield* datasetOf(path.id)
        return yield* renderReport(dataset, codebook, name, body)
      })
    )
)
