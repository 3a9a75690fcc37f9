import { runPlan } from "@danvan/analysis"
import { builtinPlan, builtinPlanIds, decodeAnalysisPlan, type AnalysisPlan } from "@danvan/domain"
import { HttpServerResponse } from "@effect/platform"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { BadRequest, NotFound, Unprocessable } from "../errors.js"
import type { ReportRequest } from "../schemas.js"

const CONTENT_TYPES = {
  html: "text/html; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  json: "application/json; charset=utf-8",
  md: "text/markdown; charset=utf-8",
  csv: "text/csv; charset=utf-8"
} as const

/** The plan of a report request: a built-in id, or a plan object checked like a plan file (400 with JSON paths). */
const planOf = (plan: (typeof ReportRequest.Type)["plan"]): Effect.Effect<AnalysisPlan, BadRequest | NotFound> => {
  if (typeof plan === "string") {
    return builtinPlanIds().includes(plan) ? Effect.succeed(Either.getOrThrow(builtinPlan(plan))) : Effect.fail(NotFound.of("plan", plan))
  }
  const decoded = decodeAnalysisPlan(plan, "request body plan")
  return Either.isRight(decoded)
    ? Effect.succeed(decoded.right)
    : Effect.fail(BadRequest.of("INVALID_PLAN", decoded.left.message, { issues: decoded.left.issues.map((i) => ({ ...i, path: i.path.replace(/^\$/, "$.plan") })) }))
}

/**
 * Runs a plan on a stored dataset and renders it with @danvan/report, as `danvan report` does (the dataset's
 * name stands where the CLI shows the data file's path).
 *
 * @example
 * const response = yield* renderReport(dataset, codebook, "survey.csv", { plan: "hcmc-2024", format: "xlsx" })
 */
export const renderReport = (
  dataset: import("@danvan/domain").Dataset,
  codebook: import("@danvan/domain").Codebook | undefined,
  dataFile: string,
  body: typeof ReportRequest.Type
) =>
  Effect.gen(function* () {
    const plan = yield* planOf(body.plan)
    if (codebook === undefined) return yield* Effect.fail(Unprocessable.of("NO_CODEBOOK", "a report needs a dataset uploaded with a codebook (?codebook=ID)"))
    const result = yield* Effect.mapError(runPlan(dataset, codebook, plan, { source: typeof body.plan === "string" ? body.plan : plan.id }), (e) => Unprocessable.of(e.code, e.message))
    // The report package is loaded only when a report is asked for: it brings vega and exceljs.
    const Report = yield* Effect.promise(() => import("@danvan/report"))
    const doc = Report.buildPlanReport(result, {
      lang: body.lang ?? "en",
      dataFile,
      ...(body.decimal !== undefined ? { decimal: body.decimal } : {}),
      ...(body.suppressBelow !== undefined ? { suppressBelow: body.suppressBelow } : {})
    })
    const format = body.format ?? "html"
    const content: string | Uint8Array =
      format === "html"
        ? yield* Effect.promise(() => Report.renderHtml(doc))
        : format === "xlsx"
          ? yield* Effect.promise(() => Report.renderXlsx(doc))
          : format === "md"
            ? Report.renderMarkdown(doc)
            : format === "csv"
              ? Report.renderCsv(doc)
              : Report.renderJson(doc, result)
    return typeof content === "string"
      ? HttpServerResponse.text(content, { contentType: CONTENT_TYPES[format] })
      : HttpServerResponse.uint8Array(content, { contentType: CONTENT_TYPES[format] })
  })
