import { replicate } from "@danvan/analysis"
import { builtinCodebook, builtinCodebookIds } from "@danvan/domain"
import { loadPublishedTables } from "@danvan/io"
import { renderReplicateJson, renderReplicateMarkdown, renderReplicateText } from "@danvan/report/text"
import type * as Command from "@effect/cli/Command"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import type { replicateOptions } from "../commands/replicate.js"
import { colorEnabled, writeStdout } from "../terminal.js"

export type ReplicateArgs = Command.Command.ParseConfig<typeof replicateOptions>

export const runReplicate = (args: ReplicateArgs) =>
  Effect.gen(function*() {
    const published = yield* loadPublishedTables(args.ref)
    // Built-in tables take the vi/en labels of the built-in codebook of the same id (item keys are its variables).
    const codebook = builtinCodebookIds().includes(args.ref)
      ? Either.getOrUndefined(builtinCodebook(args.ref))
      : undefined
    const result = replicate(published, codebook !== undefined ? { codebook } : {})
    const options = { lang: args.lang, color: colorEnabled(process.stdout) }
    yield* writeStdout(
      args.format === "json"
        ? renderReplicateJson(result)
        : args.format === "md"
        ? renderReplicateMarkdown(result, options)
        : renderReplicateText(result, options)
    )
  })
