import { randomUUID } from "node:crypto"
import { applyRecipe, describeDataset, FILTER_VARIABLE, type OtherData } from "@danvan/analysis"
import {
  type Codebook,
  codebookFromDataset,
  codebookToJson,
  type Dataset,
  decodeCodebook,
  decodeRecipe,
  getColumn,
  makeDataset,
  type Recipe
} from "@danvan/domain"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import { datasetCodebook } from "./codebooks.js"
import { BadRequest, NotFound, Unprocessable } from "./errors.js"
import { logEvent } from "./log.js"
import type { DatasetMeta, PrepareRequest } from "./schemas.js"
import { Store } from "./store.js"

/**
 * The codebook kept with a prepared dataset: the selection variable (`filter_$`) is not among the stored rows
 * (they are the selected ones), and a categorical variable the recipe made without value labels is labelled by
 * its codes, as a dataset uploaded without a codebook is.
 */
const storedCodebook = (codebook: Codebook, result: Dataset): Codebook => ({
  ...codebook,
  variables: codebook.variables.filter((v) => v.name !== FILTER_VARIABLE).map((v) => {
    if (v.kind === "numeric" || v.values.length > 0) return v
    const column = getColumn(result, v.name)
    if (column?.type !== "codes") return v
    return {
      ...v,
      values: codebookFromDataset(makeDataset([column]), { id: "x", title: v.label }).variables[0]!.values
    }
  })
})

/**
 * The stored datasets (with their codebooks) that the recipe's append and merge steps name by their `data`,
 * resolved through the request's `datasets` map (file name -> dataset id of this tenant); 404 for an unknown id.
 */
const otherDatasets = (tenant: string, recipe: Recipe, ids: Readonly<Record<string, string>>) =>
  Effect.gen(function*() {
    const store = yield* Store
    const others = new Map<string, OtherData>()
    for (const step of recipe.steps) {
      if ((step.op !== "append" && step.op !== "merge") || others.has(step.data)) continue
      const otherId = ids[step.data]!
      const loaded = yield* store.loadDataset(tenant, otherId)
      if (Option.isNone(loaded)) return yield* Effect.fail(NotFound.of("dataset", otherId))
      const codebook = yield* datasetCodebook(tenant, otherId, loaded.value.codebookId)
      others.set(step.data, { dataset: loaded.value, codebook })
    }
    return others
  })

/**
 * `POST /v1/datasets/{id}/prepare`: the recipe (checked as a recipe file: 400 with JSON paths) applied to the
 * dataset with its codebook, as `danvan prepare` does. A preview describes the result and stores nothing; else
 * the result (the rows the recipe's filters select, the codebook with the new variables) is stored as a NEW
 * dataset in one transaction, carrying the recipe and its source, so the original stays as it was. `append` and
 * `merge` steps name other files: the request's `datasets` maps each to a stored dataset of the tenant; a file
 * it does not map is a 422 pointing to the CLI.
 *
 * @example
 * const result = yield* prepareDataset("district-7", datasetId, { recipe, preview: true })
 */
export const prepareDataset = (tenant: string, id: string, body: typeof PrepareRequest.Type) =>
  Effect.gen(function*() {
    const store = yield* Store
    const meta = yield* store.getDatasetMeta(tenant, id)
    const dataset = yield* store.loadDataset(tenant, id)
    if (Option.isNone(meta) || Option.isNone(dataset)) return yield* Effect.fail(NotFound.of("dataset", id))
    const recipe = decodeRecipe(body.recipe, "request body recipe")
    if (Either.isLeft(recipe)) {
      return yield* Effect.fail(
        BadRequest.of("INVALID_RECIPE", recipe.left.message, {
          issues: recipe.left.issues.map((i) => ({ ...i, path: i.path.replace(/^\$/, "$.recipe") }))
        })
      )
    }
    const other = recipe.right.steps.findIndex((s) =>
      (s.op === "append" || s.op === "merge") && body.datasets?.[s.data] === undefined
    )
    if (other >= 0) {
      return yield* Effect.fail(
        Unprocessable.of(
          "RECIPE_NEEDS_FILE",
          `step ${other + 1} (${
            recipe.right.steps[other]!.op
          }) reads another data file, which the API does not have: run it with danvan prepare --recipe`,
          { issues: [{ path: `$.recipe.steps[${other}]`, message: "append and merge need the CLI" }] }
        )
      )
    }
    const codebook = yield* datasetCodebook(tenant, id, dataset.value.codebookId)
    const others = yield* otherDatasets(tenant, recipe.right, body.datasets ?? {})
    const prepared = applyRecipe(dataset.value, codebook, recipe.right, others, "recipe")
    if (Either.isLeft(prepared)) {
      const issues = prepared.left.issues.map((i) => ({ ...i, path: i.path.replace(/^\$/, "$.recipe") }))
      return yield* Effect.fail(
        Unprocessable.of("RECIPE_FAILED", issues.map((i) => `${i.path}: ${i.message}`).join("; "), { issues })
      )
    }
    const { dataset: result, codebook: withFilter, log } = prepared.right
    const resultCodebook = withFilter === undefined ? undefined : storedCodebook(withFilter, result)
    const variables = describeDataset(result, resultCodebook)
    const logOut = log.map((l) => ({
      step: l.step,
      op: l.op,
      summary: l.summary,
      ...(l.note !== undefined ? { note: l.note } : {})
    }))
    if (body.preview === true) return { log: logOut, rows: result.rowCount, variables, dataset: null }
    // Stored codebooks must decode again.
    const again = resultCodebook === undefined ? undefined : decodeCodebook(codebookToJson(resultCodebook), "recipe")
    if (again !== undefined && Either.isLeft(again)) {
      return yield* Effect.fail(
        Unprocessable.of("RECIPE_CODEBOOK", `the recipe's result has no valid codebook: ${again.left.message}`, {
          issues: again.left.issues
        })
      )
    }
    const stored: DatasetMeta = {
      id: randomUUID(),
      name: body.name ?? `${meta.value.name} (recipe)`,
      codebook: resultCodebook?.id ?? null,
      rows: result.rowCount,
      createdAt: new Date().toISOString(),
      variables,
      warnings: [],
      ...(resultCodebook !== undefined ? { codebookFromFile: true } : {}),
      weightVariable: resultCodebook?.weightVariable ?? meta.value.weightVariable ?? null,
      prepared: { from: id, recipe: body.recipe }
    }
    logEvent("info", "dataset.prepare", { dataset: stored.id, from: id, tenant, rows: stored.rows, steps: log.length })
    yield* store.insertDataset(
      tenant,
      stored,
      result,
      resultCodebook !== undefined ? JSON.stringify(codebookToJson(resultCodebook)) : undefined
    )
    return { log: logOut, rows: result.rowCount, variables, dataset: stored }
  })
