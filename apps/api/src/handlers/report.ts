import {
  type AnalysisPlan,
  builtinPlan,
  builtinPlanIds,
  type Codebook,
  type Dataset,
  decodeAnalysisPlan
} from "@danvan/domain"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { BadRequest, NotFound, Unprocessable } from "../errors.js"
import type { ReportRequest } from "../schemas.js"
import type { AnalysisTask } from "../worker/protocol.js"

/** The plan of a report request: a built-in id, or a plan object checked like a plan file (400 with JSON paths). */
const planOf = (plan: (typeof ReportRequest.Type)["plan"]): Effect.Effect<AnalysisPlan, BadRequest | NotFound> => {
  if (typeof plan === "string") {
    return builtinPlanIds().includes(plan)
      ? Effect.succeed(Either.getOrThrow(builtinPlan(plan)))
      : Effect.fail(NotFound.of("plan", plan))
  }
  const decoded = decodeAnalysisPlan(plan, "request body plan")
  return Either.isRight(decoded)
    ? Effect.succeed(decoded.right)
    : Effect.fail(
      BadRequest.of("INVALID_PLAN", decoded.left.message, {
        issues: decoded.left.issues.map((i) => ({ ...i, path: i.path.replace(/^\$/, "$.plan") }))
      })
    )
}

/**
 * The worker task of a report request, once its plan is checked (400/404) and the dataset has a codebook
 * (422 `NO_CODEBOOK`): the worker runs the plan and renders it with @danvan/report, as `danvan report` does
 * (the dataset's name stands where the CLI shows the data file's path).
 *
 * @example
 * const task = yield* reportTask(dataset, codebook, "survey.csv", { plan: "hcmc-2024", format: "xlsx" })
 */
export const reportTask = (
  dataset: Dataset,
  codebook: Codebook | undefined,
  dataFile: string,
  body: typeof ReportRequest.Type
) =>
  Effect.gen(function*() {
    const plan = yield* planOf(body.plan)
    if (codebook === undefined) {
      return yield* Effect.fail(
        Unprocessable.of("NO_CODEBOOK", "a report needs a dataset uploaded with a codebook (?codebook=ID)")
      )
    }
    const task: AnalysisTask = {
      kind: "report",
      dataset,
      codebook,
      plan,
      source: typeof body.plan === "string" ? body.plan : plan.id,
      format: body.format ?? "html",
      lang: body.lang ?? "en",
      dataFile,
      decimal: body.decimal,
      suppressBelow: body.suppressBelow
    }
    return task
  })
