/**
 * `@danvan/stats/fp-ts`: the stats package for fp-ts codebases. fp-ts is an optional peer dependency, imported
 * only here: the main entry `@danvan/stats` never loads it.
 *
 * @packageDocumentation
 */
export { contingencyTableMonoid } from "./monoid.js"
export * from "./either.js"
