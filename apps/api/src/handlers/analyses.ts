import { checkDimension } from "@danvan/analysis"
import type { Codebook, Dataset } from "@danvan/domain"
import { HttpApiBuilder } from "@effect/platform"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import { DanvanApi, Tenant } from "../api.js"
import { readJson } from "../body.js"
import { datasetCodebook } from "../codebooks.js"
import { Config } from "../config.js"
import { BadRequest, NotFound, Unprocessable } from "../errors.js"
import {
  CrosstabRequest,
  DescribeRequest,
  FrequenciesRequest,
  LikertRequest,
  MeansRequest,
  MultipleResponseRequest,
  ReportRequest,
  TableRequest
} from "../schemas.js"
import { Store } from "../store.js"
import type { AnalysisTask } from "../worker/protocol.js"
import { AnalysisWorkers } from "../workers.js"
import { reportTask } from "./report.js"
import { tableTask } from "./table.js"

/**
 * Runs an analysis task on a worker thread and answers with its response (or its 422, 503, 504).
 *
 * @example
 * return yield* runAnalysis({ kind: "tableTest", counts: [[1, 2], [3, 4]], options: {} })
 */
export const runAnalysis = (task: AnalysisTask) =>
  Effect.flatMap(
    Effect.all([AnalysisWorkers, Config]),
    ([workers, config]) => workers.run(config.minCell > 1 ? { ...task, minCell: config.minCell } : task)
  )

/** The tenant's dataset and the codebook it was checked against. */
const datasetOf = (id: string) =>
  Effect.gen(function*() {
    const tenant = yield* Tenant
    const dataset = yield* (yield* Store).loadDataset(tenant.name, id)
    if (Option.isNone(dataset)) return yield* Effect.fail(NotFound.of("dataset", id))
    const codebook = yield* datasetCodebook(tenant.name, id, dataset.value.codebookId)
    const meta = yield* (yield* Store).getDatasetMeta(tenant.name, id)
    return { dataset: dataset.value, codebook, name: meta._tag === "Some" ? meta.value.name : id }
  })

/**
 * Refuses identifier-like variables as table dimensions (422 `IDENTIFIER_LIKE`): a codebook `role: "id"`, a text
 * column, more distinct values than `DANVAN_MAX_CATEGORIES`, or mostly unique values. Aggregates must never
 * give respondent rows back.
 */
const checkDimensions = (dataset: Dataset, codebook: Codebook | undefined, names: ReadonlyArray<string>) =>
  Effect.gen(function*() {
    const { maxCategories } = yield* Config
    for (const name of names) {
      const checked = checkDimension(dataset, codebook, name, { maxCategories })
      if (Either.isLeft(checked)) {
        return yield* Effect.fail(Unprocessable.of(checked.left.code, checked.left.message, { variable: name }))
      }
    }
  })

const missingOption = (missing: Readonly<Record<string, ReadonlyArray<number>>> | undefined) =>
  missing !== undefined && Object.keys(missing).length > 0 ? { missing } : {}

interface DesignBody {
  readonly strata?: string | undefined
  readonly cluster?: string | undefined
  readonly fpc?: string | undefined
  readonly weightMode?: "sampling" | "frequency" | undefined
  readonly lonelyPsu?: "fail" | "remove" | "certainty" | "adjust" | "average" | undefined
}

/** The sampling design fields of a request as analysis options (absent ones left out). */
const designOptions = (body: DesignBody) => ({
  ...(body.strata !== undefined ? { strata: body.strata } : {}),
  ...(body.cluster !== undefined ? { cluster: body.cluster } : {}),
  ...(body.fpc !== undefined ? { fpc: body.fpc } : {}),
  ...(body.weightMode !== undefined ? { weightMode: body.weightMode } : {}),
  ...(body.lonelyPsu !== undefined ? { lonelyPsu: body.lonelyPsu } : {})
})

/**
 * `weight` and `noWeight` of a request (and its sampling design) as analysis options; weight and noWeight
 * together are a 400, as in the CLI.
 */
const weightOptions = (
  body: { readonly weight?: string | undefined; readonly noWeight?: boolean | undefined } & DesignBody
) =>
  body.weight !== undefined && body.noWeight === true
    ? Effect.fail(
      BadRequest.of("INVALID_BODY", `give weight ${body.weight} or noWeight, not both`, {
        issues: [{ path: "$.noWeight", message: "not with weight" }]
      })
    )
    : Effect.succeed({
      ...(body.weight !== undefined ? { weight: body.weight } : {}),
      ...(body.noWeight === true ? { noWeight: true } : {}),
      ...designOptions(body)
    })

const itemsOrSet = (body: { readonly items?: ReadonlyArray<string> | undefined; readonly set?: string | undefined }) =>
  (body.items === undefined) === (body.set === undefined)
    ? Effect.fail(
      BadRequest.of("INVALID_BODY", "give either items (column names) or set (a set of the dataset's codebook)", {
        issues: [{ path: "$", message: "exactly one of items, set" }]
      })
    )
    : Effect.void

/**
 * Frequencies, crosstab (layered too), multiple-response, Likert, means by group, describe, banner tables and
 * reports on a stored dataset: the CLI's JSON, from the same functions. The request is checked here; the analysis
 * itself runs on a worker thread (workers.ts), so a slow one does not hold up other requests.
 */
