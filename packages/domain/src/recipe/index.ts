export * from "./schema.js"
export * from "./errors.js"
export { decodeRecipe, parseRecipe } from "./decode.js"
