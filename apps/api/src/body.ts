import { formatParseIssues, parseJsonText } from "@danvan/domain"
import { HttpServerRequest } from "@effect/platform"
import * as NodeHttpServerRequest from "@effect/platform-node/NodeHttpServerRequest"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { BodyBudget } from "./budget.js"
import { Config } from "./config.js"
import { BadRequest, PayloadTooLarge, RequestTimeout, UploadsBusy } from "./errors.js"
import { logEvent } from "./log.js"

const tooLarge = (limit: number) =>
  PayloadTooLarge.of(
    "BODY_TOO_LARGE",
    `the request body is larger than the limit of ${limit} bytes (DANVAN_MAX_BODY_MB)`,
    { limitBytes: limit }
  )

/**
 * The request body's bytes, refused with 413 as soon as it passes the configured limit (by its declared
 * Content-Length, or while it streams in), so an oversized upload is never held in memory whole. A body that
 * sends nothing for `DANVAN_BODY_IDLE_TIMEOUT_MS`, or is still arriving after `DANVAN_BODY_TIMEOUT_MS`, is cut
 * with 408; one that would take the bytes held by all bodies in flight past `DANVAN_UPLOAD_MEMORY_MB` is
 * refused with 503 `UPLOADS_BUSY` (the envelope middleware closes the connection after each of these).
 *
 * @example
 * const bytes = yield* readBody(request)
 */
export const readBody = (request: HttpServerRequest.HttpServerRequest) =>
  Effect.gen(function*() {
    const config = yield* Config
    const budget = yield* BodyBudget
    const { maxBodyBytes } = config
    const declared = Number(request.headers["content-length"])
    if (Number.isFinite(declared) && declared > maxBodyBytes) return yield* Effect.fail(tooLarge(maxBodyBytes))
    // Read from Node's request directly: on passing the limit it is paused, not destroyed, so the 413 can
    // still be written on the same socket (the envelope middleware then closes the connection).
    const incoming = NodeHttpServerRequest.toIncomingMessage(request)
    return yield* Effect.async<Uint8Array, PayloadTooLarge | BadRequest | RequestTimeout | UploadsBusy>((resume) => {
      const chunks: Array<Buffer> = []
      let size = 0
      let held = 0
      let idleTimer: ReturnType<typeof setTimeout> | undefined
      const cleanup = () => {
        incoming.off("data", onData)
        incoming.off("end", onEnd)
        incoming.off("error", onError)
        incoming.off("aborted", onAborted)
        clearTimeout(idleTimer)
        clearTimeout(totalTimer)
        budget.release(held)
        held = 0
      }
      const stop = (error: PayloadTooLarge | BadRequest | RequestTimeout | UploadsBusy) => {
        cleanup()
        incoming.pause()
        resume(Effect.fail(error))
      }
      const armIdle = () => {
        clearTimeout(idleTimer)
        idleTimer = setTimeout(() => {
          logEvent("warn", "body.timeout", { kind: "idle", received: size, limitMs: config.bodyIdleTimeoutMs })
          stop(
            RequestTimeout.of(
              "BODY_IDLE_TIMEOUT",
              `the request body sent nothing for ${config.bodyIdleTimeoutMs} ms (DANVAN_BODY_IDLE_TIMEOUT_MS) and was cut after ${size} bytes`,
              { limitMs: config.bodyIdleTimeoutMs }
            )
          )
        }, config.bodyIdleTimeoutMs)
      }
      const totalTimer = setTimeout(() => {
        logEvent("warn", "body.timeout", { kind: "total", received: size, limitMs: config.bodyTimeoutMs })
        stop(
          RequestTimeout.of(
            "BODY_TIMEOUT",
            `the request body took longer than ${config.bodyTimeoutMs} ms (DANVAN_BODY_TIMEOUT_MS) and was cut after ${size} bytes`,
            { limitMs: config.bodyTimeoutMs }
          )
        )
      }, config.bodyTimeoutMs)
      const take = (bytes: number): boolean => {
        if (bytes <= held) return true
        if (!budget.reserve(bytes - held)) return false
        held = bytes
        return true
      }
      const onData = (chunk: Buffer) => {
        size += chunk.byteLength
        if (size > maxBodyBytes) return stop(tooLarge(maxBodyBytes))
        if (!take(size)) return stop(UploadsBusy.of(budget.limit))
        chunks.push(chunk)
        armIdle()
      }
      const onEnd = () => {
        const bytes = new Uint8Array(Buffer.concat(chunks, size))
        cleanup()
        resume(Effect.succeed(bytes))
      }
      const onError = (e: Error) =>
        stop(BadRequest.of("BODY_UNREADABLE", `the request body could not be read: ${e.message}`))
      const onAborted = () => onError(new Error("the client closed the connection"))
      // The declared length is reserved up front, so a slow upload holds its share from the first byte.
      if (Number.isFinite(declared) && declared > 0 && !take(declared)) {
        stop(UploadsBusy.of(budget.limit))
        return Effect.void
      }
      incoming.on("data", onData)
      incoming.on("end", onEnd)
      incoming.on("error", onError)
      incoming.on("aborted", onAborted)
      armIdle()
      if (incoming.readableEnded) onEnd()
      return Effect.sync(cleanup)
    })
  })

/**
 * The body parsed as JSON and decoded with `schema`; a syntax error or a mismatch is a 400 whose details list
 * each problem's JSON path (`$.counts[1][0]`).
 *
 * @example
 * const payload = yield* readJson(request, CrosstabRequest)
 */
export const readJson = <A, I>(request: HttpServerRequest.HttpServerRequest, schema: Schema.Schema<A, I>) =>
  Effect.gen(function*() {
    const bytes = yield* readBody(request)
    const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes)
    const parsed = parseJsonText(text)
    if (Either.isLeft(parsed)) return yield* Effect.fail(BadRequest.of("INVALID_JSON", `the body is ${parsed.left}`))
    return yield* decodeOrBadRequest(schema, parsed.right)
  })

/**
 * `value` decoded with `schema`, or a 400 listing every problem with its JSON path.
 *
 * @example
 * const params = yield* decodeOrBadRequest(CrosstabRequest, { row: "level" })
 */
export const decodeOrBadRequest = <A, I>(schema: Schema.Schema<A, I>, value: unknown) => {
  const decoded = Schema.decodeUnknownEither(schema, { errors: "all", onExcessProperty: "error" })(value)
  if (Either.isRight(decoded)) return Effect.succeed(decoded.right)
  const issues = formatParseIssues(decoded.left)
  const first = issues[0]
  const message = first === undefined
    ? "the body does not match the schema"
    : `${first.path}: ${first.message}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ""}`
  return Effect.fail(BadRequest.of("INVALID_BODY", message, { issues }))
}
