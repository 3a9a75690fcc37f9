import { stripAnsi } from "@danvan/report/text/width"
import * as Command from "@effect/cli/Command"
import * as HelpDoc from "@effect/cli/HelpDoc"
import * as ValidationError from "@effect/cli/ValidationError"
import * as NodeFileSystem from "@effect/platform-node/NodeFileSystem"
import * as NodePath from "@effect/platform-node/NodePath"
import * as NodeTerminal from "@effect/platform-node/NodeTerminal"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import pkg from "../package.json" with { type: "json" }
import { apiKey, serve } from "./commands/api.js"
import { check } from "./commands/check.js"
import { codebook } from "./commands/codebook.js"
import { convert } from "./commands/convert.js"
import { crosstab } from "./commands/crosstab.js"
import { describe } from "./commands/describe.js"
import { excerpts } from "./commands/excerpts.js"
import { frequencies } from "./commands/frequencies.js"
import { likert } from "./commands/likert.js"
import { correlate, means } from "./commands/means.js"
import { mr } from "./commands/mr.js"
import { plan } from "./commands/plan.js"
import { prepare } from "./commands/prepare.js"
import { negativeRateCountsLast, rate } from "./commands/rate.js"
import { replicate } from "./commands/replicate.js"
import { report } from "./commands/report.js"
import { synth } from "./commands/synth.js"
import { table } from "./commands/table.js"
import { weights } from "./commands/weights.js"
import { takeEncoding } from "./encodingFlag.js"
import { EXIT, isUserError, UsageError } from "./errors.js"
import { takeRecipe } from "./recipeFlag.js"
import { withColorPolicy, writeStderr } from "./terminal.js"

export const VERSION: string = pkg.version

const root = Command.make(
  "danvan",
  {},
  () =>
    Effect.fail(
      new UsageError({
        command: "",
        message:
          "missing command; expected one of: crosstab, frequencies, describe, codebook, convert, plan, replicate, report, excerpts, rate, mr, likert, means, correlate, table, synth, prepare, check, serve, api-key, weights"
      })
    )
).pipe(
  Command.withDescription(
    "Survey tables for cadre questionnaires on mass mobilization work (công tác dân vận): SPSS-style CROSSTABS and FREQUENCIES with exact p-values, multiple-response sets, Likert scoring and re-checks of published tables, and finished reports (HTML, Word, PDF, XLSX, Markdown), in English or Vietnamese."
  ),
  Command.withSubcommands([
    crosstab,
    frequencies,
    describe,
    codebook,
    convert,
    plan,
    replicate,
    report,
    excerpts,
    rate,
    mr,
    likert,
    means,
    correlate,
    table,
    synth,
    serve,
    apiKey,
    prepare,
    check,
    weights
  ])
)

const footer = HelpDoc.p(
  "Every command that reads --data also takes --recipe FILE: a data-preparation recipe (recode, compute, filter, merge, …) applied before the analysis, and --encoding auto|utf-8|windows-1258|tcvn3|vni: the text encoding of a CSV or form export (default auto: UTF-8; TCVN3 and VNI detected and converted; else windows-1258). Results go to stdout, messages to stderr. Exit codes: 0 success, 1 bad input (data, codebook or table), 2 bad usage, 70 internal error. NO_COLOR or a pipe turns colours off, FORCE_COLOR=1 turns them on; DANVAN_DEBUG=1 shows internal stack traces."
)

const cli = Command.run(root, { name: "danvan", version: VERSION, footer })

