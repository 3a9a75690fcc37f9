import type { Codebook, Dataset } from "@danvan/domain"
import * as Effect from "effect/Effect"
import { Config } from "../config.js"
import { BadRequest, Unprocessable } from "../errors.js"
import type { TableRequest } from "../schemas.js"
import type { AnalysisTask, TableFormat } from "../worker/protocol.js"

type Body = typeof TableRequest.Type

const invalid = (path: string, message: string, issue: string) =>
  Effect.fail(BadRequest.of("INVALID_BODY", message, { issues: [{ path, message: issue }] }))

/**
 * The request's own checks, as the CLI's (400): `suppressBelow` applies to the report formats only. Under
 * `DANVAN_MIN_CELL` the JSON and text forms are refused (422 `SUPPRESSION_REQUIRES_REPORT`): they hold every
 * count, and a banner table's disclosure control (secondary suppression within each banner variable) is
 * @danvan/report's, applied by the report formats.
 */
const checkFormat = (format: TableFormat, body: Body) =>
  Effect.gen(function*() {
    const plain = format === "json" || format === "text"
    if (body.suppressBelow !== undefined && plain) {
      return yield* invalid(
        "$.suppressBelow",
        "suppressBelow applies to the report formats (html, xlsx, docx, pdf, md, csv)",
        `not with format ${format}`
      )
    }
    const { minCell } = yield* Config
    if (minCell > 1 && plain) {
      return yield* Effect.fail(
        Unprocessable.of(
          "SUPPRESSION_REQUIRES_REPORT",
          `this server hides counts below ${minCell} (DANVAN_MIN_CELL) and a banner table's ${format} holds every ` +
            `count: ask for a report format instead (format html, xlsx, docx, pdf, md or csv), which hides small ` +
            `cells with secondary suppression, or a report with a plan section {"kind": "table", ...}`,
          { minCell }
        )
      )
    }
  })

/**
 * The worker task of a banner-table request (`danvan table`), once its options are checked: the worker runs
 * `bannerTable` and answers its JSON, or renders it with @danvan/report as the CLI's `--format` does (the
 * dataset's name stands where the CLI shows the data file's path).
 *
 * @example
 * const task = yield* tableTask(dataset, codebook, "survey.csv", { rows: ["q1"], cols: ["level"] }, {})
 */
export const tableTask = (
  dataset: Dataset,
  codebook: Codebook | undefined,
  dataFile: string,
  body: Body,
  options: Extract<AnalysisTask, { kind: "table" }>["options"]
) =>
  Effect.gen(function*() {
    const format = body.format ?? "json"
    yield* checkFormat(format, body)
    const task: AnalysisTask = {
      kind: "table",
      dataset,
      codebook,
      rows: body.rows,
      cols: body.cols,
      options,
      render: {
        format,
        lang: body.lang ?? "en",
        dataFile,
        ...(body.decimal !== undefined ? { decimal: body.decimal } : {}),
        ...(body.suppressBelow !== undefined ? { suppressBelow: body.suppressBelow } : {})
      }
    }
    return task
  })
