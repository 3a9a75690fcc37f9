import { checkData } from "@danvan/analysis"
import { checkWritable, loadCheckRules, writeTextFiles } from "@danvan/io"
import { renderCheckText } from "@danvan/report/text"
import type * as Command from "@effect/cli/Command"
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type { checkOptions } from "../commands/check.js"
import { UsageError } from "../errors.js"
import { writeStdout } from "../terminal.js"
import { optionalCodebook, readData } from "./common.js"

export type CheckArgs = Command.Command.ParseConfig<typeof checkOptions>

/** Raised to exit 1 after printing the findings when an error-level check failed. */
export class CheckFailed extends Data.TaggedError("CheckFailed")<{ readonly message: string }> {}

/** `danvan check`: findings on stdout; exit 1 when an error-level check failed. */
export const runCheck = (args: CheckArgs) =>
  Effect.gen(function*() {
    if (args.format === "xlsx" && Option.isNone(args.out)) {
      return yield* Effect.fail(new UsageError({ command: "check", message: "--format xlsx needs --out FILE.xlsx" }))
    }
    if (Option.isSome(args.out)) yield* checkWritable(args.out.value)
    const codebook = yield* optionalCodebook(args.codebook)
    const rules = Option.isSome(args.rules) ? yield* loadCheckRules(args.rules.value) : undefined
    // Read without the codebook's checks (the reader would stop at the first undefined code): check reports them all.
    const read = yield* readData(args.data, undefined, undefined, args.sheet)
    const report = yield* checkData(
      read.dataset,
      codebook ?? read.codebook,
      rules,
      Option.getOrElse(args.rules, () => "rules")
    )
    const shown = args.format === "json" ? JSON.stringify(report, null, 2) : renderCheckText(report)
    if (args.format === "xlsx" && Option.isSome(args.out)) {
      const { renderCheckXlsx } = yield* Effect.promise(() => import("@danvan/report"))
      const bytes = yield* Effect.promise(() => renderCheckXlsx(report))
      yield* writeTextFiles([{ path: args.out.value, text: bytes }])
      yield* writeStdout(renderCheckText(report))
    } else if (Option.isSome(args.out)) {
      yield* writeTextFiles([{ path: args.out.value, text: shown + "\n" }])
    } else yield* writeStdout(shown)
    if (report.errors > 0) {
      return yield* Effect.fail(
        new CheckFailed({
          message: `check failed: ${report.errors} error-level finding${
            report.errors === 1 ? "" : "s"
          } (listed on stdout)`
        })
      )
    }
  })