/** One-line synopses, shown after a usage error. */
const SYNOPSIS: Readonly<Record<string, string>> = {
  "":
    "danvan <crosstab|frequencies|describe|codebook|convert|plan|replicate|report|excerpts|rate|mr|likert|means|correlate|table|synth|prepare|check|serve|api-key|weights> [options]   (danvan --help)",
  report:
    "danvan report (--data FILE.csv|.xlsx|.sav [--sheet NAME] [--codebook FILE|ID] (--by VAR | --plan FILE|ID) | hcmc-2024|TABLES.json) --out report.html|.xlsx|.docx|.pdf|.md|.csv|.json [--lang en|vi] [--decimal comma|point] [--weight VAR | --no-weight] [--suppress-below K] [--detail apa|full] [--charts DIR]",
  excerpts:
    "danvan excerpts --data EXCERPTS.csv|.xlsx [--by theme|COLUMN] [--theme T]... [--filter COLUMN=VALUE[,VALUE...]]... [--format text|json|md] [--lang en|vi]",
  serve: "danvan serve [--host HOST] [--port N] [--db FILE]",
  "api-key": "danvan api-key create --tenant NAME [--db FILE]",
  crosstab:
    "danvan crosstab (--counts \"66,209,35;158,177,41\" | --data FILE.csv|.xlsx|.sav|.zsav [--sheet NAME] --row VAR --col VAR) [--missing VAR=CODE[,CODE...]]... [--codebook FILE|ID] [--weight VAR | --no-weight] [--layer VAR [--correct]] [--format text|json|csv|md] [--lang en|vi]",
  frequencies:
    "danvan frequencies --data FILE.csv|.xlsx|.sav|.zsav [--sheet NAME] [--codebook FILE|ID] [--weight VAR | --no-weight] [--missing VAR=CODE[,CODE...]]... [--format text|json|csv|md] [--lang en|vi] VAR...",
  describe:
    "danvan describe --data FILE.csv|.xlsx|.sav|.zsav [--sheet NAME] [--codebook FILE|ID] [--weight VAR | --no-weight] [--missing VAR=CODE[,CODE...]]... [--format text|json|csv|md] [--lang en|vi] VAR...",
  plan: "danvan plan init --data FILE.csv|.xlsx|.sav|.zsav [--sheet NAME] [--codebook FILE|ID] --by VAR",
  codebook:
    "danvan codebook show hcmc-2024|FILE [--format text|json] [--lang en|vi]  |  danvan codebook from FILE.sav|.zsav [--out C.json]",
  replicate: "danvan replicate hcmc-2024|FILE.json [--format text|json|md] [--lang en|vi]",
  likert:
    "danvan likert --data FILE.csv|.xlsx|.sav|.zsav [--sheet NAME] --by VAR (--set NAME --codebook FILE|ID | --items A,B,C) [--reverse] [--weight VAR | --no-weight] [--missing VAR=CODE[,CODE...]]... [--format text|json|md|csv] [--lang en|vi]",
  means:
    "danvan means --data FILE.csv|.xlsx|.sav|.zsav [--sheet NAME] --var VAR --by VAR [--codebook FILE|ID] [--weight VAR | --no-weight] [--missing VAR=CODE[,CODE...]]... [--format text|json|csv|md] [--lang en|vi]",
  correlate:
    "danvan correlate --data FILE.csv|.xlsx|.sav|.zsav [--sheet NAME] [--codebook FILE|ID] [--weight VAR | --no-weight] [--missing VAR=CODE[,CODE...]]... [--format text|json|csv|md] [--lang en|vi] VAR VAR...",
  table:
    "danvan table --data FILE.csv|.xlsx|.sav|.zsav [--sheet NAME] --rows A,B,SET --cols V,W [--net VAR:NAME=CODE,CODE]... [--codebook FILE|ID] [--weight VAR | --no-weight] [--missing VAR=CODE[,CODE...]]... [--format text|json|html|xlsx|docx|pdf|md|csv] [--out FILE] [--lang en|vi] [--decimal comma|point] [--suppress-below K]",
  prepare:
    "danvan prepare --recipe R.json --data FILE.csv|.xlsx|.sav [--sheet NAME] [--codebook FILE|ID] --out clean.sav|.zsav|.csv|.xlsx [--format text|json]",
  check:
    "danvan check --data FILE.csv|.xlsx|.sav [--sheet NAME] [--codebook FILE|ID] [--rules R.json] [--recipe R] [--format text|json|xlsx] [--out FILE]",
  synth: "danvan synth hcmc-2024|FILE.json --out FILE.csv [--seed N] [--loading 0.5]",
  rate: "danvan rate X N [--level 0.95] [--format text|json] [--lang en|vi]",
  mr:
    "danvan mr --data FILE.csv|.xlsx|.sav|.zsav [--sheet NAME] --group VAR (--items A,B,C | --set NAME --codebook FILE|ID) [--method bonferroni|rs2|bootstrap] [--resamples B] [--seed N] [--weight VAR | --no-weight] [--strata VAR] [--cluster VAR] [--fpc VAR] [--weight-mode sampling|frequency] [--lonely-psu RULE] [--missing VAR=CODE[,CODE...]]... [--format text|json|md] [--lang en|vi]",
  weights:
    "danvan weights rake --data FILE.csv|.xlsx|.sav [--sheet NAME] [--codebook FILE|ID] [--weight VAR] --margins M.json --out F.csv [--weight-name NAME] [--tolerance T] [--max-iterations N] [--format text|json] [--lang en|vi]"
}

