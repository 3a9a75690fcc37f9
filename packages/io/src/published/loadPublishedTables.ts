import type { PublishedTables, PublishedTablesError } from "@danvan/domain"
import { builtinPublishedIds, builtinPublishedTables, parsePublishedTables } from "@danvan/domain"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { decodeText } from "../decodeText.js"
import { FileReadError } from "../errors.js"
import { describeFsError, isNotFound, readBytes } from "../readBytes.js"

/**
 * Published aggregate tables by reference: a built-in id (`"hcmc-2024"`, the paper's Tables 1-4) or the
 * path of a JSON file in the same format. Built-in ids win; write `./hcmc-2024` for a file of that name.
 * A file's problems (structure, counts that are negative or exceed their base, …) come back as a
 * `PublishedTablesError` with JSON paths; a reference that is neither gives a `FileReadError` listing the
 * built-in ids.
 *
 * @example
 * const published = yield* loadPublishedTables("hcmc-2024")
 * const mine = yield* loadPublishedTables("my-tables.json")
 */
export const loadPublishedTables = (
  ref: string
): Effect.Effect<PublishedTables, PublishedTablesError | FileReadError> => {
  if (builtinPublishedIds().includes(ref)) {
    return Effect.mapError(builtinPublishedTables(ref), (e) => new FileReadError({ path: ref, reason: e.message }))
  }
  const explain = (error: unknown) =>
    isNotFound(error)
      ? `no such file, and not built-in published tables (built-in: ${builtinPublishedIds().join(", ")})`
      : describeFsError(error)
  return Effect.flatMap(readBytes(ref, explain), (bytes) => {
    const parsed = parsePublishedTables(decodeText(bytes).text, ref)
    return Either.isRight(parsed) ? Effect.succeed(parsed.right) : Effect.fail(parsed.left)
  })
}
