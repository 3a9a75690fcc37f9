import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { randomBytes } from "node:crypto"
import { rename, rm, writeFile } from "node:fs/promises"

/** A file that could not be written; nothing of the batch was left behind. */
export class FileWriteError extends Schema.TaggedError<FileWriteError>()("FileWriteError", {
  path: Schema.String,
  reason: Schema.String
}) {
  override get message(): string {
    return `cannot write ${this.path}: ${this.reason}`
  }
}

const reasonOf = (e: unknown): string => {
  const code = (e as { code?: string }).code
  return code === "ENOENT" ? "the folder does not exist" : code === "EACCES" || code === "EPERM" ? "permission denied" : code === "EISDIR" ? "it is a directory" : (e as Error).message
}

/**
 * Writes several text files (UTF-8) all or nothing: each goes to a temporary file beside its target first, and
 * only when every one is written are they renamed into place. On failure the temporary files are removed and
 * no target is touched, so a user never finds half an output.
 *
 * @example
 * yield* writeTextFiles([{ path: "out.csv", text: csv }, { path: "out.csv.meta.json", text: meta }])
 */
export const writeTextFiles = (files: ReadonlyArray<{ readonly path: string; readonly text: string }>): Effect.Effect<void, FileWriteError> =>
  Effect.gen(function* () {
    const suffix = `.tmp-${randomBytes(4).toString("hex")}`
    const written: Array<string> = []
    const cleanUp = Effect.promise(() => Promise.all(written.map((p) => rm(p, { force: true }))))
    for (const f of files) {
      yield* Effect.tryPromise({
        try: () => writeFile(f.path + suffix, f.text, "utf8"),
        catch: (e) => new FileWriteError({ path: f.path, reason: reasonOf(e) })
      }).pipe(Effect.tapError(() => cleanUp))
      written.push(f.path + suffix)
    }
    for (const f of files) {
      yield* Effect.tryPromise({
        try: () => rename(f.path + suffix, f.path),
        catch: (e) => new FileWriteError({ path: f.path, reason: reasonOf(e) })
      }).pipe(Effect.tapError(() => cleanUp))
    }
  })