export const AnalysesLive = HttpApiBuilder.group(DanvanApi, "analyses", (handlers) =>
  handlers
    .handleRaw("frequencies", ({ request, path }) =>
      Effect.gen(function*() {
        const body = yield* readJson(request, FrequenciesRequest)
        const { dataset, codebook } = yield* datasetOf(path.id)
        yield* checkDimensions(dataset, codebook, body.variables)
        const options = {
          ...(body.weight !== undefined ? { weight: body.weight } : {}),
          ...designOptions(body),
          ...missingOption(body.missing)
        }
        return yield* runAnalysis({ kind: "frequencies", dataset, codebook, variables: body.variables, options })
      }))
    .handleRaw("crosstab", ({ request, path }) =>
      Effect.gen(function*() {
        const body = yield* readJson(request, CrosstabRequest)
        const weight = yield* weightOptions(body)
        if (body.correct !== undefined && body.layer === undefined) {
          return yield* Effect.fail(
            BadRequest.of("INVALID_BODY", "correct applies to a layered crosstab only", {
              issues: [{ path: "$.correct", message: "give layer too" }]
            })
          )
        }
        const { dataset, codebook } = yield* datasetOf(path.id)
        yield* checkDimensions(dataset, codebook, [
          body.row,
          body.col,
          ...(body.layer !== undefined ? [body.layer] : [])
        ])
        return yield* runAnalysis({
          kind: "crosstab",
          dataset,
          codebook,
          row: body.row,
          col: body.col,
          ...(body.layer !== undefined ? { layer: body.layer } : {}),
          options: {
            ...weight,
            ...missingOption(body.missing),
            ...(body.fisher !== undefined ? { fisher: body.fisher } : {}),
            ...(body.correct === true ? { correct: true } : {})
          }
        })
      }))
    .handleRaw("multipleResponse", ({ request, path }) =>
      Effect.gen(function*() {
        const body = yield* readJson(request, MultipleResponseRequest)
        yield* itemsOrSet(body)
        const weight = yield* weightOptions(body)
        if (body.method !== "bootstrap" && (body.resamples !== undefined || body.seed !== undefined)) {
          return yield* Effect.fail(
            BadRequest.of("INVALID_BODY", "resamples and seed apply to method bootstrap only", {
              issues: [{ path: "$.method", message: "must be \"bootstrap\" with resamples or seed" }]
            })
          )
        }
        const { dataset, codebook } = yield* datasetOf(path.id)
        yield* checkDimensions(dataset, codebook, [body.group])
        return yield* runAnalysis({
          kind: "multipleResponse",
          dataset,
          codebook,
          group: body.group,
          items: body.items !== undefined ? { items: body.items } : { set: body.set ?? "" },
          options: {
            // The analysis's own default method (rs2) applies when none is given, as in the CLI.
            ...(body.method !== undefined ? { method: body.method } : {}),
            ...(body.resamples !== undefined ? { B: body.resamples } : {}),
            ...(body.seed !== undefined ? { seed: body.seed } : {}),
            ...weight,
            ...missingOption(body.missing)
          }
        })
      }))
    .handleRaw("likert", ({ request, path }) =>
      Effect.gen(function*() {
        const body = yield* readJson(request, LikertRequest)
        yield* itemsOrSet(body)
        const weight = yield* weightOptions(body)
        const { dataset, codebook } = yield* datasetOf(path.id)
        yield* checkDimensions(dataset, codebook, [body.by, ...(body.items ?? [])])
        const which = body.items !== undefined ? { items: body.items } : { set: body.set ?? "" }
        return yield* runAnalysis({
          kind: "likert",
          dataset,
          codebook,
          which,
          by: body.by,
          options: { ...weight, ...missingOption(body.missing) }
        })
      }))
    .handleRaw("means", ({ request, path }) =>
      Effect.gen(function*() {
        const body = yield* readJson(request, MeansRequest)
        const weight = yield* weightOptions(body)
        const { dataset, codebook } = yield* datasetOf(path.id)
        yield* checkDimensions(dataset, codebook, [body.by])
        return yield* runAnalysis({
          kind: "means",
          dataset,
          codebook,
          variable: body.variable,
          by: body.by,
          options: { ...weight, ...missingOption(body.missing) }
        })
      }))
    .handleRaw("describe", ({ request, path }) =>
      Effect.gen(function*() {
        const body = yield* readJson(request, DescribeRequest)
        const weight = yield* weightOptions(body)
        const { dataset, codebook } = yield* datasetOf(path.id)
        return yield* runAnalysis({
          kind: "describe",
          dataset,
          codebook,
          variables: body.variables,
          options: { ...weight, ...missingOption(body.missing) }
        })
      }))
    .handleRaw("table", ({ request, path }) =>
      Effect.gen(function*() {
        const body = yield* readJson(request, TableRequest)
        const weight = yield* weightOptions(body)
        const { dataset, codebook, name } = yield* datasetOf(path.id)
        const options = { ...weight, ...missingOption(body.missing), nets: body.nets ?? [] }
        const task = yield* tableTask(dataset, codebook, name, body, options)
        yield* checkDimensions(dataset, codebook, [...body.rows, ...body.cols])
        return yield* runAnalysis(task)
      }))
    .handleRaw("report", ({ request, path }) =>
      Effect.gen(function*() {
        const body = yield* readJson(request, ReportRequest)
        const { dataset, codebook, name } = yield* datasetOf(path.id)
        return yield* runAnalysis(yield* reportTask(dataset, codebook, name, body))
      })))
