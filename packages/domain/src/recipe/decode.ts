import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { formatParseIssues, parseJsonText } from "../decode.js"
import { RecipeError } from "./errors.js"
import { type Recipe, RecipeJson } from "./schema.js"

const decodeJson = Schema.decodeUnknownEither(RecipeJson, { errors: "all", onExcessProperty: "error" })

/**
 * Decodes a recipe (parsed JSON); every structural problem comes back with its JSON path.
 *
 * @example
 * const recipe = decodeRecipe({ version: 1, steps: [{ op: "filter", expr: "age >= 18" }] }, "clean.json")
 */
export const decodeRecipe = (input: unknown, source = "recipe"): Either.Either<Recipe, RecipeError> => {
  const decoded = decodeJson(input)
  if (Either.isLeft(decoded)) return Either.left(new RecipeError({ source, issues: formatParseIssues(decoded.left) }))
  return Either.right(decoded.right)
}

/**
 * Parses and decodes recipe JSON text.
 *
 * @example
 * const recipe = parseRecipe('{"version": 1, "steps": []}', "clean.json")
 */
export const parseRecipe = (text: string, source = "recipe"): Either.Either<Recipe, RecipeError> =>
  Either.flatMap(
    Either.mapLeft(parseJsonText(text), (message) => new RecipeError({ source, issues: [{ path: "$", message }] })),
    (json) => decodeRecipe(json, source)
  )
