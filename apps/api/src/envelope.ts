import { randomUUID } from "node:crypto"
import { jsonPath } from "@danvan/domain"
import { HttpApp, HttpIncomingMessage, HttpServerRequest, HttpServerResponse } from "@effect/platform"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import { errorJson, RETRY_AFTER_SECONDS } from "./errors.js"
import { logEvent } from "./log.js"

const CODES: Readonly<Record<number, string>> = {
  400: "BAD_REQUEST",
  401: "UNAUTHORIZED",
  404: "NOT_FOUND",
  405: "METHOD_NOT_ALLOWED",
  408: "REQUEST_TIMEOUT",
  413: "BODY_TOO_LARGE",
  422: "UNPROCESSABLE",
  499: "CLIENT_CLOSED",
  503: "UNAVAILABLE",
  504: "ANALYSIS_TIMEOUT"
}

const requestIdOf = (request: HttpServerRequest.HttpServerRequest): string => {
  const given = request.headers["x-request-id"]
  return given !== undefined && /^[\w.:-]{1,100}$/.test(given) ? given : randomUUID()
}

const bodyJson = (response: HttpServerResponse.HttpServerResponse): unknown => {
  if (response.body._tag !== "Uint8Array") return undefined
  try {
    return JSON.parse(new TextDecoder().decode(response.body.body)) as unknown
  } catch {
    return undefined
  }
}

const isEnvelope = (json: unknown): boolean =>
  typeof json === "object" && json !== null && "error" in json && typeof (json as { error: unknown }).error === "object"

interface DecodeIssue {
  readonly path: ReadonlyArray<PropertyKey>
  readonly message: string
}

/**
 * Rewrites an error response that did not come from a handler's own errors (no route, a path or query
 * parameter that fails its schema, an internal failure) into the API's envelope `{error: {code, message,
 * details}}`, so every error a client sees has one shape.
 */
const normalize = (response: HttpServerResponse.HttpServerResponse, request: HttpServerRequest.HttpServerRequest) => {
  if (response.status < 400) return response
  const json = bodyJson(response)
  if (isEnvelope(json)) return response
  const status = response.status >= 500 && response.status !== 503 ? 500 : response.status
  let envelope = errorJson(
    CODES[status] ?? "INTERNAL",
    status === 500 ? "internal error (logged with this request's id)" : `request failed with status ${status}`
  )
  if (status === 404) envelope = errorJson("NOT_FOUND", `no route ${request.method} ${request.url.split("?")[0]}`)
  const tagged = json as { _tag?: unknown; issues?: ReadonlyArray<DecodeIssue>; message?: unknown } | undefined
  if (status === 400 && tagged?._tag === "HttpApiDecodeError") {
    const issues = (tagged.issues ?? []).map((i) => ({ path: jsonPath(i.path), message: i.message }))
    const first = issues[0]
    envelope = errorJson(
      "INVALID_REQUEST",
      first !== undefined ? `${first.path}: ${first.message}` : String(tagged.message),
      { issues }
    )
  }
  return HttpServerResponse.unsafeJson(envelope, { status })
}

/**
 * The server-wide middleware: a request id (the client's `X-Request-Id` when sane, else a new UUID) on the
 * response and on one JSON log line per request; the error envelope; an internal failure becomes a logged 500
 * that shows no stack. Body size is limited by the handlers themselves (see body.ts), so the platform's own
 * limit is lifted here.
 *
 * @example
 * HttpApiBuilder.serve(envelope)
 */
export const envelope = (app: HttpApp.Default): HttpApp.Default =>
  Effect.gen(function*() {
    const request = yield* HttpServerRequest.HttpServerRequest
    const requestId = requestIdOf(request)
    const started = performance.now()
    // The platform writes the response before a middleware's result is seen: rewrite it in a pre-response handler.
    yield* HttpApp.appendPreResponseHandler((req, raw) =>
      Effect.sync(() => {
        const response = normalize(raw, req)
        // 503 (busy) and 504 (analysis timeout) are load, not bugs: a warning, not an error.
        logEvent(
          response.status === 503 || response.status === 504 ? "warn" : response.status >= 500 ? "error" : "info",
          "request",
          {
            requestId,
            method: req.method,
            path: req.url.split("?")[0],
            status: response.status,
            ms: Math.round((performance.now() - started) * 10) / 10
          }
        )
        let withId = HttpServerResponse.setHeader(response, "x-request-id", requestId)
        // A 503 (analysis queue full, database down) is temporary: tell the client when to try again.
        if (response.status === 503 && response.headers["retry-after"] === undefined) {
          withId = HttpServerResponse.setHeader(withId, "retry-after", String(RETRY_AFTER_SECONDS))
        }
        // A refused or cut body may still be arriving (or stalled): close the connection rather than read the rest.
        return response.status === 413 || response.status === 408 || response.status === 503
          ? HttpServerResponse.setHeader(withId, "connection", "close")
          : withId
      })
    )
    return yield* app.pipe(
      Effect.tapErrorCause((cause) => {
        const failure = Cause.failureOption(cause)
        const tag = Option.isSome(failure) && typeof failure.value === "object" && failure.value !== null
          ? (failure.value as { _tag?: unknown })._tag
          : undefined
        if (!Cause.isInterruptedOnly(cause) && tag !== "RouteNotFound") {
          logEvent("error", "request.failed", { requestId, cause: Cause.pretty(cause) })
        }
        return Effect.void
      })
    )
  }).pipe(Effect.provideService(HttpIncomingMessage.MaxBodySize, Option.none()))
