import * as Either from "effect/Either"
import type { Codebook, CodebookJson } from "../Codebook.js"
import { decodeCodebook } from "../decode.js"
import { UnknownNameError } from "../errors.js"
import { hcmc2024Json } from "./hcmc2024.js"

/** The codebooks that ship with danvan, by id, in their JSON (file) form. */
export const builtinCodebookJson: Readonly<Record<string, CodebookJson>> = { "hcmc-2024": hcmc2024Json }

/**
 * Ids of the built-in instruments.
 *
 * @example
 * builtinCodebookIds() // ["hcmc-2024"]
 */
export const builtinCodebookIds = (): Array<string> => Object.keys(builtinCodebookJson)

/**
 * A built-in codebook by id (`"hcmc-2024"`). The built-ins are decoded with the same checks as user files.
 *
 * @example
 * const codebook = Either.getOrThrow(builtinCodebook("hcmc-2024"))
 */
export const builtinCodebook = (id: string): Either.Either<Codebook, UnknownNameError> => {
  const json = Object.hasOwn(builtinCodebookJson, id) ? builtinCodebookJson[id] : undefined
  if (json === undefined) {
    return Either.left(new UnknownNameError({ what: "built-in codebook", name: id, known: builtinCodebookIds() }))
  }
  // A built-in that fails its own checks is a bug in danvan, not bad user input.
  return Either.right(Either.getOrThrowWith(decodeCodebook(json, id), (e) => new Error(e.message)))
}
