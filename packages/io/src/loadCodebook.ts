import type { Codebook } from "@danvan/domain"
import { builtinCodebook, builtinCodebookIds, CodebookError, parseCodebook } from "@danvan/domain"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { decodeText } from "./decodeText.js"
import { FileReadError } from "./errors.js"
import { describeFsError, isNotFound, readBytes } from "./readBytes.js"

/**
 * A codebook by reference: a built-in id (`"hcmc-2024"`) or the path of a JSON codebook file. Built-in ids
 * win; write `./hcmc-2024` for a file of that name. A file's problems come back as a `CodebookError` with
 * JSON paths and the file's path as source. A reference that is neither gives a `FileReadError` whose reason
 * lists the built-in ids.
 *
 * @example
 * const codebook = yield* loadCodebook("hcmc-2024")
 * const mine = yield* loadCodebook("survey.codebook.json")
 */
export const loadCodebook = (ref: string): Effect.Effect<Codebook, CodebookError | FileReadError> => {
  if (builtinCodebookIds().includes(ref)) {
    return Effect.mapError(builtinCodebook(ref), (e) => new FileReadError({ path: ref, reason: e.message }))
  }
  const explain = (error: unknown) =>
    isNotFound(error)
      ? `no such file, and not a built-in codebook (built-in: ${builtinCodebookIds().join(", ")})`
      : describeFsError(error)
  return Effect.flatMap(readBytes(ref, explain), (bytes) => {
    // An XLSForm (.xlsx: a ZIP) is read as a codebook; its problems become codebook issues.
    if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
      return Effect.flatMap(
        Effect.promise(() => import("./xlsform/readXlsForm.js")),
        (m) =>
          Effect.mapError(m.readXlsForm(bytes, ref), (e) =>
            new CodebookError({
              source: ref,
              issues: e.problems.map((p) => ({
                path: `${e.file}${p.row > 0 ? ` row ${p.row}` : ""}${p.column !== "" ? `, column ${p.column}` : ""}`,
                message: `${p.value} — expected ${p.expected}`
              }))
            }))
      )
    }
    const parsed = parseCodebook(decodeText(bytes).text, ref)
    return Either.isRight(parsed) ? Effect.succeed(parsed.right) : Effect.fail(parsed.left)
  })
}
