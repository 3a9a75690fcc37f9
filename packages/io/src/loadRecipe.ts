import type { CheckRules, Recipe, RecipeError } from "@danvan/domain"
import { parseCheckRules, parseRecipe } from "@danvan/domain"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { decodeText } from "./decodeText.js"
import type { FileReadError } from "./errors.js"
import { describeFsError, readBytes } from "./readBytes.js"

/**
 * A recipe file (JSON, see packages/domain/README.md "Recipes"): its problems come back as a `RecipeError` with
 * JSON paths and the file's path as source.
 *
 * @example
 * const recipe = yield* loadRecipe("clean.recipe.json")
 */
export const loadRecipe = (path: string): Effect.Effect<Recipe, RecipeError | FileReadError> =>
  Effect.flatMap(readBytes(path, describeFsError), (bytes) => {
    const parsed = parseRecipe(decodeText(bytes).text, path)
    return Either.isRight(parsed) ? Effect.succeed(parsed.right) : Effect.fail(parsed.left)
  })

/**
 * A rules file of `danvan check` (JSON, see packages/domain/README.md "Checks").
 *
 * @example
 * const rules = yield* loadCheckRules("survey.rules.json")
 */
export const loadCheckRules = (path: string): Effect.Effect<CheckRules, RecipeError | FileReadError> =>
  Effect.flatMap(readBytes(path, describeFsError), (bytes) => {
    const parsed = parseCheckRules(decodeText(bytes).text, path)
    return Either.isRight(parsed) ? Effect.succeed(parsed.right) : Effect.fail(parsed.left)
  })
