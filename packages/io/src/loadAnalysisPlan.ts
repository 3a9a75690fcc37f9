import type { AnalysisPlan, AnalysisPlanError } from "@danvan/domain"
import { builtinPlan, builtinPlanIds, parseAnalysisPlan } from "@danvan/domain"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { decodeText } from "./decodeText.js"
import { FileReadError } from "./errors.js"
import { describeFsError, isNotFound, readBytes } from "./readBytes.js"

/**
 * An analysis plan by reference: a built-in id (`"hcmc-2024"`) or the path of a JSON plan file (built-in ids
 * win; write `./hcmc-2024` for a file of that name). A file's problems come back as an `AnalysisPlanError` with
 * JSON paths; a reference that is neither gives a `FileReadError` listing the built-in ids.
 *
 * @example
 * const plan = yield* loadAnalysisPlan("hcmc-2024")
 */
export const loadAnalysisPlan = (ref: string): Effect.Effect<AnalysisPlan, AnalysisPlanError | FileReadError> => {
  if (builtinPlanIds().includes(ref)) {
    return Effect.mapError(builtinPlan(ref), (e) => new FileReadError({ path: ref, reason: e.message }))
  }
  const explain = (error: unknown) =>
    isNotFound(error)
      ? `no such file, and not a built-in analysis plan (built-in: ${builtinPlanIds().join(", ")})`
      : describeFsError(error)
  return Effect.flatMap(readBytes(ref, explain), (bytes) => {
    const parsed = parseAnalysisPlan(decodeText(bytes).text, ref)
    return Either.isRight(parsed) ? Effect.succeed(parsed.right) : Effect.fail(parsed.left)
  })
}
