import { crosstab, crosstabFromCounts, frequencies, likert, multipleResponse, multipleResponseSet, runPlan, type AnalysisError } from "@danvan/analysis"
import * as Either from "effect/Either"
import type { AnalysisTask, ReportFormat, TaskReply } from "./protocol.js"

const CONTENT_TYPES: Readonly<Record<ReportFormat, string>> = {
  html: "text/html; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  json: "application/json; charset=utf-8",
  md: "text/markdown; charset=utf-8",
  csv: "text/csv; charset=utf-8"
}

// The same JSON the HttpApi would write for the result object (its success schemas are Schema.Unknown).
const json = (value: unknown): TaskReply => ({ ok: true, body: JSON.stringify(value), contentType: "application/json" })
const refused = (e: AnalysisError): TaskReply => ({ ok: false, error: "analysis", code: e.code, message: e.message })
const reply = <A>(result: Either.Either<A, AnalysisError>): TaskReply => (Either.isRight(result) ? json(result.right) : refused(result.left))

/**
 * Runs one analysis task with the package functions (no statistics here) and returns the response body: what
 * an analysis worker does for each message. An AnalysisError comes back as a refusal (422); an exception is
 * left to the caller (a defect).
 *
 * @example
 * await runTask({ kind: "tableTest", counts: [[1, 2], [3, 4]], options: {} }) // { ok: true, body: "{...}", ... }
 */
export const runTask = async (task: AnalysisTask): Promise<TaskReply> => {
  switch (task.kind) {
    case "frequencies": {
      const results: Array<unknown> = []
      for (const name of task.variables) {
        const r = frequencies(task.dataset, task.codebook, name, task.options)
        if (Either.isLeft(r)) return refused(r.left)
        results.push(r.right)
      }
      return json(results)
    }
    case "crosstab":
      return reply(crosstab(task.dataset, task.codebook, task.row, task.col, task.options))
    case "multipleResponse": {
      const items = "items" in task.items ? Either.right({ items: task.items.items }) : multipleResponseSet(task.codebook, task.items.set)
      if (Either.isLeft(items)) return refused(items.left)
      return reply(multipleResponse(task.dataset, task.codebook, task.group, items.right.items, task.options))
    }
    case "likert":
      return reply(likert(task.dataset, task.codebook, task.which, task.by, task.options))
    case "tableTest":
      return reply(crosstabFromCounts(task.counts, task.options))
    case "report":
      return renderReport(task)
  }
}

/** Runs a plan and renders it with @danvan/report, as `danvan report` does. */
const renderReport = async (task: Extract<AnalysisTask, { kind: "report" }>): Promise<TaskReply> => {
  const result = runPlan(task.dataset, task.codebook, task.plan, { source: task.source })
  if (Either.isLeft(result)) return refused(result.left)
  // The report package is loaded only when a report is asked for: it brings vega and exceljs.
  const Report = await import("@danvan/report")
  const doc = Report.buildPlanReport(result.right, {
    lang: task.lang,
    dataFile: task.dataFile,
    ...(task.decimal !== undefined ? { decimal: task.decimal } : {}),
    ...(task.suppressBelow !== undefined ? { suppressBelow: task.suppressBelow } : {})
  })
  const body = await Report.render(doc, task.format, result.right)
  return { ok: true, body, contentType: CONTENT_TYPES[task.format] }
}
