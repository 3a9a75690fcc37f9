import { describeDataset } from "@danvan/analysis"
import {
  type Codebook,
  codebookFromDataset,
  type CodebookJson,
  codebookMismatches,
  codebookToJson,
  type Dataset,
  decodeCodebook,
  parseJsonText,
  plainLabel
} from "@danvan/domain"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import { datasetCodebook, forgetDatasetCodebook } from "./codebooks.js"
import { BadRequest, NotFound, Unprocessable } from "./errors.js"
import type { DatasetMeta } from "./schemas.js"
import { Store } from "./store.js"

/** A codebook id made from a dataset's name ("Khảo sát 2024.csv" -> "khao-sat-2024"), for a codebook read off it. */
const idOfName = (name: string): string => {
  const slug = name.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/gi, "d").toLowerCase()
    .replace(/\.[a-z0-9]+$/, "").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "")
  return slug === "" ? "dataset" : slug
}

/** The dataset's codebook now: its own or the one it was checked against, else one read off its columns. */
const currentCodebook = (tenant: string, id: string, dataset: Dataset, name: string) =>
  Effect.map(
    datasetCodebook(tenant, id, dataset.codebookId),
    (c): { readonly codebook: Codebook; readonly described: boolean } =>
      c !== undefined
        ? { codebook: c, described: true }
        : { codebook: codebookFromDataset(dataset, { id: idOfName(name), title: plainLabel(name) }), described: false }
  )

/**
 * `GET /v1/datasets/{id}/codebook`: the codebook analyses of the dataset use, in its file form (for a dataset
 * uploaded without one, the codebook read off its columns, ready to be edited).
 *
 * @example
 * const json = yield* getDatasetCodebookJson("district-7", datasetId)
 */
export const getDatasetCodebookJson = (tenant: string, id: string) =>
  Effect.gen(function*() {
    const store = yield* Store
    const meta = yield* store.getDatasetMeta(tenant, id)
    const dataset = yield* store.loadDataset(tenant, id)
    if (Option.isNone(meta) || Option.isNone(dataset)) return yield* Effect.fail(NotFound.of("dataset", id))
    const { codebook } = yield* currentCodebook(tenant, id, dataset.value, meta.value.name)
    return codebookToJson(codebook) as unknown
  })

/** The edited codebook checked as a codebook file (400 with JSON paths) and against the stored columns (422). */
const checkEdit = (tenant: string, id: string, body: string, dataset: Dataset, meta: DatasetMeta) =>
  Effect.gen(function*() {
    const json = parseJsonText(body)
    if (Either.isLeft(json)) return yield* Effect.fail(BadRequest.of("INVALID_JSON", `the body is ${json.left}`))
    const decoded = decodeCodebook(json.right, "request body")
    if (Either.isLeft(decoded)) {
      return yield* Effect.fail(
        BadRequest.of("INVALID_CODEBOOK", decoded.left.message, { issues: decoded.left.issues })
      )
    }
    const before = yield* currentCodebook(tenant, id, dataset, meta.name)
    const absent = new Set(before.described ? before.codebook.variables.map((v) => v.name) : [])
    const problems = codebookMismatches(decoded.right, dataset, absent)
    if (problems.length > 0) {
      const shown = problems.slice(0, 20)
      return yield* Effect.fail(
        Unprocessable.of(
          "CODEBOOK_MISMATCH",
          `the codebook does not fit dataset "${meta.name}": ${shown.map((p) => p.message).join("; ")}${
            problems.length > shown.length ? `; and ${problems.length - shown.length} more` : ""
          }`,
          { problems: shown, totalProblems: problems.length }
        )
      )
    }
    return decoded.right
  })

/**
 * `PUT /v1/datasets/{id}/codebook`: the edited codebook, checked, becomes the dataset's (its file form kept with
 * the dataset, its `variables` summary recomputed) in one transaction; the decoded codebook kept in memory is
 * dropped so that the next analysis reads the new labels and missing codes.
 *
 * @example
 * const meta = yield* putDatasetCodebook("district-7", datasetId, requestText)
 */
export const putDatasetCodebook = (tenant: string, id: string, body: string) =>
  Effect.gen(function*() {
    const store = yield* Store
    const saved = yield* store.updateDatasetCodebook(tenant, id, (dataset, meta) =>
      Effect.gen(function*() {
        const codebook = yield* checkEdit(tenant, id, body, dataset, meta)
        const json: CodebookJson = codebookToJson(codebook)
        const next: DatasetMeta = {
          ...meta,
          codebook: meta.codebook ?? codebook.id,
          variables: describeDataset(dataset, codebook),
          weightVariable: codebook.weightVariable ?? meta.weightVariable ?? null
        }
        forgetDatasetCodebook(tenant, id)
        return { meta: next, body: JSON.stringify(json) }
      }))
    // Dropped again once committed: an analysis that read the old codebook meanwhile must not keep it.
    forgetDatasetCodebook(tenant, id)
    if (Option.isNone(saved)) return yield* Effect.fail(NotFound.of("dataset", id))
    return saved.value
  })
