import { basename, resolve } from "node:path"
import { replicate, runPlan } from "@danvan/analysis"
import {
  builtinCodebook,
  builtinCodebookIds,
  builtinPlan,
  builtinPlanIds,
  checkPlanNames,
  codebookFromDataset,
  plainLabel
} from "@danvan/domain"
import { checkWritable, loadAnalysisPlan, loadCodebook, loadPublishedTables, writeTextFiles } from "@danvan/io"
import type * as Command from "@effect/cli/Command"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import type { reportOptions } from "../commands/report.js"
import { UsageError } from "../errors.js"
import { writeStdout } from "../terminal.js"
import { planForData } from "./autoPlan.js"
import { readData } from "./common.js"
import { designOf } from "./design.js"
import { recipeOption } from "./recipe.js"
import { planExcerpts, writeChartFiles } from "./reportFiles.js"

export type ReportArgs = Command.Command.ParseConfig<typeof reportOptions>

const usage = (message: string) => new UsageError({ command: "report", message })

/** A renderer's failure: Chromium that cannot start is the user's to fix (exit 1); anything else is a defect. */
const renderFailure = (error: unknown) => {
  if (typeof error === "object" && error !== null && (error as { _tag?: unknown })._tag === "ChromiumError") {
    return error as { readonly _tag: "ChromiumError"; readonly message: string }
  }
  throw error
}

/**
 * `danvan report`: checks the command line and the output path, builds the report (plan on data, or published
 * tables), writes it atomically and prints its absolute path.
 *
 * @example
 * yield* runReport(args) // "report written to /abs/report.html (html, vi: 5 sections, 6 tables, 4 charts)"
 */
