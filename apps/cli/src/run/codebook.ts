import { type BilingualLabel, builtinCodebookJson, type Codebook, decodeCodebook } from "@danvan/domain"
import { loadCodebook, readDataFile, readXlsFormFile, writeTextFiles } from "@danvan/io"
import { codebookToJson, renderCodebookJson, renderCodebookText } from "@danvan/report/text"
import type * as Command from "@effect/cli/Command"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type { fromOptions, showOptions } from "../commands/codebook.js"
import { UsageError } from "../errors.js"
import { colorEnabled, writeStderr, writeStdout } from "../terminal.js"
import { reportWarnings } from "./common.js"

export type ShowArgs = Command.Command.ParseConfig<typeof showOptions>

export const runCodebookShow = (args: ShowArgs) =>
  Effect.gen(function*() {
    const codebook = yield* loadCodebook(args.ref)
    if (args.format === "json") {
      // A built-in id prints the instrument's own JSON (with its shared scales); a file prints its decoded form.
      const builtin = Object.prototype.hasOwnProperty.call(builtinCodebookJson, args.ref)
        ? builtinCodebookJson[args.ref]
        : undefined
      yield* writeStdout(renderCodebookJson(builtin ?? codebookToJson(codebook)))
    } else {
      yield* writeStdout(renderCodebookText(codebook, { lang: args.lang, color: colorEnabled(process.stdout) }))
    }
  })

/**
 * The codebook with the labelled text columns of the file (a .sav file's string variables, a form's text answers)
 * added to its `textVariables`, so that the saved codebook still labels them (e.g. when `convert` writes them).
 */
const withTextVariables = (
  codebook: Codebook,
  textColumns: ReadonlyArray<{ readonly name: string; readonly label?: BilingualLabel }>
): Codebook => {
  const known = new Set([
    ...codebook.variables.map((v) => v.name),
    ...(codebook.textVariables ?? []).map((t) => t.name)
  ])
  const added = textColumns.flatMap((
    c
  ) => (c.label !== undefined && !known.has(c.name) ? [{ name: c.name, label: c.label }] : []))
  return added.length === 0 ? codebook : { ...codebook, textVariables: [...(codebook.textVariables ?? []), ...added] }
}

export type FromArgs = Command.Command.ParseConfig<typeof fromOptions>

/**
 * `codebook from FILE.sav [--out C.json]`: the file's dictionary as a codebook file.
 *
 * @example
 * yield* runCodebookFrom({ file: "survey.sav", out: Option.some("survey.codebook.json") })
 */
export const runCodebookFrom = (args: FromArgs) =>
  Effect.gen(function*() {
    const xlsForm = yield* readXlsFormFile(args.file)
    const read = xlsForm !== undefined
      ? { codebook: xlsForm, warnings: [] }
      : yield* readDataFile(args.file, { encoding: args.encoding })
    if (read.codebook === undefined) {
      return yield* Effect.fail(
        new UsageError({
          command: "codebook from",
          message:
            `${args.file} is not an SPSS file; codebook from reads .sav and .zsav files, Google/Microsoft Forms exports (.csv, .xlsx) and XLSForms (.xlsx with survey and choices sheets)`
        })
      )
    }
    // The inferred codebook is what is printed: its listing would repeat it on stderr.
    yield* reportWarnings(read.warnings.filter((w) => w.code !== "FORM_INFERRED"))
    const json = codebookToJson(withTextVariables(read.codebook, "textColumns" in read ? read.textColumns : []))
    const text = renderCodebookJson(json)
    // SPSS allows names and sets that a codebook file does not (e.g. non-ASCII names): say what to edit.
    const check = decodeCodebook(JSON.parse(text), Option.getOrElse(args.out, () => "the derived codebook"))
    if (check._tag === "Left") {
      yield* writeStderr(
        `danvan: warning: ${check.left.message.replace(/^invalid codebook /, "edit before use with --codebook: ")}`
      )
    }
    if (Option.isSome(args.out)) yield* writeTextFiles([{ path: args.out.value, text }])
    else yield* writeStdout(text)
  })
