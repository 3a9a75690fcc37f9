import { HttpServerResponse } from "@effect/platform"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { existsSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { Config } from "./config.js"
import { AnalysisTimeout, Busy, Unprocessable } from "./errors.js"
import { logEvent } from "./log.js"
import type { AnalysisTask } from "./worker/protocol.js"
import { WorkerPool, type Outcome } from "./worker/pool.js"

/**
 * The worker script, next to the module that holds this code once built: `apps/api/dist/analysis-worker.js`
 * for the API's own build, `apps/cli/dist/analysis-worker.js` inside the CLI's bundle (`danvan serve`); both
 * tsup configs emit it under that name.
 */
const WORKER_SCRIPT = new URL("./analysis-worker.js", import.meta.url)

/**
 * The analysis workers: `run` sends a task to the pool and turns its outcome into the response (the JSON
 * body, or a report document) or the API's error: 422 for an analysis that refuses the request, 503 `BUSY`
 * when the queue is full, 504 `ANALYSIS_TIMEOUT` over the time limit. A crashed worker is a defect (500).
 *
 * @example
 * const response = yield* (yield* AnalysisWorkers).run({ kind: "tableTest", counts: [[1, 2], [3, 4]], options: {} })
 */
export class AnalysisWorkers extends Context.Tag("@danvan/api/AnalysisWorkers")<
  AnalysisWorkers,
  { readonly run: (task: AnalysisTask) => Effect.Effect<HttpServerResponse.HttpServerResponse, Busy | AnalysisTimeout | Unprocessable> }
>() {
  /**
   * The pool sized by the server's Config. Releasing it (after the HTTP server has finished its in-flight
   * requests) waits for the analyses still running, then terminates the threads.
   *
   * @example
   * Layer.provide(AnalysisWorkers.layer()) // dist/analysis-worker.js next to this module
   */
  static readonly layer = (script: URL = WORKER_SCRIPT) =>
    Layer.scoped(
      AnalysisWorkers,
      Effect.gen(function* () {
        const config = yield* Config
        if (script.protocol === "file:" && !existsSync(fileURLToPath(script))) {
          return yield* Effect.dieMessage(`the analysis worker ${fileURLToPath(script)} is missing: build the API (npx tsup)`)
        }
        const pool = yield* Effect.acquireRelease(
          Effect.sync(
            () =>
              new WorkerPool({
                script,
                size: config.workers,
                queueSize: config.queueSize,
                timeoutMs: config.analysisTimeoutMs,
                onStart: (task, load) => logEvent("info", "analysis.start", { kind: task.kind, ...load })
              })
          ),
          (pool) => Effect.promise(() => pool.close())
        )
        return { run: (task: AnalysisTask) => Effect.flatMap(submit(pool, task), (outcome) => respond(pool, task, outcome)) }
      })
    )
}

/** The task's outcome; interrupting (the client closed the connection) cancels it in the pool. */
const submit = (pool: WorkerPool, task: AnalysisTask) =>
  Effect.async<Outcome>((resume) => {
    const { outcome, cancel } = pool.submit(task)
    void outcome.then((o) => resume(Effect.succeed(o)))
    return Effect.sync(cancel)
  })

const respond = (pool: WorkerPool, task: AnalysisTask, outcome: Outcome): Effect.Effect<HttpServerResponse.HttpServerResponse, Busy | AnalysisTimeout | Unprocessable> => {
  switch (outcome.kind) {
    case "busy":
      logEvent("warn", "analysis.busy", { kind: task.kind, ...pool.load })
      return Effect.fail(Busy.of({ workers: pool.load.workers, queueSize: pool.load.queueSize }))
    case "timeout":
      logEvent("warn", "analysis.timeout", { kind: task.kind, limitMs: outcome.ms })
      return Effect.fail(AnalysisTimeout.of(outcome.ms))
    case "crashed":
      return Effect.dieMessage(`analysis worker failed on a ${task.kind} task: ${outcome.message}`)
    case "done": {
      const reply = outcome.reply
      if (reply.ok) {
        return Effect.succeed(
          typeof reply.body === "string"
            ? HttpServerResponse.text(reply.body, { contentType: reply.contentType })
            : HttpServerResponse.uint8Array(reply.body, { contentType: reply.contentType })
        )
      }
      return reply.error === "analysis" ? Effect.fail(Unprocessable.of(reply.code, reply.message)) : Effect.dieMessage(`analysis worker failed on a ${task.kind} task: ${reply.message}`)
    }
  }
}
