import {
  type AnalysisError,
  crosstab,
  crosstabFromCounts,
  describeVariable,
  frequencies,
  layeredCrosstab,
  likert,
  means,
  multipleResponse,
  multipleResponseSet,
  runPlan
} from "@danvan/analysis"
import * as Either from "effect/Either"
import type { AnalysisTask, TaskReply } from "./protocol.js"
import { renderedOrUnavailable, runTable } from "./table.js"
import { parseUpload } from "./upload.js"

// The same JSON the HttpApi would write for the result object (its success schemas are Schema.Unknown).
const json = (value: unknown): TaskReply => ({ ok: true, body: JSON.stringify(value), contentType: "application/json" })
const refused = (e: AnalysisError): TaskReply => ({ ok: false, error: "analysis", code: e.code, message: e.message })
const reply = <A>(result: Either.Either<A, AnalysisError>): TaskReply =>
  Either.isRight(result) ? json(result.right) : refused(result.left)

/**
 * Runs one analysis task with the package functions (no statistics here) and returns the response body: what
 * an analysis worker does for each message. An AnalysisError comes back as a refusal (422); an exception is
 * left to the caller (a defect).
 *
 * @example
 * await runTask({ kind: "tableTest", counts: [[1, 2], [3, 4]], options: {} }) // { ok: true, body: "{...}", ... }
 */
export const runTask = async (task: AnalysisTask): Promise<TaskReply> => {
  const reply = await runTaskOnly(task)
  const minCell = task.minCell ?? 0
  if (
    minCell <= 1 ||
    task.kind === "report" ||
    task.kind === "tableTest" ||
    // a banner table applies its own disclosure control (worker/table.ts: suppressBanner, or the rendered table's)
    task.kind === "table" ||
    !reply.ok ||
    !("body" in reply) ||
    typeof reply.body !== "string"
  ) {
    return reply
  }
  return { ...reply, body: await withSuppression(reply.body, minCell) }
}

/**
 * The result with the server's minimum cell size applied (@danvan/report's disclosure control) and stated:
 * `"suppression": {"minCell", "cells"}` on each result object (`cells`: how many counts were hidden).
 */
const withSuppression = async (body: string, minCell: number): Promise<string> => {
  const { suppressResult } = await import("@danvan/report")
  const value = JSON.parse(body) as unknown
  const results = Array.isArray(value) ? value : [value]
  for (const result of results) {
    if (typeof result === "object" && result !== null) {
      ;(result as Record<string, unknown>)["suppression"] = { minCell, cells: suppressResult(result, minCell) }
    }
  }
  return JSON.stringify(value)
}

const runTaskOnly = async (task: AnalysisTask): Promise<TaskReply> => {
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
      return task.layer !== undefined
        ? reply(layeredCrosstab(task.dataset, task.codebook, task.row, task.col, task.layer, task.options))
        : reply(crosstab(task.dataset, task.codebook, task.row, task.col, task.options))
    case "means":
      return reply(means(task.dataset, task.codebook, task.variable, task.by, task.options))
    case "describe": {
      const results: Array<unknown> = []
      for (const name of task.variables) {
        const r = describeVariable(task.dataset, task.codebook, name, task.options)
        if (Either.isLeft(r)) return refused(r.left)
        results.push(r.right)
      }
      return json(results)
    }
    case "multipleResponse": {
      const items = "items" in task.items
        ? Either.right({ items: task.items.items })
        : multipleResponseSet(task.codebook, task.items.set)
      if (Either.isLeft(items)) return refused(items.left)
      return reply(multipleResponse(task.dataset, task.codebook, task.group, items.right.items, task.options))
    }
    case "likert":
      return reply(likert(task.dataset, task.codebook, task.which, task.by, task.options))
    case "table":
      return runTable(task)
    case "tableTest":
      return reply(crosstabFromCounts(task.counts, task.options))
    case "report":
      return renderReport(task)
    case "parseUpload": {
      const parsed = await parseUpload(task)
      return Either.isRight(parsed)
        ? { ok: true, upload: parsed.right }
        : { ok: false, error: "upload", refusal: parsed.left }
    }
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
    // The server's minimum cell size is a floor under the request's own suppressBelow.
    ...(task.suppressBelow !== undefined || (task.minCell ?? 0) > 1
      ? { suppressBelow: Math.max(task.suppressBelow ?? 0, task.minCell ?? 0) }
      : {})
  })
  return renderedOrUnavailable(() => Report.render(doc, task.format, result.right), task.format)
}
