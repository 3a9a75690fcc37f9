import type { Codebook, Dataset } from "@danvan/domain"
import * as Effect from "effect/Effect"
import type { TableRequest } from "../schemas.js"
import type { AnalysisTask } from "../worker/protocol.js"

type Body = typeof TableRequest.Type

/**
 * The worker task of a banner-table request (`danvan table`): the worker runs `bannerTable` and answers its JSON,
 * or renders it with @danvan/report as the CLI's `--format` does (the dataset's name stands where the CLI shows
 * the data file's path). `suppressBelow` (and the server's DANVAN_MIN_CELL, a floor under it) applies to every
 * format: JSON and text null and mark the cells the rendered table hides, with `suppression: {k, hidden}`.
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
  Effect.sync(() => {
    const format = body.format ?? "json"
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
