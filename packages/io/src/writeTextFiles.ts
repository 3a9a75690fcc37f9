import { randomBytes } from "node:crypto"
import { constants } from "node:fs"
import { access, rename, rm, stat, writeFile } from "node:fs/promises"
import { dirname, resolve } from "node:path"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"

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
  return code === "ENOENT"
    ? "the folder does not exist"
    : code === "EACCES" || code === "EPERM"
    ? "permission denied"
    : code === "EISDIR"
    ? "it is a directory"
    : code === "ENOTDIR"
    ? "its folder is not a directory"
    : (e as Error).message
}

/**
 * Writes several files (text as UTF-8, or bytes as they are) all or nothing: each goes to a temporary file beside
 * its target first, and only when every one is written are they renamed into place. On failure the temporary files
 * are removed and no target is touched, so a user never finds half an output.
 *
 * @example
 * yield* writeTextFiles([{ path: "out.csv", text: csv }, { path: "out.csv.meta.json", text: meta }])
 */
export const writeTextFiles = (
  files: ReadonlyArray<{ readonly path: string; readonly text: string | Uint8Array }>
): Effect.Effect<void, FileWriteError> =>
  Effect.gen(function*() {
    const suffix = `.tmp-${randomBytes(4).toString("hex")}`
    const written: Array<string> = []
    const cleanUp = Effect.promise(() => Promise.all(written.map((p) => rm(p, { force: true }))))
    for (const f of files) {
      yield* Effect.tryPromise({
        try: () => (typeof f.text === "string"
          ? writeFile(f.path + suffix, f.text, "utf8")
          : writeFile(f.path + suffix, f.text)),
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

/**
 * Checks, before any work is done, that `path` can be written: its folder exists and is writable, and the path is
 * not a directory. Fails with the same `FileWriteError` a write would give.
 *
 * @example
 * yield* checkWritable("out/report.html") // FileWriteError "cannot write out/report.html: the folder does not exist"
 */
export const checkWritable = (path: string): Effect.Effect<void, FileWriteError> =>
  Effect.tryPromise({
    try: async () => {
      const target = await stat(path).catch(() => undefined)
      if (target?.isDirectory() === true) throw Object.assign(new Error("is a directory"), { code: "EISDIR" })
      const folder = await stat(dirname(resolve(path)))
      if (!folder.isDirectory()) throw Object.assign(new Error("not a directory"), { code: "ENOTDIR" })
      await access(dirname(resolve(path)), constants.W_OK)
      if (target !== undefined) await access(path, constants.W_OK)
    },
    catch: (e) => new FileWriteError({ path, reason: reasonOf(e) })
  })
