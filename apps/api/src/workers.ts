import { existsSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { HttpServerResponse } from "@effect/platform"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { Config } from "./config.js"
import { AnalysisTimeout, BadRequest, Busy, PayloadTooLarge, Unprocessable } from "./errors.js"
import { logEvent } from "./log.js"
import { type Outcome, WorkerPool } from "./worker/pool.js"
import type { AnalysisTask, TaskReply } from "./worker/protocol.js"
import type { ParsedUpload, UploadTask } from "./worker/upload.js"

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
  {
    readonly run: (
      task: AnalysisTask
    ) => Effect.Effect<HttpServerResponse.HttpServerResponse, Busy | AnalysisTimeout | Unprocessable>
    /** Reads an upload on a worker (the body's buffer is moved to it): the parsed columns, or its refusal. */
    readonly parse: (
      task: UploadTask
    ) => Effect.Effect<ParsedUpload, Busy | AnalysisTimeout | BadRequest | PayloadTooLarge | Unprocessable>
  }
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
      Effect.gen(function*() {
        const config = yield* Config
        if (script.protocol === "file:" && !existsSync(fileURLToPath(script))) {
          return yield* Effect.dieMessage(
            `the analysis worker ${fileURLToPath(script)} is missing: build the API (npx tsup)`
          )
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
        return {
          run: (task: AnalysisTask) => Effect.flatMap(submit(pool, task), (outcome) => respond(pool, task, outcome)),
          parse: (task: UploadTask) =>
            Effect.suspend(() => {
              const body = owned(task.body)
              return Effect.flatMap(
                submit(pool, { ...task, body }, [body.buffer]),
                (outcome) => parsed(pool, task, outcome)
              )
            })
        }
      })
    )
}

/** `bytes` over an ArrayBuffer of its own, so it can be moved (a view of Node's Buffer pool is copied first). */
const owned = (bytes: Uint8Array): Uint8Array<ArrayBuffer> =>
  bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
    ? (bytes as Uint8Array<ArrayBuffer>)
    : bytes.slice()

/** The task's outcome; interrupting (the client closed the connection) cancels it in the pool. */
const submit = (pool: WorkerPool, task: AnalysisTask, transfer: ReadonlyArray<ArrayBuffer> = []) =>
  Effect.async<Outcome>((resume) => {
    const { outcome, cancel } = pool.submit(task, transfer)
    void outcome.then((o) => resume(Effect.succeed(o)))
    return Effect.sync(cancel)
  })

/** Fails with the error every task kind shares for a busy pool, a timeout or a crash; the reply otherwise. */
const replyOf = (
  pool: WorkerPool,
  task: AnalysisTask,
  outcome: Outcome
): Effect.Effect<TaskReply, Busy | AnalysisTimeout> => {
  switch (outcome.kind) {
    case "busy":
      logEvent("warn", "analysis.busy", { kind: task.kind, ...pool.load })
      return Effect.fail(Busy.of({ workers: pool.load.workers, queueSize: pool.load.queueSize }))
    case "timeout":
      logEvent("warn", "analysis.timeout", { kind: task.kind, limitMs: outcome.ms })
      return Effect.fail(AnalysisTimeout.of(outcome.ms))
    case "crashed":
      return Effect.dieMessage(`analysis worker failed on a ${task.kind} task: ${outcome.message}`)
    case "done":
      return Effect.succeed(outcome.reply)
  }
}

const parsed = (pool: WorkerPool, task: UploadTask, outcome: Outcome) =>
  Effect.flatMap(
    replyOf(pool, task, outcome),
    (reply): Effect.Effect<ParsedUpload, Busy | AnalysisTimeout | BadRequest | PayloadTooLarge | Unprocessable> => {
      if (reply.ok && "upload" in reply) return Effect.succeed(reply.upload)
      if (!reply.ok && reply.error === "upload") {
        const { status, code, message, details } = reply.refusal
        return Effect.fail(
          status === 400
            ? BadRequest.of(code, message, details)
            : status === 413
            ? PayloadTooLarge.of(code, message, details)
            : Unprocessable.of(code, message, details)
        )
      }
      return Effect.dieMessage(`analysis worker failed on an upload: ${reply.ok ? "unexpected reply" : reply.message}`)
    }
  )

const respond = (
  pool: WorkerPool,
  task: AnalysisTask,
  outcome: Outcome
): Effect.Effect<HttpServerResponse.HttpServerResponse, Busy | AnalysisTimeout | Unprocessable> =>
  Effect.flatMap(replyOf(pool, task, outcome), (reply) => {
    if (reply.ok && "body" in reply) {
      return Effect.succeed(
        typeof reply.body === "string"
          ? HttpServerResponse.text(reply.body, { contentType: reply.contentType })
          : HttpServerResponse.uint8Array(reply.body, { contentType: reply.contentType })
      )
    }
    if (!reply.ok && reply.error === "analysis") {
      return Effect.fail(Unprocessable.of(reply.code, reply.message, reply.details))
    }
    return Effect.dieMessage(
      `analysis worker failed on a ${task.kind} task: ${
        reply.ok || reply.error === "upload" ? "unexpected reply" : reply.message
      }`
    )
  })
