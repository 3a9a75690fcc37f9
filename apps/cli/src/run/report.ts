import type * as Command from "@effect/cli/Command"
import { replicate, runPlan } from "@danvan/analysis"
import { builtinCodebook, builtinCodebookIds, builtinPlan, builtinPlanIds, checkPlanNames } from "@danvan/domain"
import { checkWritable, loadAnalysisPlan, loadCodebook, loadPublishedTables, writeTextFiles } from "@danvan/io"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import { resolve } from "node:path"
import type { reportOptions } from "../commands/report.js"
import { UsageError } from "../errors.js"
import { writeStdout } from "../terminal.js"
import { readData } from "./common.js"

export type ReportArgs = Command.Command.ParseConfig<typeof reportOptions>

const usage = (message: string) => new UsageError({ command: "report", message })

/**
 * `danvan report`: checks the command line and the output path, builds the report (plan on data, or published tables), writes it atomically and prints its absolute path.
 *
 * @example
 * yield* runReport(args) // "report written to /abs/report.html (html, vi: 5 sections, 6 tables, 4 charts)"
 */
export const runReport = (args: ReportArgs) =>
  Effect.gen(function* () {
    // Everything about the command line first (exit 2), then the output path (exit 1), all before any work.
    const Report = yield* Effect.promise(() => import("@danvan/report"))
    const format = Option.getOrUndefined(args.format) ?? Report.reportFormatOf(args.out)
    if (format === undefined) return yield* Effect.fail(usage(`cannot tell the format from --out "${args.out}": use .html, .xlsx, .md, .csv or .json, or give --format`))
    const k = Option.getOrUndefined(args.suppressBelow)
    if (k !== undefined && k < 1) return yield* Effect.fail(usage(`--suppress-below must be at least 1, got ${k}`))
    const published = Option.getOrUndefined(args.published)
    const fromData = Option.isSome(args.data) || Option.isSome(args.plan)
    if (published !== undefined && fromData) return yield* Effect.fail(usage("give either published tables (danvan report hcmc-2024) or --data with --plan, not both"))
    if (published === undefined && !(Option.isSome(args.data) && Option.isSome(args.plan))) {
      return yield* Effect.fail(usage("give --data FILE.csv --codebook FILE|ID --plan FILE|ID, or published tables (danvan report hcmc-2024)"))
    }
    yield* checkWritable(args.out)
    const options = {
      lang: args.lang,
      ...(Option.isSome(args.decimal) ? { decimal: args.decimal.value } : {}),
      ...(k !== undefined ? { suppressBelow: k } : {})
    }

    let doc: import("@danvan/report").ReportDocument
    let results: unknown
    if (published !== undefined) {
      const tables = yield* loadPublishedTables(published)
      const codebook = builtinCodebookIds().includes(published) ? Either.getOrUndefined(builtinCodebook(published)) : undefined
      const result = replicate(tables, codebook !== undefined ? { codebook } : {})
      // The built-in plan of the same id titles the built-in tables in both languages (its section ids are the table ids).
      const plan = builtinPlanIds().includes(published) ? Either.getOrUndefined(builtinPlan(published)) : undefined
      const titles = Object.fromEntries((plan?.sections ?? []).flatMap((s) => (s.title !== undefined ? [[s.id, s.title]] : [])))
      doc = Report.buildPublishedReport(result, { ...options, titles })
      results = result
    } else {
      const planRef = Option.getOrElse(args.plan, () => "")
      const plan = yield* loadAnalysisPlan(planRef)
      // A built-in plan names its built-in codebook; a plan file needs --codebook unless it names a built-in one.
      const codebookRef = Option.getOrUndefined(args.codebook) ?? (plan.codebook !== undefined && builtinCodebookIds().includes(plan.codebook) ? plan.codebook : undefined)
      if (codebookRef === undefined) return yield* Effect.fail(usage(`--codebook FILE|ID is needed: plan ${planRef} names no built-in codebook`))
      const codebook = yield* loadCodebook(codebookRef)
      yield* checkPlanNames(plan, codebook, planRef)
      const dataFile = Option.getOrElse(args.data, () => "")
      const read = yield* readData(dataFile, codebook, undefined, args.sheet)
      const result = yield* runPlan(read.dataset, codebook, plan, { source: planRef })
      doc = Report.buildPlanReport(result, { ...options, dataFile })
      results = result
    }
    const bytes = yield* Effect.promise(() => Report.render(doc, format, results))
    yield* writeTextFiles([{ path: args.out, text: bytes }])
    const tables = Report.tablesOf(doc).length
    const charts = Report.chartsOf(doc).length
    const hidden = doc.suppression !== undefined ? `, ${doc.suppression.cells} cells hidden (counts below ${doc.suppression.k})` : ""
    yield* writeStdout(`report written to ${resolve(args.out)} (${format}, ${doc.lang}: ${doc.sections.length} sections, ${tables} tables${format === "html" ? `, ${charts} charts` : ""}${hidden})`)
  })
