import type * as Command from "@effect/cli/Command"
import { builtinCodebookJson } from "@danvan/domain"
import { loadCodebook } from "@danvan/io"
import * as Effect from "effect/Effect"
import type { showOptions } from "../commands/codebook.js"
import { codebookToJson, renderCodebookJson, renderCodebookText } from "@danvan/report/text"
import { colorEnabled, writeStdout } from "../terminal.js"

export type ShowArgs = Command.Command.ParseConfig<typeof showOptions>

export const runCodebookShow = (args: ShowArgs) =>
  Effect.gen(function* () {
    const codebook = yield* loadCodebook(args.ref)
    if (args.format === "json") {
      // A built-in id prints the instrument's own JSON (with its shared scales); a file prints its decoded form.
      const builtin = Object.prototype.hasOwnProperty.call(builtinCodebookJson, args.ref) ? builtinCodebookJson[args.ref] : undefined
      yield* writeStdout(renderCodebookJson(builtin ?? codebookToJson(codebook)))
    } else {
      yield* writeStdout(renderCodebookText(codebook, { lang: args.lang, color: colorEnabled(process.stdout) }))
    }
  })
