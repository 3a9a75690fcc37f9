import { formatParseIssues, parseJsonText } from "@danvan/domain"
import { HttpServerRequest } from "@effect/platform"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"
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
    const chunks: Array<Uint8Array> = []
    let size = 0
    yield* Stream.runForEach(request.stream, (chunk) => {
      size += chunk.byteLength
      if (size > maxBodyBytes) return Effect.fail(tooLarge(maxBodyBytes))
      chunks.push(chunk)
      return Effect.void
    }).pipe(
      Effect.catchTag("RequestError", (e) => Effect.fail(BadRequest.of("BODY_UNREADABLE", `the request body could not be read: ${e.message}`)))
    )
    const bytes = new Uint8Array(size)
    let offset = 0
    for (const c of chunks) {
      bytes.set(c, offset)
      offset += c.byteLength
    }
    return bytes
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
    if (Either.isLeft(parsed)) return yield* Effect.fail(BadRequest.of("INVALID_JSON", `the body is not valid JSON: ${parsed.left}`))
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
