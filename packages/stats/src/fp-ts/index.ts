/**
 * `@danvan/stats/fp-ts`: the stats package for fp-ts codebases. fp-ts is an optional peer dependency, imported
 * only here: the main entry `@danvan/stats` never loads it. Every function of the main entry documented as
 * throwing `StatsInputError` has an `Either`-returning version here under the same name.
 *
 * @packageDocumentation
 */
export { contingencyTableMonoid, mergeShards } from "./monoid.js"
export { tryStats } from "./tryStats.js"
export * from "./tables.js"
export * from "./measures.js"
export * from "./sets.js"
export * from "./descriptives.js"
export * from "./groups.js"
