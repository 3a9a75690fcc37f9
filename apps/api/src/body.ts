import { formatParseIssues, parseJsonText } from "@danvan/domain"
import { HttpServerRequest } from "@effect/platform"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import * as NodeHttpServerRequest from "@effect/platform-node/NodeHttpServerRequest"
import { Config } from "./config.js"
import { BadRequest, PayloadTooLarge } from "./errors.js"

const tooLarge = (limit: number) =>
  PayloadTooLarge.of("BODY_TOO_LARGE", `the request body is larger than the limit of ${limit} bytes (DANVAN_MAX_BODY_MB)`, { limitBytes: limit })

/**
 * The request body's bytes, refused with 413 as soon as it passes the configured limit (by its declared
 * Content-Length, or while it streams in), so an oversized upload is never held in memory whole.
 *
 * @example
 * const bytes = yield* readBody(request)
 */
export const readBody = (request: HttpServerRequest.HttpServerRequest) =>
  Effect.gen(function* () {
    const { maxBodyBytes } = yield* Config
    const declared = Number(request.headers["content-length"])
    if (Number.isFinite(declared) && declared > maxBodyBytes) return yield* Effect.fail(tooLarge(maxBodyBytes))
    // Read from Node's request directly: on passing the limit it is paused, not destroyed, so the 413 can
    // still be written on the same socket (the envelope middleware then closes the connection).
    const incoming = NodeHttpServerRequest.toIncomingMessage(request)
    return yield* Effect.async<Uint8Array, PayloadTooLarge | BadRequest>((resume) => {
      const chunks: Array<Buffer> = []
      let size = 0
      const cleanup = () => {
        incoming.off("data", onData)
        incoming.off("end", onEnd)
        incoming.off("error", onError)
        incoming.off("aborted", onAborted)
      }
      const onData = (chunk: Buffer) => {
        size += chunk.byteLength
        if (size > maxBodyBytes) {
          cleanup()
          incoming.pause()
          resume(Effect.fail(tooLarge(maxBodyBytes)))
        } else chunks.push(chunk)
      }
      const onEnd = () => {
        cleanup()
        resume(Effect.succeed(new Uint8Array(Buffer.concat(chunks, size))))
      }
      const onError = (e: Error) => {
        cleanup()
        resume(Effect.fail(BadRequest.of("BODY_UNREADABLE", `the request body could not be read: ${e.message}`)))
      }
      const onAborted = () => onError(new Error("the client closed the connection"))
      incoming.on("data", onData)
      incoming.on("end", onEnd)
      incoming.on("error", onError)
      incoming.on("aborted", onAborted)
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
  Effect.gen(function* () {
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
  const message = first === undefined ? "the body does not match the schema" : `${first.path}: ${first.message}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ""}`
  return Effect.fail(BadRequest.of("INVALID_BODY", message, { issues }))
}