export const runReport = (args: ReportArgs) =>
  Effect.gen(function*() {
    // Everything about the command line first (exit 2), then the output path (exit 1), all before any work.
    const Report = yield* Effect.promise(() => import("@danvan/report"))
    const format = Option.getOrUndefined(args.format) ?? Report.reportFormatOf(args.out)
    if (format === undefined) {
      return yield* Effect.fail(
        usage(
          `cannot tell the format from --out "${args.out}": use .html, .xlsx, .docx, .pdf, .md, .csv or .json, or give --format`
        )
      )
    }
    const k = Option.getOrUndefined(args.suppressBelow)
    if (k !== undefined && k < 1) return yield* Effect.fail(usage(`--suppress-below must be at least 1, got ${k}`))
    const published = Option.getOrUndefined(args.published)
    const fromData = Option.isSome(args.data) || Option.isSome(args.plan) || Option.isSome(args.by)
    if (published !== undefined && fromData) {
      return yield* Effect.fail(
        usage("give either published tables (danvan report hcmc-2024) or --data with --plan or --by, not both")
      )
    }
    if (Option.isSome(args.plan) && Option.isSome(args.by)) {
      return yield* Effect.fail(
        usage("give either --plan FILE|ID or --by VAR (which builds the plan from the codebook), not both")
      )
    }
    if (
      published === undefined && !(Option.isSome(args.data) && (Option.isSome(args.plan) || Option.isSome(args.by)))
    ) {
      return yield* Effect.fail(
        usage(
          "give --data FILE with --by VAR (plan built from the codebook) or --plan FILE|ID, or published tables (danvan report hcmc-2024)"
        )
      )
    }
    const weight = Option.getOrUndefined(args.weight)
    if (weight !== undefined && args.noWeight) {
      return yield* Effect.fail(usage(`give --weight ${weight} or --no-weight, not both`))
    }
    if (published !== undefined && (weight !== undefined || args.noWeight)) {
      return yield* Effect.fail(usage("--weight and --no-weight apply to --data only"))
    }
    const design = designOf(args)
    if (published !== undefined && Object.keys(design.choice).length > 0) {
      return yield* Effect.fail(
        usage("--strata, --cluster, --fpc, --weight-mode and --lonely-psu apply to --data only")
      )
    }
    const weightChoice = {
      ...(weight !== undefined ? { weight } : {}),
      ...(args.noWeight ? { noWeight: true } : {}),
      ...design.choice
    }
    yield* checkWritable(args.out)
    const options = {
      lang: args.lang,
      ...(Option.isSome(args.decimal) ? { decimal: args.decimal.value } : {}),
      ...(k !== undefined ? { suppressBelow: k } : {}),
      ...(Option.isSome(args.detail) ? { detail: args.detail.value } : {})
    }

    let doc: import("@danvan/report").ReportDocument
    let results: unknown
    if (published !== undefined) {
      const tables = yield* loadPublishedTables(published)
      const codebook = builtinCodebookIds().includes(published)
        ? Either.getOrUndefined(builtinCodebook(published))
        : undefined
      const result = replicate(tables, codebook !== undefined ? { codebook } : {})
      // The built-in plan of the same id titles the built-in tables in both languages
      // (its section ids are the table ids).
      const plan = builtinPlanIds().includes(published) ? Either.getOrUndefined(builtinPlan(published)) : undefined
      const titles = Object.fromEntries(
        (plan?.sections ?? []).flatMap((s) => (s.title !== undefined ? [[s.id, s.title]] : []))
      )
      doc = Report.buildPublishedReport(result, { ...options, titles })
      results = result
    } else if (Option.isSome(args.by)) {
      const dataFile = Option.getOrElse(args.data, () => "")
      const { read, codebook, plan } = yield* planForData(dataFile, args.codebook, args.by.value, args.sheet, weight)
      const result = yield* runPlan(read.dataset, codebook, plan, {
        source: `the plan built for ${dataFile}`,
        ...weightChoice
      })
      doc = Report.buildPlanReport(result, { ...options, dataFile, ...recipeOption(read.recipe) })
      results = result
    } else {
      const planRef = Option.getOrElse(args.plan, () => "")
      const plan = yield* loadAnalysisPlan(planRef)
      // A built-in plan names its built-in codebook; a plan file needs --codebook unless it names a built-in one.
      const codebookRef = Option.getOrUndefined(args.codebook) ??
        (plan.codebook !== undefined && builtinCodebookIds().includes(plan.codebook) ? plan.codebook : undefined)
      const dataFile = Option.getOrElse(args.data, () => "")
      // Without --codebook: a .sav file's dictionary, else a codebook read off the data's columns (as plan init does).
      const given = codebookRef !== undefined ? yield* loadCodebook(codebookRef) : undefined
      if (given !== undefined) yield* checkPlanNames(plan, given, planRef)
      const fpc = design.choice.fpc ?? plan.design?.fpc
      const read = yield* readData(
        dataFile,
        given,
        weight ?? plan.weight ?? undefined,
        args.sheet,
        undefined,
        fpc !== undefined ? [fpc] : []
      )
      const codebook = read.codebook ??
        codebookFromDataset(read.dataset, { id: "data", title: plainLabel(basename(dataFile)) })
      if (given === undefined) yield* checkPlanNames(plan, codebook, planRef)
      const result = yield* runPlan(read.dataset, codebook, plan, { source: planRef, ...weightChoice })
      const excerpts = yield* planExcerpts(plan, planRef)
      doc = Report.buildPlanReport(result, { ...options, dataFile, excerpts, ...recipeOption(read.recipe) })
      results = result
    }
    const bytes = yield* Effect.tryPromise({ try: () => Report.render(doc, format, results), catch: renderFailure })
    yield* writeTextFiles([{ path: args.out, text: bytes }])
    const chartFiles = Option.isSome(args.charts) ? yield* writeChartFiles(doc, args.charts.value) : 0
    const tables = Report.tablesOf(doc).length
    const charts = Report.chartsOf(doc).length
    const hidden = doc.suppression !== undefined
      ? `, ${doc.suppression.cells} cells hidden (counts below ${doc.suppression.k})`
      : ""
    yield* writeStdout(
      `report written to ${
        resolve(args.out)
      } (${format}, ${doc.lang}: ${doc.sections.length} sections, ${tables} tables${
        format === "html" || format === "docx" || format === "pdf" ? `, ${charts} charts` : ""
      }${hidden})` +
        (chartFiles > 0
          ? `\n${chartFiles} chart files (SVG and PNG, 300 dpi) written to ${
            resolve(Option.getOrElse(args.charts, () => ""))
          }`
          : "")
    )
  })
