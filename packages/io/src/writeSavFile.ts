import { randomBytes } from "node:crypto"
import { rename, rm, writeFile } from "node:fs/promises"
import type { Codebook, Dataset } from "@danvan/domain"
import * as Effect from "effect/Effect"
import type { IoWarning } from "./errors.js"
import { type SavWriteOptions, writeSav } from "./sav/writeSav.js"
import { FileWriteError } from "./writeTextFiles.js"

/**
 * Writes a Dataset and codebook as an SPSS file at `path` (a temporary file renamed into place, so a failure
 * never leaves half a file). A path ending in `.zsav` is zlib-compressed unless `compression` says otherwise.
 *
 * @example
 * const warnings = yield* writeSavFile("results.sav", dataset, codebook)
 */
export const writeSavFile = (
  path: string,
  dataset: Dataset,
  codebook: Codebook | undefined,
  options: SavWriteOptions = {}
): Effect.Effect<ReadonlyArray<IoWarning>, FileWriteError> =>
  Effect.gen(function*() {
    const compression = options.compression ?? (path.toLowerCase().endsWith(".zsav") ? "zlib" : "bytecode")
    const { bytes, warnings } = writeSav(dataset, codebook, { ...options, compression })
    const temp = `${path}.tmp-${randomBytes(4).toString("hex")}`
    yield* Effect.tryPromise({
      try: async () => {
        await writeFile(temp, bytes)
        await rename(temp, path)
      },
      catch: (e) =>
        new FileWriteError({
          path,
          reason: (e as { code?: string }).code === "ENOENT" ? "the folder does not exist" : (e as Error).message
        })
    }).pipe(Effect.tapError(() => Effect.promise(() => rm(temp, { force: true }))))
    return warnings
  })
