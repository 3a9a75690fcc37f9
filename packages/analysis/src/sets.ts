import type { BilingualLabel, Codebook } from "@danvan/domain"
import * as Either from "effect/Either"
import { AnalysisError } from "./errors.js"

/**
 * The items and label of a codebook's multiple-response set, by name. The CLI's `mr --set` and the HTTP API's
 * multiple-response endpoint both resolve a set here, so an unknown set gets the same message in both.
 *
 * @example
 * const codebook = Either.getOrThrow(builtinCodebook("hcmc-2024"))
 * Either.getOrThrow(multipleResponseSet(codebook, "purpose")).items // ["purpose_1", ...]
 */
export const multipleResponseSet = (
  codebook: Codebook | undefined,
  name: string
): Either.Either<
  { readonly name: string; readonly label: BilingualLabel; readonly items: ReadonlyArray<string> },
  AnalysisError
> => {
  const sets = codebook?.multipleResponseSets ?? []
  const found = sets.find((s) => s.name === name)
  if (found !== undefined) return Either.right({ name: found.name, label: found.label, items: found.items })
  const known = sets.length === 0
    ? "it has no multiple-response sets"
    : `its sets are: ${sets.map((s) => s.name).join(", ")}`
  return Either.left(
    new AnalysisError({
      code: "BAD_OPTION",
      message: `no multiple-response set "${name}" in codebook ${codebook?.id ?? ""}; ${known}`
    })
  )
}
