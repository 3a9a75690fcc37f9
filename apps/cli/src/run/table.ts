import { type BannerNet, bannerTable } from "@danvan/analysis"
import { renderBannerJson, renderBannerText } from "@danvan/report/text"
import type * as Command from "@effect/cli/Command"
import * as Effect from "effect/Effect"
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

export const runTable = (args: TableArgs) =>
  Effect.gen(function*() {
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
    yield* writeStdout(
      args.format === "json"
        ? renderBannerJson(result)
        : renderBannerText(result, { lang: args.lang, color: colorEnabled(process.stdout) })
    )
  })