const commandOf = (argv: ReadonlyArray<string>): string => argv.slice(2).find((a) => a in SYNOPSIS && a !== "") ?? ""

const usageHint = (command: string): Effect.Effect<void> =>
  writeStderr(
    `usage: ${SYNOPSIS[command] ?? SYNOPSIS[""]}\nRun 'danvan${
      command === "" ? "" : ` ${command}`
    } --help' for all options.`
  )

const firstLine = (u: unknown): string => {
  const text = u instanceof Error
    ? `${u.name}: ${u.message}`
    : typeof u === "object" && u !== null && "_tag" in u
    ? String((u as { _tag: unknown })._tag)
    : String(u)
  return text.split("\n")[0] ?? ""
}

const debug = (): boolean => process.env["DANVAN_DEBUG"] === "1"

const internal = (cause: Cause.Cause<unknown>, what: unknown): Effect.Effect<number> =>
  Effect.zipRight(
    debug()
      ? writeStderr(Cause.pretty(cause, { renderErrorCause: true }))
      : writeStderr(
        `danvan: internal error: ${firstLine(what)} (this is a bug in danvan; run with DANVAN_DEBUG=1 for details)`
      ),
    Effect.succeed(EXIT.internal)
  )

const validationText = (e: ValidationError.ValidationError, captured: Array<string>): string => {
  const printed = captured.splice(0)
  const text = "error" in e ? HelpDoc.toAnsiText(e.error) : printed.join("\n")
  return stripAnsi(text).trim().replace(/\n{2,}/g, "\n") || "invalid command line"
}

/** Turns every outcome into an exit code, printing exactly one kind of message on stderr. */
export const handle =
  (argv: ReadonlyArray<string>, captured: Array<string>) => (cause: Cause.Cause<unknown>): Effect.Effect<number> => {
    if (Cause.isInterruptedOnly(cause)) return Effect.succeed(EXIT.interrupted)
    const failure = Cause.failureOption(cause)
    if (Option.isSome(failure)) {
      const e = failure.value
      if (ValidationError.isValidationError(e)) {
        // What @effect/cli found wrong with the command line, in danvan's own form.
        return Effect.as(
          Effect.zipRight(writeStderr(`danvan: error: ${validationText(e, captured)}`), usageHint(commandOf(argv))),
          EXIT.usage
        )
      }
      if (e instanceof UsageError) {
        return Effect.as(Effect.zipRight(writeStderr(`danvan: error: ${e.message}`), usageHint(e.command)), EXIT.usage)
      }
      if (isUserError(e)) return Effect.as(writeStderr(`danvan: error: ${e.message}`), EXIT.badInput)
      return internal(cause, e)
    }
    const defect = Cause.dieOption(cause)
    return internal(cause, Option.getOrElse(defect, () => Cause.pretty(cause)))
  }

/**
 * What @effect/cli needs from the platform (its CliApp.Environment). Not NodeContext.layer, whose command
 * executor and worker manager no command uses: they loaded child_process and worker_threads at every start.
 */
const platform = Layer.mergeAll(NodeFileSystem.layer, NodePath.layer, NodeTerminal.layer)

/** The whole program: parse `argv`, run the command, map the outcome to an exit code (never fails). */
export const main = (argv: ReadonlyArray<string>): Effect.Effect<number> => {
  const captured: Array<string> = []
  const { rest: afterRecipe, run: withRecipe } = takeRecipe(argv)
  const { rest, run: withEncoding } = takeEncoding(afterRecipe)
  const run = <A, E, R>(e: Effect.Effect<A, E, R>) => withRecipe(withEncoding(e))
  return withColorPolicy(run(cli(negativeRateCountsLast(rest))), captured).pipe(
    Effect.as<number>(EXIT.ok),
    Effect.catchAllCause(handle(argv, captured)),
    // Anything else @effect/cli wrote to stderr on success (none today) is printed, not lost.
    Effect.tap(() => Effect.forEach(captured.splice(0), (line) => writeStderr(line), { discard: true })),
    withColorPolicy,
    Effect.provide(platform)
  )
}
