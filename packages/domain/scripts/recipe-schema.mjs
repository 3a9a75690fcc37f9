// Writes data/recipe.schema.json, the JSON Schema of the recipe file format, from the effect/Schema definition
// in src/recipe/schema.ts (run after building: `node scripts/recipe-schema.mjs`). test/recipe.test.ts checks that
// the committed file matches.
import { writeFileSync } from "node:fs"
import * as JSONSchema from "effect/JSONSchema"
import { RecipeJson } from "../dist/index.js"

export const recipeJsonSchema = () => ({
  ...JSONSchema.make(RecipeJson),
  $id: "https://github.com/danvan/danvan/packages/domain/data/recipe.schema.json",
  title: "danvan recipe",
  description: "An ordered list of data-preparation steps (see packages/domain/README.md, Recipes)."
})

if (process.argv[1] === new URL(import.meta.url).pathname) {
  writeFileSync(
    new URL("../data/recipe.schema.json", import.meta.url),
    JSON.stringify(recipeJsonSchema(), null, 2) + "\n"
  )
}
