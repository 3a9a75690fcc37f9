import { resolve } from "node:path"
import { type BannerNet, type BannerResult, bannerTable } from "@danvan/analysis"
import { checkWritable, writeTextFiles } from "@danvan/io"
import { renderBannerJson, renderBannerText, suppressBanner } from "@danvan/report/text"
import type * as Command from "@effect/cli/Command"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type { tableOptions } from "../commands/table.js"
import { UsageError } from "../errors.js"
import { colorEnabled, writeStdout } from "../terminal.js"
import { caseOptions, optionalCodebook, orUndefined, readData, weightConflict } from "./common.js"

export type TableArgs = Command.Command.ParseConfig<typeof tableOptions>

const usage = (message: string) => new UsageError({ command: "table", message })

const names = (flag: string, value: string) => {
  const list = value.split(",").map((x) => x.trim())
  return list.some((x) => x === "")
    ? Effect.fail(usage(`--${flag} "${value}" has an empty name; give comma-separated column names`))
    : Effect.succeed(list)
}

/** `VAR:NAME=CODE,CODE...` -> a net. */
const parseNet = (spec: string): Effect.Effect<BannerNet, UsageError> => {
  const m = /^([^:=]+):([^=]+)=(.+)$/.exec(spec)
  if (m === null) return Effect.fail(usage(`--net "${spec}" is not VAR:NAME=CODE[,CODE...]`))
  const codes = m[3].split(",").map((x) => Number(x.trim()))
  if (codes.some((c) => !Number.isInteger(c))) {
    return Effect.fail(usage(`--net "${spec}": the codes must be whole numbers`))
  }
  return Effect.succeed({ variable: m[1].trim(), name: m[2].trim(), codes })
}

const REPORT_FORMATS = ["html", "xlsx", "docx", "pdf", "md", "csv"] as const
type Format = "text" | "json" | (typeof REPORT_FORMATS)[number]

/** The output format: --format, else the --out extension, else text; binary formats need --out. */
const formatOf = (args: TableArgs): Effect.Effect<Format, UsageError> => {
  const out = Option.getOrUndefined(args.out)
  const ext = out?.toLowerCase().match(/\.([a-z]+)$/)?.[1]
  const fromExt: Format | undefined = ext === "txt"
    ? "text"
    : ([...REPORT_FORMATS, "json"] as const).find((f) => f === ext)
  const format = Option.getOrUndefined(args.format) ?? fromExt ?? (out === undefined ? "text" : undefined)
  if (format === undefined) {
    return Effect.fail(
      usage(
        `cannot tell the format from --out "${out}": use .html, .xlsx, .docx, .pdf, .md, .csv, .json or .txt, or give --format`
      )
    )
  }
  if ((format === "xlsx" || format === "docx" || format === "pdf") && out === undefined) {
    return Effect.fail(usage(`--format ${format} writes a binary file: give --out FILE.${format}`))
  }
  return Effect.succeed(format)
}

/** A renderer's failure: Chromium that cannot start is the user's to fix (exit 1); anything else is a defect. */
const renderFailure = (error: unknown) => {
  if (typeof error === "object" && error !== null && (error as { _tag?: unknown })._tag === "ChromiumError") {
    return error as { readonly _tag: "ChromiumError"; readonly message: string }
  }
  throw error
}

const rendered = (result: BannerResult, format: Format, args: TableArgs, dataFile: string) =>
  Effect.gen(function*() {
    // JSON and text: the cells the rendered table hides are nulled (suppressBanner), with `suppression: {k, hidden}`
    const k = Option.getOrUndefined(args.suppressBelow)
    const plain = k !== undefined ? suppressBanner(result, k) : result
    if (format === "json") return renderBannerJson(plain)
    if (format === "text") {
      return renderBannerText(plain, {
        lang: args.lang,
        color: Option.isNone(args.out) && colorEnabled(process.stdout)
      })
    }
    const Report = yield* Effect.promise(() => import("@danvan/report"))
    const doc = Report.buildBannerReport(result, {
      lang: args.lang,
      dataFile,
      ...(Option.isSome(args.decimal) ? { decimal: args.decimal.value } : {}),
      ...(Option.isSome(args.suppressBelow) ? { suppressBelow: args.suppressBelow.value } : {})
    })
    return yield* Effect.tryPromise({ try: () => Report.render(doc, format, result), catch: renderFailure })
  })

export const runTable = (args: TableArgs) =>
  Effect.gen(function*() {
    const format = yield* formatOf(args)
    const k = Option.getOrUndefined(args.suppressBelow)
    if (k !== undefined && k < 1) return yield* Effect.fail(usage(`--suppress-below must be at least 1, got ${k}`))
    const out = Option.getOrUndefined(args.out)
    if (out !== undefined) yield* checkWritable(out)
    const rows = yield* names("rows", args.rows)
    const cols = yield* names("cols", args.cols)
    const nets = yield* Effect.forEach(args.net, parseNet)
    const weight = orUndefined(args.weight)
    const conflict = weightConflict(weight, args.noWeight)
    if (conflict !== undefined) return yield* Effect.fail(usage(conflict))
    const codebook = yield* optionalCodebook(args.codebook)
    const read = yield* readData(args.data, codebook, weight, args.sheet)
    const result = yield* bannerTable(read.dataset, read.codebook, rows, cols, {
      ...caseOptions(weight, args.missing, args.noWeight),
      nets
    })
    const body = yield* rendered(result, format, args, args.data)
    if (out === undefined) return yield* writeStdout(typeof body === "string" ? body : "")
    yield* writeTextFiles([{ path: out, text: body }])
    yield* writeStdout(`table written to ${resolve(out)} (${format}, ${args.lang})`)
  })
