import { dirname, isAbsolute, join } from "node:path"
import { applyRecipe, type OtherData, type RecipeLogEntry } from "@danvan/analysis"
import type { Codebook, Dataset } from "@danvan/domain"
import { type DataFileRead, loadRecipe, readDataFile } from "@danvan/io"
import * as Effect from "effect/Effect"

export { CurrentRecipe } from "../recipeRef.js"

/** What a recipe did, for method notes. */
export interface AppliedRecipe {
  readonly path: string
  readonly title?: string
  readonly log: ReadonlyArray<RecipeLogEntry>
  /** The result with every row (and `filter_$`), for `prepare --out`. */
  readonly all: Dataset
}

/** Files named by `append`/`merge` steps are found beside the recipe file unless their path is absolute. */
const besideRecipe = (recipePath: string, data: string) => (isAbsolute(data) ? data : join(dirname(recipePath), data))

/**
 * Loads the recipe at `path`, reads the files its `append` and `merge` steps name (with the same codebook) and
 * applies it to `read`: the dataset analyses see holds the selected rows, the codebook the new variables.
 *
 * @example
 * const prepared = yield* prepareRead("clean.recipe.json", read, codebook)
 */
export const prepareRead = (path: string, read: DataFileRead, codebook: Codebook | undefined) =>
  Effect.gen(function*() {
    const recipe = yield* loadRecipe(path)
    const names = [...new Set(recipe.steps.flatMap((s) => (s.op === "append" || s.op === "merge" ? [s.data] : [])))]
    const others = new Map<string, OtherData>()
    for (const name of names) {
      const other = yield* readDataFile(besideRecipe(path, name), codebook !== undefined ? { codebook } : {})
      others.set(name, { dataset: other.dataset, codebook: other.codebook })
    }
    const prepared = yield* applyRecipe(read.dataset, read.codebook, recipe, others, path)
    const applied: AppliedRecipe = {
      path,
      log: prepared.log,
      all: prepared.all,
      ...(recipe.title !== undefined ? { title: recipe.title } : {})
    }
    return { ...read, dataset: prepared.dataset, codebook: prepared.codebook, recipe: applied }
  })

/**
 * The report option naming the recipe and its steps (for the method notes), when one was applied.
 *
 * @example
 * Report.buildPlanReport(result, { ...options, ...recipeOption(read.recipe) })
 */
export const recipeOption = (applied: AppliedRecipe | undefined) =>
  applied === undefined
    ? {}
    : {
      recipe: {
        file: applied.path,
        steps: applied.log.map((l) => `${l.op}: ${l.summary}${l.note !== undefined ? ` (${l.note})` : ""}`)
      }
    }
