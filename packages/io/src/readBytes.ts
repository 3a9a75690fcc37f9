import { readFile } from "node:fs/promises"
import * as Effect from "effect/Effect"
import { FileReadError } from "./errors.js"

const reasons: Readonly<Record<string, string>> = {
  ENOENT: "no such file",
  EISDIR: "it is a directory, not a file",
  EACCES: "permission denied",
  EPERM: "permission denied",
  ENOTDIR: "a part of the path is not a directory",
  ENAMETOOLONG: "the path is too long",
  EMFILE: "too many open files",
  ELOOP: "too many symbolic links"
}

/**
 * Why a file system call failed, in words (`"no such file"`), from a Node error code.
 *
 * @example
 * describeFsError(Object.assign(new Error("x"), { code: "ENOENT" })) // "no such file"
 */
export const describeFsError = (error: unknown): string => {
  const code = (error as { code?: unknown } | null)?.code
  if (typeof code === "string" && reasons[code] !== undefined) return reasons[code]
  return error instanceof Error ? error.message : String(error)
}

/**
 * Whether a file system error says the path does not exist.
 *
 * @example
 * isNotFound(Object.assign(new Error("x"), { code: "ENOENT" })) // true
 */
export const isNotFound = (error: unknown): boolean => (error as { code?: unknown } | null)?.code === "ENOENT"

/**
 * Reads a whole file, failing with `FileReadError` (never throwing). `explain` may rewrite the reason
 * (for example to list the built-in codebooks when a path does not exist).
 *
 * @example
 * const bytes = yield* readBytes("survey.csv")
 */
export const readBytes = (
  path: string,
  explain: (error: unknown) => string = describeFsError
): Effect.Effect<Uint8Array, FileReadError> =>
  Effect.tryPromise({
    try: () => readFile(path),
    catch: (error) => new FileReadError({ path, reason: explain(error) })
  })
