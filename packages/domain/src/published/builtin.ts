import * as Either from "effect/Either"
import hcmc2024PublishedJson from "../../data/hcmc-2024-published-tables.json" with { type: "json" }
import { UnknownNameError } from "../errors.js"
import { decodePublishedTables } from "./decode.js"
import type { PublishedTables } from "./schema.js"

/** The published tables that ship with danvan, by id, in their JSON (file) form. */
export const builtinPublishedJson: Readonly<Record<string, unknown>> = { "hcmc-2024": hcmc2024PublishedJson }

/**
 * Ids of the built-in published tables.
 *
 * @example
 * builtinPublishedIds() // ["hcmc-2024"]
 */
export const builtinPublishedIds = (): Array<string> => Object.keys(builtinPublishedJson)

/**
 * Built-in published tables by id (`"hcmc-2024"`: the paper's Tables 1-4), decoded with the same checks as
 * user files.
 *
 * @example
 * const published = Either.getOrThrow(builtinPublishedTables("hcmc-2024"))
 */
export const builtinPublishedTables = (id: string): Either.Either<PublishedTables, UnknownNameError> => {
  const json = Object.hasOwn(builtinPublishedJson, id) ? builtinPublishedJson[id] : undefined
  if (json === undefined) {
    return Either.left(
      new UnknownNameError({ what: "built-in published tables", name: id, known: builtinPublishedIds() })
    )
  }
  return Either.right(Either.getOrThrowWith(decodePublishedTables(json, id), (e) => new Error(e.message)))
}
